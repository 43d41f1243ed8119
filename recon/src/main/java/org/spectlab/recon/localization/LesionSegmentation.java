package org.spectlab.recon.localization;

import org.spectlab.core.grid.Grid3;

/**
 * Fixed-fraction threshold segmentation of one lesion and its sub-voxel centre.
 *
 * <p>The lesion is the 6-connected set of voxels, grown from the seed, whose value is at least
 * {@code T = background + fraction × (peak - background)}, peak from {@link #peakAt}, that lie within a limit radius of the seed
 * and belong to no lesion segmented before. The centre is the centroid of the region weighted by
 * (value - T), so voxels at the boundary weigh nothing and the centre moves smoothly with the object;
 * regions of fewer than 27 voxels (too few for a stable centroid) are refined instead by a parabola
 * through the seed and its two neighbours along each axis of the smoothed image.
 *
 * <p>Work arrays are owned by the instance (one per image), so segmenting allocates nothing.
 */
final class LesionSegmentation {
    private static final int MIN_CENTROID_VOXELS = 27;

    private final Grid3 grid;
    private final float[] image;
    private final int[] owner;
    private final int[] queue;

    /** Result of one segmentation: voxel count, peak and mean value, centre in continuous voxel indices. */
    record Region(int voxels, double peak, double mean, double ci, double cj, double ck) {
    }

    LesionSegmentation(Grid3 grid, float[] image) {
        this.grid = grid;
        this.image = image;
        this.owner = new int[grid.voxelCount()];
        this.queue = new int[grid.voxelCount()];
    }

    /** True when voxel p belongs to an earlier lesion. */
    boolean isOwned(int p) {
        return owner[p] != 0;
    }

    /**
     * Mean image value over voxel p and its six face neighbours (those inside the grid): the peak
     * that sets the segmentation threshold. Averaging seven voxels lowers the noise SD about 2.6-fold,
     * where the single largest voxel of a noisy lesion is biased upwards by about two noise SDs.
     */
    double peakAt(int p) {
        int nx = grid.nx();
        int ny = grid.ny();
        int i = p % nx;
        int j = (p / nx) % ny;
        int k = p / (nx * ny);
        double sum = image[p];
        int n = 1;
        for (int d = 0; d < 6; d++) {
            int a = i + (d == 0 ? 1 : d == 1 ? -1 : 0);
            int b = j + (d == 2 ? 1 : d == 3 ? -1 : 0);
            int c = k + (d == 4 ? 1 : d == 5 ? -1 : 0);
            if (grid.contains(a, b, c)) {
                sum += image[grid.index(a, b, c)];
                n++;
            }
        }
        return sum / n;
    }

    /** Index of the largest value of {@code values} within {@code radiusMm} of voxel p. */
    int argmaxNear(float[] values, int p, double radiusMm) {
        int nx = grid.nx();
        int ny = grid.ny();
        int i0 = p % nx;
        int j0 = (p / nx) % ny;
        int k0 = p / (nx * ny);
        int hx = (int) Math.floor(radiusMm / grid.voxelXMm());
        int hy = (int) Math.floor(radiusMm / grid.voxelYMm());
        int hz = (int) Math.floor(radiusMm / grid.voxelZMm());
        int best = p;
        float bestValue = values[p];
        double r2 = radiusMm * radiusMm;
        for (int k = Math.max(0, k0 - hz); k <= Math.min(grid.nz() - 1, k0 + hz); k++) {
            double z = (k - k0) * grid.voxelZMm();
            for (int j = Math.max(0, j0 - hy); j <= Math.min(ny - 1, j0 + hy); j++) {
                double y = (j - j0) * grid.voxelYMm();
                for (int i = Math.max(0, i0 - hx); i <= Math.min(nx - 1, i0 + hx); i++) {
                    double x = (i - i0) * grid.voxelXMm();
                    int q = grid.index(i, j, k);
                    if (x * x + y * y + z * z <= r2 && values[q] > bestValue) {
                        bestValue = values[q];
                        best = q;
                    }
                }
            }
        }
        return best;
    }

    /**
     * Segments the lesion grown from {@code seed} and marks its voxels with {@code id} (≥ 1).
     *
     * @param seed         flat index of the seed voxel (not owned)
     * @param peak         peak value that sets the threshold
     * @param background   background value that sets the threshold
     * @param fraction     threshold fraction of (peak - background)
     * @param limitMm      growth stays within this distance of the seed, mm
     * @param smooth       smoothed image for the parabolic refinement of small regions
     */
    Region segment(int seed, double peak, double background, double fraction, double limitMm, float[] smooth,
                   int id) {
        int nx = grid.nx();
        int ny = grid.ny();
        int nz = grid.nz();
        int sz = nx * ny;
        double threshold = background + fraction * (peak - background);
        int si = seed % nx;
        int sj = (seed / nx) % ny;
        int sk = seed / sz;
        double limit2 = limitMm * limitMm;
        int head = 0;
        int tail = 0;
        queue[tail++] = seed;
        owner[seed] = id;
        double sum = 0;
        double max = Double.NEGATIVE_INFINITY;
        double w = 0;
        double wi = 0;
        double wj = 0;
        double wk = 0;
        while (head < tail) {
            int q = queue[head++];
            int i = q % nx;
            int j = (q / nx) % ny;
            int k = q / sz;
            double v = image[q];
            sum += v;
            max = Math.max(max, v);
            double weight = Math.max(0.0, v - threshold);
            w += weight;
            wi += weight * i;
            wj += weight * j;
            wk += weight * k;
            for (int d = 0; d < 6; d++) {
                int a = i + (d == 0 ? 1 : d == 1 ? -1 : 0);
                int b = j + (d == 2 ? 1 : d == 3 ? -1 : 0);
                int c = k + (d == 4 ? 1 : d == 5 ? -1 : 0);
                if (a < 0 || a >= nx || b < 0 || b >= ny || c < 0 || c >= nz) {
                    continue;
                }
                int r = a + nx * (b + ny * c);
                if (owner[r] != 0 || image[r] < threshold) {
                    continue;
                }
                double x = (a - si) * grid.voxelXMm();
                double y = (b - sj) * grid.voxelYMm();
                double z = (c - sk) * grid.voxelZMm();
                if (x * x + y * y + z * z > limit2) {
                    continue;
                }
                owner[r] = id;
                queue[tail++] = r;
            }
        }
        int n = tail;
        if (n >= MIN_CENTROID_VOXELS && w > 0) {
            return new Region(n, max, sum / n, wi / w, wj / w, wk / w);
        }
        return new Region(n, max, sum / n, si + parabola(smooth, seed, 1, si, nx),
                sj + parabola(smooth, seed, nx, sj, ny), sk + parabola(smooth, seed, sz, sk, nz));
    }

    /** Vertex offset (within ±0.5) of the parabola through the seed and its neighbours along one axis. */
    private static double parabola(float[] f, int p, int stride, int index, int n) {
        if (index <= 0 || index >= n - 1) {
            return 0.0;
        }
        double fm = f[p - stride];
        double f0 = f[p];
        double fp = f[p + stride];
        double curvature = fm - 2.0 * f0 + fp;
        if (!(curvature < 0)) {
            return 0.0;
        }
        return Math.max(-0.5, Math.min(0.5, 0.5 * (fm - fp) / curvature));
    }
}
