package org.spectlab.metrics.roi;

import java.util.Arrays;
import org.spectlab.core.grid.Grid3;
import org.spectlab.core.grid.Volume;
import org.spectlab.metrics.detection.PointMm;

/**
 * A region of interest as sparse voxel weights in [0, 1] on a grid: the fraction of each voxel inside
 * the region (see the package documentation for how fractions are computed).
 *
 * <p>The arrays are owned by this object; do not modify them.
 */
public final class RoiWeights {

    /** Default sub-samples per axis for boundary voxels of spheres (8^3 = 512 per voxel). */
    public static final int DEFAULT_SUBSAMPLES = 8;
    /** Default sub-samples per axis for boundary voxels of discs (32^2 = 1024 per voxel). */
    public static final int DEFAULT_DISC_SUBSAMPLES = 32;

    private final Grid3 grid;
    private final int[] indices;
    private final double[] weights;

    private RoiWeights(Grid3 grid, int[] indices, double[] weights) {
        this.grid = grid;
        this.indices = indices;
        this.weights = weights;
    }

    /** A sphere ROI with the default sub-sampling. */
    public static RoiWeights sphere(Grid3 grid, PointMm centre, double radiusMm) {
        return sphere(grid, centre, radiusMm, DEFAULT_SUBSAMPLES);
    }

    /**
     * A sphere ROI.
     *
     * @param grid       the grid
     * @param centre     sphere centre, mm
     * @param radiusMm   sphere radius, mm (positive)
     * @param subsamples sub-samples per axis for boundary voxels (1 = voxel-centre test only)
     */
    public static RoiWeights sphere(Grid3 grid, PointMm centre, double radiusMm, int subsamples) {
        requirePositive(radiusMm, subsamples);
        double hx = 0.5 * grid.voxelXMm();
        double hy = 0.5 * grid.voxelYMm();
        double hz = 0.5 * grid.voxelZMm();
        int i0 = Math.max(0, (int) Math.floor(grid.toVoxelX(centre.xMm() - radiusMm) - 0.5));
        int i1 = Math.min(grid.nx() - 1, (int) Math.ceil(grid.toVoxelX(centre.xMm() + radiusMm) + 0.5));
        int j0 = Math.max(0, (int) Math.floor(grid.toVoxelY(centre.yMm() - radiusMm) - 0.5));
        int j1 = Math.min(grid.ny() - 1, (int) Math.ceil(grid.toVoxelY(centre.yMm() + radiusMm) + 0.5));
        int k0 = Math.max(0, (int) Math.floor(grid.toVoxelZ(centre.zMm() - radiusMm) - 0.5));
        int k1 = Math.min(grid.nz() - 1, (int) Math.ceil(grid.toVoxelZ(centre.zMm() + radiusMm) + 0.5));
        Builder b = new Builder();
        double r2 = radiusMm * radiusMm;
        for (int k = k0; k <= k1; k++) {
            double dz = Math.abs(grid.zMm(k) - centre.zMm());
            for (int j = j0; j <= j1; j++) {
                double dy = Math.abs(grid.yMm(j) - centre.yMm());
                for (int i = i0; i <= i1; i++) {
                    double dx = Math.abs(grid.xMm(i) - centre.xMm());
                    double near = sq(Math.max(0, dx - hx)) + sq(Math.max(0, dy - hy)) + sq(Math.max(0, dz - hz));
                    if (near > r2) {
                        continue;
                    }
                    double far = sq(dx + hx) + sq(dy + hy) + sq(dz + hz);
                    double w;
                    if (far <= r2) {
                        w = 1;
                    } else {
                        w = sphereFraction(grid.xMm(i) - centre.xMm(), grid.yMm(j) - centre.yMm(),
                                grid.zMm(k) - centre.zMm(), hx, hy, hz, r2, subsamples);
                    }
                    if (w > 0) {
                        b.add(grid.index(i, j, k), w);
                    }
                }
            }
        }
        return b.build(grid);
    }

    /** A disc ROI with the default sub-sampling. */
    public static RoiWeights disc(Grid3 grid, PointMm centre, double radiusMm) {
        return disc(grid, centre, radiusMm, DEFAULT_DISC_SUBSAMPLES);
    }

    /**
     * A disc ROI: a circle of the given radius in the transverse slice nearest to {@code centre.zMm()},
     * each voxel weighted by the fraction of its in-plane area inside the circle.
     *
     * @throws IllegalArgumentException when the centre's z lies outside the grid
     */
    public static RoiWeights disc(Grid3 grid, PointMm centre, double radiusMm, int subsamples) {
        requirePositive(radiusMm, subsamples);
        int k = (int) Math.round(grid.toVoxelZ(centre.zMm()));
        if (k < 0 || k >= grid.nz()) {
            throw new IllegalArgumentException("disc ROI at z = " + centre.zMm() + " mm is outside the grid");
        }
        double hx = 0.5 * grid.voxelXMm();
        double hy = 0.5 * grid.voxelYMm();
        int i0 = Math.max(0, (int) Math.floor(grid.toVoxelX(centre.xMm() - radiusMm) - 0.5));
        int i1 = Math.min(grid.nx() - 1, (int) Math.ceil(grid.toVoxelX(centre.xMm() + radiusMm) + 0.5));
        int j0 = Math.max(0, (int) Math.floor(grid.toVoxelY(centre.yMm() - radiusMm) - 0.5));
        int j1 = Math.min(grid.ny() - 1, (int) Math.ceil(grid.toVoxelY(centre.yMm() + radiusMm) + 0.5));
        Builder b = new Builder();
        double r2 = radiusMm * radiusMm;
        for (int j = j0; j <= j1; j++) {
            double dy = Math.abs(grid.yMm(j) - centre.yMm());
            for (int i = i0; i <= i1; i++) {
                double dx = Math.abs(grid.xMm(i) - centre.xMm());
                double near = sq(Math.max(0, dx - hx)) + sq(Math.max(0, dy - hy));
                if (near > r2) {
                    continue;
                }
                double w;
                if (sq(dx + hx) + sq(dy + hy) <= r2) {
                    w = 1;
                } else {
                    w = discFraction(grid.xMm(i) - centre.xMm(), grid.yMm(j) - centre.yMm(), hx, hy, r2, subsamples);
                }
                if (w > 0) {
                    b.add(grid.index(i, j, k), w);
                }
            }
        }
        return b.build(grid);
    }

    /** The grid. */
    public Grid3 grid() {
        return grid;
    }

    /** Flat voxel indices with non-zero weight; not a copy. */
    public int[] indices() {
        return indices;
    }

    /** Weights matching {@link #indices()}; not a copy. */
    public double[] weights() {
        return weights;
    }

    /** Sum of weights (the ROI size in voxels). */
    public double totalWeight() {
        double s = 0;
        for (double w : weights) {
            s += w;
        }
        return s;
    }

    /** ROI volume, mL (sum of weights times the voxel volume). */
    public double volumeMl() {
        return totalWeight() * grid.voxelVolumeMl();
    }

    /**
     * Weighted mean of the volume over the ROI.
     *
     * @throws IllegalArgumentException when the volume is on another grid or the ROI is empty
     */
    public double mean(Volume v) {
        requireGrid(v);
        float[] d = v.data();
        double s = 0;
        double ws = 0;
        for (int n = 0; n < indices.length; n++) {
            s += weights[n] * d[indices[n]];
            ws += weights[n];
        }
        if (ws == 0) {
            throw new IllegalArgumentException("ROI does not overlap the grid");
        }
        return s / ws;
    }

    /**
     * Weighted standard deviation of the voxel values in the ROI, with the reliability-weights
     * correction {@code V1 / (V1^2 - V2)} (reduces to the usual n-1 estimator for unit weights).
     */
    public double standardDeviation(Volume v) {
        double m = mean(v);
        float[] d = v.data();
        double s = 0;
        double v1 = 0;
        double v2 = 0;
        for (int n = 0; n < indices.length; n++) {
            double e = d[indices[n]] - m;
            s += weights[n] * e * e;
            v1 += weights[n];
            v2 += weights[n] * weights[n];
        }
        double denom = v1 - v2 / v1;
        return denom > 0 ? Math.sqrt(s / denom) : Double.NaN;
    }

    /**
     * Mean of the ROI's partial-volume mixing {@code sum w (1 - w) / sum w}: the largest relative bias a
     * fractional-voxel ROI mean can have on an image voxelised with the same fractions (a perfect image
     * of a sphere of contrast c is measured within {@code c} times this fraction).
     */
    public double boundaryFraction() {
        double s = 0;
        double ws = 0;
        for (double w : weights) {
            s += w * (1 - w);
            ws += w;
        }
        return ws == 0 ? 0 : s / ws;
    }

    private void requireGrid(Volume v) {
        if (!v.grid().sameGeometry(grid)) {
            throw new IllegalArgumentException("volume grid differs from the ROI grid");
        }
    }

    private static double sphereFraction(double cx, double cy, double cz, double hx, double hy, double hz,
                                         double r2, int s) {
        int inside = 0;
        for (int c = 0; c < s; c++) {
            double z = cz - hz + (c + 0.5) * 2 * hz / s;
            for (int b = 0; b < s; b++) {
                double y = cy - hy + (b + 0.5) * 2 * hy / s;
                for (int a = 0; a < s; a++) {
                    double x = cx - hx + (a + 0.5) * 2 * hx / s;
                    if (x * x + y * y + z * z <= r2) {
                        inside++;
                    }
                }
            }
        }
        return inside / (double) (s * s * s);
    }

    private static double discFraction(double cx, double cy, double hx, double hy, double r2, int s) {
        int inside = 0;
        for (int b = 0; b < s; b++) {
            double y = cy - hy + (b + 0.5) * 2 * hy / s;
            for (int a = 0; a < s; a++) {
                double x = cx - hx + (a + 0.5) * 2 * hx / s;
                if (x * x + y * y <= r2) {
                    inside++;
                }
            }
        }
        return inside / (double) (s * s);
    }

    private static void requirePositive(double radiusMm, int subsamples) {
        if (!(radiusMm > 0) || !Double.isFinite(radiusMm)) {
            throw new IllegalArgumentException("ROI radius must be positive, got " + radiusMm + " mm");
        }
        if (subsamples < 1) {
            throw new IllegalArgumentException("sub-samples must be >= 1, got " + subsamples);
        }
    }

    private static double sq(double x) {
        return x * x;
    }

    /** Growable parallel arrays. */
    private static final class Builder {
        private int[] idx = new int[64];
        private double[] w = new double[64];
        private int n;

        void add(int index, double weight) {
            if (n == idx.length) {
                idx = Arrays.copyOf(idx, 2 * n);
                w = Arrays.copyOf(w, 2 * n);
            }
            idx[n] = index;
            w[n] = weight;
            n++;
        }

        RoiWeights build(Grid3 grid) {
            return new RoiWeights(grid, Arrays.copyOf(idx, n), Arrays.copyOf(w, n));
        }
    }
}
