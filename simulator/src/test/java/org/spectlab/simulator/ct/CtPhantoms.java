package org.spectlab.simulator.ct;

import java.util.List;
import org.spectlab.core.grid.Grid3;
import org.spectlab.core.material.Material;
import org.spectlab.core.material.MaterialLibrary;

/** Small analytic test phantoms as material maps. */
final class CtPhantoms {
    static final int AIR = 0;
    static final int WATER = 1;
    static final int LUNG = 2;
    static final int BONE = 3;
    static final int SOFT_TISSUE = 4;

    private CtPhantoms() {
    }

    static List<Material> materials() {
        MaterialLibrary lib = MaterialLibrary.builtIn();
        return List.of(lib.get("air"), lib.get("water"), lib.get("lung"), lib.get("cortical_bone"),
                lib.get("soft_tissue"));
    }

    /** Mean and sample SD of slice k of a volume over a disc (centre and radius in mm). */
    static double[] discStats(org.spectlab.core.grid.Volume v, int k, double xMm, double yMm, double rMm) {
        Grid3 g = v.grid();
        double s = 0;
        double s2 = 0;
        int n = 0;
        for (int j = 0; j < g.ny(); j++) {
            for (int i = 0; i < g.nx(); i++) {
                if (Math.hypot(g.xMm(i) - xMm, g.yMm(j) - yMm) <= rMm) {
                    double h = v.get(i, j, k);
                    s += h;
                    s2 += h * h;
                    n++;
                }
            }
        }
        double mean = s / n;
        return new double[] {mean, Math.sqrt((s2 - n * mean * mean) / (n - 1)), n};
    }

    /**
     * A water cylinder of the given radius along z, with optional lung and bone inserts (radius in mm,
     * centre x in mm, on the y = 0 line); inserts with radius 0 are left out.
     */
    static MaterialMap cylinder(Grid3 g, double radiusMm, double lungRadiusMm, double lungXMm,
                                double boneRadiusMm, double boneXMm) {
        return cylinder(g, WATER, radiusMm, lungRadiusMm, lungXMm, boneRadiusMm, boneXMm);
    }

    /** As {@link #cylinder(Grid3, double, double, double, double, double)} with another background material. */
    static MaterialMap cylinder(Grid3 g, int background, double radiusMm, double lungRadiusMm, double lungXMm,
                                double boneRadiusMm, double boneXMm) {
        short[] idx = new short[g.voxelCount()];
        for (int k = 0; k < g.nz(); k++) {
            for (int j = 0; j < g.ny(); j++) {
                for (int i = 0; i < g.nx(); i++) {
                    double x = g.xMm(i);
                    double y = g.yMm(j);
                    int m = AIR;
                    if (x * x + y * y <= radiusMm * radiusMm) {
                        m = background;
                    }
                    if (lungRadiusMm > 0 && Math.hypot(x - lungXMm, y) <= lungRadiusMm) {
                        m = LUNG;
                    }
                    if (boneRadiusMm > 0 && Math.hypot(x - boneXMm, y) <= boneRadiusMm) {
                        m = BONE;
                    }
                    idx[g.index(i, j, k)] = (short) m;
                }
            }
        }
        return MaterialMap.of(g, idx, materials());
    }
}
