package org.spectlab.recon.study;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.spectlab.core.camera.CollimatorLibrary;
import org.spectlab.core.error.InputException;
import org.spectlab.core.grid.Volume;
import org.spectlab.core.io.dicom.Dicom;
import org.spectlab.core.io.interfile.Interfile;
import org.spectlab.core.io.nifti.Nifti;
import org.spectlab.core.projection.ProjectionSet;
import org.spectlab.recon.ct.BilinearHuConversion;
import org.spectlab.recon.ct.CtAttenuationMaps;
import org.spectlab.recon.ct.GridResampler;
import org.spectlab.recon.filter.ButterworthPostFilter;
import org.spectlab.recon.filter.GaussianPostFilter;
import org.spectlab.recon.filter.PostFilter;
import org.spectlab.recon.metadata.ReconstructionGeometry;
import org.spectlab.recon.scatter.WindowScatterEstimates;
import org.spectlab.recon.transform.psf.CollimatorSpec;

/**
 * Everything a reconstruction reads, resolved from a study folder (uses {@code spect/photopeak.hs}),
 * one Interfile header (scatter windows looked up beside it) or a DICOM NM file (windows by name):
 * the options with the study's camera defaults filled in, the photopeak, the scatter estimate
 * (TEW/DEW or a file), the μ-map on the reconstruction grid (from the CT in HU by the bilinear method,
 * or a μ-map file box-averaged onto the grid), the collimator-detector model and the post-filter. The
 * simulator's true μ-maps are never read.
 *
 * @param options     options with study defaults applied (collimator, intrinsic FWHM, sensitivity, kVp)
 * @param photopeak   photopeak projections (counts)
 * @param geometry    reconstruction geometry of the photopeak
 * @param scatter     additive scatter estimate (counts), or null
 * @param muMap       μ-map on the image grid (1/cm), or null
 * @param psfModel    collimator-detector response, or null
 * @param postFilter  post-filter, or null
 * @param inputs      provenance: which files were read (for recon.json)
 */
public record ReconInputs(ReconOptions options, ProjectionSet photopeak, ReconstructionGeometry geometry,
                          ProjectionSet scatter, Volume muMap, CollimatorSpec psfModel, PostFilter postFilter,
                          Map<String, Object> inputs) {

    /** Reads and validates the inputs named by {@code input} and {@code options}. */
    public static ReconInputs read(Path input, ReconOptions options) {
        Map<String, Object> inputs = new LinkedHashMap<>();
        ReconOptions o = withStudyDefaults(input, options, inputs);
        Path photopeakFile = photopeakHeader(input);
        inputs.put("photopeak", photopeakFile.toString());
        Map<String, ProjectionSet> dicomWindows = null;
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
        StudyReconstruction.validate(o, photopeak.views());
        PostFilter post = parseFilter(o.filter());
        ProjectionSet scatter = scatterEstimate(o.scatter(), photopeakFile, photopeak, dicomWindows, inputs);
        Volume mu = muMap(input, o, g, inputs, photopeak.window().centreKeV());
        CollimatorSpec psf = null;
        if (o.psf()) {
            if (o.collimator() == null) {
                throw InputException.field("--collimator", "--psf on needs a collimator preset");
            }
            psf = collimatorModel(o.collimator(), o.intrinsicFwhmMm(), photopeak.window().centreKeV());
        }
        return new ReconInputs(o, photopeak, g, scatter, mu, psf, post, inputs);
    }

    /**
     * The collimator-detector model of a preset at a photon energy: the preset's nominal hole geometry,
     * the given intrinsic FWHM, the preset crystal mid-plane distance and lead attenuation from XCOM.
     */
    public static CollimatorSpec collimatorModel(String preset, double intrinsicFwhmMm, double energyKeV) {
        var p = CollimatorLibrary.get(preset);
        return CollimatorSpec.of(p.holeDiameterMm(), p.septalThicknessMm(), p.holeLengthMm(), intrinsicFwhmMm,
                CollimatorSpec.PRESET_BACK_FACE_TO_CRYSTAL_MIDPLANE_MM, LeadAttenuation.muPerCm(energyKeV));
    }

    /**
     * A study folder's study.json knows what a clinic knows about its camera: the collimator preset,
     * the intrinsic resolution, the planar calibration (cps/MBq) and the CT's kVp. Given options win.
     */
    static ReconOptions withStudyDefaults(Path input, ReconOptions o, Map<String, Object> inputs) {
        String collimator = o.collimator();
        Double intrinsic = o.intrinsicFwhmMm();
        Double sensitivity = o.sensitivityCpsPerMBq();
        Double kvp = o.ctKvp();
        Path manifest = Files.isDirectory(input) ? input.resolve("study.json") : null;
        if (manifest != null && Files.isRegularFile(manifest)) {
            JsonNode root;
            try {
                root = new ObjectMapper().readTree(manifest.toFile());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + manifest, e);
            }
            JsonNode cam = root.path("config").path("camera");
            if (collimator == null && cam.path("collimator").isTextual()) {
                collimator = cam.path("collimator").asText();
            }
            if (intrinsic == null && cam.path("intrinsic_fwhm_mm").isNumber()) {
                intrinsic = cam.path("intrinsic_fwhm_mm").asDouble();
            }
            JsonNode sens = root.path("camera").path("planar_sensitivity_cps_per_mbq");
            if (sensitivity == null && sens.isNumber()) {
                sensitivity = sens.asDouble();
            }
            JsonNode k = root.path("config").path("ct").path("kvp");
            if (kvp == null && k.isNumber()) {
                kvp = k.asDouble();
            }
            inputs.put("study_manifest", manifest.toString());
        }
        if (intrinsic == null) {
            intrinsic = ReconOptions.FALLBACK_INTRINSIC_FWHM_MM;
        }
        if (kvp == null) {
            kvp = ReconOptions.FALLBACK_CT_KVP;
        }
        return o.withCamera(collimator, intrinsic).withSensitivity(sensitivity).withCt(o.ctFile(), kvp);
    }

    private static Path photopeakHeader(Path input) {
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

    /** Name of the DEW Compton window (the simulator's default for Tc-99m: 92-125 keV). */
    static final String DEW_WINDOW = "dew_scatter";

    private static boolean isDicom(Path f) {
        String n = f.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".dcm") || n.endsWith(".dicom");
    }

    private static ProjectionSet scatterEstimate(String scatter, Path photopeakFile, ProjectionSet photopeak,
                                                 Map<String, ProjectionSet> dicomWindows, Map<String, Object> inputs) {
        Path dir = photopeakFile.toAbsolutePath().getParent();
        if (dicomWindows != null && (scatter.equals("tew") || scatter.equals("dew"))) {
            String name = scatter.equals("dew") ? DEW_WINDOW : "lower_scatter";
            ProjectionSet lower = dicomWindows.get(name);
            if (lower == null) {
                throw InputException.field("--scatter", scatter + " needs a window named " + name + " in "
                        + photopeakFile + "; it has " + dicomWindows.keySet());
            }
            return scatter.equals("dew")
                    ? WindowScatterEstimates.dualEnergyWindow(photopeak, lower, WindowScatterEstimates.DEW_K_JASZCZAK)
                    : WindowScatterEstimates.tripleEnergyWindow(photopeak, lower, dicomWindows.get("upper_scatter"));
        }
        switch (scatter) {
            case "none":
                return null;
            case "dew": {
                // k = 0.5 belongs to Jaszczak's 92-125 keV Compton window, not to the narrow TEW windows
                Path dewFile = dir.resolve(DEW_WINDOW + ".hs");
                if (!Files.isRegularFile(dewFile)) {
                    throw InputException.field("--scatter", "dew needs the Compton window " + dewFile
                            + " (92-125 keV for Tc-99m, Jaszczak et al. 1984; its k = 0.5 does not hold for the "
                            + "narrow TEW windows): simulate with the default windows, or use --scatter tew");
                }
                inputs.put(DEW_WINDOW, dewFile.toString());
                return WindowScatterEstimates.dualEnergyWindow(photopeak, Interfile.readProjections(dewFile),
                        WindowScatterEstimates.DEW_K_JASZCZAK);
            }
            case "tew": {
                Path lowerFile = dir.resolve("lower_scatter.hs");
                if (!Files.isRegularFile(lowerFile)) {
                    throw InputException.field("--scatter", scatter + " needs the lower scatter window " + lowerFile);
                }
                inputs.put("lower_scatter", lowerFile.toString());
                ProjectionSet lower = Interfile.readProjections(lowerFile);
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

    private static Volume muMap(Path input, ReconOptions o, ReconstructionGeometry g, Map<String, Object> inputs,
                                double energyKeV) {
        String attenuation = o.attenuation();
        if (attenuation.equals("none")) {
            return null;
        }
        if (attenuation.equals("ct")) {
            Path ct = o.ctFile() != null ? o.ctFile()
                    : Files.isDirectory(input) ? input.resolve("ct").resolve("ct.nii") : null;
            if (ct == null || !Files.isRegularFile(ct)) {
                throw InputException.field("--attenuation", "ct needs a CT in HU: no " + (ct == null
                        ? "--ct given (the input is not a study folder)" : ct.toString()));
            }
            inputs.put("ct", ct.toString());
            inputs.put("ct_kvp", o.ctKvp());
            inputs.put("hu_to_mu", "bilinear (Kinahan et al. 1998) at " + energyKeV + " keV");
            return CtAttenuationMaps.muMap(Nifti.readVolume(ct), BilinearHuConversion.forKVp(o.ctKvp()), energyKeV,
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
        if (mu.grid().sameGeometry(g.imageGrid())) {
            return Volume.of(g.imageGrid(), mu.data().clone(), mu.unit());
        }
        return GridResampler.boxAverage(mu, g.imageGrid(), 0.0);
    }

    /** Parses {@code gaussian:FWHM_MM}, {@code butterworth:FC,ORDER} or {@code none} (null). */
    static PostFilter parseFilter(String spec) {
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
