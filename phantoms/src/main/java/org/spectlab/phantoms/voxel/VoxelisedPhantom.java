package org.spectlab.phantoms.voxel;

import java.util.List;
import org.spectlab.core.grid.Grid3;
import org.spectlab.core.grid.LabelVolume;
import org.spectlab.core.grid.Volume;
import org.spectlab.phantoms.model.Phantom;

/**
 * The result of voxelising a phantom.
 *
 * <ul>
 *   <li>{@link #activity()}: activity concentration, Bq/mL (partial-volume weighted);</li>
 *   <li>{@link #labels()}: organ labels (majority of sub-samples), names from
 *       {@link Phantom#labelNames()};</li>
 *   <li>{@link #materials()}: material indices (majority of sub-samples), names in
 *       {@link #materialNames()} (index 0 = background material);</li>
 *   <li>per-region composed volume (mL) and activity (Bq): what each region really occupies after
 *       higher-priority regions have overridden it, counted on the sub-sample lattice.</li>
 * </ul>
 */
public final class VoxelisedPhantom {
    private final Phantom phantom;
    private final Volume activity;
    private final LabelVolume labels;
    private final LabelVolume materials;
    private final double[] regionVolumeMl;
    private final int subSamplesPerAxis;

    VoxelisedPhantom(Phantom phantom, Volume activity, LabelVolume labels, LabelVolume materials,
                     double[] regionVolumeMl, int subSamplesPerAxis) {
        this.phantom = phantom;
        this.activity = activity;
        this.labels = labels;
        this.materials = materials;
        this.regionVolumeMl = regionVolumeMl;
        this.subSamplesPerAxis = subSamplesPerAxis;
    }

    /** The phantom that was voxelised. */
    public Phantom phantom() {
        return phantom;
    }

    /** The grid. */
    public Grid3 grid() {
        return activity.grid();
    }

    /** Activity concentration, Bq/mL. */
    public Volume activity() {
        return activity;
    }

    /** Organ label map. */
    public LabelVolume labels() {
        return labels;
    }

    /** Material index map (names in {@link #materialNames()}). */
    public LabelVolume materials() {
        return materials;
    }

    /** Material names by index. */
    public List<String> materialNames() {
        return phantom.materialNames();
    }

    /**
     * The same phantom with its activity map replaced (e.g. by one read from a file); the caller keeps
     * each region's concentration equal to the map's mean over the region, so that the per-region
     * bookkeeping stays that of the map.
     *
     * @throws IllegalArgumentException when the grid differs
     */
    public VoxelisedPhantom withActivity(Volume activityBqPerMl) {
        if (!activityBqPerMl.grid().sameGeometry(grid())) {
            throw new IllegalArgumentException("activity grid " + activityBqPerMl.grid() + " differs from " + grid());
        }
        return new VoxelisedPhantom(phantom, Volume.of(grid(), activityBqPerMl.data().clone(), "Bq/mL"), labels,
                materials, regionVolumeMl, subSamplesPerAxis);
    }

    /** Sub-samples per voxel axis used. */
    public int subSamplesPerAxis() {
        return subSamplesPerAxis;
    }

    /** Volume (mL) that region {@code index} occupies on the grid after overrides. */
    public double regionVolumeMl(int index) {
        return regionVolumeMl[index];
    }

    /** Volume (mL) that the region with the given id occupies on the grid after overrides. */
    public double regionVolumeMl(String id) {
        phantom.region(id);
        return regionVolumeMl[phantom.indexOf(id)];
    }

    /** Activity (Bq) of region {@code index} on the grid after overrides. */
    public double regionActivityBq(int index) {
        return regionVolumeMl[index] * phantom.regions().get(index).concentrationBqPerMl();
    }

    /** Activity (Bq) of the region with the given id on the grid after overrides. */
    public double regionActivityBq(String id) {
        phantom.region(id);
        return regionActivityBq(phantom.indexOf(id));
    }

    /** Total volume (mL) of all regions carrying the label. */
    public double labelVolumeMl(String label) {
        double v = 0;
        for (int i = 0; i < regionVolumeMl.length; i++) {
            if (phantom.regions().get(i).label().equals(label)) {
                v += regionVolumeMl[i];
            }
        }
        return v;
    }

    /** Total activity in the grid, Bq (sum over regions, exact on the sub-sample lattice). */
    public double totalActivityBq() {
        double a = 0;
        for (int i = 0; i < regionVolumeMl.length; i++) {
            a += regionActivityBq(i);
        }
        return a;
    }
}
