package org.spectlab.phantoms.labelmap;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.spectlab.core.error.InputException;
import org.spectlab.core.grid.Grid3;
import org.spectlab.core.grid.LabelVolume;
import org.spectlab.core.grid.Volume;
import org.spectlab.core.io.interfile.Interfile;
import org.spectlab.core.io.nifti.Nifti;
import org.spectlab.phantoms.model.Phantom;
import org.spectlab.phantoms.model.Region;

/**
 * Builds phantoms from a label map and a {@link LabelTable}, and checks an activity map against them.
 *
 * <p>Label value 0 is the background (material as configured, no activity) unless the table lists
 * it. Every other value that occurs in the map must be in the table. One region per table entry
 * whose value occurs in the map, in increasing label value (the regions are disjoint, so the order
 * does not matter).
 */
public final class VoxelPhantomFiles {
    /** Id of the region that carries activity the map puts over background voxels. */
    public static final String BACKGROUND_ACTIVITY_ID = "background_activity";
    private static final int OFFSET = -Short.MIN_VALUE;

    private VoxelPhantomFiles() {
    }

    /**
     * Reads a label map: NIfTI-1 ({@code .nii}, {@code .nii.gz}) or Interfile ({@code .hv}, {@code .h33});
     * values must be whole numbers in the int16 range.
     *
     * @param field configuration field that named the file, for errors
     */
    public static LabelVolume readLabels(Path file, String field) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".nii") || name.endsWith(".nii.gz")) {
            return Nifti.readLabels(file);
        }
        if (name.endsWith(".hv") || name.endsWith(".h33")) {
            Volume v = Interfile.readImage(file);
            float[] d = v.data();
            short[] labels = new short[d.length];
            for (int n = 0; n < d.length; n++) {
                float x = d[n];
                if (x != Math.rint(x) || x < Short.MIN_VALUE || x > Short.MAX_VALUE) {
                    throw new InputException(file + ": label value " + x + " at voxel " + n
                            + " is not a whole number in [-32768, 32767]");
                }
                labels[n] = (short) x;
            }
            return LabelVolume.of(v.grid(), labels, Map.of());
        }
        throw InputException.field(field, "'" + file + "' is neither NIfTI (.nii, .nii.gz) nor Interfile (.hv)");
    }

    /** Reads an activity concentration map (Bq/mL) from NIfTI-1 ({@code .nii}, {@code .nii.gz}). */
    public static Volume readActivity(Path file, String field) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!(name.endsWith(".nii") || name.endsWith(".nii.gz"))) {
            throw InputException.field(field, "'" + file + "' must be a NIfTI file (.nii, .nii.gz)");
        }
        Volume v = Nifti.readVolume(file);
        String unit = v.unit().trim();
        if (unit.toLowerCase(Locale.ROOT).contains("bq") && !unit.equalsIgnoreCase("Bq/mL")) {
            throw InputException.field(field, "'" + file + "' is in '" + unit + "'; the activity map must be in Bq/mL");
        }
        return v;
    }

    /**
     * The phantom of a label map and its table.
     *
     * @param name       phantom name
     * @param labels     the label map
     * @param labelsFile the map's file name, for errors
     * @param table      the label table
     * @param background material outside every labelled region (value 0 when not in the table)
     * @throws InputException naming the file and the value when a value of the map is not in the table
     */
    public static Phantom phantom(String name, LabelVolume labels, String labelsFile, LabelTable table,
                                  String background) {
        short[] l = labels.labels();
        long[] count = new long[1 << 16];
        int[] first = new int[1 << 16];
        for (int n = l.length - 1; n >= 0; n--) {
            int v = l[n] + OFFSET;
            count[v]++;
            first[v] = n;
        }
        Grid3 g = labels.grid();
        for (int v = 0; v < count.length; v++) {
            int value = v - OFFSET;
            if (count[v] > 0 && value != 0 && table.entry(value) == null) {
                int n = first[v];
                int i = n % g.nx();
                int j = (n / g.nx()) % g.ny();
                int k = n / (g.nx() * g.ny());
                throw InputException.field("voxel.labels", "'" + labelsFile + "' has label value " + value + " ("
                        + count[v] + " voxels, first at voxel (" + i + ", " + j + ", " + k + ")) that the table '"
                        + table.source() + "' does not list");
            }
        }
        List<LabelTable.Entry> sorted = new ArrayList<>(table.entries());
        sorted.sort((a, b) -> Integer.compare(a.value(), b.value()));
        List<Region> regions = new ArrayList<>();
        for (LabelTable.Entry e : sorted) {
            if (count[e.value() + OFFSET] > 0) {
                regions.add(Region.of(e.name(), e.compartment(), LabelMapShape.of(g, l, e.value()), e.material(),
                        e.concentrationBqPerMl()));
            }
        }
        if (regions.isEmpty()) {
            throw InputException.field("voxel.labels", "'" + labelsFile + "' has no voxel with a label of the table '"
                    + table.source() + "'");
        }
        return Phantom.of(name, regions, background);
    }

    /**
     * The phantom with each region's concentration set to the mean of the activity map over its voxels,
     * after checking the map.
     *
     * <p>Activity over background voxels (label 0 not in the table) goes to one more region,
     * {@value #BACKGROUND_ACTIVITY_ID}, with the background label and material, first in priority.
     *
     * @throws InputException naming the activity file when its grid differs from the label map's or
     *                        a value is negative or not finite
     */
    public static Phantom withActivity(Phantom phantom, LabelVolume labels, String labelsFile, Volume activity,
                                       String activityFile) {
        Grid3 g = labels.grid();
        Grid3 a = activity.grid();
        if (!a.sameGeometry(g)) {
            throw InputException.field("activity_map", "grid of '" + activityFile + "' (" + describe(a)
                    + ") differs from the label map '" + labelsFile + "' (" + describe(g) + ")");
        }
        short[] l = labels.labels();
        float[] d = activity.data();
        int[] regionOf = new int[1 << 16];
        java.util.Arrays.fill(regionOf, -1);
        for (int r = 0; r < phantom.regions().size(); r++) {
            LabelMapShape s = (LabelMapShape) phantom.regions().get(r).shape();
            regionOf[s.value() + OFFSET] = r;
        }
        double[] sum = new double[phantom.regions().size()];
        long[] n = new long[sum.length];
        double backgroundSum = 0;
        for (int v = 0; v < d.length; v++) {
            float x = d[v];
            if (!(x >= 0) || !Float.isFinite(x)) {
                throw InputException.field("activity_map", "'" + activityFile + "' has " + x + " Bq/mL at voxel "
                        + at(g, v) + "; activity must be finite and >= 0");
            }
            int r = regionOf[l[v] + OFFSET];
            if (r < 0) {
                backgroundSum += x;
                continue;
            }
            sum[r] += x;
            n[r]++;
        }
        List<Region> out = new ArrayList<>();
        if (backgroundSum > 0) {
            // activity over background voxels (e.g. partial volume at the outline): a region of the
            // background label and material, so that the regions account for the whole map
            long nb = 0;
            int value = Integer.MIN_VALUE;
            for (int v = 0; v < l.length; v++) {
                if (regionOf[l[v] + OFFSET] < 0) {
                    nb++;
                    value = l[v];
                }
            }
            if (!isSingleBackgroundValue(l, regionOf)) {
                throw InputException.field("activity_map", "'" + activityFile + "' has activity over voxels of "
                        + "several label values missing from the table");
            }
            out.add(Region.of(BACKGROUND_ACTIVITY_ID, Phantom.BACKGROUND_LABEL, LabelMapShape.of(g, l, value),
                    phantom.backgroundMaterial(), backgroundSum / nb));
        }
        for (int r = 0; r < sum.length; r++) {
            out.add(phantom.regions().get(r).withConcentration(sum[r] / n[r]));
        }
        return Phantom.of(phantom.name(), out, phantom.backgroundMaterial());
    }

    private static boolean isSingleBackgroundValue(short[] l, int[] regionOf) {
        int seen = Integer.MIN_VALUE;
        for (short v : l) {
            if (regionOf[v + OFFSET] < 0) {
                if (seen != Integer.MIN_VALUE && seen != v) {
                    return false;
                }
                seen = v;
            }
        }
        return true;
    }

    private static String at(Grid3 g, int v) {
        return "(" + v % g.nx() + ", " + (v / g.nx()) % g.ny() + ", " + v / (g.nx() * g.ny()) + ")";
    }

    private static String describe(Grid3 g) {
        return String.format(Locale.ROOT, "%d x %d x %d voxels of %.3g x %.3g x %.3g mm, origin (%.3g, %.3g, %.3g) mm",
                g.nx(), g.ny(), g.nz(), g.voxelXMm(), g.voxelYMm(), g.voxelZMm(), g.originXMm(), g.originYMm(),
                g.originZMm());
    }
}
