package org.spectlab.phantoms.shape;

import org.spectlab.core.error.InputException;

/**
 * A ring torus around its local z axis: major radius R (axis to tube centre) and minor (tube) radius
 * r &lt; R, mm. Volume {@code 2 pi^2 R r^2}.
 */
public final class Torus extends PlacedSolid {
    private final double major;
    private final double minor;

    private Torus(double cxMm, double cyMm, double czMm, double majorMm, double minorMm, Rotation rotation) {
        super(cxMm, cyMm, czMm, rotation);
        major = positive("major radius (mm)", majorMm);
        minor = positive("minor radius (mm)", minorMm);
        if (minor >= major) {
            throw InputException.field("minor radius (mm)", "must be smaller than the major radius " + major
                    + " mm (ring torus), got " + minor);
        }
    }

    /** A torus with the given centre, radii (mm) and rotation. */
    public static Torus of(double cxMm, double cyMm, double czMm, double majorRadiusMm, double minorRadiusMm,
                           Rotation rotation) {
        return new Torus(cxMm, cyMm, czMm, majorRadiusMm, minorRadiusMm, rotation);
    }

    @Override
    protected boolean containsLocal(double u, double v, double w) {
        double rho = Math.sqrt(u * u + v * v) - major;
        return rho * rho + w * w <= minor * minor;
    }

    @Override
    protected double[] localHalfExtents() {
        return new double[] {major + minor, major + minor, minor};
    }

    @Override
    public double volumeMm3() {
        return 2 * Math.PI * Math.PI * major * minor * minor;
    }

    @Override
    public Torus inset(double wallMm) {
        double t = wall(wallMm);
        return new Torus(cx, cy, cz, major, remaining("tube", minor - t, t), rotation());
    }

    @Override
    public String kind() {
        return "torus";
    }
}
