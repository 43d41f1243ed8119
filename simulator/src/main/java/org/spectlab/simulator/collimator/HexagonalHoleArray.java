package org.spectlab.simulator.collimator;

import org.spectlab.core.camera.CollimatorSpec;
import org.spectlab.core.camera.HoleShape;
import org.spectlab.core.error.InputException;

/**
 * The geometry of a parallel-hole collimator with hexagonal holes on a hexagonal lattice, in the
 * collimator's own frame: the front face (towards the patient) is the plane z = 0, the back face
 * z = {@link #lengthMm()}, holes run along +z.
 *
 * <p>Each hole is a regular hexagon of flat-to-flat width d; neighbouring holes are a pitch p = d + t
 * apart (t the septal thickness), so every hole sits in a hexagonal unit cell of flat-to-flat width p
 * and the lead is the band of width t/2 inside each cell's border. The flats of the holes face the
 * six neighbours; their outward normals point at {@code orientationRad + k·60°}. The lattice has a
 * hole centred at the origin; callers model a random lattice position by shifting their entry points.
 *
 * <p>Model: holes perfectly parallel and identical, septa of uniform thickness, no manufacturing
 * defects. All methods are allocation-free and thread-safe (the object is immutable).
 */
public final class HexagonalHoleArray {
    private static final double SQRT3 = Math.sqrt(3.0);
    private static final double HALF_SQRT3 = 0.5 * SQRT3;

    private final double holeMm;
    private final double septumMm;
    private final double lengthMm;
    private final double pitchMm;
    private final double orientationRad;
    private final double cosA;
    private final double sinA;
    private final double halfHole;
    private final double halfPitch;

    private HexagonalHoleArray(double holeMm, double septumMm, double lengthMm, double orientationRad) {
        requirePositive("hole diameter (mm)", holeMm);
        requirePositive("septal thickness (mm)", septumMm);
        requirePositive("hole length (mm)", lengthMm);
        if (!Double.isFinite(orientationRad)) {
            throw InputException.field("hole orientation (rad)", "must be finite, got " + orientationRad);
        }
        this.holeMm = holeMm;
        this.septumMm = septumMm;
        this.lengthMm = lengthMm;
        this.pitchMm = holeMm + septumMm;
        this.orientationRad = orientationRad;
        this.cosA = Math.cos(orientationRad);
        this.sinA = Math.sin(orientationRad);
        this.halfHole = 0.5 * holeMm;
        this.halfPitch = 0.5 * pitchMm;
    }

    /**
     * A lattice from explicit sizes.
     *
     * @param holeMm         flat-to-flat hole width d, mm
     * @param septumMm       septal thickness t, mm
     * @param lengthMm       hole length l, mm
     * @param orientationRad angle of the first flat normal from the x axis, rad
     */
    public static HexagonalHoleArray of(double holeMm, double septumMm, double lengthMm, double orientationRad) {
        return new HexagonalHoleArray(holeMm, septumMm, lengthMm, orientationRad);
    }

    /** The lattice of a nominal hexagonal-hole collimator, flats facing ±x (orientation 0). */
    public static HexagonalHoleArray of(CollimatorSpec spec) {
        if (spec.shape() != HoleShape.HEXAGONAL) {
            throw InputException.field("collimator '" + spec.name() + "' hole shape",
                    "only hexagonal holes are modelled, got " + spec.shape());
        }
        return new HexagonalHoleArray(spec.holeDiameterMm(), spec.septalThicknessMm(), spec.holeLengthMm(), 0.0);
    }

    /** Flat-to-flat hole width d, mm. */
    public double holeMm() {
        return holeMm;
    }

    /** Septal thickness t, mm. */
    public double septumMm() {
        return septumMm;
    }

    /** Hole length l (collimator thickness), mm. */
    public double lengthMm() {
        return lengthMm;
    }

    /** Centre-to-centre hole distance p = d + t, mm. */
    public double pitchMm() {
        return pitchMm;
    }

    /** Angle of the first flat normal from the x axis, rad. */
    public double orientationRad() {
        return orientationRad;
    }

    /** Area of one hole, (√3/2) d², mm². */
    public double holeAreaMm2() {
        return HALF_SQRT3 * holeMm * holeMm;
    }

    /** Area of one unit cell, (√3/2) p², mm². */
    public double cellAreaMm2() {
        return HALF_SQRT3 * pitchMm * pitchMm;
    }

    /**
     * Largest tan θ at which a straight ray can still pass a hole without touching lead: the hole
     * overlaps its own image shifted by l·tanθ only while the shift is below the vertex-to-vertex
     * width 2d/√3.
     */
    public double maxAcceptanceTan() {
        return 2.0 * holeMm / (SQRT3 * lengthMm);
    }

    /**
     * Lattice vector {@code which} (0 or 1) of length p, as {x, y} written into {@code out}; the
     * vectors point at the orientation and at orientation + 60°.
     */
    public void latticeVector(int which, double[] out) {
        double ang = orientationRad + (which == 0 ? 0.0 : Math.PI / 3.0);
        out[0] = pitchMm * Math.cos(ang);
        out[1] = pitchMm * Math.sin(ang);
    }

    /** True when the point (x, y) of a face lies inside a hole (not on lead). */
    public boolean inHole(double xMm, double yMm) {
        double x = cosA * xMm + sinA * yMm;
        double y = -sinA * xMm + cosA * yMm;
        double r = y / (HALF_SQRT3 * pitchMm);
        double q = x / pitchMm - 0.5 * r;
        long iq = roundHexQ(q, r);
        long ir = roundHexR(q, r);
        double cx = pitchMm * (iq + 0.5 * ir);
        double cy = HALF_SQRT3 * pitchMm * ir;
        return insideHex(x - cx, y - cy, halfHole);
    }

    /**
     * The ideal-septa pass test: does the straight ray that enters the front face at (u, v) with
     * direction (dx, dy, dz), dz &gt; 0, leave the back face through the same hole, never touching
     * lead? Because a hole is a convex prism, this holds exactly when both the entry and the exit
     * point lie in the same hexagon.
     */
    public boolean passesSameHole(double uMm, double vMm, double dx, double dy, double dz) {
        double sx = lengthMm * dx / dz;
        double sy = lengthMm * dy / dz;
        double x = cosA * uMm + sinA * vMm;
        double y = -sinA * uMm + cosA * vMm;
        double r = y / (HALF_SQRT3 * pitchMm);
        double q = x / pitchMm - 0.5 * r;
        long iq = roundHexQ(q, r);
        long ir = roundHexR(q, r);
        double px = x - pitchMm * (iq + 0.5 * ir);
        double py = y - HALF_SQRT3 * pitchMm * ir;
        if (!insideHex(px, py, halfHole)) {
            return false;
        }
        double lx = cosA * sx + sinA * sy;
        double ly = -sinA * sx + cosA * sy;
        return insideHex(px + lx, py + ly, halfHole);
    }

    /**
     * Path length in septal lead of the straight ray entering the front face at (u, v) with direction
     * (dx, dy, dz), dz &gt; 0 (need not be normalised), from the front face to the back face, mm.
     * Computed by walking the ray's projection on the face through the lattice cell by cell: in each
     * cell the ray's parameter interval inside the cell and inside its hole follow from the three
     * slabs |n_k·r| &le; p/2 and |n_k·r| &le; d/2; the lead part is their difference, and the ray moves
     * on through the face where it leaves the cell. The attenuation along the ray is
     * exp(-μ_Pb · result).
     */
    public double septalPathLengthMm(double uMm, double vMm, double dx, double dy, double dz) {
        return septalPathLengthMm(uMm, vMm, dx, dy, dz, Double.POSITIVE_INFINITY);
    }

    /**
     * As {@link #septalPathLengthMm(double, double, double, double, double)}, but the walk stops as
     * soon as the lead path reaches {@code limitMm} and returns the length found so far (≥ limit):
     * callers that only need exp(-μL) pass e.g. 50/μ and treat a result ≥ limit as absorbed.
     */
    public double septalPathLengthMm(double uMm, double vMm, double dx, double dy, double dz, double limitMm) {
        double norm = Math.sqrt(dx * dx + dy * dy + dz * dz);
        double path3d = lengthMm * norm / dz;
        double sxg = lengthMm * dx / dz;
        double syg = lengthMm * dy / dz;
        double x0 = cosA * uMm + sinA * vMm;
        double y0 = -sinA * uMm + cosA * vMm;
        double sx = cosA * sxg + sinA * syg;
        double sy = -sinA * sxg + cosA * syg;
        double r = y0 / (HALF_SQRT3 * pitchMm);
        double q = x0 / pitchMm - 0.5 * r;
        long iq = roundHexQ(q, r);
        long ir = roundHexR(q, r);
        double cx = pitchMm * (iq + 0.5 * ir);
        double cy = HALF_SQRT3 * pitchMm * ir;
        double shift = Math.sqrt(sx * sx + sy * sy);
        if (shift < 1e-12 * pitchMm) {
            return insideHex(x0 - cx, y0 - cy, halfHole) ? 0.0 : path3d;
        }
        // projections of the in-plane step on the three flat normals (0°, 60°, 120° in the local frame)
        double s0 = sx;
        double s1 = 0.5 * sx + HALF_SQRT3 * sy;
        double s2 = -0.5 * sx + HALF_SQRT3 * sy;
        double tCur = 0.0;
        double leadT = 0.0;
        int guard = (int) (4.0 * shift / pitchMm) + 16;
        for (int step = 0; step < guard; step++) {
            double px = x0 - cx;
            double py = y0 - cy;
            double q0 = px;
            double q1 = 0.5 * px + HALF_SQRT3 * py;
            double q2 = -0.5 * px + HALF_SQRT3 * py;
            // exit of the cell: smallest far-side crossing over the three slabs
            double e0 = s0 == 0 ? Double.POSITIVE_INFINITY : (Math.copySign(halfPitch, s0) - q0) / s0;
            double e1 = s1 == 0 ? Double.POSITIVE_INFINITY : (Math.copySign(halfPitch, s1) - q1) / s1;
            double e2 = s2 == 0 ? Double.POSITIVE_INFINITY : (Math.copySign(halfPitch, s2) - q2) / s2;
            int face = 0;
            double tOut = e0;
            if (e1 < tOut) {
                tOut = e1;
                face = 1;
            }
            if (e2 < tOut) {
                tOut = e2;
                face = 2;
            }
            double segEnd = Math.min(tOut, 1.0);
            double seg = segEnd - tCur;
            if (seg > 0) {
                double holeIn = tCur;
                double holeOut = segEnd;
                holeIn = Math.max(holeIn, enterSlab(q0, s0));
                holeOut = Math.min(holeOut, exitSlab(q0, s0));
                holeIn = Math.max(holeIn, enterSlab(q1, s1));
                holeOut = Math.min(holeOut, exitSlab(q1, s1));
                holeIn = Math.max(holeIn, enterSlab(q2, s2));
                holeOut = Math.min(holeOut, exitSlab(q2, s2));
                double open = holeOut > holeIn ? holeOut - holeIn : 0.0;
                leadT += seg - open;
                tCur = segEnd;
                if (leadT * path3d >= limitMm) {
                    return leadT * path3d;
                }
            }
            if (tOut >= 1.0) {
                return leadT * path3d;
            }
            // step into the neighbour across the face the ray leaves through
            double sgn = face == 0 ? Math.signum(s0) : face == 1 ? Math.signum(s1) : Math.signum(s2);
            if (face == 0) {
                cx += sgn * pitchMm;
            } else if (face == 1) {
                cx += sgn * 0.5 * pitchMm;
                cy += sgn * HALF_SQRT3 * pitchMm;
            } else {
                cx -= sgn * 0.5 * pitchMm;
                cy += sgn * HALF_SQRT3 * pitchMm;
            }
        }
        throw new IllegalStateException("lattice walk did not reach the back face (shift " + shift + " mm)");
    }

    /**
     * Area (mm²) of the overlap of one hole with the same hole shifted by (sx, sy) mm, exact and in
     * closed form. Both hexagons are intersections of three slabs |n_k·r| &le; d/2, so the overlap,
     * moved by -s/2, is the centrally symmetric region |n_k·r| &le; h_k with h_k = (d - |n_k·s|)/2.
     * With a = n_0·r and b = n_2·r (so n_1·r = a + b) it is the rectangle |a| &le; h_0, |b| &le; h_2
     * cut by the band |a + b| &le; h_1, whose area is a second difference of the quadratic ramp
     * R(x) = max(x, 0)²/2; the (a, b) map has Jacobian √3/2.
     */
    public double overlapAreaMm2(double sxMm, double syMm) {
        double x = cosA * sxMm + sinA * syMm;
        double y = -sinA * sxMm + cosA * syMm;
        double h0 = 0.5 * (holeMm - Math.abs(x));
        double h1 = 0.5 * (holeMm - Math.abs(0.5 * x + HALF_SQRT3 * y));
        double h2 = 0.5 * (holeMm - Math.abs(-0.5 * x + HALF_SQRT3 * y));
        if (h0 <= 0 || h1 <= 0 || h2 <= 0) {
            return 0.0;
        }
        double areaAb = bandCdf(h1, h0, h2) - bandCdf(-h1, h0, h2);
        return areaAb / HALF_SQRT3;
    }

    /** Area of {|a| ≤ A, |b| ≤ B, a + b ≤ c}. */
    private static double bandCdf(double c, double a, double b) {
        return ramp(c + a + b) - ramp(c + a - b) - ramp(c - a + b) + ramp(c - a - b);
    }

    private static double ramp(double x) {
        return x > 0 ? 0.5 * x * x : 0.0;
    }

    private double enterSlab(double q, double s) {
        if (s == 0) {
            return Math.abs(q) <= halfHole ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        return (-Math.copySign(halfHole, s) - q) / s;
    }

    private double exitSlab(double q, double s) {
        if (s == 0) {
            return Math.abs(q) <= halfHole ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
        }
        return (Math.copySign(halfHole, s) - q) / s;
    }

    private static boolean insideHex(double x, double y, double half) {
        return Math.abs(x) <= half
                && Math.abs(0.5 * x + HALF_SQRT3 * y) <= half
                && Math.abs(-0.5 * x + HALF_SQRT3 * y) <= half;
    }

    // Nearest lattice point in axial coordinates (q along n_0, r along n_1) by cube rounding: the
    // rounded cube coordinate with the largest rounding error is recomputed from the other two.
    static long roundHexQ(double q, double r) {
        double s = -q - r;
        double rq = Math.rint(q);
        double rr = Math.rint(r);
        double rs = Math.rint(s);
        double dq = Math.abs(rq - q);
        double dr = Math.abs(rr - r);
        double ds = Math.abs(rs - s);
        if (dq > dr && dq > ds) {
            rq = -rr - rs;
        }
        return (long) rq;
    }

    static long roundHexR(double q, double r) {
        double s = -q - r;
        double rq = Math.rint(q);
        double rr = Math.rint(r);
        double rs = Math.rint(s);
        double dq = Math.abs(rq - q);
        double dr = Math.abs(rr - r);
        double ds = Math.abs(rs - s);
        if (!(dq > dr && dq > ds) && dr > ds) {
            rr = -rq - rs;
        }
        return (long) rr;
    }

    private static void requirePositive(String field, double v) {
        if (!(v > 0) || !Double.isFinite(v)) {
            throw InputException.field(field, "must be positive and finite, got " + v);
        }
    }
}
