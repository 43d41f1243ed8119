package org.spectlab.phantoms.shape;

import java.util.Objects;
import org.spectlab.core.error.InputException;

/**
 * Common placement of a solid defined in its own local frame: a centre (mm) and a {@link Rotation}
 * (local to patient axes). Subclasses test membership in local coordinates, where the solid is
 * centred on the origin.
 *
 * <p>The rotation is held as nine primitive doubles so that {@link #contains} is a few multiply-adds
 * followed by the local test.
 */
public abstract class PlacedSolid implements Shape {
    /** Centre, mm. */
    protected final double cx;
    /** Centre, mm. */
    protected final double cy;
    /** Centre, mm. */
    protected final double cz;
    private final Rotation rotation;
    private final double r00;
    private final double r01;
    private final double r02;
    private final double r10;
    private final double r11;
    private final double r12;
    private final double r20;
    private final double r21;
    private final double r22;

    /** @param rotation local-to-patient rotation */
    protected PlacedSolid(double cxMm, double cyMm, double czMm, Rotation rotation) {
        if (!Double.isFinite(cxMm) || !Double.isFinite(cyMm) || !Double.isFinite(czMm)) {
            throw InputException.field("centre (mm)", "must be finite numbers");
        }
        this.cx = cxMm;
        this.cy = cyMm;
        this.cz = czMm;
        this.rotation = Objects.requireNonNull(rotation, "rotation");
        r00 = rotation.m00();
        r01 = rotation.m01();
        r02 = rotation.m02();
        r10 = rotation.m10();
        r11 = rotation.m11();
        r12 = rotation.m12();
        r20 = rotation.m20();
        r21 = rotation.m21();
        r22 = rotation.m22();
    }

    @Override
    public final boolean contains(double xMm, double yMm, double zMm) {
        double dx = xMm - cx;
        double dy = yMm - cy;
        double dz = zMm - cz;
        // local = R^T (p - c)
        double u = r00 * dx + r10 * dy + r20 * dz;
        double v = r01 * dx + r11 * dy + r21 * dz;
        double w = r02 * dx + r12 * dy + r22 * dz;
        return containsLocal(u, v, w);
    }

    /** Membership in the local frame (solid centred on the origin). */
    protected abstract boolean containsLocal(double u, double v, double w);

    /** Half-extents of the local bounding box (which is centred on the local origin): {hu, hv, hw}. */
    protected abstract double[] localHalfExtents();

    @Override
    public Aabb bounds() {
        double[] h = localHalfExtents();
        double hx = Math.abs(r00) * h[0] + Math.abs(r01) * h[1] + Math.abs(r02) * h[2];
        double hy = Math.abs(r10) * h[0] + Math.abs(r11) * h[1] + Math.abs(r12) * h[2];
        double hz = Math.abs(r20) * h[0] + Math.abs(r21) * h[1] + Math.abs(r22) * h[2];
        return Aabb.around(cx, cy, cz, hx, hy, hz);
    }

    /** Centre x, mm. */
    public double centreXMm() {
        return cx;
    }

    /** Centre y, mm. */
    public double centreYMm() {
        return cy;
    }

    /** Centre z, mm. */
    public double centreZMm() {
        return cz;
    }

    /** The local-to-patient rotation. */
    public Rotation rotation() {
        return rotation;
    }

    /** Validates a positive finite length. */
    protected static double positive(String field, double valueMm) {
        if (!(valueMm > 0) || !Double.isFinite(valueMm)) {
            throw InputException.field(field, "must be a positive finite length in mm, got " + valueMm);
        }
        return valueMm;
    }

    /** Validates a wall thickness for {@link #inset}. */
    protected static double wall(double wallMm) {
        if (!(wallMm >= 0) || !Double.isFinite(wallMm)) {
            throw InputException.field("wall thickness (mm)", "must be a finite length >= 0, got " + wallMm);
        }
        return wallMm;
    }

    /** Validates that an inset dimension remains positive. */
    protected static double remaining(String field, double valueMm, double wallMm) {
        if (!(valueMm > 0)) {
            throw InputException.field("wall thickness (mm)", "a wall of " + wallMm + " mm leaves nothing of the "
                    + field);
        }
        return valueMm;
    }
}
