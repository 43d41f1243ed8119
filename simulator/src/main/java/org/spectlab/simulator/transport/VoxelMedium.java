package org.spectlab.simulator.transport;

import org.spectlab.core.grid.Grid3;

/**
 * The voxelised patient as the transport sees it: a material index per voxel on a {@link Grid3}
 * and the attenuation tables of those materials, plus the majorant (largest μ of any material
 * present) on the same energy grid for delta tracking. Outside the grid is vacuum.
 */
public final class VoxelMedium {
    private final Grid3 grid;
    private final short[] materialOfVoxel;
    private final MaterialTables tables;
    private final double[] majorantPerCm;
    private final double xMinMm;
    private final double yMinMm;
    private final double zMinMm;
    private final double invVoxelXMm;
    private final double invVoxelYMm;
    private final double invVoxelZMm;

    private VoxelMedium(Grid3 grid, short[] materialOfVoxel, MaterialTables tables) {
        this.grid = grid;
        this.materialOfVoxel = materialOfVoxel;
        this.tables = tables;
        boolean[] present = new boolean[tables.materials()];
        for (short m : materialOfVoxel) {
            if (m < 0 || m >= tables.materials()) {
                throw new IllegalArgumentException("material index " + m + " has no table (0-" + (tables.materials() - 1)
                        + ")");
            }
            present[m] = true;
        }
        int bins = tables.bins();
        double[] mu = tables.muTotalArray();
        majorantPerCm = new double[bins];
        for (int i = 0; i < bins; i++) {
            double max = 0;
            for (int m = 0; m < present.length; m++) {
                if (present[m]) {
                    // linear interpolation never exceeds the larger of the two neighbouring grid values
                    max = Math.max(max, Math.max(mu[m * bins + i], mu[m * bins + Math.min(i + 1, bins - 1)]));
                }
            }
            majorantPerCm[i] = max;
        }
        xMinMm = grid.originXMm() - 0.5 * grid.voxelXMm();
        yMinMm = grid.originYMm() - 0.5 * grid.voxelYMm();
        zMinMm = grid.originZMm() - 0.5 * grid.voxelZMm();
        invVoxelXMm = 1.0 / grid.voxelXMm();
        invVoxelYMm = 1.0 / grid.voxelYMm();
        invVoxelZMm = 1.0 / grid.voxelZMm();
    }

    /**
     * A medium from a material-index map (not copied) and the tables of those materials.
     *
     * @param grid            the voxel grid
     * @param materialOfVoxel material index per voxel, indexed like the grid
     * @param tables          attenuation tables; index {@code m} describes material {@code m}
     */
    public static VoxelMedium of(Grid3 grid, short[] materialOfVoxel, MaterialTables tables) {
        if (materialOfVoxel.length != grid.voxelCount()) {
            throw new IllegalArgumentException("material map has " + materialOfVoxel.length + " voxels, grid "
                    + grid.voxelCount());
        }
        return new VoxelMedium(grid, materialOfVoxel, tables);
    }

    /** The grid. */
    public Grid3 grid() {
        return grid;
    }

    /** The attenuation tables. */
    public MaterialTables tables() {
        return tables;
    }

    /** Majorant μ (1/cm) at an energy: an upper bound of μ_total over every voxel. */
    public double majorantPerCm(double energyKeV) {
        double x = tables.binCoordinate(energyKeV);
        return majorantPerCm[(int) x];
    }

    /** Material index at a position in mm, or -1 outside the grid. */
    public int materialAt(double xMm, double yMm, double zMm) {
        double fx = (xMm - xMinMm) * invVoxelXMm;
        double fy = (yMm - yMinMm) * invVoxelYMm;
        double fz = (zMm - zMinMm) * invVoxelZMm;
        if (fx < 0 || fy < 0 || fz < 0) {
            return -1;
        }
        int i = (int) fx;
        int j = (int) fy;
        int k = (int) fz;
        if (i >= grid.nx() || j >= grid.ny() || k >= grid.nz()) {
            return -1;
        }
        return materialOfVoxel[i + grid.nx() * (j + grid.ny() * k)];
    }
}
