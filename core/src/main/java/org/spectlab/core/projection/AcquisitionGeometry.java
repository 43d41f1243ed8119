package org.spectlab.core.projection;

import java.util.Arrays;
import java.util.Objects;
import org.spectlab.core.error.InputException;

/**
 * The orbit of a step-and-shoot SPECT acquisition: how many views, over which arc, starting where,
 * in which direction, and the distance from the axis of rotation to the collimator face at each
 * view. Angles follow the convention of the {@code projection} package.
 *
 * <p>Views are spaced evenly: view {@code v} is at
 * {@code startAngleDeg + direction.sign() * v * extentDeg / views}. With two heads the views of both
 * heads are merged into this one list in angular order; {@code heads} is kept as metadata.
 */
public final class AcquisitionGeometry {
    private final int views;
    private final double startAngleDeg;
    private final double extentDeg;
    private final RotationDirection direction;
    private final double[] radiusMm;
    private final int heads;

    private AcquisitionGeometry(int views, double startAngleDeg, double extentDeg, RotationDirection direction,
                                double[] radiusMm, int heads) {
        if (views <= 0 || views > 100_000) {
            throw InputException.field("number of projections", "must be 1 to 100000, got " + views);
        }
        if (!(extentDeg > 0) || extentDeg > 360) {
            throw InputException.field("extent of rotation", "must be in (0, 360] degrees, got " + extentDeg);
        }
        if (!Double.isFinite(startAngleDeg)) {
            throw InputException.field("start angle", "must be a finite number of degrees");
        }
        if (heads < 1 || heads > 4) {
            throw InputException.field("number of detector heads", "must be 1 to 4, got " + heads);
        }
        if (radiusMm.length != views) {
            throw InputException.field("radii", "needs one radius per view: " + views + " views but "
                    + radiusMm.length + " radii");
        }
        for (int v = 0; v < views; v++) {
            if (!(radiusMm[v] > 0) || !Double.isFinite(radiusMm[v])) {
                throw InputException.field("radius of view " + v, "must be a positive distance in mm, got "
                        + radiusMm[v]);
            }
        }
        this.views = views;
        this.startAngleDeg = startAngleDeg;
        this.extentDeg = extentDeg;
        this.direction = Objects.requireNonNull(direction, "direction");
        this.radiusMm = radiusMm;
        this.heads = heads;
    }

    /** A circular orbit: every view at the same radius. */
    public static AcquisitionGeometry circular(int views, double startAngleDeg, double extentDeg,
                                               RotationDirection direction, double radiusMm, int heads) {
        double[] r = new double[Math.max(views, 0)];
        Arrays.fill(r, radiusMm);
        return new AcquisitionGeometry(views, startAngleDeg, extentDeg, direction, r, heads);
    }

    /** A non-circular orbit (e.g. body contouring) with one radius per view (copied). */
    public static AcquisitionGeometry of(int views, double startAngleDeg, double extentDeg,
                                         RotationDirection direction, double[] radiusMm, int heads) {
        return new AcquisitionGeometry(views, startAngleDeg, extentDeg, direction, radiusMm.clone(), heads);
    }

    /** Number of views. */
    public int views() {
        return views;
    }

    /** Angle of view 0, degrees. */
    public double startAngleDeg() {
        return startAngleDeg;
    }

    /** Arc covered by all views, degrees (180 or 360 in the clinic). */
    public double extentDeg() {
        return extentDeg;
    }

    /** Angular step between consecutive views, degrees (always positive). */
    public double stepDeg() {
        return extentDeg / views;
    }

    /** Direction of rotation. */
    public RotationDirection direction() {
        return direction;
    }

    /** Number of detector heads (metadata). */
    public int heads() {
        return heads;
    }

    /** Angle of view v, degrees (not wrapped). */
    public double angleDeg(int view) {
        return startAngleDeg + direction.sign() * view * stepDeg();
    }

    /** Angle of view v, radians (not wrapped). */
    public double angleRad(int view) {
        return Math.toRadians(angleDeg(view));
    }

    /** Distance from the axis of rotation to the collimator face at view v, mm. */
    public double radiusMm(int view) {
        return radiusMm[view];
    }

    /** A copy of the per-view radii, mm. */
    public double[] radiiMm() {
        return radiusMm.clone();
    }

    /** True when every view has the same radius. */
    public boolean isCircular() {
        for (double r : radiusMm) {
            if (r != radiusMm[0]) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AcquisitionGeometry g && views == g.views && heads == g.heads
                && Double.compare(startAngleDeg, g.startAngleDeg) == 0 && Double.compare(extentDeg, g.extentDeg) == 0
                && direction == g.direction && Arrays.equals(radiusMm, g.radiusMm);
    }

    @Override
    public int hashCode() {
        return Objects.hash(views, startAngleDeg, extentDeg, direction, heads) * 31 + Arrays.hashCode(radiusMm);
    }

    @Override
    public String toString() {
        return "AcquisitionGeometry[views=" + views + ", start=" + startAngleDeg + " deg, extent=" + extentDeg
                + " deg, " + direction + ", heads=" + heads + ", radius=" + (isCircular() ? radiusMm[0] + " mm"
                : "per view") + "]";
    }
}
