package org.spectlab.simulator.study;

import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.spectlab.core.error.InputException;
import org.spectlab.core.grid.Grid3;
import org.spectlab.core.io.AtomicFiles;
import org.spectlab.core.io.interfile.Interfile;
import org.spectlab.core.io.interfile.InterfileNumberFormat;
import org.spectlab.core.io.nifti.Nifti;
import org.spectlab.core.material.MaterialLibrary;
import org.spectlab.core.projection.AcquisitionGeometry;
import org.spectlab.core.projection.EnergyWindow;
import org.spectlab.core.projection.ProjectionSet;
import org.spectlab.phantoms.config.PhantomConfig;
import org.spectlab.phantoms.truth.TruthFolder;
import org.spectlab.simulator.ct.CtSimulator;
import org.spectlab.simulator.ct.CtWriter;
import org.spectlab.simulator.ct.MaterialMap;
import org.spectlab.simulator.ct.SimulatedCt;
import org.spectlab.simulator.run.BatchRunner;
import org.spectlab.simulator.spect.AnalogSimulation;
import org.spectlab.simulator.spect.CollimatorComponents;
import org.spectlab.simulator.spect.ForcedDetectionSimulation;
import org.spectlab.simulator.spect.PatientOutline;
import org.spectlab.simulator.spect.PhantomScenarios;
import org.spectlab.simulator.spect.SpectResult;
import org.spectlab.simulator.spect.SpectScenario;

/**
 * One SPECT study from a {@link StudyConfig} to a self-describing folder (the "study on disk" of the
 * architecture document), written whole or not at all:
 * <pre>
 * study.json                      manifest ({@link StudyManifest})
 * truth/                          {@link TruthFolder} + mu_&lt;E&gt;keV.nii at each photopeak energy (1/cm)
 * spect/&lt;window&gt;.hs/.s           Poisson counts, realisation 0 (uint16, float32 if a pixel exceeds 65535)
 * spect/noise_&lt;k&gt;/&lt;window&gt;.hs    realisations k = 1 .. noise_realisations - 1
 * spect/expected/&lt;window&gt;.hs      expected counts (float32): total, _primary, _scatter, and with
 *                                 camera.collimator_model: monte-carlo also _penetration,
 *                                 _collimator_scatter, _lead_xray (then primary and scatter are
 *                                 the photons that passed through the holes only), and with
 *                                 simulation.scatter_order_images also _scatter_order1,
 *                                 _scatter_order2, _scatter_order3plus (adding up to _scatter)
 * spect/spectrum.csv              detected spectrum ({@link SpectrumCsv})
 * ct/ct.nii                       simulated CT in HU ({@link CtSimulator}; unless ct.enabled is false)
 * </pre>
 * Counts are in counts per pixel over each view's acquisition time. With the same configuration and
 * seed every file except the timings in study.json is identical for any thread count.
 */
public final class SpectStudy {
    private SpectStudy() {
    }

    /**
     * What a run produced.
     *
     * @param folder            the study folder
     * @param result            the simulation result (expected projections)
     * @param files             files written, relative to the folder
     * @param phantomSeconds    phantom rendering time, s
     * @param simulationSeconds SPECT simulation time, s
     * @param ctSeconds         CT simulation time, s (0 without CT)
     * @param writeSeconds      writing time, s
     */
    public record Outcome(Path folder, SpectResult result, List<String> files, double phantomSeconds,
                          double simulationSeconds, double ctSeconds, double writeSeconds) {
    }

    /**
     * How the SPECT result of a study is obtained: a single run ({@link #simulate}), a run resumed
     * from a checkpoint, or the merge of parts computed elsewhere. Every way must give the result of
     * the single run, bit for bit; the rest of the study (truth, μ-maps, Poisson counts, CT,
     * manifest) is written by the same code whichever way is used.
     */
    @FunctionalInterface
    public interface SpectStage {
        /**
         * @param config   the configuration
         * @param scenario its scenario (phantom rendered)
         * @param threads  worker threads (results do not depend on it)
         * @return the complete result (every view and batch)
         */
        SpectResult simulate(StudyConfig config, SpectScenario scenario, int threads);
    }

    /** What {@code provenance.execution} of study.json says for a single uninterrupted run. */
    public static final String SINGLE_RUN = "single run";

    /**
     * Renders the phantom, simulates and writes the study folder.
     *
     * @param config          the configuration
     * @param threads         worker threads (results do not depend on it)
     * @param progress        told after each simulation batch
     * @param softwareVersion written into study.json
     * @param outDir          the study folder
     * @param force           replace a non-empty {@code outDir}
     */
    public static Outcome run(StudyConfig config, int threads, BatchRunner.ProgressListener progress,
                              String softwareVersion, Path outDir, boolean force) {
        return run(config, threads, (c, s, t) -> simulate(c, s, t, progress), SINGLE_RUN, softwareVersion, outDir,
                force);
    }

    /**
     * Renders the phantom, obtains the SPECT result from {@code stage}, simulates the CT and writes
     * the study folder. The single run, a resumed run and a merge of cluster parts all write through
     * here, so their data files are identical whenever their results are.
     *
     * @param config          the configuration
     * @param threads         worker threads (results do not depend on it)
     * @param stage           produces the SPECT result
     * @param execution       how the result was obtained, for {@code provenance.execution} in study.json
     * @param softwareVersion written into study.json
     * @param outDir          the study folder
     * @param force           replace a non-empty {@code outDir}
     */
    public static Outcome run(StudyConfig config, int threads, SpectStage stage, String execution,
                              String softwareVersion, Path outDir, boolean force) {
        StudyFolder.checkTarget(outDir, force);
        long t0 = System.nanoTime();
        PhantomConfig.Rendered rendered = config.phantom().render();
        SpectScenario scenario = scenario(config, rendered);
        long t1 = System.nanoTime();
        SpectResult result = stage.simulate(config, scenario, threads);
        long t2 = System.nanoTime();
        SimulatedCt ct = null;
        if (config.ct().enabled()) {
            Grid3 ctGrid = config.ct().grid(scenario.grid());
            ct = CtSimulator.simulate(MaterialMap.of(scenario.grid(), scenario.materialOfVoxel(), scenario.materials()),
                    ctGrid, config.ct().protocol(ctGrid, config.simulation().seed(), threads));
        }
        long t3 = System.nanoTime();
        Path tmp = StudyFolder.createTemp(outDir);
        try {
            List<String> files = writeData(config, rendered, scenario, result, tmp);
            if (ct != null) {
                CtWriter.write(ct.hu(), tmp);
                files.add(CtWriter.RELATIVE_PATH);
            }
            StudyManifest.Timings timings = new StudyManifest.Timings((t1 - t0) * 1e-9, (t2 - t1) * 1e-9,
                    (t3 - t2) * 1e-9, (System.nanoTime() - t3) * 1e-9);
            files.add(0, "study.json");
            AtomicFiles.writeString(tmp.resolve("study.json"), StudyManifest.json(config, scenario, result, ct,
                    softwareVersion, threads, timings, files, execution));
            StudyFolder.commit(tmp, outDir, force);
            tmp = null;
            return new Outcome(outDir, result, files, timings.phantomS(), timings.simulationS(), timings.ctS(),
                    (System.nanoTime() - t3) * 1e-9);
        } finally {
            StudyFolder.deleteTree(tmp);
        }
    }

    /**
     * The simulation scenario of a configuration and its rendered phantom: a body-contour orbit is
     * resolved around the patient's outline here, and every orbit is checked not to cut the patient
     * ({@link PatientOutline#requireOutside}).
     */
    public static SpectScenario scenario(StudyConfig config, PhantomConfig.Rendered rendered) {
        AcquisitionConfig a = config.acquisition();
        PatientOutline outline = PhantomScenarios.outline(rendered.phantom(), MaterialLibrary.builtIn());
        AcquisitionGeometry orbit = a.orbitAround(outline);
        outline.requireOutside(orbit);
        SpectScenario s = PhantomScenarios.of(rendered.phantom(), MaterialLibrary.builtIn(), config.nuclide(),
                config.camera().toCamera(), orbit, a.rows(), a.cols(), a.pixelSizeMm(), a.timePerViewS());
        return PhantomScenarios.withKinetics(s, rendered.scanKinetics());
    }

    /** Runs the configured mode. */
    public static SpectResult simulate(StudyConfig config, SpectScenario scenario, int threads,
                                       BatchRunner.ProgressListener progress) {
        var options = config.options(threads);
        return config.simulation().mode().equals(SimulationConfig.ANALOG)
                ? AnalogSimulation.run(scenario, options, progress)
                : ForcedDetectionSimulation.run(scenario, options, progress);
    }

    private static List<String> writeData(StudyConfig config, PhantomConfig.Rendered rendered, SpectScenario s,
                                          SpectResult r, Path dir) {
        List<String> files = new ArrayList<>();
        TruthFolder.write(rendered.phantom(), rendered.truth(), dir);
        for (String f : TruthFolder.FILES) {
            files.add("truth/" + f);
        }
        if (rendered.truth().cumulatedBqSPerMl() != null) {
            files.add("truth/" + TruthFolder.CUMULATED_FILE);
        }
        for (double e : muEnergiesKeV(config)) {
            String name = "truth/" + AttenuationMaps.fileName(e);
            Nifti.writeVolume(AttenuationMaps.muPerCm(s.grid(), s.materialOfVoxel(), s.materials(), e),
                    dir.resolve(name));
            files.add(name);
        }
        List<EnergyWindow> windows = r.windows();
        for (int w = 0; w < windows.size(); w++) {
            String n = windows.get(w).name();
            writeProjections(s, windows.get(w), r.total(w), dir, "spect/expected/" + n + ".hs", null, files);
            writeProjections(s, windows.get(w), r.primary().get(w), dir, "spect/expected/" + n + "_primary.hs", null,
                    files);
            writeProjections(s, windows.get(w), r.scatter().get(w), dir, "spect/expected/" + n + "_scatter.hs", null,
                    files);
            if (r.scatterByOrder() != null) {
                for (int o = 0; o < r.scatterByOrder().size(); o++) {
                    writeProjections(s, windows.get(w), r.scatterByOrder().get(o).get(w), dir,
                            "spect/expected/" + n + "_" + SpectResult.SCATTER_ORDERS.get(o) + ".hs", null, files);
                }
            }
            if (r.collimator() != null) {
                List<float[]> images = r.collimator().images(w);
                for (int c = 0; c < images.size(); c++) {
                    writeProjections(s, windows.get(w), images.get(c), dir,
                            "spect/expected/" + n + "_" + CollimatorComponents.NAMES.get(c) + ".hs", null, files);
                }
            }
        }
        long seed = config.simulation().seed();
        for (int k = 0; k < config.simulation().noiseRealisations(); k++) {
            UniformRandomProvider rng = PoissonCounts.stream(seed, k);
            String folder = k == 0 ? "spect/" : "spect/noise_" + k + "/";
            for (int w = 0; w < windows.size(); w++) {
                float[] counts = PoissonCounts.sample(r.total(w), rng);
                writeProjections(s, windows.get(w), counts, dir, folder + windows.get(w).name() + ".hs",
                        PoissonCounts.storageFormat(counts), files);
            }
        }
        AtomicFiles.writeString(dir.resolve("spect/spectrum.csv"), SpectrumCsv.text(r));
        files.add("spect/spectrum.csv");
        return files;
    }

    /** Energies of the μ-maps: the nuclide's default photopeaks, else the centres of the configured windows. */
    static List<Double> muEnergiesKeV(StudyConfig config) {
        List<Double> out = new ArrayList<>();
        for (DefaultWindows.Photopeak p : DefaultWindows.photopeaks(config.nuclide())) {
            out.add(p.energyKeV());
        }
        if (out.isEmpty()) {
            for (EnergyWindow w : config.camera().windows()) {
                out.add(w.centreKeV());
            }
        }
        Map<String, Double> byName = new LinkedHashMap<>();
        for (double e : out) {
            byName.putIfAbsent(AttenuationMaps.fileName(e), e);
        }
        return new ArrayList<>(byName.values());
    }

    private static void writeProjections(SpectScenario s, EnergyWindow window, float[] data, Path dir, String name,
                                         InterfileNumberFormat format, List<String> files) {
        ProjectionSet p = ProjectionSet.of(s.orbit(), s.rows(), s.cols(), s.pixelSizeMm(), s.pixelSizeMm(), window,
                s.timePerViewS(), data);
        Path header = dir.resolve(name);
        if (format == null) {
            Interfile.writeProjections(p, header);
        } else {
            Interfile.writeProjections(p, header, format, ByteOrder.LITTLE_ENDIAN);
        }
        files.add(name);
        files.add(name.substring(0, name.length() - 3) + ".s");
    }
}
