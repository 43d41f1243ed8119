package org.spectlab.recon.algorithm;

import java.util.Arrays;
import java.util.Objects;
import org.spectlab.core.error.InputException;
import org.spectlab.core.grid.Grid3;
import org.spectlab.core.grid.Volume;
import org.spectlab.core.projection.ProjectionSet;
import org.spectlab.recon.metadata.ReconstructionGeometry;
import org.spectlab.recon.prior.Prior;
import org.spectlab.recon.projector.ParallelLoops;
import org.spectlab.recon.projector.SystemMatrix;

/**
 * Ordered-subsets expectation maximisation (Hudson HM, Larkin RS, "Accelerated image
 * reconstruction using ordered subsets of projection data", IEEE TMI 13 (1994) 601-609) for
 * {@code y ~ Poisson(A x + s)}:
 * {@code x ← x / (S_b + ∇U(x)/B) · Σ_{v∈b} A_vᵀ [y_v / (A_v x + s_v)]}, with the subset sensitivity
 * {@code S_b = Σ_{v∈b} A_vᵀ 1}, B subsets and an optional prior U applied one-step-late (Green PJ,
 * IEEE TMI 9 (1990) 84-93). One subset is MLEM (Shepp &amp; Vardi 1982).
 *
 * <p>Start image: uniform, scaled so that its total matches the measured counts. Voxels with zero
 * sensitivity are set to zero. Bins with {@code A x + s = 0} contribute nothing. With a prior, the
 * denominator is clamped below at 1% of the subset sensitivity to keep the update positive.
 * Memory: one image per subset for the sensitivities. Deterministic: views are summed in a fixed
 * order, whatever the projector's thread count.
 */
public final class Osem implements IterativeAlgorithm {
    private final int iterations;
    private final int subsets;
    private final Prior prior;

    private Osem(int iterations, int subsets, Prior prior) {
        if (iterations < 1 || iterations > 100_000) {
            throw InputException.field("iterations", "must be 1 to 100000, got " + iterations);
        }
        if (subsets < 1) {
            throw InputException.field("subsets", "must be >= 1, got " + subsets);
        }
        this.iterations = iterations;
        this.subsets = subsets;
        this.prior = prior;
    }

    /** OSEM with the given iterations and subsets. */
    public static Osem of(int iterations, int subsets) {
        return new Osem(iterations, subsets, null);
    }

    /** MLEM: OSEM with one subset. */
    public static Osem mlem(int iterations) {
        return new Osem(iterations, 1, null);
    }

    /** One-step-late MAP-OSEM with a prior. */
    public static Osem oneStepLate(int iterations, int subsets, Prior prior) {
        return new Osem(iterations, subsets, Objects.requireNonNull(prior, "prior"));
    }

    /** Iterations. */
    public int iterations() {
        return iterations;
    }

    /** Subsets. */
    public int subsets() {
        return subsets;
    }

    @Override
    public String name() {
        return prior != null ? "osl-osem" : subsets == 1 ? "mlem" : "osem";
    }

    @Override
    public Volume reconstruct(SystemMatrix a, ProjectionSet measured, ProjectionSet scatter,
                              IterationListener listener) {
        ReconstructionGeometry g = a.geometry();
        checkMatrix("measured projections", g, measured);
        if (scatter != null) {
            checkMatrix("scatter projections", g, scatter);
        }
        Objects.requireNonNull(listener, "listener");
        float[][] sensitivity = sensitivities(a);
        return reconstruct(a, measured, scatter, sensitivity, listener);
    }

    /**
     * The subset sensitivity images {@code S_b = Σ_{v∈b} A_vᵀ 1}, in this algorithm's subset
     * order (one image per subset). Reusable across reconstructions with the same system matrix
     * and subsets (e.g. several frames or windows).
     */
    public float[][] sensitivities(SystemMatrix a) {
        ReconstructionGeometry g = a.geometry();
        int[][] order = SubsetOrder.of(g.views(), subsets);
        float[][] sensitivity = new float[order.length][];
        float[] ones = new float[g.viewSize()];
        Arrays.fill(ones, 1f);
        for (int b = 0; b < order.length; b++) {
            float[] sens = new float[g.voxelCount()];
            for (int v : order[b]) {
                a.backView(v, ones, sens);
            }
            sensitivity[b] = sens;
        }
        return sensitivity;
    }

    /**
     * Reconstructs with precomputed subset sensitivities (from {@link #sensitivities} with the same
     * system matrix); otherwise as {@link #reconstruct(SystemMatrix, ProjectionSet, ProjectionSet, IterationListener)}.
     */
    public Volume reconstruct(SystemMatrix a, ProjectionSet measured, ProjectionSet scatter, float[][] sensitivity,
                              IterationListener listener) {
        ReconstructionGeometry g = a.geometry();
        checkMatrix("measured projections", g, measured);
        if (scatter != null) {
            checkMatrix("scatter projections", g, scatter);
        }
        Objects.requireNonNull(listener, "listener");
        int[][] order = SubsetOrder.of(g.views(), subsets);
        if (sensitivity.length != order.length) {
            throw new IllegalArgumentException("need " + order.length + " sensitivity images, got " + sensitivity.length);
        }
        int nVox = g.voxelCount();
        int viewSize = g.viewSize();
        float[] y = measured.data();
        float[] s = scatter == null ? null : scatter.data();
        double sensitivityTotal = 0;
        for (float[] sens : sensitivity) {
            for (float value : sens) {
                sensitivityTotal += value;
            }
        }
        double net = 0;
        for (int n = 0; n < y.length; n++) {
            net += y[n] - (s == null ? 0 : s[n]);
        }
        float start = (float) Math.max(net / Math.max(sensitivityTotal, Double.MIN_NORMAL), 1e-6);
        float[] x = new float[nVox];
        Arrays.fill(x, start);

        float[] numerator = new float[nVox];
        float[] expected = new float[viewSize];
        float[] ratio = new float[viewSize];
        float[] priorGradient = prior == null ? null : new float[nVox];
        Grid3 grid = g.imageGrid();
        try (ParallelLoops serial = ParallelLoops.of(1)) {
            for (int it = 1; it <= iterations; it++) {
                for (int b = 0; b < order.length; b++) {
                    Arrays.fill(numerator, 0f);
                    for (int v : order[b]) {
                        a.forwardView(v, x, expected);
                        int off = v * viewSize;
                        for (int n = 0; n < viewSize; n++) {
                            double model = expected[n] + (s == null ? 0f : s[off + n]);
                            ratio[n] = model > 0 ? (float) (y[off + n] / model) : 0f;
                        }
                        a.backView(v, ratio, numerator);
                    }
                    if (prior != null) {
                        prior.gradient(x, grid, priorGradient, serial);
                    }
                    update(x, numerator, sensitivity[b], priorGradient, order.length);
                }
                listener.onIteration(it, Volume.of(grid, x.clone(), IMAGE_UNIT));
            }
        }
        return Volume.of(grid, x, IMAGE_UNIT);
    }

    private static void update(float[] x, float[] numerator, float[] sens, float[] priorGradient, int nSubsets) {
        for (int n = 0; n < x.length; n++) {
            float sn = sens[n];
            if (!(sn > 0)) {
                x[n] = 0f;
                continue;
            }
            double den = sn;
            if (priorGradient != null) {
                den = Math.max(sn + priorGradient[n] / nSubsets, 0.01 * sn);
            }
            x[n] = (float) (x[n] * numerator[n] / den);
        }
    }

    private static void checkMatrix(String what, ReconstructionGeometry g, ProjectionSet p) {
        if (p.views() != g.views() || p.rows() != g.rows() || p.cols() != g.cols()) {
            throw InputException.field(what, "must have " + g.views() + " views of " + g.rows() + "x" + g.cols()
                    + ", got " + p.views() + " views of " + p.rows() + "x" + p.cols());
        }
    }
}
