package org.spectlab.phantoms.kinetics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.spectlab.core.error.InputException;
import org.spectlab.core.grid.Grid3;
import org.spectlab.phantoms.model.Phantom;
import org.spectlab.phantoms.model.Region;
import org.spectlab.phantoms.voxel.Voxeliser;

/**
 * The activity at the start of an acquisition split voxel by voxel into kinetic groups, and each
 * group's time course during the acquisition, so that a simulation can let every group's activity
 * change while the views are acquired (the bladder filling, the blood clearing).
 *
 * <p>A group is a compartment of a {@link TracerKinetics} (an agent's anatomical group after folding,
 * or a label of a phantom config's own compartments). Every region of the phantom belongs to at most
 * one group (lesions to their host organ's group); its concentration at any time t is its concentration
 * at the scan start times {@code A_g(t) / A_g(t0)}. The split is exact under partial volume: one
 * voxelisation pass tallies each voxel's sub-samples by group ({@link Voxeliser#groupActivity}), so a
 * voxel shared by, say, liver and remainder holds one entry per group with that group's share of its
 * activity, and the entries of a voxel add up to the voxel of the phantom rendered at {@code t0} (to
 * float rounding).
 *
 * <p>Model and approximations: within a group the concentration is uniform over the group's regions
 * (scaled by each region's weight, e.g. a lesion's uptake ratio) at every time, so a group's shape never
 * changes, only its amount; lesions follow their host group's curve; the in-phantom share of a group
 * (e.g. the remainder's) is constant in time.
 *
 * <p>Entries are sorted by voxel (ascending), then group; arrays returned are copies.
 */
public final class ScanKinetics {
    private final List<String> groups;
    private final TracerKinetics kinetics;
    private final double scanStartH;
    private final Voxeliser voxeliser;
    private final Grid3 grid;
    private final Phantom atStart;
    private final List<String> regionGroup;
    /** The entries, voxelised on first use (a phantom rendered only for its truth never needs them). */
    private Entries entries;

    private record Entries(int[] voxel, byte[] group, float[] concentrationBqPerMl) {
    }

    private ScanKinetics(List<String> groups, TracerKinetics kinetics, double scanStartH, Voxeliser voxeliser,
                         Grid3 grid, Phantom atStart, List<String> regionGroup) {
        this.groups = List.copyOf(groups);
        this.kinetics = kinetics;
        this.scanStartH = scanStartH;
        this.voxeliser = voxeliser;
        this.grid = grid;
        this.atStart = atStart;
        this.regionGroup = regionGroup;
    }

    /**
     * The kinetic groups of a phantom; the split is voxelised when the entries are first asked for (one
     * more voxelisation pass of the phantom).
     *
     * @param voxeliser   the voxeliser that rendered {@code atStart}
     * @param grid        the grid
     * @param atStart     the phantom with every region at its concentration at the scan start, Bq/mL
     * @param regionGroup the group (a compartment of {@code kinetics}) of each region, in region order;
     *                    null for a region without activity
     * @param kinetics    the groups' time courses
     * @param scanStartH  the scan start after administration, h
     */
    public static ScanKinetics render(Voxeliser voxeliser, Grid3 grid, Phantom atStart, List<String> regionGroup,
                                      TracerKinetics kinetics, double scanStartH) {
        List<Region> regions = atStart.regions();
        if (regionGroup.size() != regions.size()) {
            throw new IllegalArgumentException(regionGroup.size() + " region groups for " + regions.size() + " regions");
        }
        Map<String, Integer> index = new LinkedHashMap<>();
        for (int i = 0; i < regions.size(); i++) {
            String g = regionGroup.get(i);
            if (g != null && !index.containsKey(g)) {
                kinetics.retention(g);
                index.put(g, index.size());
            }
        }
        if (index.size() > Byte.MAX_VALUE) {
            throw InputException.field("kinetics", "at most " + Byte.MAX_VALUE + " kinetic groups, got " + index.size());
        }
        return new ScanKinetics(new ArrayList<>(index.keySet()), kinetics, scanStartH, voxeliser, grid, atStart,
                new ArrayList<>(regionGroup));
    }

    private synchronized Entries split() {
        if (entries == null) {
            entries = voxelise();
        }
        return entries;
    }

    private Entries voxelise() {
        List<Region> regions = atStart.regions();
        int[] groupOfRegion = new int[regions.size()];
        for (int i = 0; i < groupOfRegion.length; i++) {
            groupOfRegion[i] = regionGroup.get(i) == null ? -1 : groups.indexOf(regionGroup.get(i));
        }
        float[][] byGroup = voxeliser.groupActivity(grid, atStart, groupOfRegion, groups.size());
        int nv = grid.voxelCount();
        int count = 0;
        for (float[] a : byGroup) {
            for (float c : a) {
                if (c > 0) {
                    count++;
                }
            }
        }
        int[] voxel = new int[count];
        byte[] group = new byte[count];
        float[] conc = new float[count];
        int e = 0;
        for (int v = 0; v < nv; v++) {
            for (int g = 0; g < byGroup.length; g++) {
                float c = byGroup[g][v];
                if (c > 0) {
                    voxel[e] = v;
                    group[e] = (byte) g;
                    conc[e++] = c;
                }
            }
        }
        return new Entries(voxel, group, conc);
    }

    /** The groups of the phantom's regions, in first-region order (some may hold nothing at the scan start). */
    public List<String> groups() {
        return groups;
    }

    /** Scan start after administration, h. */
    public double scanStartH() {
        return scanStartH;
    }

    /** The time courses. */
    public TracerKinetics kinetics() {
        return kinetics;
    }

    /** Number of (voxel, group) entries. */
    public int entries() {
        return split().voxel().length;
    }

    /** Voxel index of each entry (copy). */
    public int[] entryVoxels() {
        return split().voxel().clone();
    }

    /** Group index (into {@link #groups()}) of each entry (copy). */
    public byte[] entryGroups() {
        return split().group().clone();
    }

    /** Concentration of each entry's group in its voxel at the scan start, Bq/mL (copy). */
    public float[] entryConcentrationsBqPerMl() {
        return split().concentrationBqPerMl().clone();
    }

    /**
     * Decays of group {@code g} during {@code [t0 + offsetS, t0 + offsetS + durationS]} per unit of its
     * activity at the scan start t0, s: {@code integral A_g(t) dt / A_g(t0)} (biological retention and
     * physical decay, integrated exactly as sums of exponentials).
     *
     * @throws InputException when the group holds nothing at t0 but does during the window (it cannot
     *                        be scaled from its scan-start activity)
     */
    public double decaysPerStartActivityS(int g, double offsetS, double durationS) {
        String name = groups.get(g);
        double decaysMBqS = kinetics.decaysMBqSIn(name, scanStartH + offsetS / 3600.0, durationS);
        double startMBq = kinetics.activityMBqAt(name, scanStartH);
        if (startMBq > 0) {
            return decaysMBqS / startMBq;
        }
        if (decaysMBqS > 0) {
            throw InputException.field("kinetics.time_h", "group '" + name + "' holds no activity at the scan start ("
                    + scanStartH + " h) but gains some during the scan; start the scan later");
        }
        return 0;
    }
}
