package org.spectlab.simulator.spect;

import java.util.List;
import java.util.Objects;
import org.spectlab.core.error.InputException;
import org.spectlab.core.grid.Grid3;
import org.spectlab.core.grid.Volume;
import org.spectlab.core.material.Material;
import org.spectlab.core.nuclide.EmissionLine;
import org.spectlab.core.nuclide.Nuclide;
import org.spectlab.core.projection.AcquisitionGeometry;

/**
 * Everything one SPECT acquisition needs: the voxelised patient (material index per voxel and the
 * materials), the activity concentration at the start of the acquisition (Bq/mL), the nuclide's
 * photon lines, the camera, the orbit and the projection matrix.
 *
 * <p>Conventions: projections are centred on the axis of rotation (x = y = 0) and on z = 0; pixels
 * are square ({@code pixelSizeMm}); views are acquired one after another in index order, each for
 * {@code timePerViewS} (with two heads, pairs of views half the orbit apart are simultaneous), and
 * the activity changes during the acquisition: with {@code kinetics} (see {@link KineticGroups}) each
 * kinetic group follows its own biological and physical time course, without them all of it decays
 * with the nuclide's half-life ({@link #viewDecayFactor}).
 *
 * @param grid                 voxel grid of the patient (square voxels in x and y)
 * @param materialOfVoxel      index into {@code materials} per voxel (not copied)
 * @param materials            the materials by index
 * @param activityBqPerMl      activity concentration at acquisition start
 * @param nuclide              the nuclide (half-life and photon lines)
 * @param minLineYield         lines with a smaller yield per decay are left out (e.g. 1e-3)
 * @param minLineEnergyKeV     lines below this energy are left out (absorbed in the patient; e.g. 15 keV)
 * @param camera               the camera
 * @param orbit                the acquisition orbit
 * @param rows                 projection rows (axial)
 * @param cols                 projection columns
 * @param pixelSizeMm          projection pixel size, mm
 * @param timePerViewS         acquisition time per view, s
 * @param kinetics             the activity split into kinetic groups and their factors per view, or null
 *                             (one group, physical decay only)
 */
public record SpectScenario(Grid3 grid, short[] materialOfVoxel, List<Material> materials, Volume activityBqPerMl,
                            Nuclide nuclide, double minLineYield, double minLineEnergyKeV, SpectCamera camera,
                            AcquisitionGeometry orbit, int rows, int cols, double pixelSizeMm, double timePerViewS,
                            KineticGroups kinetics) {

    /** Validates consistency of the pieces. */
    public SpectScenario {
        Objects.requireNonNull(grid, "grid");
        Objects.requireNonNull(materialOfVoxel, "materialOfVoxel");
        Objects.requireNonNull(nuclide, "nuclide");
        Objects.requireNonNull(camera, "camera");
        Objects.requireNonNull(orbit, "orbit");
        materials = List.copyOf(materials);
        if (materialOfVoxel.length != grid.voxelCount()) {
            throw new IllegalArgumentException("material map does not match the grid");
        }
        if (!activityBqPerMl.grid().sameGeometry(grid)) {
            throw InputException.field("activity", "must be on the same grid as the material map");
        }
        if (Math.abs(grid.voxelXMm() - grid.voxelYMm()) > 1e-9) {
            throw InputException.field("grid.voxel_size_mm", "x and y voxel sizes must be equal for SPECT simulation, got "
                    + grid.voxelXMm() + " and " + grid.voxelYMm());
        }
        if (rows <= 0 || cols <= 0 || (long) rows * cols > 4096L * 4096L) {
            throw InputException.field("acquisition.matrix", "rows and columns must be 1 to 4096, got " + rows + "x" + cols);
        }
        if (!(pixelSizeMm > 0) || pixelSizeMm > 50) {
            throw InputException.field("acquisition.pixel_size_mm", "must be in (0, 50], got " + pixelSizeMm);
        }
        if (!(timePerViewS > 0)) {
            throw InputException.field("acquisition.time_per_view_s", "must be positive, got " + timePerViewS);
        }
        for (short m : materialOfVoxel) {
            if (m < 0 || m >= materials.size()) {
                throw InputException.field("materials", "voxel material index " + m + " has no material (0-"
                        + (materials.size() - 1) + ")");
            }
        }
        if (kinetics != null) {
            checkKinetics(kinetics, grid, activityBqPerMl, orbit.views());
        }
        if (selectedLines(nuclide, minLineYield, minLineEnergyKeV).isEmpty()) {
            throw InputException.field("nuclide", nuclide.name() + " has no line above " + minLineEnergyKeV
                    + " keV with yield >= " + minLineYield);
        }
    }

    /** A scenario. */
    public static SpectScenario of(Grid3 grid, short[] materialOfVoxel, List<Material> materials, Volume activityBqPerMl,
                                   Nuclide nuclide, double minLineYield, double minLineEnergyKeV, SpectCamera camera,
                                   AcquisitionGeometry orbit, int rows, int cols, double pixelSizeMm,
                                   double timePerViewS) {
        return new SpectScenario(grid, materialOfVoxel, materials, activityBqPerMl, nuclide, minLineYield,
                minLineEnergyKeV, camera, orbit, rows, cols, pixelSizeMm, timePerViewS, null);
    }

    /** The same scenario with the activity's kinetics during the scan (null: physical decay only). */
    public SpectScenario withKinetics(KineticGroups groups) {
        return new SpectScenario(grid, materialOfVoxel, materials, activityBqPerMl, nuclide, minLineYield,
                minLineEnergyKeV, camera, orbit, rows, cols, pixelSizeMm, timePerViewS, groups);
    }

    /**
     * The groups must cover the views and hold the activity map's activity: their entries, summed, within
     * 1e-4 of the map's total (they are rendered separately, so they agree to float rounding).
     */
    private static void checkKinetics(KineticGroups k, Grid3 grid, Volume activity, int views) {
        if (k.views() != views && k.groups() > 0) {
            throw new IllegalArgumentException("kinetic factors for " + k.views() + " views, the orbit has " + views);
        }
        for (int v : k.activeVoxels()) {
            if (v >= grid.voxelCount()) {
                throw new IllegalArgumentException("kinetic entry voxel " + v + " outside the grid");
            }
        }
        double map = 0;
        for (float c : activity.data()) {
            map += c;
        }
        map *= grid.voxelVolumeMl();
        double entries = k.totalBq();
        if (Math.abs(entries - map) > 1e-4 * Math.max(map, entries)) {
            throw new IllegalArgumentException("kinetic groups hold " + entries + " Bq, the activity map " + map + " Bq");
        }
    }

    /**
     * What changes the activity during the scan, for the study manifest: {@code "biological+physical"}
     * with kinetics, else {@code "physical"}.
     */
    public String duringScan() {
        return kinetics == null ? "physical" : "biological+physical";
    }

    /**
     * Mean over view {@code v}'s time slot of kinetic group {@code g}'s activity relative to the scan
     * start: {@link KineticGroups#viewFactor} with kinetics, else (group 0 only) {@link #viewDecayFactor}.
     */
    public double viewFactor(int group, int view) {
        return kinetics == null ? viewDecayFactor(view) : kinetics.viewFactor(group, view);
    }

    /** The photon lines that are simulated. */
    public List<EmissionLine> lines() {
        return selectedLines(nuclide, minLineYield, minLineEnergyKeV);
    }

    private static List<EmissionLine> selectedLines(Nuclide nuclide, double minYield, double minEnergyKeV) {
        return nuclide.lines().stream().filter(l -> l.yieldPerDecay() >= minYield && l.energyKeV() >= minEnergyKeV)
                .toList();
    }

    /**
     * The time slot in which view {@code v} is acquired: views are acquired in index order, and with
     * {@code h} heads (views divisible by h) the h views {@code v, v + N/h, ...} at once, so view v
     * is in slot {@code v mod (N / h)} and the scan lasts N/h slots of {@code timePerViewS}.
     */
    public int timeSlotOfView(int view) {
        return view % slotsPerHead();
    }

    /** The head (0-based) that acquires view {@code v}: {@code v / (N / h)}. */
    public int headOfView(int view) {
        return view / slotsPerHead();
    }

    /** Number of time slots of the scan (views 0 .. slots - 1 are acquired in slots 0 .. slots - 1). */
    public int timeSlots() {
        return slotsPerHead();
    }

    private int slotsPerHead() {
        int heads = orbit.heads();
        return orbit.views() % heads == 0 ? orbit.views() / heads : orbit.views();
    }

    /**
     * Mean decay factor of view {@code v} relative to the acquisition start over its time slot
     * {@link #timeSlotOfView}: physical decay of the nuclide only (what a scenario without
     * {@link #kinetics()} uses; with kinetics see {@link #viewFactor}).
     */
    public double viewDecayFactor(int view) {
        return nuclide.meanDecayFactorOver(timeSlotOfView(view) * timePerViewS, timePerViewS);
    }
}
