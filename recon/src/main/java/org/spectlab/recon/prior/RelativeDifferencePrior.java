package org.spectlab.recon.prior;

import org.spectlab.core.error.InputException;
import org.spectlab.core.grid.Grid3;
import org.spectlab.recon.projector.ParallelLoops;

/**
 * Relative difference prior (Nuyts J, Bequé D, Dupont P, Mortelmans L, "A concave prior penalizing
 * relative differences for maximum-a-posteriori reconstruction in emission tomography", IEEE TNS 49
 * (2002) 56-60):
 * {@code U(x) = (β/2) Σ_j Σ_{k ∈ N_j} w_jk (x_j - x_k)² / (x_j + x_k + γ |x_j - x_k|)}
 * over the 26-neighbourhood with inverse-distance weights {@code w_jk = 1/|j-k|} (voxel units).
 * Its gradient is {@code β Σ_k w_jk (x_j - x_k)(x_j + 3 x_k + γ |x_j - x_k|) / (x_j + x_k + γ |x_j - x_k|)²};
 * pairs of zero voxels contribute nothing.
 *
 * @param beta  strength β (≥ 0), in units of the image (counts per view)
 * @param gamma edge preservation γ (≥ 0; 2 is common)
 */
public record RelativeDifferencePrior(double beta, double gamma) implements Prior {

    /** Validates β, γ ≥ 0 and finite. */
    public RelativeDifferencePrior {
        if (!(beta >= 0) || !Double.isFinite(beta)) {
            throw InputException.field("prior beta", "must be a finite number >= 0, got " + beta);
        }
        if (!(gamma >= 0) || !Double.isFinite(gamma)) {
            throw InputException.field("prior gamma", "must be a finite number >= 0, got " + gamma);
        }
    }

    /** A relative difference prior of strength β and edge parameter γ. */
    public static RelativeDifferencePrior of(double beta, double gamma) {
        return new RelativeDifferencePrior(beta, gamma);
    }

    @Override
    public String name() {
        return "rdp";
    }

    @Override
    public double value(float[] x, Grid3 g) {
        int nx = g.nx();
        int ny = g.ny();
        int nz = g.nz();
        double total = 0;
        for (int k = 0; k < nz; k++) {
            for (int j = 0; j < ny; j++) {
                for (int i = 0; i < nx; i++) {
                    double a = x[i + nx * (j + ny * k)];
                    for (int dz = -1; dz <= 1; dz++) {
                        for (int dy = -1; dy <= 1; dy++) {
                            for (int dx = -1; dx <= 1; dx++) {
                                int ii = i + dx;
                                int jj = j + dy;
                                int kk = k + dz;
                                if ((dx | dy | dz) == 0 || ii < 0 || jj < 0 || kk < 0 || ii >= nx || jj >= ny
                                        || kk >= nz) {
                                    continue;
                                }
                                double b = x[ii + nx * (jj + ny * kk)];
                                double diff = a - b;
                                double den = a + b + gamma * Math.abs(diff);
                                if (den > 0) {
                                    total += weight(dx, dy, dz) * diff * diff / den;
                                }
                            }
                        }
                    }
                }
            }
        }
        return 0.5 * beta * total;
    }

    @Override
    public void gradient(float[] x, Grid3 g, float[] out, ParallelLoops loops) {
        final int nx = g.nx();
        final int ny = g.ny();
        final int nz = g.nz();
        loops.forRange(nz, (k0, k1) -> {
            for (int k = k0; k < k1; k++) {
                for (int j = 0; j < ny; j++) {
                    for (int i = 0; i < nx; i++) {
                        double a = x[i + nx * (j + ny * k)];
                        double grad = 0;
                        for (int dz = -1; dz <= 1; dz++) {
                            int kk = k + dz;
                            if (kk < 0 || kk >= nz) {
                                continue;
                            }
                            for (int dy = -1; dy <= 1; dy++) {
                                int jj = j + dy;
                                if (jj < 0 || jj >= ny) {
                                    continue;
                                }
                                for (int dx = -1; dx <= 1; dx++) {
                                    int ii = i + dx;
                                    if ((dx | dy | dz) == 0 || ii < 0 || ii >= nx) {
                                        continue;
                                    }
                                    double b = x[ii + nx * (jj + ny * kk)];
                                    double diff = a - b;
                                    double absDiff = Math.abs(diff);
                                    double den = a + b + gamma * absDiff;
                                    if (den > 0) {
                                        grad += weight(dx, dy, dz) * diff * (a + 3 * b + gamma * absDiff) / (den * den);
                                    }
                                }
                            }
                        }
                        out[i + nx * (j + ny * k)] = (float) (beta * grad);
                    }
                }
            }
        });
    }

    private static double weight(int dx, int dy, int dz) {
        int d2 = dx * dx + dy * dy + dz * dz;
        return d2 == 1 ? 1.0 : d2 == 2 ? INV_SQRT2 : INV_SQRT3;
    }

    private static final double INV_SQRT2 = 1.0 / Math.sqrt(2.0);
    private static final double INV_SQRT3 = 1.0 / Math.sqrt(3.0);
}
