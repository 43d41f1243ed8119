package org.spectlab.phantoms.lesion;

import org.spectlab.core.error.InputException;
import org.spectlab.phantoms.shape.Ellipsoid;

/**
 * A lesion: an axis-aligned ellipsoid (a sphere when the three diameters are equal) at a centre in
 * patient mm, with an uptake and an optional necrotic core.
 *
 * @param id                 unique id, e.g. {@code "lesion_1"}
 * @param kind               tumour or inflammation
 * @param organ              host organ label (used for relative uptake and reported in the truth)
 * @param centreXMm          centre x, mm
 * @param centreYMm          centre y, mm
 * @param centreZMm          centre z, mm
 * @param diameterXMm        diameter along x, mm
 * @param diameterYMm        diameter along y, mm
 * @param diameterZMm        diameter along z, mm
 * @param uptake             uptake of the viable rim (or the whole lesion without a core)
 * @param necroticFraction   core diameter as a fraction of the lesion diameters, 0 (no core) to 0.9
 * @param necroticUptakeRatio core concentration as a fraction of the rim concentration (0 = cold core)
 */
public record Lesion(String id, LesionKind kind, String organ, double centreXMm, double centreYMm, double centreZMm,
                     double diameterXMm, double diameterYMm, double diameterZMm, Uptake uptake,
                     double necroticFraction, double necroticUptakeRatio) {

    /** Validates sizes, names and core parameters. */
    public Lesion {
        if (id == null || id.isBlank()) {
            throw InputException.field("lesion id", "must not be blank");
        }
        if (kind == null || uptake == null) {
            throw InputException.field("lesion '" + id + "'", "needs a kind and an uptake");
        }
        if (organ == null || organ.isBlank()) {
            throw InputException.field("organ of lesion '" + id + "'", "must name the host organ");
        }
        for (double d : new double[] {diameterXMm, diameterYMm, diameterZMm}) {
            if (!(d > 0) || !Double.isFinite(d)) {
                throw InputException.field("diameter (mm) of lesion '" + id + "'", "must be positive, got " + d);
            }
        }
        if (!Double.isFinite(centreXMm) || !Double.isFinite(centreYMm) || !Double.isFinite(centreZMm)) {
            throw InputException.field("centre (mm) of lesion '" + id + "'", "must be finite");
        }
        if (!(necroticFraction >= 0 && necroticFraction <= 0.9)) {
            throw InputException.field("necrotic fraction of lesion '" + id + "'", "must be in [0, 0.9], got "
                    + necroticFraction);
        }
        if (!(necroticUptakeRatio >= 0) || !Double.isFinite(necroticUptakeRatio)) {
            throw InputException.field("necrotic uptake ratio of lesion '" + id + "'", "must be >= 0, got "
                    + necroticUptakeRatio);
        }
    }

    /** A spherical lesion without a necrotic core. */
    public static Lesion sphere(String id, LesionKind kind, String organ, double xMm, double yMm, double zMm,
                                double diameterMm, Uptake uptake) {
        return new Lesion(id, kind, organ, xMm, yMm, zMm, diameterMm, diameterMm, diameterMm, uptake, 0, 0);
    }

    /** The same lesion with a necrotic core. */
    public Lesion withNecroticCore(double fraction, double coreUptakeRatio) {
        return new Lesion(id, kind, organ, centreXMm, centreYMm, centreZMm, diameterXMm, diameterYMm, diameterZMm,
                uptake, fraction, coreUptakeRatio);
    }

    /** The same lesion at another centre. */
    public Lesion movedTo(double xMm, double yMm, double zMm) {
        return new Lesion(id, kind, organ, xMm, yMm, zMm, diameterXMm, diameterYMm, diameterZMm, uptake,
                necroticFraction, necroticUptakeRatio);
    }

    /** The outer solid. */
    public Ellipsoid shape() {
        return Ellipsoid.of(centreXMm, centreYMm, centreZMm, 0.5 * diameterXMm, 0.5 * diameterYMm, 0.5 * diameterZMm);
    }

    /** The necrotic core solid (only when {@link #necroticFraction} &gt; 0). */
    public Ellipsoid core() {
        double f = 0.5 * necroticFraction;
        return Ellipsoid.of(centreXMm, centreYMm, centreZMm, f * diameterXMm, f * diameterYMm, f * diameterZMm);
    }

    /** Largest radius, mm. */
    public double maxRadiusMm() {
        return 0.5 * Math.max(diameterXMm, Math.max(diameterYMm, diameterZMm));
    }

    /** Volume-equivalent sphere diameter, mm. */
    public double equivalentDiameterMm() {
        return Math.cbrt(diameterXMm * diameterYMm * diameterZMm);
    }

    /** Region id of the necrotic core. */
    public String coreId() {
        return id + "_necrotic_core";
    }
}
