package org.spectlab.phantoms.library;

import org.spectlab.core.error.InputException;
import org.spectlab.phantoms.shape.Aabb;
import org.spectlab.phantoms.shape.Shape;

/**
 * The torso-shaped prism of the NEMA IEC body phantom, axis along patient z.
 *
 * <p>Cross-section (patient x, y; y posterior): the anterior half (y &lt;= 0) is a half-disc of
 * radius {@code rArc} (two quarter circles of radius 147 mm in the phantom drawing) about the origin;
 * the posterior part (0 &lt; y &lt;= rCorner) is a flat-bottomed band of half-width
 * {@code halfFlat + rCorner} whose two lower corners are quarter circles of radius {@code rCorner}
 * (77 mm) centred at x = +-halfFlat (70 mm). Interior area
 * {@code pi rArc^2 / 2 + 2 halfFlat rCorner + pi rCorner^2 / 2}; volume = area x length.
 * For the documented phantom rArc = halfFlat + rCorner (147 = 70 + 77), so the outline is smooth at
 * y = 0. Insetting by a wall t reduces rArc, rCorner and the half length by t (exact offset).
 */
final class IecBodyOutline implements Shape {
    private final double cz;
    private final double rArc;
    private final double rCorner;
    private final double halfFlat;
    private final double halfLength;

    IecBodyOutline(double czMm, double rArcMm, double rCornerMm, double halfFlatMm, double halfLengthMm) {
        if (!(rArcMm > 0 && rCornerMm > 0 && halfFlatMm >= 0 && halfLengthMm > 0)) {
            throw InputException.field("IEC body outline", "radii, flat width and length must be positive");
        }
        this.cz = czMm;
        this.rArc = rArcMm;
        this.rCorner = rCornerMm;
        this.halfFlat = halfFlatMm;
        this.halfLength = halfLengthMm;
    }

    @Override
    public boolean contains(double xMm, double yMm, double zMm) {
        double dz = zMm - cz;
        if (dz < -halfLength || dz > halfLength) {
            return false;
        }
        if (yMm <= 0) {
            return xMm * xMm + yMm * yMm <= rArc * rArc;
        }
        if (yMm > rCorner) {
            return false;
        }
        double ax = Math.abs(xMm);
        if (ax <= halfFlat) {
            return true;
        }
        double dx = ax - halfFlat;
        return dx * dx + yMm * yMm <= rCorner * rCorner;
    }

    @Override
    public Aabb bounds() {
        double hx = Math.max(rArc, halfFlat + rCorner);
        return Aabb.of(-hx, -rArc, cz - halfLength, hx, rCorner, cz + halfLength);
    }

    /** Cross-section area, mm^2. */
    double areaMm2() {
        return 0.5 * Math.PI * rArc * rArc + 2 * halfFlat * rCorner + 0.5 * Math.PI * rCorner * rCorner;
    }

    @Override
    public double volumeMm3() {
        return areaMm2() * 2 * halfLength;
    }

    @Override
    public IecBodyOutline inset(double wallMm) {
        if (!(wallMm >= 0) || wallMm >= Math.min(rCorner, halfLength)) {
            throw InputException.field("wall thickness (mm)", "must be >= 0 and smaller than " + Math.min(rCorner,
                    halfLength) + ", got " + wallMm);
        }
        return new IecBodyOutline(cz, rArc - wallMm, rCorner - wallMm, halfFlat, halfLength - wallMm);
    }

    @Override
    public String kind() {
        return "iec_body_outline";
    }
}
