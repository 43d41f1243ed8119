package org.spectlab.phantoms.shape;

/**
 * An axis-aligned bounding box in patient coordinates, mm.
 *
 * @param minXMm smallest x
 * @param minYMm smallest y
 * @param minZMm smallest z
 * @param maxXMm largest x
 * @param maxYMm largest y
 * @param maxZMm largest z
 */
public record Aabb(double minXMm, double minYMm, double minZMm, double maxXMm, double maxYMm, double maxZMm) {

    /** A box from its corners. */
    public static Aabb of(double minXMm, double minYMm, double minZMm, double maxXMm, double maxYMm,
                          double maxZMm) {
        return new Aabb(minXMm, minYMm, minZMm, maxXMm, maxYMm, maxZMm);
    }

    /** A box of the given half-extents around a centre. */
    public static Aabb around(double cxMm, double cyMm, double czMm, double hxMm, double hyMm, double hzMm) {
        return new Aabb(cxMm - hxMm, cyMm - hyMm, czMm - hzMm, cxMm + hxMm, cyMm + hyMm, czMm + hzMm);
    }

    /** True when the point lies in the closed box. */
    public boolean contains(double xMm, double yMm, double zMm) {
        return xMm >= minXMm && xMm <= maxXMm && yMm >= minYMm && yMm <= maxYMm && zMm >= minZMm && zMm <= maxZMm;
    }

    /** True when the other box lies completely inside this one. */
    public boolean encloses(Aabb o) {
        return o.minXMm >= minXMm && o.maxXMm <= maxXMm && o.minYMm >= minYMm && o.maxYMm <= maxYMm
                && o.minZMm >= minZMm && o.maxZMm <= maxZMm;
    }

    /** The smallest box enclosing both. */
    public Aabb union(Aabb o) {
        return new Aabb(Math.min(minXMm, o.minXMm), Math.min(minYMm, o.minYMm), Math.min(minZMm, o.minZMm),
                Math.max(maxXMm, o.maxXMm), Math.max(maxYMm, o.maxYMm), Math.max(maxZMm, o.maxZMm));
    }
}
