package org.spectlab.phantoms.shape;

/** A rectangular box with side lengths (mm) along its local axes. Volume {@code sx sy sz}. */
public final class Box extends PlacedSolid {
    private final double hx;
    private final double hy;
    private final double hz;

    private Box(double cxMm, double cyMm, double czMm, double hxMm, double hyMm, double hzMm, Rotation rotation) {
        super(cxMm, cyMm, czMm, rotation);
        hx = positive("half size x (mm)", hxMm);
        hy = positive("half size y (mm)", hyMm);
        hz = positive("half size z (mm)", hzMm);
    }

    /** A box with the given centre, side lengths (mm) and rotation. */
    public static Box of(double cxMm, double cyMm, double czMm, double sizeXMm, double sizeYMm, double sizeZMm,
                         Rotation rotation) {
        return new Box(cxMm, cyMm, czMm, 0.5 * sizeXMm, 0.5 * sizeYMm, 0.5 * sizeZMm, rotation);
    }

    /** An axis-aligned box. */
    public static Box of(double cxMm, double cyMm, double czMm, double sizeXMm, double sizeYMm, double sizeZMm) {
        return of(cxMm, cyMm, czMm, sizeXMm, sizeYMm, sizeZMm, Rotation.identity());
    }

    @Override
    protected boolean containsLocal(double u, double v, double w) {
        return u >= -hx && u <= hx && v >= -hy && v <= hy && w >= -hz && w <= hz;
    }

    @Override
    protected double[] localHalfExtents() {
        return new double[] {hx, hy, hz};
    }

    @Override
    public double volumeMm3() {
        return 8 * hx * hy * hz;
    }

    @Override
    public Box inset(double wallMm) {
        double t = wall(wallMm);
        return new Box(cx, cy, cz, remaining("box", hx - t, t), remaining("box", hy - t, t),
                remaining("box", hz - t, t), rotation());
    }

    @Override
    public String kind() {
        return "box";
    }
}
