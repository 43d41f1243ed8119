package org.spectlab.recon.calibration;

import org.spectlab.core.error.InputException;
import org.spectlab.core.grid.Volume;

/**
 * Converts a reconstructed image to activity concentration.
 *
 * <p>Derivation for this module's projectors: the system matrix maps a voxel of value {@code x} to
 * {@code x} counts per view before attenuation (the collimator-detector response is normalised to
 * one), so {@code x} is the count a view would record from that voxel in air. A planar system
 * sensitivity {@code S} (cps/MBq, measured in air per NEMA NU 1) gives {@code S · A · t} counts per
 * view from an activity {@code A} (MBq) over the time per view {@code t} (s). Hence
 * {@code A_voxel = x / (S t)} MBq and
 * {@code C = 10^6 · x / (S · t · V_voxel)} Bq/mL with the voxel volume {@code V_voxel} in mL.
 * Decay during the acquisition and dead time are not corrected (the caller may fold them into S).
 *
 * @param sensitivityCpsPerMBq planar system sensitivity of the photopeak window, cps/MBq
 * @param timePerViewS         acquisition time per view, s
 */
public record QuantitativeCalibration(double sensitivityCpsPerMBq, double timePerViewS) {
    /** Unit label of calibrated images. */
    public static final String UNIT = "Bq/mL";

    /** Validates positive finite values. */
    public QuantitativeCalibration {
        if (!(sensitivityCpsPerMBq > 0) || !Double.isFinite(sensitivityCpsPerMBq)) {
            throw InputException.field("sensitivity (cps/MBq)", "must be positive, got " + sensitivityCpsPerMBq);
        }
        if (!(timePerViewS > 0) || !Double.isFinite(timePerViewS)) {
            throw InputException.field("time per view (s)", "must be positive, got " + timePerViewS);
        }
    }

    /** A calibration from a sensitivity (cps/MBq) and a time per view (s). */
    public static QuantitativeCalibration of(double sensitivityCpsPerMBq, double timePerViewS) {
        return new QuantitativeCalibration(sensitivityCpsPerMBq, timePerViewS);
    }

    /** Bq/mL per (count per view) in a voxel of {@code voxelVolumeMl}. */
    public double bqPerMlPerCount(double voxelVolumeMl) {
        return 1e6 / (sensitivityCpsPerMBq * timePerViewS * voxelVolumeMl);
    }

    /** Counts per view from a voxel of {@code voxelVolumeMl} at {@code concentrationBqPerMl} (the inverse). */
    public double countsPerView(double concentrationBqPerMl, double voxelVolumeMl) {
        return concentrationBqPerMl / bqPerMlPerCount(voxelVolumeMl);
    }

    /** A new volume in Bq/mL from an image in counts per view. */
    public Volume toConcentration(Volume countsPerView) {
        double f = bqPerMlPerCount(countsPerView.grid().voxelVolumeMl());
        float[] in = countsPerView.data();
        float[] out = new float[in.length];
        for (int n = 0; n < in.length; n++) {
            out[n] = (float) (in[n] * f);
        }
        return Volume.of(countsPerView.grid(), out, UNIT);
    }
}
