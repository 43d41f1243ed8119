package org.spectlab.phantoms.shape;

/**
 * A closed solid in patient coordinates (mm).
 *
 * <p>Implementations are immutable and thread-safe; {@link #contains} is called once per sub-voxel
 * sample by the voxeliser, so it must not allocate.
 */
public interface Shape {

    /** True when the point (mm) lies inside the solid or on its surface. */
    boolean contains(double xMm, double yMm, double zMm);

    /** An axis-aligned box (mm) that encloses the solid; tight for unrotated solids. */
    Aabb bounds();

    /** The exact analytic volume, mm^3. */
    double volumeMm3();

    /**
     * The solid whose surface lies {@code wallMm} inside this one (the cavity of a shell of that wall
     * thickness). Exact for spheres, circular cylinders, boxes, frusta and tori; for ellipsoids and
     * elliptic cylinders the semi-axes are reduced by the wall, which is exact along the principal
     * axes and slightly thicker in between.
     *
     * @throws org.spectlab.core.error.InputException when the wall is negative or consumes the solid
     */
    Shape inset(double wallMm);

    /** A short human-readable kind, e.g. {@code "sphere"}, {@code "ellipsoid"}. */
    String kind();
}
