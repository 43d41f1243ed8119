package org.spectlab.simulator.spect;

import java.util.List;
import org.spectlab.core.camera.CollimatorSpec;
import org.spectlab.core.camera.HoleShape;
import org.spectlab.core.grid.Grid3;
import org.spectlab.core.grid.Volume;
import org.spectlab.core.material.MaterialLibrary;
import org.spectlab.core.nuclide.NuclideLibrary;
import org.spectlab.core.projection.AcquisitionGeometry;
import org.spectlab.core.projection.EnergyWindow;
import org.spectlab.core.projection.RotationDirection;
import org.spectlab.simulator.detector.EnergyResolution;

/** Small scenarios shared by the SPECT simulation tests. */
final class SpectTestScenarios {
    private SpectTestScenarios() {
    }

    /** A wide-hole collimator (g ~ 1e-3) so that analog runs collect enough counts in seconds. */
    static CollimatorSpec wideCollimator() {
        return CollimatorSpec.of("test-wide", HoleShape.HEXAGONAL, 3.0, 0.3, 20.0);
    }

    static SpectCamera camera(CollimatorSpec collimator) {
        return SpectCamera.of(collimator, 5.0, 9.525, 3.6, EnergyResolution.sqrtLaw(0.099, 140.5),
                List.of(EnergyWindow.centred("photopeak", 140.5, 20), EnergyWindow.of("lower_scatter", 108.5, 126.5)));
    }

    /**
     * A water cylinder (radius 60 mm, along z) in air on a 24x24x16 grid of 6 mm voxels, with a small
     * hot source (2x2x2 voxels, 1 MBq/mL) 18 mm off the axis, Tc-99m, four views at 150 mm.
     */
    static SpectScenario waterCylinderWithHotSpot(SpectCamera camera, int views) {
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
        MaterialLibrary lib = MaterialLibrary.builtIn();
        AcquisitionGeometry orbit = AcquisitionGeometry.circular(views, 0, 360, RotationDirection.CW, 150, 1);
        return SpectScenario.of(g, mat, List.of(lib.get("air"), lib.get("water")), activity,
                NuclideLibrary.get("Tc-99m"), 1e-3, 15.0, camera, orbit, 24, 32, 6.0, 1.0);
    }

    /**
     * A water cylinder (radius 60 mm, along z, 96 mm long) in air on a grid of {@code voxelMm}
     * voxels (3 or 6 mm), Tc-99m at 1 MBq/mL in either a 12 mm cube centred at (21, -3, 0) mm
     * ({@code line = false}) or a line along z through the voxel column whose centre is nearest to (21, -3) mm, 72 mm long
     * ({@code line = true}); projections of {@code voxelMm} pixels, views at 150 mm.
     */
    static SpectScenario waterCylinder(SpectCamera camera, int views, double voxelMm, boolean line) {
        int n = (int) Math.round(144 / voxelMm);
        int nz = (int) Math.round(96 / voxelMm);
        Grid3 g = Grid3.centredCubic(n, n, nz, voxelMm);
        short[] mat = new short[g.voxelCount()];
        Volume activity = Volume.zeros(g, "Bq/mL");
        int lineI = (int) Math.round((21 - g.originXMm()) / voxelMm);
        int lineJ = (int) Math.round((-3 - g.originYMm()) / voxelMm);
        for (int k = 0; k < g.nz(); k++) {
            for (int j = 0; j < g.ny(); j++) {
                for (int i = 0; i < g.nx(); i++) {
                    if (Math.hypot(g.xMm(i), g.yMm(j)) < 60) {
                        mat[g.index(i, j, k)] = 1;
                    }
                    double x = g.xMm(i);
                    double y = g.yMm(j);
                    double z = g.zMm(k);
                    boolean in = line
                            ? i == lineI && j == lineJ && Math.abs(z) < 36
                            : Math.abs(x - 21) < 6 && Math.abs(y + 3) < 6 && Math.abs(z) < 6;
                    if (in) {
                        activity.set(i, j, k, 1.0e6f);
                    }
                }
            }
        }
        MaterialLibrary lib = MaterialLibrary.builtIn();
        AcquisitionGeometry orbit = AcquisitionGeometry.circular(views, 0, 360, RotationDirection.CW, 150, 1);
        int cols = (int) Math.round(192 / voxelMm);
        int rows = (int) Math.round(144 / voxelMm);
        return SpectScenario.of(g, mat, List.of(lib.get("air"), lib.get("water")), activity,
                NuclideLibrary.get("Tc-99m"), 1e-3, 15.0, camera, orbit, rows, cols, voxelMm, 1.0);
    }
}
