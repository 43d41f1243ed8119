package org.spectlab.recon.ct;

import org.spectlab.core.grid.Grid3;
import org.spectlab.core.grid.Volume;

/**
 * Resamples a volume onto another grid by box averaging: each target voxel receives the mean of the
 * source over the target voxel's box, each source voxel weighted by its overlap (source voxels are taken
 * as constant over their boxes). Parts of a target box outside the source grid count with
 * {@code outsideValue}. Box averaging of a piecewise-constant field is separable, so it is done axis by
 * axis; it conserves the integral where the grids overlap. Axis-aligned grids only (no rotation).
 */
public final class GridResampler {
    private GridResampler() {
    }

    /**
     * Box-averages {@code source} onto {@code target}.
     *
     * @param outsideValue value of the field outside the source grid (0 for μ, -1000 for HU)
     */
    public static Volume boxAverage(Volume source, Grid3 target, double outsideValue) {
        Grid3 s = source.grid();
        Axis ax = Axis.of(s.nx(), s.voxelXMm(), s.originXMm(), target.nx(), target.voxelXMm(), target.originXMm());
        Axis ay = Axis.of(s.ny(), s.voxelYMm(), s.originYMm(), target.ny(), target.voxelYMm(), target.originYMm());
        Axis az = Axis.of(s.nz(), s.voxelZMm(), s.originZMm(), target.nz(), target.voxelZMm(), target.originZMm());
        float[] a = source.data();
        // x pass: (snx, sny, snz) -> (tnx, sny, snz)
        int tnx = target.nx();
        int tny = target.ny();
        int tnz = target.nz();
        float[] b = new float[tnx * s.ny() * s.nz()];
        for (int line = 0; line < s.ny() * s.nz(); line++) {
            ax.apply(a, line * s.nx(), 1, b, line * tnx, 1, outsideValue);
        }
        float[] c = new float[tnx * tny * s.nz()];
        for (int k = 0; k < s.nz(); k++) {
            for (int i = 0; i < tnx; i++) {
                ay.apply(b, i + tnx * s.ny() * k, tnx, c, i + tnx * tny * k, tnx, outsideValue);
            }
        }
        float[] d = new float[tnx * tny * tnz];
        int plane = tnx * tny;
        for (int p = 0; p < plane; p++) {
            az.apply(c, p, plane, d, p, plane, outsideValue);
        }
        return Volume.of(target, d, source.unit());
    }

    /** Overlap weights of target voxels over source voxels along one axis. */
    private record Axis(int[] first, int[] count, double[] weights, int[] offset, double[] outside) {
        static Axis of(int ns, double ds, double os, int nt, double dt, double ot) {
            int[] first = new int[nt];
            int[] count = new int[nt];
            int[] offset = new int[nt];
            double[] outside = new double[nt];
            double[] w = new double[nt * (int) (Math.ceil(dt / ds) + 2)];
            int used = 0;
            double sEdge0 = os - 0.5 * ds;
            for (int t = 0; t < nt; t++) {
                double lo = ot + t * dt - 0.5 * dt;
                double hi = lo + dt;
                int i0 = Math.max(0, (int) Math.floor((lo - sEdge0) / ds));
                int i1 = Math.min(ns - 1, (int) Math.floor((hi - sEdge0) / ds));
                first[t] = i0;
                offset[t] = used;
                double inside = 0;
                int n = 0;
                for (int i = i0; i <= i1; i++) {
                    double a = sEdge0 + i * ds;
                    double ov = Math.min(hi, a + ds) - Math.max(lo, a);
                    if (ov < 0) {
                        ov = 0;
                    }
                    w[used + n] = ov / dt;
                    inside += ov;
                    n++;
                }
                count[t] = Math.max(n, 0);
                used += count[t];
                outside[t] = Math.max(0, 1 - inside / dt);
            }
            return new Axis(first, count, w, offset, outside);
        }

        void apply(float[] src, int srcStart, int srcStride, float[] dst, int dstStart, int dstStride,
                   double outsideValue) {
            for (int t = 0; t < first.length; t++) {
                double acc = outside[t] * outsideValue;
                int o = offset[t];
                int si = srcStart + first[t] * srcStride;
                for (int q = 0; q < count[t]; q++, si += srcStride) {
                    acc += weights[o + q] * src[si];
                }
                dst[dstStart + t * dstStride] = (float) acc;
            }
        }
    }
}
