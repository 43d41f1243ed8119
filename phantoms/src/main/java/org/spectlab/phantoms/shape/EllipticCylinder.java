package org.spectlab.phantoms.shape;

/**
 * A finite cylinder of elliptic cross-section: semi-axes a, b (mm) along local x and y, length
 * {@code 2 * halfLength} along local z, flat ends. Circular when a = b. Volume {@code pi a b L}.
 */
public final class EllipticCylinder extends PlacedSolid {
    private final double a;
    private final double b;
    private final double h;
    private final double ia2;
    private final double ib2;

    private EllipticCylinder(double cxMm, double cyMm, double czMm, double aMm, double bMm, double halfLengthMm,
                             Rotation rotation) {
        super(cxMm, cyMm, czMm, rotation);
        a = positive("semi-axis a (mm)", aMm);
        b = positive("semi-axis b (mm)", bMm);
        h = positive("half length (mm)", halfLengthMm);
        ia2 = 1 / (a * a);
        ib2 = 1 / (b * b);
    }

    /** An elliptic cylinder with its axis along the rotated local z. */
    public static EllipticCylinder of(double cxMm, double cyMm, double czMm, double aMm, double bMm,
                                      double lengthMm, Rotation rotation) {
        return new EllipticCylinder(cxMm, cyMm, czMm, aMm, bMm, 0.5 * lengthMm, rotation);
    }

    /** A circular cylinder of the given diameter and length (mm), axis along the rotated local z. */
    public static EllipticCylinder circular(double cxMm, double cyMm, double czMm, double diameterMm,
                                            double lengthMm, Rotation rotation) {
        double r = 0.5 * positive("diameter (mm)", diameterMm);
        return new EllipticCylinder(cxMm, cyMm, czMm, r, r, 0.5 * lengthMm, rotation);
    }

    /** A circular cylinder along patient z. */
    public static EllipticCylinder circularAlongZ(double cxMm, double cyMm, double czMm, double diameterMm,
                                                  double lengthMm) {
        return circular(cxMm, cyMm, czMm, diameterMm, lengthMm, Rotation.identity());
    }

    @Override
    protected boolean containsLocal(double u, double v, double w) {
        return w >= -h && w <= h && u * u * ia2 + v * v * ib2 <= 1.0;
    }

    @Override
    protected double[] localHalfExtents() {
        return new double[] {a, b, h};
    }

    @Override
    public double volumeMm3() {
        return Math.PI * a * b * 2 * h;
    }

    @Override
    public EllipticCylinder inset(double wallMm) {
        double t = wall(wallMm);
        return new EllipticCylinder(cx, cy, cz, remaining("semi-axis a", a - t, t), remaining("semi-axis b", b - t, t),
                remaining("half length", h - t, t), rotation());
    }

    @Override
    public String kind() {
        return a == b ? "cylinder" : "elliptic_cylinder";
    }

    /** Length along the axis, mm. */
    public double lengthMm() {
        return 2 * h;
    }

    /** Semi-axis along local x, mm. */
    public double semiAxisAMm() {
        return a;
    }

    /** Semi-axis along local y, mm. */
    public double semiAxisBMm() {
        return b;
    }
}
