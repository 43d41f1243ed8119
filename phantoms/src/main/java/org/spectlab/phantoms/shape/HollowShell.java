package org.spectlab.phantoms.shape;

import java.util.Objects;

/**
 * The wall of a hollow solid: points inside {@code outer} but not inside {@code outer.inset(wall)}.
 * Models e.g. the 1 mm PMMA wall of a fillable sphere. Volume = outer volume - cavity volume (exact
 * whenever {@link Shape#inset} is exact).
 */
public final class HollowShell implements Shape {
    private final Shape outer;
    private final Shape cavity;
    private final double wallMm;

    private HollowShell(Shape outer, double wallMm) {
        this.outer = Objects.requireNonNull(outer, "outer");
        this.cavity = outer.inset(wallMm);
        this.wallMm = wallMm;
    }

    /** The shell of the given wall thickness (mm) just inside the outer surface. */
    public static HollowShell of(Shape outer, double wallMm) {
        return new HollowShell(outer, wallMm);
    }

    @Override
    public boolean contains(double xMm, double yMm, double zMm) {
        return outer.contains(xMm, yMm, zMm) && !cavity.contains(xMm, yMm, zMm);
    }

    @Override
    public Aabb bounds() {
        return outer.bounds();
    }

    @Override
    public double volumeMm3() {
        return outer.volumeMm3() - cavity.volumeMm3();
    }

    @Override
    public HollowShell inset(double insetMm) {
        return new HollowShell(outer.inset(insetMm), wallMm - insetMm);
    }

    @Override
    public String kind() {
        return outer.kind() + "_shell";
    }

    /** The cavity (the solid inside the wall). */
    public Shape cavity() {
        return cavity;
    }

    /** Wall thickness, mm. */
    public double wallMm() {
        return wallMm;
    }
}
