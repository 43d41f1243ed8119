package org.spectlab.simulator.source;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.AliasMethodDiscreteSampler;
import org.apache.commons.rng.sampling.distribution.SharedStateDiscreteSampler;
import org.spectlab.core.error.InputException;
import org.spectlab.core.grid.Grid3;
import org.spectlab.core.grid.Volume;

/**
 * Emission positions from a voxelised activity-concentration map (Bq/mL): a voxel is chosen with
 * probability proportional to its activity (Walker/Vose alias table, O(1) per sample), then the
 * position is uniform inside the voxel.
 *
 * <p>Approximation: activity is uniform within each voxel (sub-voxel structure is whatever the
 * phantom's partial-volume voxelisation put into the voxel's mean).
 */
public final class VoxelSource {
    private final Grid3 grid;
    private final int[] voxelIndex;
    private final double[] probabilities;
    private final double totalActivityBq;

    private VoxelSource(Grid3 grid, int[] voxelIndex, double[] probabilities, double totalActivityBq) {
        this.grid = grid;
        this.voxelIndex = voxelIndex;
        this.probabilities = probabilities;
        this.totalActivityBq = totalActivityBq;
    }

    /**
     * Builds the source from an activity-concentration map.
     *
     * @param concentrationBqPerMl activity concentration per voxel, Bq/mL (must be ≥ 0, not all zero)
     */
    public static VoxelSource of(Volume concentrationBqPerMl) {
        Grid3 g = concentrationBqPerMl.grid();
        float[] c = concentrationBqPerMl.data();
        int active = 0;
        for (int i = 0; i < c.length; i++) {
            if (c[i] < 0 || Float.isNaN(c[i]) || Float.isInfinite(c[i])) {
                int k = i / (g.nx() * g.ny());
                int j = (i / g.nx()) % g.ny();
                throw InputException.field("activity", "must be finite and non-negative; voxel (" + (i % g.nx()) + ","
                        + j + "," + k + ") has " + c[i] + " Bq/mL");
            }
            if (c[i] > 0) {
                active++;
            }
        }
        if (active == 0) {
            throw InputException.field("activity", "the activity map is zero everywhere");
        }
        int[] index = new int[active];
        double[] p = new double[active];
        double voxelMl = g.voxelVolumeMl();
        double total = 0;
        int n = 0;
        for (int i = 0; i < c.length; i++) {
            if (c[i] > 0) {
                index[n] = i;
                p[n] = c[i] * voxelMl;
                total += p[n];
                n++;
            }
        }
        return new VoxelSource(g, index, p, total);
    }

    /**
     * A source from (voxel, activity) entries, where a voxel may appear in several entries (e.g. one per
     * kinetic group sharing it); {@link Sampler#sampleEntry} tells which entry a position came from.
     *
     * @param grid        the grid
     * @param voxelIndex  voxel of each entry (not copied)
     * @param activityBq  activity of each entry, Bq (≥ 0, not all zero; not copied)
     */
    public static VoxelSource ofEntries(Grid3 grid, int[] voxelIndex, double[] activityBq) {
        if (voxelIndex.length != activityBq.length) {
            throw new IllegalArgumentException("entry arrays differ in length");
        }
        double total = 0;
        for (int e = 0; e < activityBq.length; e++) {
            if (!(activityBq[e] >= 0) || Double.isInfinite(activityBq[e])) {
                throw InputException.field("activity", "must be finite and non-negative; entry " + e + " has "
                        + activityBq[e] + " Bq");
            }
            if (voxelIndex[e] < 0 || voxelIndex[e] >= grid.voxelCount()) {
                throw new IllegalArgumentException("entry " + e + ": voxel " + voxelIndex[e] + " outside the grid");
            }
            total += activityBq[e];
        }
        if (!(total > 0)) {
            throw InputException.field("activity", "the activity map is zero everywhere");
        }
        return new VoxelSource(grid, voxelIndex, activityBq, total);
    }

    /** Total activity in the map, Bq. */
    public double totalActivityBq() {
        return totalActivityBq;
    }

    /** The grid of the map. */
    public Grid3 grid() {
        return grid;
    }

    /** Number of voxels with activity. */
    public int activeVoxels() {
        return voxelIndex.length;
    }

    /** A sampler bound to one random stream (create one per batch; sampling allocates nothing). */
    public Sampler sampler(UniformRandomProvider rng) {
        return new Sampler(this, AliasMethodDiscreteSampler.of(rng, probabilities), rng);
    }

    /** Draws emission positions in patient millimetres. */
    public static final class Sampler {
        private final VoxelSource source;
        private final SharedStateDiscreteSampler voxelSampler;
        private final UniformRandomProvider rng;

        private Sampler(VoxelSource source, SharedStateDiscreteSampler voxelSampler, UniformRandomProvider rng) {
            this.source = source;
            this.voxelSampler = voxelSampler;
            this.rng = rng;
        }

        /** Writes a random emission position (x, y, z in mm) into {@code positionMm[0..2]}. */
        public void samplePositionMm(double[] positionMm) {
            sampleEntry(positionMm);
        }

        /**
         * Writes a random emission position (x, y, z in mm) into {@code positionMm[0..2]} and returns the
         * entry (index into the active voxels of a map, or into the entries of {@link #ofEntries}) it
         * came from. Uses the random stream exactly as {@link #samplePositionMm} does.
         */
        public int sampleEntry(double[] positionMm) {
            Grid3 g = source.grid;
            int entry = voxelSampler.sample();
            int v = source.voxelIndex[entry];
            int nx = g.nx();
            int ny = g.ny();
            int i = v % nx;
            int j = (v / nx) % ny;
            int k = v / (nx * ny);
            positionMm[0] = g.originXMm() + (i + rng.nextDouble() - 0.5) * g.voxelXMm();
            positionMm[1] = g.originYMm() + (j + rng.nextDouble() - 0.5) * g.voxelYMm();
            positionMm[2] = g.originZMm() + (k + rng.nextDouble() - 0.5) * g.voxelZMm();
            return entry;
        }
    }
}
