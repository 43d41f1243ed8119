package org.spectlab.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.spectlab.core.error.InputException;
import org.spectlab.core.grid.Volume;
import org.spectlab.core.io.AtomicFiles;
import org.spectlab.core.io.dicom.Dicom;
import org.spectlab.core.io.interfile.Interfile;
import org.spectlab.core.io.nifti.Nifti;
import org.spectlab.core.projection.ProjectionSet;
import org.spectlab.metrics.image.Resampling;
import org.spectlab.recon.algorithm.Algorithms;
import org.spectlab.recon.algorithm.IterativeAlgorithm;
import org.spectlab.recon.calibration.QuantitativeCalibration;
import org.spectlab.recon.fbp.ChangCorrection;
import org.spectlab.recon.fbp.FbpWindow;
import org.spectlab.recon.fbp.FilteredBackProjection;
import org.spectlab.recon.filter.ButterworthPostFilter;
import org.spectlab.recon.filter.GaussianPostFilter;
import org.spectlab.recon.filter.PostFilter;
import org.spectlab.recon.metadata.ReconstructionGeometry;
import org.spectlab.recon.prior.RelativeDifferencePrior;
import org.spectlab.recon.projector.ParallelLoops;
import org.spectlab.recon.projector.RotatedFrame;
import org.spectlab.recon.projector.RotationProjector;
import org.spectlab.recon.projector.ViewTransform;
import org.spectlab.recon.scatter.WindowScatterEstimates;
import org.spectlab.recon.ct.BilinearHuConversion;
import org.spectlab.recon.ct.CtAttenuationMaps;
import org.spectlab.recon.transform.attenuation.AttenuationTransform;
import org.spectlab.recon.transform.psf.CollimatorSpec;
import org.spectlab.recon.transform.psf.DepthDependentBlur;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code spectlab reconstruct STUDY_DIR|HEADER.hs --out DIR}: OSEM/MLEM/OSL-OSEM or FBP of the photopeak
 * window with the chosen corrections; writes {@code recon.nii} (Bq/mL with a sensitivity, else
 * counts/view per voxel; the unit is in the NIfTI descrip and in the JSON), {@code recon.json}
 * (parameters, input files, timings, calibration, software version) and, on request, one
 * {@code recon_it<k>.nii} per iteration (post-filtered and calibrated like the final image). All files
 * are written atomically. A plain progress line per iteration goes to stderr (always, terminal or not).
 *
 * <p>A study folder supplies {@code spect/photopeak.hs} and, for TEW/DEW, {@code spect/lower_scatter.hs}
 * (and {@code spect/upper_scatter.hs} for TEW when present); a single header is the photopeak, with
 * the scatter windows looked up beside it. The simulator's true μ-maps are never read: attenuation
 * comes from a μ-map file the user names.
 */
@Command(name = "reconstruct",
        mixinStandardHelpOptions = true,
        description = {"Reconstruct SPECT projections (Interfile) into recon.nii and recon.json.",
            "Units: mm, keV, cps/MBq; the image is Bq/mL with --sensitivity-cps-per-mbq, else counts per view "
                + "per voxel (the count a view records from the voxel in air)."})
public final class ReconstructCommand implements Callable<Integer> {

    /**
     * Mass attenuation coefficient of lead with coherent scattering, cm²/g, at 60, 80, 88.0045- (below
     * the K edge), 88.0045+, 100, 150, 200, 300, 400, 500, 600, 800 and 1000 keV: NIST XCOM (Berger MJ
     * et al., XCOM: Photon Cross Sections Database, NIST Standard Reference Database 8), element 82.
     */
    private static final double[] LEAD_KEV = {60, 80, 88.0045, 88.0045, 100, 150, 200, 300, 400, 500, 600, 800, 1000};
    private static final double[] LEAD_MU_RHO = {5.021, 2.419, 1.910, 7.683, 5.549, 2.014, 0.9985, 0.4031, 0.2323,
        0.1614, 0.1248, 0.0887, 0.07102};
    /** Density of lead, g/cm³ (NIST XCOM / CRC Handbook). */
    private static final double LEAD_DENSITY = 11.35;

    @Parameters(index = "0", paramLabel = "STUDY_DIR|HEADER.hs|NM.dcm",
            description = "A study folder (uses spect/photopeak.hs), one Interfile projection header, or a DICOM NM "
                    + "TOMO file (window 'photopeak', else the first; TEW/DEW use windows 'lower_scatter' and "
                    + "'upper_scatter').")
    private Path input;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder (created).")
    private Path outDir;

    @Option(names = "--algorithm", defaultValue = "osem", paramLabel = "NAME",
            description = "osem, mlem, osl-osem (relative difference prior) or fbp (ramp filter). Default: ${DEFAULT-VALUE}.")
    private String algorithm;

    @Option(names = "--iterations", defaultValue = "4", description = "Full iterations (1-1000). Default: ${DEFAULT-VALUE}.")
    private int iterations;

    @Option(names = "--subsets", defaultValue = "8", description = "Ordered subsets (1 to the number of views). "
            + "Default: ${DEFAULT-VALUE}.")
    private int subsets;

    @Option(names = "--prior-beta", paramLabel = "B", description = "osl-osem: prior strength beta >= 0 (counts/view units).")
    private Double priorBeta;

    @Option(names = "--prior-gamma", defaultValue = "2", paramLabel = "G",
            description = "osl-osem: edge preservation gamma >= 0. Default: ${DEFAULT-VALUE}.")
    private double priorGamma;

    @Option(names = "--attenuation", defaultValue = "none", paramLabel = "ct|none|FILE.nii",
            description = "ct (the study's ct/ct.nii, or --ct, in HU, converted to mu at the photopeak energy by the "
                    + "bilinear method of Kinahan et al. 1998 and box-averaged onto the reconstruction grid), none, or "
                    + "a mu-map in 1/cm (NIfTI, any grid). Default: ${DEFAULT-VALUE}.")
    private String attenuation;

    /** Windows by name when the input is a DICOM NM file (null for Interfile input). */
    private Map<String, ProjectionSet> dicomWindows;

    @Option(names = "--ct", paramLabel = "CT.nii", description = "CT in HU for --attenuation ct (default: STUDY/ct/ct.nii).")
    private Path ctFile;

    @Option(names = "--ct-kvp", defaultValue = "120", paramLabel = "KV",
            description = "Tube voltage of the CT, kVp (selects the bone segment of the HU-to-mu conversion). "
                    + "Default: ${DEFAULT-VALUE}.")
    private double ctKvp;

    @Option(names = "--scatter", defaultValue = "none", paramLabel = "tew|dew|none|FILE.hs",
            description = "tew (lower and, if present, upper scatter window), dew (lower window, k = 0.5, "
                    + "Jaszczak 1984), none, or an Interfile scatter estimate in counts. Default: ${DEFAULT-VALUE}.")
    private String scatter;

    @Option(names = "--psf", defaultValue = "off", paramLabel = "on|off",
            description = "Model the depth-dependent collimator-detector response (needs --collimator). "
                    + "Default: ${DEFAULT-VALUE}.")
    private String psf;

    @Option(names = "--collimator", paramLabel = "PRESET", description = "Collimator preset, e.g. siemens-lehr, "
            + "ge-lehr. Default for a study folder: the camera in its study.json.")
    private String collimator;

    @Option(names = "--intrinsic-fwhm-mm", paramLabel = "F",
            description = "Intrinsic detector resolution FWHM, mm. Default: the study's camera, else 3.6.")
    private Double intrinsicFwhmMm;

    @Option(names = "--filter", defaultValue = "none", paramLabel = "gaussian:FWHM_MM|butterworth:FC,ORDER|none",
            description = "Post-filter; Butterworth cut-off FC in cycles/cm. Default: ${DEFAULT-VALUE}.")
    private String filter;

    @Option(names = "--sensitivity-cps-per-mbq", paramLabel = "S",
            description = "Planar system sensitivity of the photopeak window, cps/MBq: gives an image in Bq/mL. "
                    + "Default for a study folder: the calibration in its study.json.")
    private Double sensitivityCpsPerMBq;

    @Option(names = "--snapshots", description = "Also write recon_it<k>.nii after every iteration.")
    private boolean snapshots;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: available processors).")
    private Integer threads;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        long start = System.nanoTime();
        PrintWriter err = spec.commandLine().getErr();
        Map<String, Object> inputs = new LinkedHashMap<>();
        applyStudyDefaults(inputs);
        Path photopeakFile = photopeakHeader();
        inputs.put("photopeak", photopeakFile.toString());
        ProjectionSet photopeak;
        if (isDicom(photopeakFile)) {
            dicomWindows = new LinkedHashMap<>();
            for (ProjectionSet w : Dicom.readProjections(photopeakFile)) {
                dicomWindows.put(w.window().name(), w);
            }
            photopeak = dicomWindows.getOrDefault("photopeak", dicomWindows.values().iterator().next());
        } else {
            photopeak = Interfile.readProjections(photopeakFile);
        }
        ReconstructionGeometry g = ReconstructionGeometry.of(photopeak);
        validateNumbers(photopeak.views());
        PostFilter post = parseFilter(filter);
        ProjectionSet scatterEstimate = scatterEstimate(photopeakFile, photopeak, inputs);
        Volume muMap = muMap(g, inputs, photopeak.window().centreKeV());
        CollimatorSpec psfModel = psfModel(photopeak);
        QuantitativeCalibration cal = sensitivityCpsPerMBq == null ? null
                : QuantitativeCalibration.of(sensitivityCpsPerMBq, photopeak.timePerViewS());
        Files.createDirectories(outDir);

        List<Double> iterationSeconds = new ArrayList<>();
        Volume raw;
        int nThreads = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        try (ParallelLoops loops = ParallelLoops.of(nThreads)) {
            if (algorithm.equals("fbp")) {
                ProjectionSet data = photopeak;
                if (scatterEstimate != null) {
                    float[] d = photopeak.data().clone();
                    float[] s = scatterEstimate.data();
                    for (int n = 0; n < d.length; n++) {
                        d[n] -= s[n];
                    }
                    data = photopeak.withData(d);
                }
                long t0 = System.nanoTime();
                raw = FilteredBackProjection.of(FbpWindow.ramp()).reconstruct(data, loops);
                if (muMap != null) {
                    raw = ChangCorrection.of(g, muMap, loops).apply(raw);
                }
                iterationSeconds.add((System.nanoTime() - t0) * 1e-9);
            } else {
                IterativeAlgorithm alg = Algorithms.defaults().get(algorithm).create(new Algorithms.Settings(
                        iterations, subsets, priorBeta == null ? null : RelativeDifferencePrior.of(priorBeta, priorGamma)));
                RotatedFrame frame = RotatedFrame.of(g);
                List<ViewTransform> transforms = new ArrayList<>();
                if (muMap != null) {
                    transforms.add(AttenuationTransform.of(frame, muMap));
                }
                if (psfModel != null) {
                    transforms.add(DepthDependentBlur.of(frame, psfModel));
                }
                long[] last = {System.nanoTime()};
                try (RotationProjector a = RotationProjector.of(g, transforms, loops)) {
                    raw = alg.reconstruct(a, photopeak, scatterEstimate, (it, image) -> {
                        long now = System.nanoTime();
                        double s = (now - last[0]) * 1e-9;
                        last[0] = now;
                        iterationSeconds.add(s);
                        err.printf(Locale.ROOT, "spectlab reconstruct: iteration %d/%d done (%.1f s)%n", it, iterations, s);
                        err.flush();
                        if (snapshots) {
                            Nifti.writeVolume(finish(image, post, cal), outDir.resolve("recon_it" + it + ".nii"));
                        }
                    });
                }
            }
        }
        Volume result = finish(raw, post, cal);
        Nifti.writeVolume(result, outDir.resolve("recon.nii"));

        Map<String, Object> json = new LinkedHashMap<>();
        json.put("format", "spectlab-recon/1");
        json.put("software_version", VersionProvider.version());
        json.put("inputs", inputs);
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("algorithm", algorithm);
        if (!algorithm.equals("fbp")) {
            p.put("iterations", iterations);
            p.put("subsets", algorithm.equals("mlem") ? 1 : subsets);
        }
        if (priorBeta != null) {
            p.put("prior", Map.of("name", "rdp", "beta", priorBeta, "gamma", priorGamma));
        }
        p.put("attenuation", muMap == null ? "none" : "mu-map");
        p.put("scatter", scatter);
        p.put("psf", psfModel == null ? "off" : Map.of("collimator", collimator, "hole_diameter_mm",
                psfModel.holeDiameterMm(), "hole_length_mm", psfModel.holeLengthMm(), "intrinsic_fwhm_mm", intrinsicFwhmMm,
                "lead_mu_per_cm", psfModel.collimatorMuPerCm()));
        p.put("filter", filter);
        p.put("threads", nThreads);
        json.put("parameters", p);
        json.put("grid", Map.of("nx", g.imageGrid().nx(), "ny", g.imageGrid().ny(), "nz", g.imageGrid().nz(),
                "voxel_mm", g.pixelSizeMm()));
        json.put("unit", result.unit());
        json.put("calibration", cal == null ? null : Map.of("sensitivity_cps_per_mbq", cal.sensitivityCpsPerMBq(),
                "time_per_view_s", cal.timePerViewS(), "bq_per_ml_per_count",
                cal.bqPerMlPerCount(g.imageGrid().voxelVolumeMl())));
        json.put("iteration_seconds", iterationSeconds);
        json.put("total_seconds", (System.nanoTime() - start) * 1e-9);
        json.put("image", "recon.nii");
        AtomicFiles.writeString(outDir.resolve("recon.json"),
                new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(json) + "\n");
        spec.commandLine().getOut().println(outDir.resolve("recon.nii"));
        spec.commandLine().getOut().flush();
        return 0;
    }

    private static Volume finish(Volume image, PostFilter post, QuantitativeCalibration cal) {
        Volume v = post == null ? image : post.apply(image);
        return cal == null ? v : cal.toConcentration(v);
    }

    private void validateNumbers(int views) {
        if (!Algorithms.defaults().names().contains(algorithm) && !algorithm.equals("fbp")) {
            throw InputException.field("--algorithm", "unknown '" + algorithm + "'; allowed: osem, mlem, osl-osem, fbp");
        }
        if (iterations < 1 || iterations > 1000) {
            throw InputException.field("--iterations", "must be 1 to 1000, got " + iterations);
        }
        if (subsets < 1 || subsets > views) {
            throw InputException.field("--subsets", "must be 1 to the number of views (" + views + "), got " + subsets);
        }
        if (algorithm.equals("osl-osem") && priorBeta == null) {
            throw InputException.field("--prior-beta", "algorithm osl-osem needs a prior strength beta >= 0");
        }
        if (sensitivityCpsPerMBq != null && !(sensitivityCpsPerMBq > 0 && Double.isFinite(sensitivityCpsPerMBq))) {
            throw InputException.field("--sensitivity-cps-per-mbq", "must be a positive number, got " + sensitivityCpsPerMBq);
        }
        if (threads != null && (threads < 1 || threads > 1024)) {
            throw InputException.field("--threads", "must be 1 to 1024, got " + threads);
        }
    }

    private Path photopeakHeader() {
        if (Files.isDirectory(input)) {
            Path h = input.resolve("spect").resolve("photopeak.hs");
            if (!Files.isRegularFile(h)) {
                throw InputException.field("STUDY_DIR", "no spect/photopeak.hs in " + input);
            }
            return h;
        }
        if (!Files.isRegularFile(input)) {
            throw InputException.field("STUDY_DIR|HEADER.hs", "no such file or folder: " + input);
        }
        return input;
    }

    /**
     * A study folder's study.json knows what a clinic knows about its camera: the collimator preset,
     * the intrinsic resolution, the planar calibration (cps/MBq) and the CT's kVp. Options given on the
     * command line win.
     */
    private void applyStudyDefaults(Map<String, Object> inputs) throws java.io.IOException {
        Path manifest = Files.isDirectory(input) ? input.resolve("study.json") : null;
        if (manifest != null && Files.isRegularFile(manifest)) {
            com.fasterxml.jackson.databind.JsonNode root = new ObjectMapper().readTree(manifest.toFile());
            com.fasterxml.jackson.databind.JsonNode cam = root.path("config").path("camera");
            if (collimator == null && cam.path("collimator").isTextual()) {
                collimator = cam.path("collimator").asText();
            }
            if (intrinsicFwhmMm == null && cam.path("intrinsic_fwhm_mm").isNumber()) {
                intrinsicFwhmMm = cam.path("intrinsic_fwhm_mm").asDouble();
            }
            com.fasterxml.jackson.databind.JsonNode sens = root.path("camera").path("planar_sensitivity_cps_per_mbq");
            if (sensitivityCpsPerMBq == null && sens.isNumber()) {
                sensitivityCpsPerMBq = sens.asDouble();
            }
            com.fasterxml.jackson.databind.JsonNode kvp = root.path("config").path("ct").path("kvp");
            if (!ctKvpGiven() && kvp.isNumber()) {
                ctKvp = kvp.asDouble();
            }
            inputs.put("study_manifest", manifest.toString());
        }
        if (intrinsicFwhmMm == null) {
            intrinsicFwhmMm = 3.6;
        }
    }

    private boolean ctKvpGiven() {
        return spec.commandLine().getParseResult().hasMatchedOption("--ct-kvp");
    }

    private static boolean isDicom(Path f) {
        String n = f.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".dcm") || n.endsWith(".dicom");
    }

    private ProjectionSet scatterEstimate(Path photopeakFile, ProjectionSet photopeak, Map<String, Object> inputs) {
        Path dir = photopeakFile.toAbsolutePath().getParent();
        if (dicomWindows != null && (scatter.equals("tew") || scatter.equals("dew"))) {
            ProjectionSet lower = dicomWindows.get("lower_scatter");
            if (lower == null) {
                throw InputException.field("--scatter", scatter + " needs a window named lower_scatter in "
                        + photopeakFile + "; it has " + dicomWindows.keySet());
            }
            return scatter.equals("dew")
                    ? WindowScatterEstimates.dualEnergyWindow(photopeak, lower, WindowScatterEstimates.DEW_K_JASZCZAK)
                    : WindowScatterEstimates.tripleEnergyWindow(photopeak, lower, dicomWindows.get("upper_scatter"));
        }
        switch (scatter) {
            case "none":
                return null;
            case "tew", "dew": {
                Path lowerFile = dir.resolve("lower_scatter.hs");
                if (!Files.isRegularFile(lowerFile)) {
                    throw InputException.field("--scatter", scatter + " needs the lower scatter window " + lowerFile);
                }
                inputs.put("lower_scatter", lowerFile.toString());
                ProjectionSet lower = Interfile.readProjections(lowerFile);
                if (scatter.equals("dew")) {
                    return WindowScatterEstimates.dualEnergyWindow(photopeak, lower, WindowScatterEstimates.DEW_K_JASZCZAK);
                }
                Path upperFile = dir.resolve("upper_scatter.hs");
                ProjectionSet upper = null;
                if (Files.isRegularFile(upperFile)) {
                    inputs.put("upper_scatter", upperFile.toString());
                    upper = Interfile.readProjections(upperFile);
                }
                return WindowScatterEstimates.tripleEnergyWindow(photopeak, lower, upper);
            }
            default: {
                Path f = Path.of(scatter);
                if (!scatter.endsWith(".hs") || !Files.isRegularFile(f)) {
                    throw InputException.field("--scatter", "must be tew, dew, none or an existing .hs file, got '"
                            + scatter + "'");
                }
                inputs.put("scatter_estimate", f.toString());
                ProjectionSet s = Interfile.readProjections(f);
                if (s.views() != photopeak.views() || s.rows() != photopeak.rows() || s.cols() != photopeak.cols()) {
                    throw InputException.field("--scatter", "estimate " + f + " must match the photopeak matrix");
                }
                return s;
            }
        }
    }

    private Volume muMap(ReconstructionGeometry g, Map<String, Object> inputs, double energyKeV) {
        if (attenuation.equals("none")) {
            return null;
        }
        if (attenuation.equals("ct")) {
            Path ct = ctFile != null ? ctFile : Files.isDirectory(input) ? input.resolve("ct").resolve("ct.nii") : null;
            if (ct == null || !Files.isRegularFile(ct)) {
                throw InputException.field("--attenuation", "ct needs a CT in HU: no " + (ct == null
                        ? "--ct given (the input is not a study folder)" : ct.toString()));
            }
            inputs.put("ct", ct.toString());
            inputs.put("ct_kvp", ctKvp);
            inputs.put("hu_to_mu", "bilinear (Kinahan et al. 1998) at " + energyKeV + " keV");
            return CtAttenuationMaps.muMap(Nifti.readVolume(ct), BilinearHuConversion.forKVp(ctKvp), energyKeV,
                    g.imageGrid(), 0.0);
        }
        Path f = Path.of(attenuation);
        if (!(attenuation.endsWith(".nii") || attenuation.endsWith(".nii.gz")) || !Files.isRegularFile(f)) {
            throw InputException.field("--attenuation", "must be ct, none or an existing mu-map .nii file (1/cm), got '"
                    + attenuation + "'");
        }
        inputs.put("mu_map", f.toString());
        Volume mu = Nifti.readVolume(f);
        String unit = mu.unit().trim().toLowerCase(Locale.ROOT);
        if (unit.contains("hu")) {
            throw InputException.field("--attenuation", f + " is in " + mu.unit() + "; a mu-map in 1/cm is needed");
        }
        if (unit.equals("1/mm")) {
            float[] d = mu.data().clone();
            for (int n = 0; n < d.length; n++) {
                d[n] *= 10f;
            }
            mu = Volume.of(mu.grid(), d, "1/cm");
        }
        return Resampling.boxAverage(mu, g.imageGrid());
    }

    private CollimatorSpec psfModel(ProjectionSet photopeak) {
        if (psf.equals("off")) {
            return null;
        }
        if (!psf.equals("on")) {
            throw InputException.field("--psf", "must be on or off, got '" + psf + "'");
        }
        if (collimator == null) {
            throw InputException.field("--collimator", "--psf on needs a collimator preset");
        }
        var preset = org.spectlab.core.camera.CollimatorLibrary.get(collimator);
        return CollimatorSpec.of(preset.holeDiameterMm(), preset.septalThicknessMm(), preset.holeLengthMm(),
                intrinsicFwhmMm, CollimatorSpec.PRESET_BACK_FACE_TO_CRYSTAL_MIDPLANE_MM,
                leadMuPerCm(photopeak.window().centreKeV()));
    }

    /** Linear attenuation of lead, 1/cm, by log-log interpolation in the NIST XCOM table above. */
    static double leadMuPerCm(double energyKeV) {
        if (!(energyKeV >= LEAD_KEV[0] && energyKeV <= LEAD_KEV[LEAD_KEV.length - 1])) {
            throw InputException.field("photopeak window", "centre " + energyKeV + " keV is outside 60-1000 keV, "
                    + "where the collimator model has lead attenuation data");
        }
        int i = 0;
        while (energyKeV > LEAD_KEV[i + 1]) {
            i++;
        }
        if (LEAD_KEV[i + 1] == LEAD_KEV[i]) {
            i++;
        }
        double t = Math.log(energyKeV / LEAD_KEV[i]) / Math.log(LEAD_KEV[i + 1] / LEAD_KEV[i]);
        return LEAD_DENSITY * Math.exp(Math.log(LEAD_MU_RHO[i]) + t * Math.log(LEAD_MU_RHO[i + 1] / LEAD_MU_RHO[i]));
    }

    private static PostFilter parseFilter(String spec) {
        if (spec.equals("none")) {
            return null;
        }
        try {
            if (spec.startsWith("gaussian:")) {
                return GaussianPostFilter.of(Double.parseDouble(spec.substring(9)));
            }
            if (spec.startsWith("butterworth:")) {
                String[] p = spec.substring(12).split(",");
                if (p.length == 2) {
                    return ButterworthPostFilter.of(Double.parseDouble(p[0]), Integer.parseInt(p[1].trim()));
                }
            }
        } catch (NumberFormatException e) {
            throw InputException.field("--filter", "bad number in '" + spec + "'");
        }
        throw InputException.field("--filter", "must be gaussian:FWHM_MM, butterworth:FC,ORDER or none, got '" + spec + "'");
    }
}
