package org.spectlab.recon.study;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.spectlab.core.error.InputException;
import org.spectlab.core.grid.Volume;
import org.spectlab.core.io.AtomicFiles;
import org.spectlab.core.io.nifti.Nifti;
import org.spectlab.core.projection.ProjectionSet;
import org.spectlab.recon.algorithm.Algorithms;
import org.spectlab.recon.algorithm.IterativeAlgorithm;
import org.spectlab.recon.calibration.QuantitativeCalibration;
import org.spectlab.recon.fbp.ChangCorrection;
import org.spectlab.recon.fbp.FbpWindow;
import org.spectlab.recon.fbp.FilteredBackProjection;
import org.spectlab.recon.filter.PostFilter;
import org.spectlab.recon.metadata.ReconstructionGeometry;
import org.spectlab.recon.prior.RelativeDifferencePrior;
import org.spectlab.recon.projector.ParallelLoops;
import org.spectlab.recon.projector.RotatedFrame;
import org.spectlab.recon.projector.RotationProjector;
import org.spectlab.recon.projector.ViewTransform;
import org.spectlab.recon.transform.attenuation.AttenuationTransform;
import org.spectlab.recon.transform.psf.CollimatorSpec;
import org.spectlab.recon.transform.psf.DepthDependentBlur;

/**
 * Reconstructs a study folder, an Interfile header or a DICOM NM file with the corrections of a
 * {@link ReconOptions} and writes {@code recon.nii} (Bq/mL with a sensitivity, else counts/view per
 * voxel), {@code recon.json} (parameters, inputs, calibration, timings, software version) and, on
 * request, one {@code recon_it<k>.nii} per iteration (post-filtered and calibrated like the final
 * image), all atomically. OSEM/MLEM/OSL-OSEM use the rotation projector with attenuation and
 * depth-dependent blur transforms; FBP subtracts the scatter estimate, uses a ramp filter and, with a
 * μ-map, first-order Chang correction.
 */
public final class StudyReconstruction {
    /** Format tag written into recon.json. */
    public static final String FORMAT = "spectlab-recon/1";

    private StudyReconstruction() {
    }

    /**
     * What a reconstruction produced.
     *
     * @param imageFile        recon.nii
     * @param jsonFile         recon.json
     * @param image            the final image (post-filtered, calibrated)
     * @param inputs           the resolved inputs (options with study defaults, geometry, models)
     * @param iterationSeconds wall time of each iteration (one entry for FBP), s
     * @param totalSeconds     total wall time including reading and writing, s
     */
    public record Result(Path imageFile, Path jsonFile, Volume image, ReconInputs inputs, List<Double> iterationSeconds,
                         double totalSeconds) {
    }

    /**
     * Reads {@code input}, reconstructs and writes into {@code outDir} (created).
     *
     * @param log receives one progress line per iteration
     */
    public static Result run(Path input, Path outDir, ReconOptions options, Consumer<String> log) {
        long start = System.nanoTime();
        ReconInputs in = ReconInputs.read(input, options);
        ReconOptions o = in.options();
        ReconstructionGeometry g = in.geometry();
        ProjectionSet photopeak = in.photopeak();
        PostFilter post = in.postFilter();
        QuantitativeCalibration cal = o.sensitivityCpsPerMBq() == null ? null
                : QuantitativeCalibration.of(o.sensitivityCpsPerMBq(), photopeak.timePerViewS());
        try {
            Files.createDirectories(outDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + outDir, e);
        }
        List<Double> iterationSeconds = new ArrayList<>();
        Volume raw;
        int nThreads = o.threadCount();
        try (ParallelLoops loops = ParallelLoops.of(nThreads)) {
            if (o.algorithm().equals("fbp")) {
                raw = fbp(in, loops, iterationSeconds);
            } else {
                IterativeAlgorithm alg = Algorithms.defaults().get(o.algorithm()).create(new Algorithms.Settings(
                        o.iterations(), o.subsets(), o.priorBeta() == null ? null
                        : RelativeDifferencePrior.of(o.priorBeta(), o.priorGamma())));
                RotatedFrame frame = RotatedFrame.of(g);
                List<ViewTransform> transforms = new ArrayList<>();
                if (in.muMap() != null) {
                    transforms.add(AttenuationTransform.of(frame, in.muMap()));
                }
                if (in.psfModel() != null) {
                    transforms.add(DepthDependentBlur.of(frame, in.psfModel()));
                }
                long[] last = {System.nanoTime()};
                try (RotationProjector a = RotationProjector.of(g, transforms, loops)) {
                    raw = alg.reconstruct(a, photopeak, in.scatter(), (it, image) -> {
                        long now = System.nanoTime();
                        double s = (now - last[0]) * 1e-9;
                        last[0] = now;
                        iterationSeconds.add(s);
                        log.accept(String.format(Locale.ROOT, "iteration %d/%d done (%.1f s)", it, o.iterations(), s));
                        if (o.snapshots()) {
                            Nifti.writeVolume(finish(image, post, cal), outDir.resolve("recon_it" + it + ".nii"));
                        }
                    });
                }
            }
        }
        Volume result = finish(raw, post, cal);
        Path imageFile = outDir.resolve("recon.nii");
        Nifti.writeVolume(result, imageFile);
        Path jsonFile = outDir.resolve("recon.json");
        double total = (System.nanoTime() - start) * 1e-9;
        AtomicFiles.writeString(jsonFile, json(in, nThreads, result, cal, iterationSeconds, total));
        return new Result(imageFile, jsonFile, result, in, List.copyOf(iterationSeconds), total);
    }

    /** Checks the numeric options against the number of views; errors name the command's options. */
    public static void validate(ReconOptions o, int views) {
        String algorithm = o.algorithm();
        if (!Algorithms.defaults().names().contains(algorithm) && !algorithm.equals("fbp")) {
            throw InputException.field("--algorithm", "unknown '" + algorithm + "'; allowed: osem, mlem, osl-osem, fbp");
        }
        if (o.iterations() < 1 || o.iterations() > 1000) {
            throw InputException.field("--iterations", "must be 1 to 1000, got " + o.iterations());
        }
        if (o.subsets() < 1 || o.subsets() > views) {
            throw InputException.field("--subsets", "must be 1 to the number of views (" + views + "), got "
                    + o.subsets());
        }
        if (algorithm.equals("osl-osem") && o.priorBeta() == null) {
            throw InputException.field("--prior-beta", "algorithm osl-osem needs a prior strength beta >= 0");
        }
        Double s = o.sensitivityCpsPerMBq();
        if (s != null && !(s > 0 && Double.isFinite(s))) {
            throw InputException.field("--sensitivity-cps-per-mbq", "must be a positive number, got " + s);
        }
        if (o.threads() != null && (o.threads() < 1 || o.threads() > 1024)) {
            throw InputException.field("--threads", "must be 1 to 1024, got " + o.threads());
        }
    }

    private static Volume fbp(ReconInputs in, ParallelLoops loops, List<Double> iterationSeconds) {
        ProjectionSet data = in.photopeak();
        if (in.scatter() != null) {
            float[] d = data.data().clone();
            float[] s = in.scatter().data();
            for (int n = 0; n < d.length; n++) {
                d[n] -= s[n];
            }
            data = data.withData(d);
        }
        long t0 = System.nanoTime();
        Volume raw = FilteredBackProjection.of(FbpWindow.ramp()).reconstruct(data, loops);
        if (in.muMap() != null) {
            raw = ChangCorrection.of(in.geometry(), in.muMap(), loops).apply(raw);
        }
        iterationSeconds.add((System.nanoTime() - t0) * 1e-9);
        return raw;
    }

    private static Volume finish(Volume image, PostFilter post, QuantitativeCalibration cal) {
        Volume v = post == null ? image : post.apply(image);
        return cal == null ? v : cal.toConcentration(v);
    }

    private static String json(ReconInputs in, int nThreads, Volume result, QuantitativeCalibration cal,
                               List<Double> iterationSeconds, double totalSeconds) {
        ReconOptions o = in.options();
        ReconstructionGeometry g = in.geometry();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("format", FORMAT);
        json.put("software_version", o.softwareVersion());
        json.put("inputs", in.inputs());
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("algorithm", o.algorithm());
        if (!o.algorithm().equals("fbp")) {
            p.put("iterations", o.iterations());
            p.put("subsets", o.algorithm().equals("mlem") ? 1 : o.subsets());
        }
        if (o.priorBeta() != null) {
            p.put("prior", Map.of("name", "rdp", "beta", o.priorBeta(), "gamma", o.priorGamma()));
        }
        p.put("attenuation", in.muMap() == null ? "none" : "mu-map");
        p.put("scatter", o.scatter());
        CollimatorSpec psf = in.psfModel();
        p.put("psf", psf == null ? "off" : Map.of("collimator", o.collimator(), "hole_diameter_mm",
                psf.holeDiameterMm(), "hole_length_mm", psf.holeLengthMm(), "intrinsic_fwhm_mm", o.intrinsicFwhmMm(),
                "lead_mu_per_cm", psf.collimatorMuPerCm()));
        p.put("filter", o.filter());
        p.put("threads", nThreads);
        json.put("parameters", p);
        json.put("grid", Map.of("nx", g.imageGrid().nx(), "ny", g.imageGrid().ny(), "nz", g.imageGrid().nz(),
                "voxel_mm", g.pixelSizeMm()));
        json.put("unit", result.unit());
        json.put("calibration", cal == null ? null : Map.of("sensitivity_cps_per_mbq", cal.sensitivityCpsPerMBq(),
                "time_per_view_s", cal.timePerViewS(), "bq_per_ml_per_count",
                cal.bqPerMlPerCount(g.imageGrid().voxelVolumeMl())));
        json.put("iteration_seconds", iterationSeconds);
        json.put("total_seconds", totalSeconds);
        json.put("image", "recon.nii");
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(json) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise recon.json", e);
        }
    }
}
