package org.spectlab.simulator.spect;

import java.util.List;
import org.spectlab.core.error.InputException;
import org.spectlab.core.grid.Grid3;

/**
 * Tracer kinetics during the acquisition, as the simulation engines use them: the activity at the scan
 * start split into kinetic groups voxel by voxel, and for each group g and view v the mean of
 * {@code A_g(t) / A_g(t0)} over the time slot in which v is acquired ({@link SpectScenario#timeSlotOfView}),
 * {@code viewFactor(g, v) = decays_g(slot of v) / (A_g(t0) x timePerViewS)} (dimensionless; the number of
 * decays during the view relative to the group's scan-start activity is {@code f[g][v] = viewFactor x
 * timePerViewS} seconds). Without kinetics a scenario has one group whose factor is the nuclide's
 * physical decay ({@link SpectScenario#viewDecayFactor}).
 *
 * <p>Storage: one entry per (voxel, group) with activity at the scan start (a voxel straddling two
 * groups' regions has two entries), sorted by voxel; a group index is a byte. The entries' activities
 * add up, voxel by voxel, to the scenario's activity map (checked to 1e-4 of the total).
 *
 * <p>Model and approximations (from the phantom's kinetics): a group's concentration is uniform over
 * its regions at every time (only its amount changes); lesions follow their host organ's group; the
 * factors are exact integrals of the groups' sums of exponentials over each slot.
 */
public final class KineticGroups {
    private final List<String> names;
    private final int[] entryVoxel;
    private final byte[] entryGroup;
    private final double[] entryBq;
    private final double[][] viewFactor;
    /** Distinct voxels with entries, ascending, and the first entry of each (plus the end). */
    private final int[] voxels;
    private final int[] firstEntry;

    private KineticGroups(List<String> names, int[] entryVoxel, byte[] entryGroup, double[] entryBq,
                          double[][] viewFactor, int[] voxels, int[] firstEntry) {
        this.names = names;
        this.entryVoxel = entryVoxel;
        this.entryGroup = entryGroup;
        this.entryBq = entryBq;
        this.viewFactor = viewFactor;
        this.voxels = voxels;
        this.firstEntry = firstEntry;
    }

    /**
     * Kinetic groups on a grid.
     *
     * @param grid                  the scenario's grid
     * @param names                 group names (at most 127)
     * @param entryVoxel            voxel index of each entry, non-decreasing
     * @param entryGroup            group of each entry
     * @param entryConcentrationBqPerMl concentration of the entry's group in the voxel at the scan start, Bq/mL
     * @param viewFactor            [group][view] mean of A_g(t)/A_g(t0) over the view's time slot
     */
    public static KineticGroups of(Grid3 grid, List<String> names, int[] entryVoxel, byte[] entryGroup,
                                   float[] entryConcentrationBqPerMl, double[][] viewFactor) {
        int n = entryVoxel.length;
        if (entryGroup.length != n || entryConcentrationBqPerMl.length != n) {
            throw new IllegalArgumentException("entry arrays differ in length");
        }
        if (viewFactor.length != names.size() || names.size() > Byte.MAX_VALUE) {
            throw new IllegalArgumentException(viewFactor.length + " factor rows for " + names.size() + " groups");
        }
        double ml = grid.voxelVolumeMl();
        double[] bq = new double[n];
        int distinct = 0;
        for (int e = 0; e < n; e++) {
            int v = entryVoxel[e];
            if (v < 0 || v >= grid.voxelCount() || (e > 0 && v < entryVoxel[e - 1])) {
                throw new IllegalArgumentException("entry " + e + ": voxel " + v + " outside the grid or out of order");
            }
            if (entryGroup[e] < 0 || entryGroup[e] >= names.size()) {
                throw new IllegalArgumentException("entry " + e + ": group " + entryGroup[e] + " unknown");
            }
            if (!(entryConcentrationBqPerMl[e] >= 0) || Float.isInfinite(entryConcentrationBqPerMl[e])) {
                throw InputException.field("activity", "kinetic group entry " + e + " has concentration "
                        + entryConcentrationBqPerMl[e]);
            }
            bq[e] = entryConcentrationBqPerMl[e] * ml;
            if (e == 0 || v != entryVoxel[e - 1]) {
                distinct++;
            }
        }
        int[] voxels = new int[distinct];
        int[] first = new int[distinct + 1];
        int q = -1;
        for (int e = 0; e < n; e++) {
            if (e == 0 || entryVoxel[e] != entryVoxel[e - 1]) {
                voxels[++q] = entryVoxel[e];
                first[q] = e;
            }
        }
        first[distinct] = n;
        double[][] f = new double[viewFactor.length][];
        for (int g = 0; g < f.length; g++) {
            f[g] = viewFactor[g].clone();
            for (double x : f[g]) {
                if (!(x >= 0) || Double.isInfinite(x)) {
                    throw InputException.field("kinetics", "group '" + names.get(g) + "' has view factor " + x);
                }
            }
        }
        return new KineticGroups(List.copyOf(names), entryVoxel.clone(), entryGroup.clone(), bq, f, voxels, first);
    }

    /** Group names. */
    public List<String> names() {
        return names;
    }

    /** Number of groups. */
    public int groups() {
        return names.size();
    }

    /** Number of views the factors cover. */
    public int views() {
        return viewFactor.length == 0 ? 0 : viewFactor[0].length;
    }

    /** Mean of {@code A_g(t)/A_g(t0)} over the time slot of view {@code v}. */
    public double viewFactor(int g, int v) {
        return viewFactor[g][v];
    }

    /** Activity of group {@code g} on the grid at the scan start, Bq. */
    public double activityAtStartBq(int g) {
        double a = 0;
        for (int e = 0; e < entryBq.length; e++) {
            if (entryGroup[e] == g) {
                a += entryBq[e];
            }
        }
        return a;
    }

    /** Total activity of the entries at the scan start, Bq. */
    double totalBq() {
        double a = 0;
        for (double b : entryBq) {
            a += b;
        }
        return a;
    }

    /** Voxel index of each entry (shared, not copied: read only). */
    int[] entryVoxels() {
        return entryVoxel;
    }

    /** Group of each entry (shared, not copied: read only). */
    byte[] entryGroups() {
        return entryGroup;
    }

    /** Activity of each entry at the scan start, Bq (shared, not copied: read only). */
    double[] entryBq() {
        return entryBq;
    }

    /** The distinct voxels with activity, ascending (shared, not copied: read only). */
    int[] activeVoxels() {
        return voxels;
    }

    /**
     * The mean activity (Bq) of every active voxel ({@link #activeVoxels()} order) during view v's slot:
     * the sum over the voxel's entries of their scan-start activity times their group's factor.
     */
    void activityDuringViewBq(int v, double[] out) {
        for (int q = 0; q < voxels.length; q++) {
            double a = 0;
            for (int e = firstEntry[q]; e < firstEntry[q + 1]; e++) {
                a += entryBq[e] * viewFactor[entryGroup[e]][v];
            }
            out[q] = a;
        }
    }
}
