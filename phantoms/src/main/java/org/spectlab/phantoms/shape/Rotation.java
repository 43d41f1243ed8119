package org.spectlab.phantoms.shape;

import org.spectlab.core.error.InputException;

/**
 * A proper rotation as a 3x3 matrix (row-major, primitive doubles) that maps a solid's local axes to
 * patient axes: {@code world = centre + R * local}.
 *
 * <p>{@link #ofEulerZyxDeg} composes {@code R = Rz(yaw) * Ry(pitch) * Rx(roll)} (intrinsic z-y'-x''),
 * angles in degrees, positive counter-clockwise looking down the axis towards the origin.
 */
public record Rotation(double m00, double m01, double m02,
                       double m10, double m11, double m12,
                       double m20, double m21, double m22) {

    private static final Rotation IDENTITY = new Rotation(1, 0, 0, 0, 1, 0, 0, 0, 1);

    /** Checks orthonormality (to 1e-9) and determinant +1. */
    public Rotation {
        double[][] c = {{m00, m10, m20}, {m01, m11, m21}, {m02, m12, m22}};
        for (int a = 0; a < 3; a++) {
            for (int b = 0; b < 3; b++) {
                double dot = c[a][0] * c[b][0] + c[a][1] * c[b][1] + c[a][2] * c[b][2];
                if (Math.abs(dot - (a == b ? 1 : 0)) > 1e-9) {
                    throw InputException.field("rotation", "matrix is not orthonormal");
                }
            }
        }
        double det = m00 * (m11 * m22 - m12 * m21) - m01 * (m10 * m22 - m12 * m20) + m02 * (m10 * m21 - m11 * m20);
        if (det < 0) {
            throw InputException.field("rotation", "matrix is a reflection (determinant -1)");
        }
    }

    /** No rotation. */
    public static Rotation identity() {
        return IDENTITY;
    }

    /** {@code Rz(yawDeg) * Ry(pitchDeg) * Rx(rollDeg)}. */
    public static Rotation ofEulerZyxDeg(double yawDeg, double pitchDeg, double rollDeg) {
        double a = Math.toRadians(yawDeg);
        double b = Math.toRadians(pitchDeg);
        double g = Math.toRadians(rollDeg);
        double ca = Math.cos(a);
        double sa = Math.sin(a);
        double cb = Math.cos(b);
        double sb = Math.sin(b);
        double cg = Math.cos(g);
        double sg = Math.sin(g);
        return new Rotation(
                ca * cb, ca * sb * sg - sa * cg, ca * sb * cg + sa * sg,
                sa * cb, sa * sb * sg + ca * cg, sa * sb * cg - ca * sg,
                -sb, cb * sg, cb * cg);
    }

    /** A rotation that takes the local z axis onto patient x (for solids whose axis is local z). */
    public static Rotation localZToX() {
        return ofEulerZyxDeg(0, 90, 0);
    }

    /** A rotation that takes the local z axis onto patient y. */
    public static Rotation localZToY() {
        return ofEulerZyxDeg(0, 0, -90);
    }

    /** True when this is the identity. */
    public boolean isIdentity() {
        return equals(IDENTITY);
    }
}
