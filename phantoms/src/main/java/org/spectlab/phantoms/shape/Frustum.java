package org.spectlab.phantoms.shape;

import org.spectlab.core.error.InputException;

/**
 * A truncated circular cone along its local z axis: radius {@code rBottom} at local z = -L/2 and
 * {@code rTop} at z = +L/2, varying linearly; a cone when one radius is 0. Volume
 * {@code pi L (r1^2 + r1 r2 + r2^2) / 3}.
 *
 * <p>Internally the radius is the linear function {@code r(w) = rMid + slope w}; points where the
 * function is negative are outside, which keeps {@link #inset} exact for cones whose inset apex moves
 * inwards.
 */
public final class Frustum extends PlacedSolid {
    private final double h;
    private final double rMid;
    private final double slope;

    private Frustum(double cxMm, double cyMm, double czMm, double halfLengthMm, double rMidMm, double slope,
                    Rotation rotation) {
        super(cxMm, cyMm, czMm, rotation);
        this.h = positive("half length (mm)", halfLengthMm);
        this.rMid = rMidMm;
        this.slope = slope;
        if (Math.max(rMid - slope * h, rMid + slope * h) <= 0) {
            throw InputException.field("frustum radii", "at least one end radius must be positive");
        }
    }

    /**
     * A frustum with the given end radii (mm, each >= 0, not both 0) and length (mm).
     */
    public static Frustum of(double cxMm, double cyMm, double czMm, double rBottomMm, double rTopMm,
                             double lengthMm, Rotation rotation) {
        if (!(rBottomMm >= 0) || !(rTopMm >= 0) || !Double.isFinite(rBottomMm) || !Double.isFinite(rTopMm)) {
            throw InputException.field("frustum radii (mm)", "must be finite and >= 0, got " + rBottomMm + ", "
                    + rTopMm);
        }
        double h = 0.5 * positive("length (mm)", lengthMm);
        return new Frustum(cxMm, cyMm, czMm, h, 0.5 * (rBottomMm + rTopMm), (rTopMm - rBottomMm) / (2 * h), rotation);
    }

    /** A cone with its base (radius, mm) at local z = -L/2 and apex at +L/2. */
    public static Frustum cone(double cxMm, double cyMm, double czMm, double baseRadiusMm, double lengthMm,
                               Rotation rotation) {
        return of(cxMm, cyMm, czMm, baseRadiusMm, 0, lengthMm, rotation);
    }

    @Override
    protected boolean containsLocal(double u, double v, double w) {
        if (w < -h || w > h) {
            return false;
        }
        double r = rMid + slope * w;
        return r >= 0 && u * u + v * v <= r * r;
    }

    @Override
    protected double[] localHalfExtents() {
        double r = Math.max(rMid - slope * h, rMid + slope * h);
        return new double[] {r, r, h};
    }

    @Override
    public double volumeMm3() {
        if (slope == 0) {
            return Math.PI * rMid * rMid * 2 * h;
        }
        double w1 = -h;
        double w2 = h;
        double wZero = -rMid / slope;
        if (slope > 0) {
            w1 = Math.max(w1, wZero);
        } else {
            w2 = Math.min(w2, wZero);
        }
        double r1 = rMid + slope * w1;
        double r2 = rMid + slope * w2;
        return Math.PI / (3 * slope) * (r2 * r2 * r2 - r1 * r1 * r1);
    }

    /**
     * Moves the lateral surface inwards by the wall along its normal (the radius shrinks by
     * {@code t sqrt(1 + slope^2)}) and each flat end inwards by t.
     */
    @Override
    public Frustum inset(double wallMm) {
        double t = wall(wallMm);
        double newH = remaining("length", h - t, t);
        double newMid = rMid - t * Math.sqrt(1 + slope * slope);
        if (Math.max(newMid - slope * newH, newMid + slope * newH) <= 0) {
            throw InputException.field("wall thickness (mm)", "a wall of " + t + " mm leaves nothing of the frustum");
        }
        return new Frustum(cx, cy, cz, newH, newMid, slope, rotation());
    }

    @Override
    public String kind() {
        return "frustum";
    }
}
