package org.spectlab.simulator.transport;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * Delta (Woodcock) tracking: free paths are sampled with the majorant μ_max, and a tentative
 * collision at a point with actual μ is real with probability μ/μ_max. This samples the exact
 * distribution of the next real interaction in a heterogeneous medium without computing voxel
 * boundary crossings (Woodcock et al. 1965; Lux &amp; Koblinger 1991, ch. 7).
 *
 * <p>Positions are in mm, μ in 1/cm. One tracker serves one thread; it holds no per-photon state.
 */
public final class WoodcockTracker {
    /** Returned when the photon left the grid; its position is then outside. */
    public static final int ESCAPED = -1;

    private final VoxelMedium medium;

    /** A tracker in the given medium. */
    public WoodcockTracker(VoxelMedium medium) {
        this.medium = medium;
    }

    /** The medium. */
    public VoxelMedium medium() {
        return medium;
    }

    /**
     * Moves the photon to its next real interaction, or out of the grid.
     *
     * @param pos       position (mm), updated in place
     * @param dir       unit direction
     * @param energyKeV photon energy
     * @param rng       random stream
     * @return the material index at the real interaction, or {@link #ESCAPED}
     */
    public int nextInteraction(double[] pos, double[] dir, double energyKeV, UniformRandomProvider rng) {
        double majorant = medium.majorantPerCm(energyKeV);
        if (majorant <= 0) {
            return ESCAPED;
        }
        double meanFreePathMm = 10.0 / majorant;
        MaterialTables tables = medium.tables();
        while (true) {
            double s = -Math.log(1.0 - rng.nextDouble()) * meanFreePathMm;
            pos[0] += s * dir[0];
            pos[1] += s * dir[1];
            pos[2] += s * dir[2];
            int m = medium.materialAt(pos[0], pos[1], pos[2]);
            if (m < 0) {
                return ESCAPED;
            }
            double mu = tables.muTotalPerCm(m, energyKeV);
            if (rng.nextDouble() * majorant < mu) {
                return m;
            }
        }
    }

    /**
     * Line integral of μ (dimensionless, Σ μ·length) from a point along a direction to the edge of
     * the grid, by sampling the material every {@code stepMm} (midpoint rule). Used by forced
     * detection and by tests; not by analog tracking.
     */
    public double opticalDepth(double[] pos, double[] dir, double energyKeV, double stepMm) {
        MaterialTables tables = medium.tables();
        double tau = 0;
        double x = pos[0] + 0.5 * stepMm * dir[0];
        double y = pos[1] + 0.5 * stepMm * dir[1];
        double z = pos[2] + 0.5 * stepMm * dir[2];
        double stepCm = stepMm / 10.0;
        while (true) {
            int m = medium.materialAt(x, y, z);
            if (m < 0) {
                return tau;
            }
            tau += tables.muTotalPerCm(m, energyKeV) * stepCm;
            x += stepMm * dir[0];
            y += stepMm * dir[1];
            z += stepMm * dir[2];
        }
    }
}
