package org.spectlab.core.grid;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Integer labels on a {@link Grid3}: organ or region labels, or material indices. Label 0 is
 * background unless the name table says otherwise.
 *
 * <p>The label array is owned by the volume and exposed without copying ({@link #labels()}).
 */
public final class LabelVolume {
    private final Grid3 grid;
    private final short[] labels;
    private final Map<Integer, String> names;

    private LabelVolume(Grid3 grid, short[] labels, Map<Integer, String> names) {
        this.grid = Objects.requireNonNull(grid, "grid");
        this.labels = Objects.requireNonNull(labels, "labels");
        this.names = Collections.unmodifiableMap(new TreeMap<>(names));
        if (labels.length != grid.voxelCount()) {
            throw new IllegalArgumentException("label length " + labels.length + " does not match grid voxel count "
                    + grid.voxelCount());
        }
    }

    /** A label volume wrapping the given array (not copied) with a label-to-name table. */
    public static LabelVolume of(Grid3 grid, short[] labels, Map<Integer, String> names) {
        return new LabelVolume(grid, labels, names);
    }

    /** An all-zero label volume with the given name table. */
    public static LabelVolume zeros(Grid3 grid, Map<Integer, String> names) {
        return new LabelVolume(grid, new short[grid.voxelCount()], names);
    }

    /** The grid. */
    public Grid3 grid() {
        return grid;
    }

    /** The labels, indexed {@code i + nx*(j + ny*k)}; not a copy. */
    public short[] labels() {
        return labels;
    }

    /** Label to name table (sorted by label, unmodifiable). */
    public Map<Integer, String> names() {
        return names;
    }

    /** Label at voxel (i, j, k). */
    public int get(int i, int j, int k) {
        return labels[grid.index(i, j, k)];
    }

    /** The name of a label, or {@code "label <n>"} when it has none. */
    public String nameOf(int label) {
        String n = names.get(label);
        return n != null ? n : "label " + label;
    }

    /** Number of voxels carrying the label. */
    public long count(int label) {
        long c = 0;
        for (short l : labels) {
            if (l == label) {
                c++;
            }
        }
        return c;
    }
}
