package org.spectlab.simulator.study;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.spectlab.core.projection.AcquisitionGeometry;
import org.spectlab.core.projection.EnergyWindow;
import org.spectlab.simulator.collimator.CameraQc;
import org.spectlab.simulator.collimator.CameraQcRequest;
import org.spectlab.simulator.collimator.CollimatorModel;
import org.spectlab.simulator.collimator.QcMedium;
import org.spectlab.simulator.ct.SimulatedCt;
import org.spectlab.simulator.spect.CollimatorComponents;
import org.spectlab.simulator.spect.ForcedDetectionSimulation;
import org.spectlab.simulator.spect.PatientOutline;
import org.spectlab.simulator.spect.SpectCamera;
import org.spectlab.simulator.spect.SpectResult;
import org.spectlab.simulator.spect.SpectScenario;

/**
 * {@code study.json}: the manifest of a study folder. Keys (units in the names):
 * <ul>
 *   <li>{@code format}, {@code software} {name, version};</li>
 *   <li>{@code config}: the configuration as run ({@link StudyConfig#toTree()}: defaults filled in,
 *       windows explicit, the phantom inline), {@code phantom_source}, {@code seed}, {@code threads};</li>
 *   <li>{@code orbit}: the orbit as acquired, view by view: {@code source} (radius_mm, radii_mm or
 *       body_contour), {@code angles_deg}, {@code radii_mm} (axis to collimator face; with
 *       body_contour, resolved around the patient) and {@code patient_extent_mm} (the patient's
 *       reach towards each view's detector, {@link PatientOutline#extentMm}; radius minus extent is
 *       the clearance; null for a phantom of air alone);</li>
 *   <li>{@code timings_s}: phantom, simulation, ct, writing (the data files; study.json itself excluded);</li>
 *   <li>{@code ct} (with a CT): its noise seed and HU scale (reference energy, μ of water and air);</li>
 *   <li>{@code counts}: histories, interaction_sites, total_activity_mbq (at acquisition start),
 *       per window {name, lower_keV, upper_keV, expected_primary, expected_scatter, expected_total}
 *       in counts summed over all views and pixels;</li>
 *   <li>{@code kinetics}: what changed the activity during the scan, {@code during_scan}:
 *       {@code "physical"} (the nuclide's decay only: no agent or compartments in the phantom) or
 *       {@code "biological+physical"}, then per kinetic group its activity on the grid at the scan start,
 *       its decays during the scan ({@code sum over time slots of F[g][slot] x T x A_g(t0)}, MBq s) and
 *       its mean activity relative to the start in the first and the last time slot;</li>
 *   <li>{@code mean_relative_standard_error}: Monte Carlo standard error of the first window's
 *       expected total relative to it, mean over pixels above 10 % of the maximum (null for analog
 *       runs, which have no error groups);</li>
 *   <li>{@code provenance}: the data sources (cross sections, scattering functions, decay data,
 *       collimator geometry, materials), the simulation's stated approximations and
 *       {@code execution}: how the result was obtained (single run, resumed from a checkpoint,
 *       merged from cluster jobs);</li>
 *   <li>{@code files}: every file of the folder, relative paths.</li>
 * </ul>
 * Studies of the same configuration and seed obtained in different ways (threads, a resumed run,
 * split / run / merge on a cluster) differ in study.json only in {@code threads},
 * {@code timings_s} and {@code provenance.execution}; every data file is identical.
 */
public final class StudyManifest {
    /** Format tag of the manifest. */
    public static final String FORMAT = "spectlab-study/1";
    /** Fraction of the maximum above which pixels enter the mean relative standard error. */
    public static final double ERROR_PIXEL_FRACTION = 0.1;

    private StudyManifest() {
    }

    /** Source to collimator distance of the planar sensitivity run, mm (NEMA NU 1's 100 mm). */
    static final double PLANAR_SOURCE_DISTANCE_MM = 100.0;
    /** Photons per emission line of the planar sensitivity run (statistical error ~1 % for a LEHR). */
    static final long PLANAR_HISTORIES_PER_LINE = 1_000_000L;

    /**
     * The planar sensitivity with the Monte Carlo collimator model ({@link CameraQc}): the study's
     * camera (collimator, back gap, crystal and its layers, energy resolution, first window) and every
     * emission line of the scenario, a point source in air at {@link #PLANAR_SOURCE_DISTANCE_MM}
     * within a 400 mm square field of view; seed from the study's seed.
     *
     * @return {cps/MBq, standard error}
     */
    static double[] monteCarloPlanarSensitivity(StudyConfig config, SpectScenario scenario, int threads) {
        SpectCamera camera = scenario.camera();
        var lines = scenario.lines();
        EnergyWindow window = camera.windows().get(0);
        double[] energies = new double[lines.size()];
        double[] yields = new double[lines.size()];
        double strongest = 0.5 * (window.lowerKeV() + window.upperKeV());
        double strongestYield = -1;
        for (int l = 0; l < energies.length; l++) {
            energies[l] = lines.get(l).energyKeV();
            yields[l] = lines.get(l).yieldPerDecay();
            if (yields[l] > strongestYield && window.contains(energies[l])) {
                strongestYield = yields[l];
                strongest = energies[l];
            }
        }
        // the request's own energy only has to lie in the window (the line sum runs every line)
        CameraQcRequest base = new CameraQcRequest(camera.collimator(), PLANAR_SOURCE_DISTANCE_MM, strongest, 1.0,
                camera.intrinsicFwhmMm(), camera.energyResolution(), window, 1.0, camera.backGapMm(), 200.0,
                PLANAR_HISTORIES_PER_LINE, config.simulation().seed(), Math.max(1, threads),
                CollimatorModel.MONTE_CARLO, camera.crystalThicknessMm(), camera.coverAluminiumMm(),
                camera.backscatterGlassMm(), QcMedium.AIR);
        return CameraQc.lineSumSensitivityCpsPerMBq(base, energies, yields);
    }

    /**
     * Wall times of the phases, s.
     *
     * @param phantomS    rendering the phantom and building the scenario
     * @param simulationS the SPECT Monte Carlo
     * @param ctS         the CT simulation (0 without CT)
     * @param writingS    writing the data files
     */
    public record Timings(double phantomS, double simulationS, double ctS, double writingS) {
    }

    /** The {@code kinetics} block: see the class comment. */
    private static void kinetics(ObjectNode o, SpectScenario s) {
        o.put("during_scan", s.duringScan());
        o.put("scan_duration_s", s.timeSlots() * s.timePerViewS());
        if (s.kinetics() == null) {
            o.put("physical_half_life_s", s.nuclide().halfLifeS());
            return;
        }
        ArrayNode groups = o.putArray("groups");
        int last = s.timeSlots() - 1;
        for (int g = 0; g < s.kinetics().groups(); g++) {
            double startMBq = s.kinetics().activityAtStartBq(g) * 1e-6;
            double relativeS = 0;
            for (int slot = 0; slot <= last; slot++) {
                relativeS += s.viewFactor(g, slot) * s.timePerViewS();
            }
            groups.addObject().put("group", s.kinetics().names().get(g)).put("activity_at_scan_start_mbq", startMBq)
                    .put("decays_during_scan_mbq_s", relativeS * startMBq)
                    .put("relative_activity_first_slot", s.viewFactor(g, 0))
                    .put("relative_activity_last_slot", s.viewFactor(g, last));
        }
    }

    /** The {@code orbit} block: per view angle, radius and the patient extent along the detector normal. */
    private static void orbit(ObjectNode o, StudyConfig config, SpectScenario scenario) {
        AcquisitionConfig a = config.acquisition();
        o.put("source", a.contour() != null ? ContourOrbit.KEY : a.orbit().isCircular() ? "radius_mm" : "radii_mm");
        AcquisitionGeometry g = scenario.orbit();
        PatientOutline outline = PatientOutline.of(scenario);
        ArrayNode angles = o.putArray("angles_deg");
        ArrayNode radii = o.putArray("radii_mm");
        ArrayNode extent = o.putArray("patient_extent_mm");
        for (int v = 0; v < g.views(); v++) {
            angles.add(g.angleDeg(v));
            radii.add(g.radiusMm(v));
            if (outline.isEmpty()) {
                extent.addNull();
            } else {
                extent.add(outline.extentMm(g.angleRad(v)));
            }
        }
    }

    /** The manifest of a single run as pretty-printed JSON. */
    public static String json(StudyConfig config, SpectScenario scenario, SpectResult r, SimulatedCt ct,
                              String softwareVersion,
                              int threads, Timings timings, List<String> files) {
        return json(config, scenario, r, ct, softwareVersion, threads, timings, files, SpectStudy.SINGLE_RUN);
    }

    /**
     * The manifest as pretty-printed JSON; {@code execution} (how the result was obtained: a single
     * run, resumed from a checkpoint, merged from cluster jobs) goes into {@code provenance.execution}.
     */
    public static String json(StudyConfig config, SpectScenario scenario, SpectResult r, SimulatedCt ct,
                              String softwareVersion, int threads, Timings timings, List<String> files,
                              String execution) {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("format", FORMAT);
        root.putObject("software").put("name", "spectlab").put("version", softwareVersion);
        root.put("phantom_source", config.phantomSource());
        root.put("seed", config.simulation().seed());
        root.put("threads", threads);
        root.put("mode", r.mode());
        root.set("config", config.toTree());
        orbit(root.putObject("orbit"), config, scenario);
        root.putObject("timings_s").put("phantom", timings.phantomS()).put("simulation", timings.simulationS())
                .put("ct", timings.ctS()).put("writing", timings.writingS());
        ObjectNode counts = root.putObject("counts");
        counts.put("histories", r.histories());
        counts.put("interaction_sites", r.interactionSites());
        double totalBq = scenario.activityBqPerMl().sum() * scenario.grid().voxelVolumeMl();
        counts.put("total_activity_mbq", totalBq * 1e-6);
        ArrayNode ws = counts.putArray("windows");
        for (int w = 0; w < r.windows().size(); w++) {
            EnergyWindow win = r.windows().get(w);
            double p = r.primarySum(w);
            double s = r.scatterSum(w);
            ObjectNode wo = ws.addObject().put("name", win.name()).put("lower_keV", win.lowerKeV())
                    .put("upper_keV", win.upperKeV()).put("expected_primary", p).put("expected_scatter", s);
            double total = p + s;
            if (r.collimator() != null) {
                var images = r.collimator().images(w);
                for (int c = 0; c < images.size(); c++) {
                    double sum = 0;
                    for (float v : images.get(c)) {
                        sum += v;
                    }
                    wo.put("expected_" + CollimatorComponents.NAMES.get(c), sum);
                    total += sum;
                }
            }
            if (r.scatterByOrder() != null) {
                for (int o = 0; o < r.scatterByOrder().size(); o++) {
                    double sum = 0;
                    for (float v : r.scatterByOrder().get(o).get(w)) {
                        sum += v;
                    }
                    wo.put("expected_" + SpectResult.SCATTER_ORDERS.get(o), sum);
                }
            }
            wo.put("expected_total", total);
        }
        kinetics(root.putObject("kinetics"), scenario);
        // What a clinic's planar calibration would measure (source in air, first window): reconstruction
        // needs it for Bq/mL (spectlab reconstruct --sensitivity-cps-per-mbq). It follows the collimator
        // model the projections were simulated with; the ideal-septa figure is always recorded beside it.
        ObjectNode cam = root.putObject("camera");
        double geometric = ForcedDetectionSimulation.planarSensitivityCpsPerMBq(scenario,
                config.simulation().toOptions(1));
        if (config.camera().collimatorModel() == CollimatorModel.MONTE_CARLO) {
            double[] mc = monteCarloPlanarSensitivity(config, scenario, threads);
            cam.put("planar_sensitivity_cps_per_mbq", mc[0]);
            cam.put("planar_sensitivity_std_error_cps_per_mbq", mc[1]);
            cam.put("planar_sensitivity_model", "monte-carlo: point source in air at "
                    + (int) PLANAR_SOURCE_DISTANCE_MM + " mm, every line, penetration, septal scatter, lead x-rays and "
                    + "the crystal response");
        } else {
            cam.put("planar_sensitivity_cps_per_mbq", geometric);
            cam.put("planar_sensitivity_model", "geometric: ideal septa, every line, crystal response");
        }
        cam.put("planar_sensitivity_geometric_cps_per_mbq", geometric);
        double mrse = r.meanRelativeStdError(ERROR_PIXEL_FRACTION);
        if (Double.isFinite(mrse)) {
            root.put("mean_relative_standard_error", mrse);
        } else {
            root.putNull("mean_relative_standard_error");
        }
        ObjectNode prov = root.putObject("provenance");
        prov.put("cross_sections", "NIST XCOM photon cross sections (Berger, Hubbell, Seltzer et al., NIST Standard "
                + "Reference Database 8), element tables with the mixture rule");
        prov.put("scattering_functions", "EPDL97 atomic form factors and incoherent scattering functions (Cullen, "
                + "Hubbell and Kissel, UCRL-50400 Vol. 6 Rev. 5, 1997)");
        prov.put("decay_data", config.nuclide().source());
        prov.put("collimator", "nominal hole geometry of preset '" + config.camera().collimatorName()
                + "' (SIMIND collimator database values, checked against vendor specifications)");
        prov.put("materials", "ICRU-44 / NIST compositions and densities (spectlab built-in material library)");
        prov.put("approximations", r.mode().equals(SimulationConfig.ANALOG)
                ? (r.collimator() != null
                        ? "analog transport; Monte Carlo collimator (transport through pure-lead septa of a laterally "
                                + "infinite hole array: penetration, Compton and Rayleigh scatter, lead K x-rays)"
                        : "analog transport; geometric collimator (ideal septa, no penetration)")
                : "convolution-based forced detection (de Jong and Beekman 2001): deterministic primaries at voxel "
                        + "centres, geometric collimator with a Gaussian depth-dependent response"
                        + (r.collimator() != null
                                ? "; photons crossing septal lead (penetration, collimator scatter, lead K x-rays) from "
                                        + "Monte Carlo point-source kernels in air, interpolated in energy and distance "
                                        + "and applied by FFT"
                                : ", no septal penetration"));
        prov.put("execution", execution);
        if (ct != null) {
            root.putObject("ct").put("seed", CtConfig.seed(config.simulation().seed()))
                    .put("reference_energy_keV", ct.referenceEnergyKeV()).put("mu_water_per_cm", ct.muWaterPerCm())
                    .put("mu_air_per_cm", ct.muAirPerCm()).put("unattenuated_photons_per_ray", ct.unattenuatedPhotonsPerRay());
            prov.put("ct", "TASMIP tungsten-anode spectra (Boone and Seibert, Med. Phys. 24, 1661, 1997) with added "
                    + "aluminium filtration; parallel-beam polyenergetic projection, Poisson noise, filtered back projection");
        }
        ArrayNode fa = root.putArray("files");
        for (String f : files) {
            fa.add(f);
        }
        try {
            return mapper.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise study.json", e);
        }
    }
}
