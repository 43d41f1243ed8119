package org.spectlab.core.grid;

import java.util.Objects;

/**
 * Scalar float data on a {@link Grid3}: an activity concentration (Bq/mL), a linear attenuation
 * coefficient (1/cm), CT numbers (HU), a reconstructed image. The unit is carried as a label so that
 * files and reports can state it.
 *
 * <p>The data array is owned by the volume and exposed without copying for hot loops
 * ({@link #data()}); callers that hand a volume on must not keep writing to its array.
 */
public final class Volume {
    private final Grid3 grid;
    private final float[] data;
    private final String unit;

    private Volume(Grid3 grid, float[] data, String unit) {
        this.grid = Objects.requireNonNull(grid, "grid");
        this.data = Objects.requireNonNull(data, "data");
        this.unit = Objects.requireNonNull(unit, "unit");
        if (data.length != grid.voxelCount()) {
            throw new IllegalArgumentException("data length " + data.length + " does not match grid voxel count "
                    + grid.voxelCount());
        }
    }

    /** A zero-filled volume on the grid. */
    public static Volume zeros(Grid3 grid, String unit) {
        return new Volume(grid, new float[grid.voxelCount()], unit);
    }

    /** A volume wrapping the given array (not copied), indexed {@code i + nx*(j + ny*k)}. */
    public static Volume of(Grid3 grid, float[] data, String unit) {
        return new Volume(grid, data, unit);
    }

    /** The grid. */
    public Grid3 grid() {
        return grid;
    }

    /** The voxel values, indexed {@code i + nx*(j + ny*k)}; not a copy. */
    public float[] data() {
        return data;
    }

    /** The unit of the values, e.g. {@code "Bq/mL"}, {@code "1/cm"}, {@code "HU"}. */
    public String unit() {
        return unit;
    }

    /** Value at voxel (i, j, k). */
    public float get(int i, int j, int k) {
        return data[grid.index(i, j, k)];
    }

    /** Sets the value at voxel (i, j, k). */
    public void set(int i, int j, int k, float value) {
        data[grid.index(i, j, k)] = value;
    }

    /** Sum of all voxel values (in double precision). */
    public double sum() {
        double s = 0;
        for (float v : data) {
            s += v;
        }
        return s;
    }

    /** Largest voxel value. */
    public float max() {
        float m = Float.NEGATIVE_INFINITY;
        for (float v : data) {
            if (v > m) {
                m = v;
            }
        }
        return m;
    }

    /** A deep copy. */
    public Volume copy() {
        return new Volume(grid, data.clone(), unit);
    }
}
