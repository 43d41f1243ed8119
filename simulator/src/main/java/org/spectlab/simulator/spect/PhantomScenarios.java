package org.spectlab.simulator.spect;

import java.util.ArrayList;
import java.util.List;
import org.spectlab.core.material.Material;
import org.spectlab.core.material.MaterialLibrary;
import org.spectlab.core.nuclide.Nuclide;
import org.spectlab.core.projection.AcquisitionGeometry;
import org.spectlab.phantoms.kinetics.ScanKinetics;
import org.spectlab.phantoms.voxel.VoxelisedPhantom;

/** Builds simulation scenarios from voxelised phantoms. */
public final class PhantomScenarios {
    private PhantomScenarios() {
    }

    /**
     * A scenario from a rendered phantom: its material map (names resolved in the material library),
     * its activity map at the acquisition start, and the given nuclide, camera and acquisition.
     * Lines below 15 keV or with yields below 0.1 % are left out (absorbed within millimetres of
     * tissue, or negligible).
     */
    public static SpectScenario of(VoxelisedPhantom phantom, MaterialLibrary library, Nuclide nuclide,
                                   SpectCamera camera, AcquisitionGeometry orbit, int rows, int cols,
                                   double pixelSizeMm, double timePerViewS) {
        return SpectScenario.of(phantom.grid(), phantom.materials().labels(), materials(phantom, library),
                phantom.activity(), nuclide, 1e-3, 15.0, camera, orbit, rows, cols, pixelSizeMm, timePerViewS);
    }

    /** The patient outline of a rendered phantom (before an orbit is chosen, e.g. to contour it). */
    public static PatientOutline outline(VoxelisedPhantom phantom, MaterialLibrary library) {
        return PatientOutline.of(phantom.grid(), phantom.materials().labels(), materials(phantom, library));
    }

    private static List<Material> materials(VoxelisedPhantom phantom, MaterialLibrary library) {
        List<Material> materials = new ArrayList<>();
        for (String name : phantom.materialNames()) {
            materials.add(library.get(name));
        }
        return materials;
    }

    /**
     * The scenario with the phantom's kinetics during the scan: for each group g and view v,
     * {@code viewFactor = decays_g(slot of v) / (A_g(t0) x timePerViewS)}, the slot starting
     * {@code timeSlotOfView(v) x timePerViewS} after the scan start t0 ({@link ScanKinetics#scanStartH()}).
     * A null {@code scan} leaves the scenario as it is (physical decay only).
     */
    public static SpectScenario withKinetics(SpectScenario scenario, ScanKinetics scan) {
        if (scan == null) {
            return scenario;
        }
        int views = scenario.orbit().views();
        double t = scenario.timePerViewS();
        double[][] factor = new double[scan.groups().size()][views];
        for (int g = 0; g < factor.length; g++) {
            for (int v = 0; v < views; v++) {
                factor[g][v] = scan.decaysPerStartActivityS(g, scenario.timeSlotOfView(v) * t, t) / t;
            }
        }
        return scenario.withKinetics(KineticGroups.of(scenario.grid(), scan.groups(), scan.entryVoxels(),
                scan.entryGroups(), scan.entryConcentrationsBqPerMl(), factor));
    }
}
