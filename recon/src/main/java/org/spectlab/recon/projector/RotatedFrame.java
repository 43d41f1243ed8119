package org.spectlab.recon.projector;

import org.spectlab.recon.metadata.ReconstructionGeometry;

/**
 * The per-view rotated sampling of the image (see the package documentation for the axes and the
 * array layout), and the bilinear resampling between the image grid and that frame.
 *
 * <p>{@link #resample} interpolates an image bilinearly (per z-slice, zero outside the grid) at
 * the rotated sample positions; {@link #resampleAdjoint} is its exact transpose (each sample's
 * value spread back onto the same four voxels with the same weights). Both run in parallel over
 * slices; each slice is written by one task in a fixed order, so results do not depend on the
 * thread count. Immutable and thread-safe.
 */
public final class RotatedFrame {
    private final ReconstructionGeometry geometry;
    private final int nx;
    private final int ny;
    private final int rows;
    private final int cols;
    private final int planes;
    private final double[] cos;
    private final double[] sin;

    private RotatedFrame(ReconstructionGeometry geometry) {
        this.geometry = geometry;
        this.nx = geometry.imageGrid().nx();
        this.ny = geometry.imageGrid().ny();
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
    }

    /** The rotated frame of a geometry. */
    public static RotatedFrame of(ReconstructionGeometry geometry) {
        return new RotatedFrame(geometry);
    }

    /** The geometry. */
    public ReconstructionGeometry geometry() {
        return geometry;
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

    /** Writes the bilinear resampling of {@code image} (image grid layout) for view v into {@code rotated}. */
    public void resample(int view, float[] image, float[] rotated, ParallelLoops loops) {
        final double c = cos[view];
        final double s = sin[view];
        loops.forRange(rows, (k0, k1) -> {
            for (int k = k0; k < k1; k++) {
                resampleSlice(c, s, k, image, rotated);
            }
        });
    }

    /** Adds the transpose of {@link #resample} applied to {@code rotated} to {@code image}. */
    public void resampleAdjoint(int view, float[] rotated, float[] image, ParallelLoops loops) {
        final double c = cos[view];
        final double s = sin[view];
        loops.forRange(rows, (k0, k1) -> {
            for (int k = k0; k < k1; k++) {
                resampleAdjointSlice(c, s, k, rotated, image);
            }
        });
    }

    private void resampleSlice(double c, double s, int k, float[] image, float[] rotated) {
        final double cc = 0.5 * (cols - 1);
        final double cd = 0.5 * (planes - 1);
        final double cx = 0.5 * (nx - 1);
        final double cy = 0.5 * (ny - 1);
        final int sliceBase = k * nx * ny;
        for (int j = 0; j < planes; j++) {
            final double t = j - cd;
            final int rowBase = cols * (k + rows * j);
            for (int i = 0; i < cols; i++) {
                double u = i - cc;
                double fx = u * c + t * s + cx;
                double fy = u * s - t * c + cy;
                float value = 0f;
                if (fx > -1 && fy > -1 && fx < nx && fy < ny) {
                    int ix = (int) (fx + 1) - 1;
                    int iy = (int) (fy + 1) - 1;
                    double wx = fx - ix;
                    double wy = fy - iy;
                    int b = sliceBase + ix + nx * iy;
                    if (ix >= 0 && iy >= 0 && ix < nx - 1 && iy < ny - 1) {
                        value = (float) ((1 - wy) * ((1 - wx) * image[b] + wx * image[b + 1])
                                + wy * ((1 - wx) * image[b + nx] + wx * image[b + nx + 1]));
                    } else {
                        double acc = 0;
                        if (iy >= 0) {
                            if (ix >= 0) {
                                acc += (1 - wy) * (1 - wx) * image[b];
                            }
                            if (ix + 1 < nx) {
                                acc += (1 - wy) * wx * image[b + 1];
                            }
                        }
                        if (iy + 1 < ny) {
                            if (ix >= 0) {
                                acc += wy * (1 - wx) * image[b + nx];
                            }
                            if (ix + 1 < nx) {
                                acc += wy * wx * image[b + nx + 1];
                            }
                        }
                        value = (float) acc;
                    }
                }
                rotated[rowBase + i] = value;
            }
        }
    }

    private void resampleAdjointSlice(double c, double s, int k, float[] rotated, float[] image) {
        final double cc = 0.5 * (cols - 1);
        final double cd = 0.5 * (planes - 1);
        final double cx = 0.5 * (nx - 1);
        final double cy = 0.5 * (ny - 1);
        final int sliceBase = k * nx * ny;
        for (int j = 0; j < planes; j++) {
            final double t = j - cd;
            final int rowBase = cols * (k + rows * j);
            for (int i = 0; i < cols; i++) {
                double value = rotated[rowBase + i];
                if (value == 0) {
                    continue;
                }
                double u = i - cc;
                double fx = u * c + t * s + cx;
                double fy = u * s - t * c + cy;
                if (!(fx > -1 && fy > -1 && fx < nx && fy < ny)) {
                    continue;
                }
                int ix = (int) (fx + 1) - 1;
                int iy = (int) (fy + 1) - 1;
                double wx = fx - ix;
                double wy = fy - iy;
                int b = sliceBase + ix + nx * iy;
                if (ix >= 0 && iy >= 0 && ix < nx - 1 && iy < ny - 1) {
                    image[b] += (float) ((1 - wy) * (1 - wx) * value);
                    image[b + 1] += (float) ((1 - wy) * wx * value);
                    image[b + nx] += (float) (wy * (1 - wx) * value);
                    image[b + nx + 1] += (float) (wy * wx * value);
                } else {
                    if (iy >= 0) {
                        if (ix >= 0) {
                            image[b] += (float) ((1 - wy) * (1 - wx) * value);
                        }
                        if (ix + 1 < nx) {
                            image[b + 1] += (float) ((1 - wy) * wx * value);
                        }
                    }
                    if (iy + 1 < ny) {
                        if (ix >= 0) {
                            image[b + nx] += (float) (wy * (1 - wx) * value);
                        }
                        if (ix + 1 < nx) {
                            image[b + nx + 1] += (float) (wy * wx * value);
                        }
                    }
                }
            }
        }
    }
}
