package org.spectlab.recon.projector;

import org.spectlab.recon.metadata.ReconstructionGeometry;

/**
 * The per-view rotated sampling of the image (see the package documentation for the axes and the
 * array layout), and the bilinear resampling between the image grid and that frame.
 *
 * <p>Field of view: only samples within {@link #fovRadiusPx()} = {@code cols/2 + √2} pixels of the
 * axis of rotation whose four bilinear neighbours all lie inside the grid are used; every other
 * sample is zero. A bilinear stencil reaches at most √2 pixels, so every voxel whose centre lies in
 * the cylinder inscribed in the image square (radius {@code cols/2}), except the outermost ring of
 * the grid, is sampled exactly as by an unrestricted bilinear resampling; only voxels outside that
 * cylinder (which the depth of the frame never covers from every view anyway) lose samples. In each
 * depth plane {@code j} the used samples lie in the column range {@link #chordStart}..
 * {@link #chordEnd} (the chord of the cylinder, the same for every view).
 *
 * <p>The sample positions of a slice are the same for every slice, so the voxel offset and the two
 * bilinear weights of every used sample are tabulated per view once (12 bytes per sample and view,
 * about 20 MB for 120 views of 128 columns); the kernels then only load and multiply.
 * {@link #resample} interpolates an image bilinearly (per z-slice) at the rotated sample positions;
 * {@link #resampleAdjoint} is its exact transpose (each sample's value spread back onto the same
 * four voxels with the same weights). Both run in parallel over slices; each slice is written by one
 * task in a fixed order, so results do not depend on the thread count. Immutable and thread-safe.
 */
public final class RotatedFrame {
    private final ReconstructionGeometry geometry;
    private final int nx;
    private final int rows;
    private final int cols;
    private final int planes;
    private final double[] cos;
    private final double[] sin;
    private final int[] chordStart;
    private final int[] chordEnd;
    /** Per view, per chord sample (plane-major, column-minor): voxel offset in a slice, or -1 when unused. */
    private final int[][] offset;
    private final float[][] weightX;
    private final float[][] weightY;

    private RotatedFrame(ReconstructionGeometry geometry) {
        this.geometry = geometry;
        this.nx = geometry.imageGrid().nx();
        int ny = geometry.imageGrid().ny();
        this.rows = geometry.rows();
        this.cols = geometry.cols();
        this.planes = geometry.cols();
        int views = geometry.views();
        this.cos = new double[views];
        this.sin = new double[views];
        for (int v = 0; v < views; v++) {
            double a = geometry.orbit().angleRad(v);
            cos[v] = Math.cos(a);
            sin[v] = Math.sin(a);
        }
        final double cc = 0.5 * (cols - 1);
        final double cd = 0.5 * (planes - 1);
        double r = fovRadiusPx();
        this.chordStart = new int[planes];
        this.chordEnd = new int[planes];
        int samples = 0;
        for (int j = 0; j < planes; j++) {
            double t = j - cd;
            double half = r * r - t * t;
            if (half < 0) {
                continue;
            }
            double w = Math.sqrt(half);
            int from = Math.max(0, (int) Math.ceil(cc - w));
            int to = Math.min(cols, (int) Math.floor(cc + w) + 1);
            if (to > from) {
                chordStart[j] = from;
                chordEnd[j] = to;
                samples += to - from;
            }
        }
        this.offset = new int[views][samples];
        this.weightX = new float[views][samples];
        this.weightY = new float[views][samples];
        final double cx = 0.5 * (nx - 1);
        final double cy = 0.5 * (ny - 1);
        for (int v = 0; v < views; v++) {
            int n = 0;
            for (int j = 0; j < planes; j++) {
                double t = j - cd;
                for (int i = chordStart[j]; i < chordEnd[j]; i++, n++) {
                    double u = i - cc;
                    double fx = u * cos[v] + t * sin[v] + cx;
                    double fy = u * sin[v] - t * cos[v] + cy;
                    if (!(fx >= 0 && fy >= 0 && fx <= nx - 1 && fy <= ny - 1)) {
                        offset[v][n] = -1;
                        continue;
                    }
                    int ix = Math.min((int) fx, nx - 2);
                    int iy = Math.min((int) fy, ny - 2);
                    offset[v][n] = ix + nx * iy;
                    weightX[v][n] = (float) (fx - ix);
                    weightY[v][n] = (float) (fy - iy);
                }
            }
        }
    }

    /** The rotated frame of a geometry (tabulates the sample positions of every view). */
    public static RotatedFrame of(ReconstructionGeometry geometry) {
        return new RotatedFrame(geometry);
    }

    /** The geometry. */
    public ReconstructionGeometry geometry() {
        return geometry;
    }

    /** Radius of the field-of-view cylinder, pixels: {@code cols/2 + √2}. */
    public double fovRadiusPx() {
        return 0.5 * cols + Math.sqrt(2.0);
    }

    /** First column of plane {@code j} inside the field-of-view cylinder. */
    public int chordStart(int plane) {
        return chordStart[plane];
    }

    /** One past the last column of plane {@code j} inside the field-of-view cylinder (= start if none). */
    public int chordEnd(int plane) {
        return chordEnd[plane];
    }

    /** Depth planes (equal to the number of columns). */
    public int planes() {
        return planes;
    }

    /** Rows (= image slices). */
    public int rows() {
        return rows;
    }

    /** Columns. */
    public int cols() {
        return cols;
    }

    /** Values in a rotated volume ({@code planes * rows * cols}). */
    public int size() {
        return planes * rows * cols;
    }

    /** Depth of plane {@code j} along the detector direction, mm from the axis of rotation. */
    public double depthMm(int plane) {
        return (plane - 0.5 * (planes - 1)) * geometry.pixelSizeMm();
    }

    /**
     * Distance from the centre of plane {@code j} to the collimator face of view {@code v}, mm
     * (the view's radius minus the plane's depth; never negative).
     */
    public double distanceToCollimatorMm(int view, int plane) {
        return Math.max(0.0, geometry.orbit().radiusMm(view) - depthMm(plane));
    }

    /** Cosine of the angle of view v. */
    public double cos(int view) {
        return cos[view];
    }

    /** Sine of the angle of view v. */
    public double sin(int view) {
        return sin[view];
    }

    /**
     * Writes the bilinear resampling of {@code image} (image grid layout) for view v into
     * {@code rotated} (every value is written; samples outside the field of view are zero).
     */
    public void resample(int view, float[] image, float[] rotated, ParallelLoops loops) {
        loops.forRange(rows, (k0, k1) -> {
            for (int k = k0; k < k1; k++) {
                resampleSlice(view, k, image, rotated);
            }
        });
    }

    /**
     * Adds the transpose of {@link #resample} applied to {@code rotated} to {@code image} (values of
     * {@code rotated} outside the field of view are ignored).
     */
    public void resampleAdjoint(int view, float[] rotated, float[] image, ParallelLoops loops) {
        loops.forRange(rows, (k0, k1) -> {
            for (int k = k0; k < k1; k++) {
                resampleAdjointSlice(view, k, rotated, image);
            }
        });
    }

    private void resampleSlice(int view, int k, float[] image, float[] rotated) {
        final int[] off = offset[view];
        final float[] wxs = weightX[view];
        final float[] wys = weightY[view];
        final int sliceBase = k * nx * geometry.imageGrid().ny();
        final int stride = nx;
        int n = 0;
        for (int j = 0; j < planes; j++) {
            final int rowBase = cols * (k + rows * j);
            final int from = chordStart[j];
            final int to = chordEnd[j];
            for (int i = 0; i < from; i++) {
                rotated[rowBase + i] = 0f;
            }
            for (int i = from; i < to; i++, n++) {
                int o = off[n];
                if (o < 0) {
                    rotated[rowBase + i] = 0f;
                    continue;
                }
                int b = sliceBase + o;
                float wx = wxs[n];
                float wy = wys[n];
                float lo = image[b] + wx * (image[b + 1] - image[b]);
                float hi = image[b + stride] + wx * (image[b + stride + 1] - image[b + stride]);
                rotated[rowBase + i] = lo + wy * (hi - lo);
            }
            for (int i = to; i < cols; i++) {
                rotated[rowBase + i] = 0f;
            }
        }
    }

    private void resampleAdjointSlice(int view, int k, float[] rotated, float[] image) {
        final int[] off = offset[view];
        final float[] wxs = weightX[view];
        final float[] wys = weightY[view];
        final int sliceBase = k * nx * geometry.imageGrid().ny();
        final int stride = nx;
        int n = 0;
        for (int j = 0; j < planes; j++) {
            final int rowBase = cols * (k + rows * j);
            final int from = chordStart[j];
            final int to = chordEnd[j];
            for (int i = from; i < to; i++, n++) {
                int o = off[n];
                float value = rotated[rowBase + i];
                if (o < 0 || value == 0f) {
                    continue;
                }
                int b = sliceBase + o;
                float wx = wxs[n];
                float wy = wys[n];
                float lo = (1f - wy) * value;
                float hi = wy * value;
                image[b] += lo - wx * lo;
                image[b + 1] += wx * lo;
                image[b + stride] += hi - wx * hi;
                image[b + stride + 1] += wx * hi;
            }
        }
    }
}
