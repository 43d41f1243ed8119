package org.spectlab.simulator.source;

import org.apache.commons.rng.UniformRandomProvider;

/** Sampling of directions on the unit sphere, allocation-free. */
public final class Directions {
    private Directions() {
    }

    /**
     * Writes an isotropic unit direction into {@code dir[0..2]}: cos θ uniform in [-1, 1], φ uniform
     * in [0, 2π).
     */
    public static void isotropic(UniformRandomProvider rng, double[] dir) {
        double cosTheta = 2.0 * rng.nextDouble() - 1.0;
        double sinTheta = Math.sqrt(Math.max(0.0, 1.0 - cosTheta * cosTheta));
        double phi = 2.0 * Math.PI * rng.nextDouble();
        dir[0] = sinTheta * Math.cos(phi);
        dir[1] = sinTheta * Math.sin(phi);
        dir[2] = cosTheta;
    }

    /**
     * Rotates unit direction {@code dir} by polar angle θ (given by its cosine) and azimuth φ about
     * itself, in place: the new direction makes angle θ with the old one.
     */
    public static void deflect(double[] dir, double cosTheta, double phi) {
        double sinTheta = Math.sqrt(Math.max(0.0, 1.0 - cosTheta * cosTheta));
        double cosPhi = Math.cos(phi);
        double sinPhi = Math.sin(phi);
        double ux = dir[0];
        double uy = dir[1];
        double uz = dir[2];
        double perp = Math.sqrt(Math.max(0.0, 1.0 - uz * uz));
        if (perp < 1e-10) {
            double sign = uz >= 0 ? 1.0 : -1.0;
            dir[0] = sinTheta * cosPhi;
            dir[1] = sinTheta * sinPhi;
            dir[2] = sign * cosTheta;
            return;
        }
        double nx = ux * cosTheta + sinTheta * (ux * uz * cosPhi - uy * sinPhi) / perp;
        double ny = uy * cosTheta + sinTheta * (uy * uz * cosPhi + ux * sinPhi) / perp;
        double nz = uz * cosTheta - sinTheta * perp * cosPhi;
        double norm = 1.0 / Math.sqrt(nx * nx + ny * ny + nz * nz);
        dir[0] = nx * norm;
        dir[1] = ny * norm;
        dir[2] = nz * norm;
    }
}
