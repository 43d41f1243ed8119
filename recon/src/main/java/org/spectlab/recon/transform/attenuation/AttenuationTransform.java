package org.spectlab.recon.transform.attenuation;

import java.util.Arrays;
import java.util.Objects;
import org.spectlab.core.error.InputException;
import org.spectlab.core.grid.Volume;
import org.spectlab.recon.projector.ParallelLoops;
import org.spectlab.recon.projector.RotatedFrame;
import org.spectlab.recon.projector.ViewTransform;

/**
 * Multiplies each rotated-frame sample by its survival probability towards the detector,
 * {@code exp(-∫ μ dl)} from the sample to the detector along the depth axis.
 *
 * <p>The μ-map (1/cm, on the image grid) is resampled into the rotated frame with the same
 * bilinear interpolation as the image; the line integral from plane {@code j} is then
 * {@code Δ (μ_j / 2 + Σ_{j' > j} μ_j')}: half of the sample's own voxel plus every voxel between it
 * and the detector (the exact integral of the piecewise-constant resampled map from the voxel centre).
 * Nothing attenuates beyond the image, or outside the frame's field-of-view cylinder (where the
 * factors are zero: nothing there is seen). A diagonal operator, so its own adjoint.
 *
 * <p>The factors are built from the detector side inwards as a running product,
 * {@code f_j = f_{j+1} exp(-Δ (μ_{j+1} + μ_j) / 2)}, in double precision. When every step is short
 * ({@code μ_max Δ ≤ 0.25}, e.g. 4.42 mm voxels up to μ = 0.56 1/cm, twice cortical bone at 140 keV)
 * each step's exponential is its degree-7 Taylor polynomial (truncation error below
 * {@code 0.25^8/8! < 4e-10} relative per step, so below 1e-7 after a thousand steps, under float
 * rounding); otherwise {@link Math#exp}.
 *
 * <p>The factors of the last view are cached ({@code planes*rows*cols} floats), so a forward
 * projection followed by a back projection of the same view costs one resampling. Not thread-safe.
 */
public final class AttenuationTransform implements ViewTransform {
    /** Largest optical depth of one step for which the Taylor polynomial replaces exp. */
    private static final double MAX_POLYNOMIAL_STEP = 0.25;
    private final RotatedFrame frame;
    private final float[] muPerCm;
    private final float[] factors;
    private final double voxelCm;
    private final boolean shortSteps;
    private int cachedView = -1;

    private AttenuationTransform(RotatedFrame frame, Volume muMapPerCm) {
        this.frame = Objects.requireNonNull(frame, "frame");
        Objects.requireNonNull(muMapPerCm, "muMapPerCm");
        if (!muMapPerCm.grid().sameGeometry(frame.geometry().imageGrid())) {
            throw InputException.field("mu-map", "must be on the reconstruction grid " + frame.geometry().imageGrid()
                    + ", got " + muMapPerCm.grid());
        }
        float[] mu = muMapPerCm.data();
        for (int n = 0; n < mu.length; n++) {
            if (!(mu[n] >= 0) || !Float.isFinite(mu[n])) {
                throw InputException.field("mu-map", "values must be finite and >= 0 1/cm, voxel " + n + " is " + mu[n]);
            }
        }
        this.muPerCm = mu;
        this.factors = new float[frame.size()];
        this.voxelCm = frame.geometry().pixelSizeMm() / 10.0;
        float maxMu = 0f;
        for (float m : mu) {
            maxMu = Math.max(maxMu, m);
        }
        this.shortSteps = maxMu * voxelCm <= MAX_POLYNOMIAL_STEP;
    }

    /** Attenuation from a μ-map in 1/cm on the reconstruction grid (the array is used, not copied). */
    public static AttenuationTransform of(RotatedFrame frame, Volume muMapPerCm) {
        return new AttenuationTransform(frame, muMapPerCm);
    }

    @Override
    public void forward(int view, float[] rotated, ParallelLoops loops) {
        apply(view, rotated, loops);
    }

    @Override
    public void adjoint(int view, float[] rotated, ParallelLoops loops) {
        apply(view, rotated, loops);
    }

    @Override
    public String name() {
        return "attenuation";
    }

    /**
     * The survival factors of view {@code view} in the rotated-frame layout (a view of the internal
     * cache: valid until the next call for another view; do not modify).
     */
    public float[] factors(int view, ParallelLoops loops) {
        if (view != cachedView) {
            computeFactors(view, loops);
            cachedView = view;
        }
        return factors;
    }

    private void apply(int view, float[] rotated, ParallelLoops loops) {
        float[] f = factors(view, loops);
        int size = f.length;
        loops.forRange(frame.planes(), (j0, j1) -> {
            int from = (int) ((long) size * j0 / frame.planes());
            int to = (int) ((long) size * j1 / frame.planes());
            for (int n = from; n < to; n++) {
                rotated[n] *= f[n];
            }
        });
    }

    private void computeFactors(int view, ParallelLoops loops) {
        frame.resample(view, muPerCm, factors, loops);
        final int rows = frame.rows();
        final int cols = frame.cols();
        final int planes = frame.planes();
        final double halfDx = 0.5 * voxelCm;
        loops.forRange(rows, (k0, k1) -> {
            double[] survival = new double[cols];
            double[] previousHalf = new double[cols];
            for (int k = k0; k < k1; k++) {
                Arrays.fill(survival, 1.0);
                Arrays.fill(previousHalf, 0.0);
                for (int j = planes - 1; j >= 0; j--) {
                    int base = cols * (k + rows * j);
                    int to = frame.chordEnd(j);
                    for (int i = frame.chordStart(j); i < to; i++) {
                        double half = halfDx * factors[base + i];
                        double step = previousHalf[i] + half;
                        previousHalf[i] = half;
                        double s = survival[i] * (shortSteps ? expMinusShort(step) : Math.exp(-step));
                        survival[i] = s;
                        factors[base + i] = (float) s;
                    }
                }
            }
        });
    }

    /** {@code exp(-d)} for {@code 0 ≤ d ≤ 0.25}: Taylor polynomial of degree 7 (Horner). */
    private static double expMinusShort(double d) {
        return 1 - d * (1 - d * (1.0 / 2 - d * (1.0 / 6 - d * (1.0 / 24 - d * (1.0 / 120
                - d * (1.0 / 720 - d * (1.0 / 5040)))))));
    }
}
