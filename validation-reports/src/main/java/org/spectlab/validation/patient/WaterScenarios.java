package org.spectlab.validation.patient;

import java.util.List;
import org.spectlab.core.camera.CollimatorLibrary;
import org.spectlab.core.camera.CollimatorSpec;
import org.spectlab.core.grid.Grid3;
import org.spectlab.core.grid.Volume;
import org.spectlab.core.material.MaterialLibrary;
import org.spectlab.core.nuclide.NuclideLibrary;
import org.spectlab.core.projection.AcquisitionGeometry;
import org.spectlab.core.projection.EnergyWindow;
import org.spectlab.core.projection.RotationDirection;
import org.spectlab.simulator.detector.EnergyResolution;
import org.spectlab.simulator.spect.SpectCamera;
import org.spectlab.simulator.spect.SpectScenario;

/**
 * The water phantoms of the {@code patient} suite, built voxel by voxel (material 0 air, 1 water),
 * Tc-99m, on circular orbits. Lengths in mm, concentrations in Bq/mL.
 */
public final class WaterScenarios {
    /** Photopeak window: 20 % centred on 140.5 keV. */
    public static final EnergyWindow PHOTOPEAK = EnergyWindow.centred("photopeak", 140.5, 20);
    /** Lower scatter window of the analog comparison, keV. */
    public static final EnergyWindow LOWER = EnergyWindow.of("lower_scatter", 108.5, 126.5);
    /** Energy resolution: 9.9 % FWHM at 140.5 keV (Siemens Symbia specification), sqrt(E). */
    public static final EnergyResolution RESOLUTION = EnergyResolution.sqrtLaw(0.099, 140.5);

    private WaterScenarios() {
    }

    /** A camera with the given collimator: back gap 6.4 mm, 3/8" crystal, 3.8 mm intrinsic FWHM. */
    public static SpectCamera camera(CollimatorSpec collimator, List<EnergyWindow> windows) {
        return SpectCamera.of(collimator, 6.4, 9.525, 3.8, RESOLUTION, windows);
    }

    private static SpectScenario scenario(Grid3 g, short[] mat, Volume activity, SpectCamera camera, int views,
                                          double radiusMm, int rows, int cols, double pixelMm) {
        MaterialLibrary lib = MaterialLibrary.builtIn();
        AcquisitionGeometry orbit = AcquisitionGeometry.circular(views, 0, 360, RotationDirection.CW, radiusMm, 1);
        return SpectScenario.of(g, mat, List.of(lib.get("air"), lib.get("water")), activity,
                NuclideLibrary.get("Tc-99m"), 1e-3, 15.0, camera, orbit, rows, cols, pixelMm, 1.0);
    }

    /**
     * A water cylinder of the given diameter and length along z (centred) on a 41³ grid of 5 mm voxels,
     * with a point source (one voxel, {@code activityBq}) at the centre; Siemens LEHR, photopeak window,
     * {@code views} views at 200 mm, 64 x 64 pixels of 4 mm.
     */
    public static SpectScenario pointInCylinder(double diameterMm, double lengthMm, double activityBq, int views) {
        int n = 41;
        Grid3 g = Grid3.centredCubic(n, n, n, 5.0);
        short[] mat = new short[g.voxelCount()];
        for (int k = 0; k < n; k++) {
            for (int j = 0; j < n; j++) {
                for (int i = 0; i < n; i++) {
                    if (Math.hypot(g.xMm(i), g.yMm(j)) <= 0.5 * diameterMm && Math.abs(g.zMm(k)) <= 0.5 * lengthMm) {
                        mat[g.index(i, j, k)] = 1;
                    }
                }
            }
        }
        Volume activity = Volume.zeros(g, "Bq/mL");
        activity.set(n / 2, n / 2, n / 2, (float) (activityBq / g.voxelVolumeMl()));
        return scenario(g, mat, activity, camera(CollimatorLibrary.get("siemens-lehr"), List.of(PHOTOPEAK)), views, 200,
                64, 64, 4.0);
    }

    /**
     * A point source (one 2 mm voxel) behind a water slab of {@code depthMm} (a whole number of 2 mm
     * voxels) towards the view-0 detector (at -y), air elsewhere; Siemens LEHR, photopeak window, one view.
     * The water faces lie on voxel boundaries, so the path from the source voxel's centre to the
     * detector crosses exactly {@code depthMm} of water (and half a voxel of air).
     */
    public static SpectScenario pointBehindSlab(int depthVoxels, double activityBq) {
        int nx = 21;
        int ny = 61;
        Grid3 g = Grid3.centredCubic(nx, ny, nx, 2.0);
        int js = ny - 6;
        short[] mat = new short[g.voxelCount()];
        for (int k = 0; k < nx; k++) {
            for (int j = js - depthVoxels; j < js; j++) {
                for (int i = 0; i < nx; i++) {
                    mat[g.index(i, j, k)] = 1;
                }
            }
        }
        Volume activity = Volume.zeros(g, "Bq/mL");
        activity.set(nx / 2, js, nx / 2, (float) (activityBq / g.voxelVolumeMl()));
        return scenario(g, mat, activity, camera(CollimatorLibrary.get("siemens-lehr"), List.of(PHOTOPEAK)), 1, 200,
                32, 32, 4.0);
    }

    /** Detector-facing distance check: index of the source row in {@link #pointBehindSlab}. */
    static double sourceYmm(SpectScenario s) {
        Grid3 g = s.grid();
        return g.yMm(g.ny() - 6);
    }

    /**
     * The analog comparison problem (as the simulator's ForcedDetectionVsAnalogTest): a water cylinder
     * (radius 60 mm) on 24 x 24 x 16 voxels of 6 mm with a 2 x 2 x 2-voxel hot spot of 1 MBq/mL 18 mm
     * off the axis, a wide-hole hexagonal collimator (d 3 mm, t 0.3 mm, l 20 mm; g ~ 1e-3 so that
     * analog runs collect enough counts), photopeak and lower scatter windows, 4 views at 150 mm.
     */
    public static SpectScenario hotSpotInCylinder() {
        Grid3 g = Grid3.centredCubic(24, 24, 16, 6.0);
        short[] mat = new short[g.voxelCount()];
        Volume activity = Volume.zeros(g, "Bq/mL");
        for (int k = 0; k < g.nz(); k++) {
            for (int j = 0; j < g.ny(); j++) {
                for (int i = 0; i < g.nx(); i++) {
                    if (Math.hypot(g.xMm(i), g.yMm(j)) < 60) {
                        mat[g.index(i, j, k)] = 1;
                    }
                }
            }
        }
        for (int k = 7; k <= 8; k++) {
            for (int j = 11; j <= 12; j++) {
                for (int i = 14; i <= 15; i++) {
                    activity.set(i, j, k, 1.0e6f);
                }
            }
        }
        CollimatorSpec wide = CollimatorSpec.of("wide-test", org.spectlab.core.camera.HoleShape.HEXAGONAL, 3.0, 0.3, 20.0);
        return scenario(g, mat, activity, camera(wide, List.of(PHOTOPEAK, LOWER)), 4, 150, 24, 32, 6.0);
    }
}
