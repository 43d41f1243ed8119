package org.spectlab.recon.fbp;

import java.util.Objects;
import org.spectlab.core.error.InputException;
import org.spectlab.core.grid.Volume;
import org.spectlab.recon.metadata.ReconstructionGeometry;
import org.spectlab.recon.projector.ParallelLoops;
import org.spectlab.recon.projector.RotatedFrame;
import org.spectlab.recon.transform.attenuation.AttenuationTransform;

/**
 * Chang's first-order post-reconstruction attenuation correction (Chang LT, "A method for
 * attenuation correction in radionuclide computed tomography", IEEE TNS 25 (1978) 638-643): each
 * voxel is multiplied by {@code C = 1 / ((1/M) Σ_m exp(-∫ μ dl))}, the inverse of its survival
 * probability averaged over the M views of the orbit.
 *
 * <p>The survival probabilities are the projector's own ({@link AttenuationTransform}: from the
 * voxel to the edge of the μ-map along each view's depth axis), read back at each voxel centre by
 * bilinear interpolation in the rotated frame. Chang's original method uses a uniform μ inside the
 * body outline ({@link #uniformMuMap}); any μ-map works. First order only: no iterative
 * refinement, so it over- or under-corrects by a few percent away from the centre of non-circular bodies.
 */
public final class ChangCorrection {
    private final Volume factors;

    private ChangCorrection(Volume factors) {
        this.factors = factors;
    }

    /**
     * The correction factors of an orbit and a μ-map (1/cm on the geometry's image grid).
     *
     * @param loops threads for the computation
     */
    public static ChangCorrection of(ReconstructionGeometry geometry, Volume muMapPerCm, ParallelLoops loops) {
        Objects.requireNonNull(geometry, "geometry");
        RotatedFrame frame = RotatedFrame.of(geometry);
        AttenuationTransform att = AttenuationTransform.of(frame, muMapPerCm);
        int nx = geometry.imageGrid().nx();
        int ny = geometry.imageGrid().ny();
        int rows = frame.rows();
        int cols = frame.cols();
        int planes = frame.planes();
        int views = geometry.views();
        double[] sum = new double[geometry.voxelCount()];
        for (int v = 0; v < views; v++) {
            float[] f = att.factors(v, loops);
            double c = frame.cos(v);
            double s = frame.sin(v);
            loops.forRange(rows, (k0, k1) -> {
                for (int k = k0; k < k1; k++) {
                    for (int j = 0; j < ny; j++) {
                        double y = j - 0.5 * (ny - 1);
                        for (int i = 0; i < nx; i++) {
                            double x = i - 0.5 * (nx - 1);
                            // Inverse of the frame's rotation: column and depth coordinates of the voxel.
                            double fi = x * c + y * s + 0.5 * (cols - 1);
                            double fj = x * s - y * c + 0.5 * (planes - 1);
                            sum[i + nx * (j + ny * k)] += sample(f, fi, fj, k, rows, cols, planes);
                        }
                    }
                }
            });
        }
        float[] out = new float[sum.length];
        for (int n = 0; n < out.length; n++) {
            double mean = sum[n] / views;
            out[n] = mean > 0 ? (float) (1.0 / mean) : 1f;
        }
        return new ChangCorrection(Volume.of(geometry.imageGrid(), out, "1"));
    }

    /**
     * A uniform μ-map: {@code muPerCm} where {@code bodyMask > 0.5}, zero elsewhere (the body
     * outline of Chang's method).
     */
    public static Volume uniformMuMap(Volume bodyMask, double muPerCm) {
        if (!(muPerCm >= 0) || !Double.isFinite(muPerCm)) {
            throw InputException.field("Chang mu (1/cm)", "must be a finite number >= 0, got " + muPerCm);
        }
        float[] m = bodyMask.data();
        float[] out = new float[m.length];
        for (int n = 0; n < m.length; n++) {
            out[n] = m[n] > 0.5f ? (float) muPerCm : 0f;
        }
        return Volume.of(bodyMask.grid(), out, "1/cm");
    }

    /** The multiplicative factors (dimensionless, ≥ 1 inside attenuating bodies). */
    public Volume factors() {
        return factors;
    }

    /** A corrected copy of {@code image}. */
    public Volume apply(Volume image) {
        if (!image.grid().sameGeometry(factors.grid())) {
            throw InputException.field("image", "must be on the grid of the Chang factors " + factors.grid());
        }
        float[] in = image.data();
        float[] f = factors.data();
        float[] out = new float[in.length];
        for (int n = 0; n < in.length; n++) {
            out[n] = in[n] * f[n];
        }
        return Volume.of(image.grid(), out, image.unit());
    }

    private static double sample(float[] f, double fi, double fj, int k, int rows, int cols, int planes) {
        int i0 = (int) Math.floor(fi);
        int j0 = (int) Math.floor(fj);
        double wi = fi - i0;
        double wj = fj - j0;
        double acc = 0;
        double wsum = 0;
        for (int dj = 0; dj <= 1; dj++) {
            int jj = j0 + dj;
            if (jj < 0 || jj >= planes) {
                continue;
            }
            for (int di = 0; di <= 1; di++) {
                int ii = i0 + di;
                if (ii < 0 || ii >= cols) {
                    continue;
                }
                double w = (di == 0 ? 1 - wi : wi) * (dj == 0 ? 1 - wj : wj);
                acc += w * f[ii + cols * (k + rows * jj)];
                wsum += w;
            }
        }
        return wsum > 0 ? acc / wsum : 1.0;
    }
}
