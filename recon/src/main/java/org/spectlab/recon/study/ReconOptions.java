package org.spectlab.recon.study;

import java.nio.file.Path;

/**
 * How to reconstruct a study: the algorithm and its corrections, with the same names, meanings and
 * defaults as the options of {@code spectlab reconstruct} (errors name those options, e.g.
 * {@code --iterations}). A null in a nullable field means "not given": a study folder's
 * {@code study.json} then supplies it (collimator, intrinsic FWHM, sensitivity, CT kVp), else the
 * documented fallback applies.
 *
 * @param algorithm            osem, mlem, osl-osem or fbp
 * @param iterations           full iterations, 1-1000
 * @param subsets              ordered subsets, 1 to the number of views (MLEM uses 1)
 * @param priorBeta            osl-osem prior strength beta &gt;= 0, or null
 * @param priorGamma           osl-osem edge preservation gamma &gt;= 0
 * @param attenuation          {@code none}, {@code ct} (CT in HU converted bilinearly) or a μ-map file (1/cm)
 * @param ctFile               CT in HU for {@code ct}, or null for the study's {@code ct/ct.nii}
 * @param ctKvp                CT tube voltage, kVp, or null (study.json, else 120)
 * @param scatter              {@code tew}, {@code dew}, {@code none} or an Interfile scatter estimate (counts)
 * @param psf                  model the depth-dependent collimator-detector response (needs a collimator)
 * @param collimator           collimator preset name, or null (study.json)
 * @param intrinsicFwhmMm      intrinsic detector FWHM, mm, or null (study.json, else 3.6)
 * @param filter               {@code gaussian:FWHM_MM}, {@code butterworth:FC,ORDER} (cycles/cm) or {@code none}
 * @param sensitivityCpsPerMBq planar sensitivity of the photopeak window, cps/MBq, or null (study.json, else
 *                             an uncalibrated image in counts/view)
 * @param snapshots            also write {@code recon_it<k>.nii} after each iteration
 * @param threads              worker threads, or null for the available processors
 * @param softwareVersion      written into recon.json
 */
public record ReconOptions(String algorithm, int iterations, int subsets, Double priorBeta, double priorGamma,
                           String attenuation, Path ctFile, Double ctKvp, String scatter, boolean psf,
                           String collimator, Double intrinsicFwhmMm, String filter, Double sensitivityCpsPerMBq,
                           boolean snapshots, Integer threads, String softwareVersion) {
    /** Intrinsic FWHM used when neither the options nor the study give one, mm (typical 3/8" NaI(Tl)). */
    public static final double FALLBACK_INTRINSIC_FWHM_MM = 3.6;
    /** CT tube voltage used when neither the options nor the study give one, kVp. */
    public static final double FALLBACK_CT_KVP = 120;

    /** The command's defaults: OSEM 4 x 8, no corrections, no filter. */
    public static ReconOptions defaults() {
        return new ReconOptions("osem", 4, 8, null, 2, "none", null, null, "none", false, null, null, "none", null,
                false, null, "development");
    }

    /**
     * OSEM with every correction a study folder supports: CT attenuation, TEW scatter and the
     * collimator-detector response (collimator, intrinsic FWHM and calibration from study.json).
     */
    public static ReconOptions allCorrections(int iterations, int subsets) {
        return defaults().withIterations(iterations, subsets).withAttenuation("ct").withScatter("tew").withPsf(true);
    }

    /** Algorithm name. */
    public ReconOptions withAlgorithm(String name) {
        return new ReconOptions(name, iterations, subsets, priorBeta, priorGamma, attenuation, ctFile, ctKvp, scatter,
                psf, collimator, intrinsicFwhmMm, filter, sensitivityCpsPerMBq, snapshots, threads, softwareVersion);
    }

    /** Iterations and subsets. */
    public ReconOptions withIterations(int newIterations, int newSubsets) {
        return new ReconOptions(algorithm, newIterations, newSubsets, priorBeta, priorGamma, attenuation, ctFile, ctKvp,
                scatter, psf, collimator, intrinsicFwhmMm, filter, sensitivityCpsPerMBq, snapshots, threads,
                softwareVersion);
    }

    /** Relative difference prior (osl-osem). */
    public ReconOptions withPrior(Double beta, double gamma) {
        return new ReconOptions(algorithm, iterations, subsets, beta, gamma, attenuation, ctFile, ctKvp, scatter, psf,
                collimator, intrinsicFwhmMm, filter, sensitivityCpsPerMBq, snapshots, threads, softwareVersion);
    }

    /** Attenuation: none, ct or a μ-map file. */
    public ReconOptions withAttenuation(String how) {
        return new ReconOptions(algorithm, iterations, subsets, priorBeta, priorGamma, how, ctFile, ctKvp, scatter, psf,
                collimator, intrinsicFwhmMm, filter, sensitivityCpsPerMBq, snapshots, threads, softwareVersion);
    }

    /** The CT file and tube voltage (each may be null). */
    public ReconOptions withCt(Path file, Double kvp) {
        return new ReconOptions(algorithm, iterations, subsets, priorBeta, priorGamma, attenuation, file, kvp, scatter,
                psf, collimator, intrinsicFwhmMm, filter, sensitivityCpsPerMBq, snapshots, threads, softwareVersion);
    }

    /** Scatter: tew, dew, none or an estimate file. */
    public ReconOptions withScatter(String how) {
        return new ReconOptions(algorithm, iterations, subsets, priorBeta, priorGamma, attenuation, ctFile, ctKvp, how,
                psf, collimator, intrinsicFwhmMm, filter, sensitivityCpsPerMBq, snapshots, threads, softwareVersion);
    }

    /** Collimator-detector response modelling on or off. */
    public ReconOptions withPsf(boolean on) {
        return new ReconOptions(algorithm, iterations, subsets, priorBeta, priorGamma, attenuation, ctFile, ctKvp,
                scatter, on, collimator, intrinsicFwhmMm, filter, sensitivityCpsPerMBq, snapshots, threads,
                softwareVersion);
    }

    /** Camera: collimator preset and intrinsic FWHM, mm (each may be null). */
    public ReconOptions withCamera(String preset, Double intrinsicMm) {
        return new ReconOptions(algorithm, iterations, subsets, priorBeta, priorGamma, attenuation, ctFile, ctKvp,
                scatter, psf, preset, intrinsicMm, filter, sensitivityCpsPerMBq, snapshots, threads, softwareVersion);
    }

    /** Post-filter specification. */
    public ReconOptions withFilter(String spec) {
        return new ReconOptions(algorithm, iterations, subsets, priorBeta, priorGamma, attenuation, ctFile, ctKvp,
                scatter, psf, collimator, intrinsicFwhmMm, spec, sensitivityCpsPerMBq, snapshots, threads,
                softwareVersion);
    }

    /** Planar sensitivity, cps/MBq (null: from the study). */
    public ReconOptions withSensitivity(Double cpsPerMBq) {
        return new ReconOptions(algorithm, iterations, subsets, priorBeta, priorGamma, attenuation, ctFile, ctKvp,
                scatter, psf, collimator, intrinsicFwhmMm, filter, cpsPerMBq, snapshots, threads, softwareVersion);
    }

    /** Per-iteration snapshots on or off. */
    public ReconOptions withSnapshots(boolean on) {
        return new ReconOptions(algorithm, iterations, subsets, priorBeta, priorGamma, attenuation, ctFile, ctKvp,
                scatter, psf, collimator, intrinsicFwhmMm, filter, sensitivityCpsPerMBq, on, threads, softwareVersion);
    }

    /** Worker threads (null: available processors). */
    public ReconOptions withThreads(Integer n) {
        return new ReconOptions(algorithm, iterations, subsets, priorBeta, priorGamma, attenuation, ctFile, ctKvp,
                scatter, psf, collimator, intrinsicFwhmMm, filter, sensitivityCpsPerMBq, snapshots, n, softwareVersion);
    }

    /** Software version for the provenance in recon.json. */
    public ReconOptions withSoftwareVersion(String version) {
        return new ReconOptions(algorithm, iterations, subsets, priorBeta, priorGamma, attenuation, ctFile, ctKvp,
                scatter, psf, collimator, intrinsicFwhmMm, filter, sensitivityCpsPerMBq, snapshots, threads, version);
    }

    /** The worker thread count to use. */
    public int threadCount() {
        return threads == null ? Runtime.getRuntime().availableProcessors() : threads;
    }
}
