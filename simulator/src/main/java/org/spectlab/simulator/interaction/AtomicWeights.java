package org.spectlab.simulator.interaction;

/**
 * Standard atomic weights (g/mol) of the elements for which scattering-function tables are shipped.
 *
 * <p>Source: IUPAC/CIAAW, "Standard atomic weights of the elements 2021", abridged to five
 * significant figures (T. Prohaska et al., Pure Appl. Chem. 94, 573-600 (2022)). For
 * elements with an interval (H, B, C, N, O, Mg, Si, S, Cl, Ar, Tl, Pb) the abridged conventional value
 * is used. The integrator may later point this at core's element table.
 */
final class AtomicWeights {
    private static final double[] WEIGHT_BY_Z = new double[101];

    static {
        put(1, 1.0080);
        put(4, 9.0122);
        put(5, 10.81);
        put(6, 12.011);
        put(7, 14.007);
        put(8, 15.999);
        put(9, 18.998);
        put(11, 22.990);
        put(12, 24.305);
        put(13, 26.982);
        put(14, 28.085);
        put(15, 30.974);
        put(16, 32.06);
        put(17, 35.45);
        put(18, 39.95);
        put(19, 39.098);
        put(20, 40.078);
        put(22, 47.867);
        put(26, 55.845);
        put(29, 63.546);
        put(30, 65.38);
        put(32, 72.630);
        put(53, 126.90);
        put(55, 132.91);
        put(56, 137.33);
        put(64, 157.25);
        put(74, 183.84);
        put(81, 204.38);
        put(82, 207.2);
        put(83, 208.98);
    }

    private AtomicWeights() {
    }

    private static void put(int z, double gPerMol) {
        WEIGHT_BY_Z[z] = gPerMol;
    }

    /** Whether a weight is tabulated for Z. */
    static boolean has(int z) {
        return z >= 1 && z < WEIGHT_BY_Z.length && WEIGHT_BY_Z[z] > 0;
    }

    /** Standard atomic weight of element Z in g/mol; Z must satisfy {@link #has(int)}. */
    static double gPerMol(int z) {
        if (!has(z)) {
            throw new IllegalArgumentException("no atomic weight tabulated for Z=" + z);
        }
        return WEIGHT_BY_Z[z];
    }
}
