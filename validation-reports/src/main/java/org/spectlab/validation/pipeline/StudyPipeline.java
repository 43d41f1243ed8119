package org.spectlab.validation.pipeline;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.spectlab.core.error.InputException;
import org.spectlab.core.grid.LabelVolume;
import org.spectlab.core.io.nifti.Nifti;
import org.spectlab.core.projection.AcquisitionGeometry;
import org.spectlab.metrics.detection.TruthLesion;
import org.spectlab.metrics.io.TruthLesionsReader;
import org.spectlab.metrics.report.MetricsReport;
import org.spectlab.metrics.report.MetricsReportJson;
import org.spectlab.metrics.study.StudyScoring;
import org.spectlab.recon.localization.CtRegions;
import org.spectlab.recon.localization.Detection;
import org.spectlab.recon.localization.DetectionsJson;
import org.spectlab.recon.localization.LabelNames;
import org.spectlab.recon.localization.LesionLocalizer;
import org.spectlab.recon.localization.LocalizationSettings;
import org.spectlab.recon.localization.NormalUptake;
import org.spectlab.recon.study.ReconInputs;
import org.spectlab.recon.study.ReconOptions;
import org.spectlab.recon.study.StudyReconstruction;
import org.spectlab.simulator.run.BatchRunner;
import org.spectlab.simulator.study.SpectStudy;
import org.spectlab.simulator.study.StudyConfig;

/**
 * One study through every stage, in process: simulate the configuration into a study folder,
 * reconstruct it into {@code recon/}, localize hot spots into {@code detections.json} and score image
 * and detections against the truth into {@code metrics.json}. Each stage reads what the previous one
 * wrote to disk, exactly as the commands do, so the folder is the same as the one the four commands
 * would leave.
 *
 * <p>Localization needs the reconstructed image's resolution. It is taken as the system FWHM of the
 * study's collimator preset (nominal geometry, {@link ReconInputs#collimatorModel}) at the mean orbit
 * radius, i.e. for a source on the axis of rotation, combined in quadrature with the intrinsic FWHM.
 * With resolution modelling in the reconstruction the image is somewhat sharper than that; without it,
 * off-axis sources nearer the detector are also sharper; the figure is a conservative typical value.
 *
 * <p>Organs: a simulated study carries the phantom's organ label map ({@code truth/labels.nii} with
 * {@code truth/labels.json}); when it is there the localizer uses it as a perfect organ segmentation of
 * the CT: each detection is named by the label at its centre (so names compare with the truth lesions'
 * host organs), and the background of a candidate is measured within its own organ. The coarse CT class
 * (lung, soft tissue, bone by HU, {@link CtRegions}) is kept as each detection's {@code ct_region}.
 * Without a label map the CT classes serve for both, as before. Organs that are normally hot for the
 * study's tracer ({@link NormalUptake}, default {@value NormalUptake#TC99M_LEUKOCYTES}, the demo's) are
 * given to the localizer as hot organs, whose own median uptake is the background of a focus inside
 * them. Approximation: a perfect segmentation is an optimistic stand-in for a CT organ segmentation;
 * the detector and its thresholds see only the reconstructed image.
 */
public final class StudyPipeline {
    /** Default acceptance distance for scoring, mm (as the score command). */
    public static final double DEFAULT_ACCEPTANCE_MM = 10;

    private StudyPipeline() {
    }

    /**
     * How to run the stages after the simulation.
     *
     * @param recon           reconstruction options (collimator, calibration etc. default from study.json)
     * @param threads         worker threads for simulation and reconstruction
     * @param acceptanceMm    scoring acceptance distance, mm
     * @param minConfidence   least detection significance, noise SDs
     * @param softwareVersion written into study.json and recon.json
     * @param tracer          the tracer whose normal uptake pattern names the hot organs ({@link NormalUptake})
     */
    public record Settings(ReconOptions recon, int threads, double acceptanceMm, double minConfidence,
                           String softwareVersion, String tracer) {
        /** Checks the numbers and the tracer name. */
        public Settings {
            tracer = NormalUptake.of(tracer).tracer();
            if (threads < 1 || threads > 1024) {
                throw InputException.field("--threads", "must be 1 to 1024, got " + threads);
            }
            if (!(acceptanceMm >= 0) || !(minConfidence > 0)) {
                throw InputException.field("acceptance/confidence", "acceptance must be >= 0 mm and the minimum "
                        + "confidence > 0, got " + acceptanceMm + " and " + minConfidence);
            }
        }

        /** The same settings with a reconstruction snapshot after every iteration (for recovery-vs-iteration plots). */
        public Settings withSnapshots() {
            return new Settings(recon.withSnapshots(true), threads, acceptanceMm, minConfidence, softwareVersion,
                    tracer);
        }

        /**
         * OSEM with CT attenuation, TEW scatter and PSF, the scoring and localization defaults, the
         * demo's tracer ({@value NormalUptake#TC99M_LEUKOCYTES}).
         */
        public static Settings allCorrections(int iterations, int subsets, int threads, String softwareVersion) {
            return new Settings(ReconOptions.allCorrections(iterations, subsets).withThreads(threads)
                    .withSoftwareVersion(softwareVersion), threads, DEFAULT_ACCEPTANCE_MM,
                    LocalizationSettings.DEFAULT_MIN_CONFIDENCE, softwareVersion, NormalUptake.TC99M_LEUKOCYTES);
        }

        /** The same settings for another tracer's normal uptake pattern. */
        public Settings withTracer(String name) {
            return new Settings(recon, threads, acceptanceMm, minConfidence, softwareVersion, name);
        }
    }

    /**
     * The wall time of one stage.
     *
     * @param name    simulate, reconstruct, localize or score
     * @param seconds wall time, s
     */
    public record Stage(String name, double seconds) {
    }

    /**
     * What the pipeline produced.
     *
     * @param studyDir       the study folder
     * @param simulation     the simulation outcome, or null when an existing study was analysed
     * @param recon          the reconstruction result (recon/recon.nii, recon/recon.json)
     * @param systemFwhmMm   resolution given to the localizer, mm
     * @param detections     detections, most confident first
     * @param detectionsFile detections.json
     * @param metrics        the scores
     * @param metricsFile    metrics.json
     * @param stages         wall time per stage, in order
     */
    public record Result(Path studyDir, SpectStudy.Outcome simulation, StudyReconstruction.Result recon,
                         double systemFwhmMm, List<Detection> detections, Path detectionsFile, MetricsReport metrics,
                         Path metricsFile, List<Stage> stages) {
        /** Total wall time of the stages, s. */
        public double totalSeconds() {
            double s = 0;
            for (Stage st : stages) {
                s += st.seconds();
            }
            return s;
        }
    }

    /**
     * Simulates {@code config} into {@code studyDir} (replaced when {@code force}) and analyses it.
     *
     * @param log receives progress lines
     */
    public static Result run(StudyConfig config, Path studyDir, boolean force, Settings settings,
                             Consumer<String> log) {
        long t0 = System.nanoTime();
        int batches = config.simulation().batches();
        BatchRunner.ProgressListener progress = done -> log.accept("simulate: batch " + done + "/" + batches);
        SpectStudy.Outcome sim = SpectStudy.run(config, settings.threads(), progress, settings.softwareVersion(),
                studyDir, force);
        Stage simulate = new Stage("simulate", (System.nanoTime() - t0) * 1e-9);
        return analyse(studyDir, sim, simulate, settings, log);
    }

    /** Reconstructs, localizes and scores an existing study folder. */
    public static Result analyse(Path studyDir, Settings settings, Consumer<String> log) {
        return analyse(studyDir, null, null, settings, log);
    }

    private static Result analyse(Path studyDir, SpectStudy.Outcome sim, Stage simulate, Settings settings,
                                  Consumer<String> log) {
        List<Stage> stages = new ArrayList<>();
        if (simulate != null) {
            stages.add(simulate);
        }
        long t0 = System.nanoTime();
        StudyReconstruction.Result recon = StudyReconstruction.run(studyDir, studyDir.resolve("recon"),
                settings.recon(), line -> log.accept("reconstruct: " + line));
        long t1 = System.nanoTime();
        stages.add(new Stage("reconstruct", (t1 - t0) * 1e-9));

        double fwhm = systemFwhmMm(recon.inputs());
        Path ctFile = studyDir.resolve("ct").resolve("ct.nii");
        LabelVolume regions = Files.isRegularFile(ctFile) ? CtRegions.of(Nifti.readVolume(ctFile)) : null;
        LabelVolume organs = organLabels(studyDir.resolve("truth"));
        List<String> hot = organs == null ? List.of()
                : NormalUptake.of(settings.tracer()).hotLabelNames(organs.names().values());
        LocalizationSettings ls = LocalizationSettings.of(fwhm).withMinConfidence(settings.minConfidence())
                .withHotOrgans(new LinkedHashSet<>(hot));
        List<Detection> found = LesionLocalizer.of(ls).localize(recon.image(), organs, backgroundLabels(organs),
                regions);
        Path detectionsFile = studyDir.resolve("detections.json");
        DetectionsJson.write(found, detectionsFile);
        long t2 = System.nanoTime();
        stages.add(new Stage("localize", (t2 - t1) * 1e-9));
        log.accept("localize: " + found.size() + " detection(s), system FWHM " + Math.round(fwhm * 10) / 10.0 + " mm"
                + (organs == null ? ", CT regions" : ", organ labels, hot organs " + hot));

        MetricsReport metrics = StudyScoring.score(studyDir, recon.imageFile(), detectionsFile,
                settings.acceptanceMm(), null);
        Path metricsFile = studyDir.resolve("metrics.json");
        MetricsReportJson.write(metricsFile, metrics);
        stages.add(new Stage("score", (System.nanoTime() - t2) * 1e-9));
        return new Result(studyDir, sim, recon, fwhm, List.copyOf(found), detectionsFile, metrics, metricsFile,
                List.copyOf(stages));
    }

    /**
     * The phantom's organ label map with its names ({@code labels.nii}, {@code labels.json}), or null
     * without one. A lesion has a label of its own in the phantom; here its voxels are given back to
     * the host organ named in {@code phantom.json} (an organ segmentation of the CT contains its
     * lesions), so that a focus is named by, and measured against, the organ it lies in.
     */
    static LabelVolume organLabels(Path truthDir) {
        Path labels = truthDir.resolve("labels.nii");
        Path names = truthDir.resolve("labels.json");
        if (!Files.isRegularFile(labels) || !Files.isRegularFile(names)) {
            return null;
        }
        LabelVolume raw = Nifti.readLabels(labels);
        Map<Integer, String> byLabel = new TreeMap<>(LabelNames.read(names));
        Map<String, Integer> byName = new HashMap<>();
        for (Map.Entry<Integer, String> e : byLabel.entrySet()) {
            byName.put(e.getValue(), e.getKey());
        }
        Map<Integer, Integer> toHost = new HashMap<>();
        Path phantom = truthDir.resolve("phantom.json");
        if (Files.isRegularFile(phantom)) {
            for (TruthLesion l : TruthLesionsReader.read(phantom)) {
                Integer own = byName.get(l.id());
                Integer host = l.organ() == null ? null : byName.get(l.organ());
                if (own != null && host != null) {
                    toHost.put(own, host);
                }
            }
        }
        short[] lab = raw.labels().clone();
        if (!toHost.isEmpty()) {
            for (int p = 0; p < lab.length; p++) {
                Integer h = toHost.get((int) lab[p]);
                if (h != null) {
                    lab[p] = (short) (int) h;
                }
            }
            for (int own : toHost.keySet()) {
                byLabel.remove(own);
            }
        }
        return LabelVolume.of(raw.grid(), lab, byLabel);
    }

    /** Labels merged into {@code body} for the localizer's background: body-wall layers and bowel loops. */
    static final List<String> SOFT_TISSUE_BACKGROUND = List.of("skin", "adipose", "muscle", "small_intestine",
            "colon");

    /**
     * The organ map the localizer takes its background from: {@code organs} with the body-wall layers and
     * bowel loops ({@link #SOFT_TISSUE_BACKGROUND}) merged into {@code body}. Their uptake is not told
     * apart from the surrounding soft tissue by a reader (nor segmented separately on a low-dose CT), and a
     * background shell cut to a thin layer or a bowel loop sees its partial-volume edge rather than its
     * level, which made false positives there. Names still come from the full map. Null without a map
     * or without a body label.
     */
    static LabelVolume backgroundLabels(LabelVolume organs) {
        if (organs == null) {
            return null;
        }
        Integer body = null;
        Map<Integer, String> names = new TreeMap<>(organs.names());
        java.util.Set<Integer> merged = new java.util.HashSet<>();
        for (Map.Entry<Integer, String> e : organs.names().entrySet()) {
            if (e.getValue().equals("body")) {
                body = e.getKey();
            } else if (SOFT_TISSUE_BACKGROUND.contains(e.getValue())) {
                merged.add(e.getKey());
            }
        }
        if (body == null || merged.isEmpty()) {
            return organs;
        }
        short[] lab = organs.labels().clone();
        for (int p = 0; p < lab.length; p++) {
            if (merged.contains((int) lab[p])) {
                lab[p] = (short) (int) body;
            }
        }
        for (int m : merged) {
            names.remove(m);
        }
        return LabelVolume.of(organs.grid(), lab, names);
    }

    /**
     * System FWHM (mm) of the reconstruction's camera for a source on the axis of rotation: the
     * collimator preset's geometric FWHM at the mean orbit radius, in quadrature with the intrinsic FWHM.
     *
     * @throws InputException when no collimator preset is known (neither given nor in study.json)
     */
    public static double systemFwhmMm(ReconInputs in) {
        String preset = in.options().collimator();
        if (preset == null) {
            throw InputException.field("collimator", "the localizer needs the camera's resolution: give a collimator "
                    + "preset or a study folder whose study.json names one");
        }
        AcquisitionGeometry orbit = in.photopeak().geometry();
        double r = 0;
        for (int v = 0; v < orbit.views(); v++) {
            r += orbit.radiusMm(v);
        }
        r /= orbit.views();
        return ReconInputs.collimatorModel(preset, in.options().intrinsicFwhmMm(),
                in.photopeak().window().centreKeV()).systemFwhmMm(r);
    }
}
