package org.spectlab.simulator.ct;

import java.util.List;
import java.util.Objects;
import org.spectlab.core.error.InputException;
import org.spectlab.core.grid.Grid3;
import org.spectlab.core.material.Material;

/**
 * The generic CT input: a material index per voxel of a grid and the materials those indices name.
 * Any phantom (built-in, voxelised, read from a file) reduces to this.
 *
 * @param grid      the voxel grid, mm
 * @param indices   material index per voxel, {@code i + nx*(j + ny*k)}, each in {@code [0, materials.size())};
 *                  not copied
 * @param materials index to material
 */
public record MaterialMap(Grid3 grid, short[] indices, List<Material> materials) {

    /** Validates the sizes and that every index names a material. */
    public MaterialMap {
        Objects.requireNonNull(grid, "grid");
        Objects.requireNonNull(indices, "indices");
        if (materials == null || materials.isEmpty()) {
            throw InputException.field("materials", "the material list must not be empty");
        }
        materials = List.copyOf(materials);
        if (indices.length != grid.voxelCount()) {
            throw InputException.field("material map", "has " + indices.length + " voxels, the grid has "
                    + grid.voxelCount());
        }
        int n = materials.size();
        for (int v = 0; v < indices.length; v++) {
            if (indices[v] < 0 || indices[v] >= n) {
                throw InputException.field("material map", "voxel " + v + " has index " + indices[v]
                        + ", allowed 0 to " + (n - 1));
            }
        }
    }

    /** A material map. */
    public static MaterialMap of(Grid3 grid, short[] indices, List<Material> materials) {
        return new MaterialMap(grid, indices, materials);
    }
}
