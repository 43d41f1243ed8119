package org.spectlab.phantoms.shape;

/**
 * An ellipsoid with semi-axes a, b, c (mm) along its local x, y, z axes; a sphere when a = b = c.
 * Volume {@code 4/3 pi a b c}.
 */
public final class Ellipsoid extends PlacedSolid {
    private final double a;
    private final double b;
    private final double c;
    private final double ia2;
    private final double ib2;
    private final double ic2;

    private Ellipsoid(double cxMm, double cyMm, double czMm, double aMm, double bMm, double cMm, Rotation rotation) {
        super(cxMm, cyMm, czMm, rotation);
        this.a = positive("semi-axis a (mm)", aMm);
        this.b = positive("semi-axis b (mm)", bMm);
        this.c = positive("semi-axis c (mm)", cMm);
        ia2 = 1 / (a * a);
        ib2 = 1 / (b * b);
        ic2 = 1 / (c * c);
    }

    /** An ellipsoid with the given centre, semi-axes (mm) and rotation. */
    public static Ellipsoid of(double cxMm, double cyMm, double czMm, double aMm, double bMm, double cMm,
                               Rotation rotation) {
        return new Ellipsoid(cxMm, cyMm, czMm, aMm, bMm, cMm, rotation);
    }

    /** An axis-aligned ellipsoid. */
    public static Ellipsoid of(double cxMm, double cyMm, double czMm, double aMm, double bMm, double cMm) {
        return new Ellipsoid(cxMm, cyMm, czMm, aMm, bMm, cMm, Rotation.identity());
    }

    /** A sphere of the given diameter (mm). */
    public static Ellipsoid sphere(double cxMm, double cyMm, double czMm, double diameterMm) {
        double r = 0.5 * positive("diameter (mm)", diameterMm);
        return new Ellipsoid(cxMm, cyMm, czMm, r, r, r, Rotation.identity());
    }

    @Override
    protected boolean containsLocal(double u, double v, double w) {
        return u * u * ia2 + v * v * ib2 + w * w * ic2 <= 1.0;
    }

    @Override
    protected double[] localHalfExtents() {
        return new double[] {a, b, c};
    }

    /** Exact box: the half-extent along patient axis i is {@code sqrt(sum_j (R_ij s_j)^2)}. */
    @Override
    public Aabb bounds() {
        Rotation r = rotation();
        double hx = Math.sqrt(sq(r.m00() * a) + sq(r.m01() * b) + sq(r.m02() * c));
        double hy = Math.sqrt(sq(r.m10() * a) + sq(r.m11() * b) + sq(r.m12() * c));
        double hz = Math.sqrt(sq(r.m20() * a) + sq(r.m21() * b) + sq(r.m22() * c));
        return Aabb.around(cx, cy, cz, hx, hy, hz);
    }

    private static double sq(double v) {
        return v * v;
    }

    @Override
    public double volumeMm3() {
        return 4.0 / 3.0 * Math.PI * a * b * c;
    }

    @Override
    public Ellipsoid inset(double wallMm) {
        double t = wall(wallMm);
        return new Ellipsoid(cx, cy, cz, remaining("semi-axis a", a - t, t), remaining("semi-axis b", b - t, t),
                remaining("semi-axis c", c - t, t), rotation());
    }

    @Override
    public String kind() {
        return a == b && b == c ? "sphere" : "ellipsoid";
    }

    /** Semi-axis along local x, mm. */
    public double semiAxisAMm() {
        return a;
    }

    /** Semi-axis along local y, mm. */
    public double semiAxisBMm() {
        return b;
    }

    /** Semi-axis along local z, mm. */
    public double semiAxisCMm() {
        return c;
    }
}
