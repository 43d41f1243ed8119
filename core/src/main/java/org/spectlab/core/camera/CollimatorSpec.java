package org.spectlab.core.camera;

import java.util.Objects;
import org.spectlab.core.error.InputException;

/**
 * The nominal geometry of a parallel-hole lead collimator.
 *
 * <p>Approximations of the analytic formulas here: geometric transfer only (no penetration beyond the
 * effective-length correction, no septal scatter), source on the hole axis average (Anger/Mather),
 * holes identical and perfectly parallel.
 *
 * @param name               preset or user name, e.g. {@code "siemens-lehr"}
 * @param shape              hole cross-section
 * @param holeDiameterMm     hole size d, mm (flat-to-flat for hexagonal holes)
 * @param septalThicknessMm  septal thickness t, mm
 * @param holeLengthMm       hole length l, mm
 */
public record CollimatorSpec(String name, HoleShape shape, double holeDiameterMm, double septalThicknessMm,
                             double holeLengthMm) {

    /** Validates positive finite sizes. */
    public CollimatorSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(shape, "shape");
        requirePositive("hole diameter (mm) of collimator '" + name + "'", holeDiameterMm, 20);
        requirePositive("septal thickness (mm) of collimator '" + name + "'", septalThicknessMm, 20);
        requirePositive("hole length (mm) of collimator '" + name + "'", holeLengthMm, 200);
    }

    /** A collimator from its geometry. */
    public static CollimatorSpec of(String name, HoleShape shape, double holeDiameterMm, double septalThicknessMm,
                                    double holeLengthMm) {
        return new CollimatorSpec(name, shape, holeDiameterMm, septalThicknessMm, holeLengthMm);
    }

    /** Hole centre-to-centre spacing d + t, mm. */
    public double pitchMm() {
        return holeDiameterMm + septalThicknessMm;
    }

    /** Fraction of the collimator face that is open: (d / (d + t))^2 for similar hole and cell shapes. */
    public double openFraction() {
        double r = holeDiameterMm / pitchMm();
        return r * r;
    }

    /**
     * Effective hole length l_e = l - 2/μ, which accounts for penetration at the hole ends
     * (Anger 1964; Cherry, Sorenson &amp; Phelps 4th ed. eq. 14-6).
     *
     * @param leadMuPerMm linear attenuation coefficient of the septal material at the photon energy, 1/mm
     *                    (use {@code Double.POSITIVE_INFINITY} for the purely geometric length)
     */
    public double effectiveLengthMm(double leadMuPerMm) {
        if (!(leadMuPerMm > 0)) {
            throw new IllegalArgumentException("attenuation coefficient must be positive, got " + leadMuPerMm);
        }
        double le = holeLengthMm - 2.0 / leadMuPerMm;
        if (!(le > 0)) {
            throw new IllegalArgumentException("effective length is not positive for mu = " + leadMuPerMm + " /mm");
        }
        return le;
    }

    /**
     * Geometric efficiency (fraction of photons emitted isotropically by a point source in air that
     * pass through the holes), Anger/Mather: g = K^2 (d / l_e)^2 d^2 / (d + t)^2. Independent of
     * source distance for a source far from the edges of the field of view.
     *
     * @param leadMuPerMm see {@link #effectiveLengthMm(double)}
     */
    public double geometricEfficiency(double leadMuPerMm) {
        double k = shape.angerK();
        double ratio = holeDiameterMm / effectiveLengthMm(leadMuPerMm);
        return k * k * ratio * ratio * openFraction();
    }

    /**
     * Geometric resolution (FWHM of the collimator's point response, mm) at a distance from the
     * collimator face: R_g = d (l_e + z + c) / l_e, with c the distance from the back face of the
     * collimator to the image plane in the crystal (Cherry, Sorenson &amp; Phelps 4th ed. eq. 14-5).
     *
     * @param distanceMm        source distance from the collimator face z, mm
     * @param backGapMm         back face of the collimator to the mean depth of interaction c, mm
     * @param leadMuPerMm       see {@link #effectiveLengthMm(double)}
     */
    public double geometricFwhmMm(double distanceMm, double backGapMm, double leadMuPerMm) {
        double le = effectiveLengthMm(leadMuPerMm);
        return holeDiameterMm * (le + distanceMm + backGapMm) / le;
    }

    private static void requirePositive(String field, double value, double max) {
        if (!(value > 0) || value > max) {
            throw InputException.field(field, "must be in (0, " + max + "] mm, got " + value);
        }
    }
}
