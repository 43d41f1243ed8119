package org.spectlab.phantoms.lesion;

/**
 * Deterministic, nearly uniform directions on the unit sphere (a Fibonacci spiral), used to test that
 * an ellipsoid lies inside an organ: the surface is probed at these directions. Approximation: a
 * boundary feature smaller than the probe spacing (about 4 pi R^2 / N) can slip between probes.
 */
final class SurfacePoints {
    /** Number of probe directions. */
    static final int COUNT = 256;
    /** Directions, x0 y0 z0 x1 y1 z1 ... */
    static final double[] DIRECTIONS = fibonacci(COUNT);

    private SurfacePoints() {
    }

    private static double[] fibonacci(int n) {
        double[] d = new double[3 * n];
        double golden = Math.PI * (3 - Math.sqrt(5));
        for (int i = 0; i < n; i++) {
            double z = 1 - (2.0 * i + 1) / n;
            double r = Math.sqrt(1 - z * z);
            double phi = golden * i;
            d[3 * i] = r * Math.cos(phi);
            d[3 * i + 1] = r * Math.sin(phi);
            d[3 * i + 2] = z;
        }
        return d;
    }

    /** Point k on the ellipsoid (semi-axes a, b, c mm) around the centre, written to out[0..2]. */
    static void point(int k, double cx, double cy, double cz, double a, double b, double c, double[] out) {
        out[0] = cx + a * DIRECTIONS[3 * k];
        out[1] = cy + b * DIRECTIONS[3 * k + 1];
        out[2] = cz + c * DIRECTIONS[3 * k + 2];
    }
}
