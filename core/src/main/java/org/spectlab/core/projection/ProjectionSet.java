package org.spectlab.core.projection;

import java.util.Objects;
import org.spectlab.core.error.InputException;

/**
 * The projections of one energy window: {@code views x rows x columns} values (counts, or expected
 * counts for noise-free data), with the orbit, pixel size and acquisition time that give them
 * meaning.
 *
 * <p>Layout: a flat float array indexed {@code col + cols * (row + rows * view)}. Column {@code c}
 * is at {@code (c - (cols-1)/2) * pixelSizeColMm} along the column axis of its view, row {@code r}
 * at {@code (r - (rows-1)/2) * pixelSizeRowMm} along +z (superior), both relative to the axis of
 * rotation (see the package documentation). The data array is owned by the set and exposed
 * without copying.
 */
public final class ProjectionSet {
    /** Largest number of values a projection set may hold. */
    public static final long MAX_VALUES = Integer.MAX_VALUE - 8L;

    private final AcquisitionGeometry geometry;
    private final int rows;
    private final int cols;
    private final double pixelSizeColMm;
    private final double pixelSizeRowMm;
    private final EnergyWindow window;
    private final double timePerViewS;
    private final float[] data;

    private ProjectionSet(AcquisitionGeometry geometry, int rows, int cols, double pixelSizeColMm,
                          double pixelSizeRowMm, EnergyWindow window, double timePerViewS, float[] data) {
        this.geometry = Objects.requireNonNull(geometry, "geometry");
        this.window = Objects.requireNonNull(window, "window");
        if (rows <= 0 || cols <= 0) {
            throw InputException.field("matrix size", "rows and columns must be positive, got " + rows + "x" + cols);
        }
        if ((long) rows * cols * geometry.views() > MAX_VALUES) {
            throw InputException.field("matrix size", geometry.views() + " views of " + rows + "x" + cols
                    + " exceed the maximum of " + MAX_VALUES + " values");
        }
        if (!(pixelSizeColMm > 0) || !(pixelSizeRowMm > 0) || !Double.isFinite(pixelSizeColMm)
                || !Double.isFinite(pixelSizeRowMm)) {
            throw InputException.field("scaling factor (mm/pixel)", "must be positive, got " + pixelSizeColMm
                    + " x " + pixelSizeRowMm);
        }
        if (!(timePerViewS > 0) || !Double.isFinite(timePerViewS)) {
            throw InputException.field("time per projection (sec)", "must be positive, got " + timePerViewS);
        }
        Objects.requireNonNull(data, "data");
        if (data.length != rows * cols * geometry.views()) {
            throw new IllegalArgumentException("data length " + data.length + " != views*rows*cols = "
                    + (long) geometry.views() * rows * cols);
        }
        this.rows = rows;
        this.cols = cols;
        this.pixelSizeColMm = pixelSizeColMm;
        this.pixelSizeRowMm = pixelSizeRowMm;
        this.timePerViewS = timePerViewS;
        this.data = data;
    }

    /** A projection set wrapping the given array (not copied). */
    public static ProjectionSet of(AcquisitionGeometry geometry, int rows, int cols, double pixelSizeColMm,
                                   double pixelSizeRowMm, EnergyWindow window, double timePerViewS, float[] data) {
        return new ProjectionSet(geometry, rows, cols, pixelSizeColMm, pixelSizeRowMm, window, timePerViewS, data);
    }

    /** A zero-filled projection set. */
    public static ProjectionSet zeros(AcquisitionGeometry geometry, int rows, int cols, double pixelSizeColMm,
                                      double pixelSizeRowMm, EnergyWindow window, double timePerViewS) {
        long n = (long) rows * cols * geometry.views();
        if (rows <= 0 || cols <= 0 || n > MAX_VALUES) {
            throw InputException.field("matrix size", geometry.views() + " views of " + rows + "x" + cols
                    + " is not a valid size");
        }
        return new ProjectionSet(geometry, rows, cols, pixelSizeColMm, pixelSizeRowMm, window, timePerViewS,
                new float[(int) n]);
    }

    /** The orbit. */
    public AcquisitionGeometry geometry() {
        return geometry;
    }

    /** Number of views. */
    public int views() {
        return geometry.views();
    }

    /** Rows per view (axial, along +z). */
    public int rows() {
        return rows;
    }

    /** Columns per view (transaxial). */
    public int cols() {
        return cols;
    }

    /** Pixel size along the column axis, mm. */
    public double pixelSizeColMm() {
        return pixelSizeColMm;
    }

    /** Pixel size along the row axis (z), mm. */
    public double pixelSizeRowMm() {
        return pixelSizeRowMm;
    }

    /** The energy window these projections were counted in. */
    public EnergyWindow window() {
        return window;
    }

    /** Acquisition time of each view, seconds. */
    public double timePerViewS() {
        return timePerViewS;
    }

    /** The values, indexed {@code col + cols*(row + rows*view)}; not a copy. */
    public float[] data() {
        return data;
    }

    /** Flat index of (view, row, col). */
    public int index(int view, int row, int col) {
        return col + cols * (row + rows * view);
    }

    /** Value at (view, row, col). */
    public float get(int view, int row, int col) {
        return data[index(view, row, col)];
    }

    /** Sum of all values (double precision). */
    public double total() {
        double s = 0;
        for (float v : data) {
            s += v;
        }
        return s;
    }

    /** A copy with other data (same geometry, matrix, window and time); the array is not copied. */
    public ProjectionSet withData(float[] newData) {
        return new ProjectionSet(geometry, rows, cols, pixelSizeColMm, pixelSizeRowMm, window, timePerViewS, newData);
    }

    /** A copy with another energy window (data shared). */
    public ProjectionSet withWindow(EnergyWindow newWindow) {
        return new ProjectionSet(geometry, rows, cols, pixelSizeColMm, pixelSizeRowMm, newWindow, timePerViewS, data);
    }
}
