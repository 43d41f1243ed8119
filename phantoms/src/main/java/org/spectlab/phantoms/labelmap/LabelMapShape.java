package org.spectlab.phantoms.labelmap;

import org.spectlab.core.error.InputException;
import org.spectlab.core.grid.Grid3;
import org.spectlab.phantoms.shape.Aabb;
import org.spectlab.phantoms.shape.Shape;

/**
 * The solid made of the voxel cells of a label map that carry one label value: a point (mm) is inside
 * when the cell {@code [centre - size/2, centre + size/2)} holding it, on each axis, has the value.
 *
 * <p>Approximation: the surface is the staircase of voxel faces, exactly as the label map defines the
 * organ; voxelised on the label map's own grid every voxel is wholly inside or outside, so rendering
 * reproduces the map. The label array is shared with the map and not copied (it must not be changed).
 */
public final class LabelMapShape implements Shape {
    private final Grid3 grid;
    private final short[] labels;
    private final short value;
    private final Aabb bounds;
    private final long voxels;

    private LabelMapShape(Grid3 grid, short[] labels, short value, Aabb bounds, long voxels) {
        this.grid = grid;
        this.labels = labels;
        this.value = value;
        this.bounds = bounds;
        this.voxels = voxels;
    }

    /**
     * The cells of {@code labels} (on {@code grid}) equal to {@code value}.
     *
     * @throws InputException when no voxel has the value
     */
    public static LabelMapShape of(Grid3 grid, short[] labels, int value) {
        if (labels.length != grid.voxelCount()) {
            throw new IllegalArgumentException("label array length " + labels.length + " != voxel count "
                    + grid.voxelCount());
        }
        int i0 = Integer.MAX_VALUE;
        int j0 = Integer.MAX_VALUE;
        int k0 = Integer.MAX_VALUE;
        int i1 = -1;
        int j1 = -1;
        int k1 = -1;
        long count = 0;
        int nx = grid.nx();
        int ny = grid.ny();
        for (int k = 0, n = 0; k < grid.nz(); k++) {
            for (int j = 0; j < ny; j++) {
                for (int i = 0; i < nx; i++, n++) {
                    if (labels[n] == value) {
                        count++;
                        i0 = Math.min(i0, i);
                        i1 = Math.max(i1, i);
                        j0 = Math.min(j0, j);
                        j1 = Math.max(j1, j);
                        k0 = Math.min(k0, k);
                        k1 = Math.max(k1, k);
                    }
                }
            }
        }
        if (count == 0) {
            throw InputException.field("label " + value, "no voxel of the label map has this value");
        }
        double hx = 0.5 * grid.voxelXMm();
        double hy = 0.5 * grid.voxelYMm();
        double hz = 0.5 * grid.voxelZMm();
        Aabb b = Aabb.of(grid.xMm(i0) - hx, grid.yMm(j0) - hy, grid.zMm(k0) - hz, grid.xMm(i1) + hx,
                grid.yMm(j1) + hy, grid.zMm(k1) + hz);
        return new LabelMapShape(grid, labels, (short) value, b, count);
    }

    /** The label value. */
    public int value() {
        return value;
    }

    /** Number of voxels with the value. */
    public long voxelCount() {
        return voxels;
    }

    @Override
    public boolean contains(double xMm, double yMm, double zMm) {
        double fi = Math.floor(grid.toVoxelX(xMm) + 0.5);
        double fj = Math.floor(grid.toVoxelY(yMm) + 0.5);
        double fk = Math.floor(grid.toVoxelZ(zMm) + 0.5);
        if (fi < 0 || fj < 0 || fk < 0 || fi >= grid.nx() || fj >= grid.ny() || fk >= grid.nz()) {
            return false;
        }
        return labels[grid.index((int) fi, (int) fj, (int) fk)] == value;
    }

    @Override
    public Aabb bounds() {
        return bounds;
    }

    @Override
    public double volumeMm3() {
        return voxels * grid.voxelXMm() * grid.voxelYMm() * grid.voxelZMm();
    }

    @Override
    public Shape inset(double wallMm) {
        throw InputException.field("wall_mm", "a label-map region cannot be hollowed (label " + value + ")");
    }

    @Override
    public String kind() {
        return "label_map";
    }
}
