package org.spectlab.recon.transform.psf;

import org.spectlab.core.error.InputException;

/**
 * Nominal geometry of a parallel-hole collimator and the detector behind it, as a clinic knows it
 * from the vendor's specification, and the resolution model derived from it.
 *
 * <p>Geometric resolution (parallel holes, FWHM at distance {@code z} from the collimator face):
 * {@code FWHM_g(z) = d (l_eff + z + c) / l_eff}, with the effective hole length
 * {@code l_eff = l - 2/μ} accounting for septal penetration at the hole ends (Metz CE, Atkins FB,
 * Beck RN, "The geometric transfer function component for scintillation camera collimators with
 * straight parallel holes", Phys Med Biol 25 (1980) 1059-1070; the same form is in Cherry, Sorenson
 * &amp; Phelps, Physics in Nuclear Medicine, 4th ed., ch. 14). {@code d} is the hole's flat-to-flat
 * width (hexagonal holes; the formula is the circular-hole form applied to that width, an
 * approximation), {@code c} the distance from the collimator back face to the mid-plane of the
 * crystal. The system FWHM is {@code sqrt(FWHM_g^2 + FWHM_i^2)}. Septal penetration beyond the
 * effective length and scatter in the collimator are not modelled.
 *
 * @param holeDiameterMm              hole width flat-to-flat, mm
 * @param septalThicknessMm           septal thickness, mm (metadata for sensitivity/penetration; not in the FWHM)
 * @param holeLengthMm                hole length, mm
 * @param intrinsicFwhmMm             intrinsic resolution of the detector, FWHM mm
 * @param backFaceToCrystalMidplaneMm distance {@code c} from the collimator's back face to the crystal mid-plane, mm
 * @param collimatorMuPerCm           linear attenuation of the septal material (lead) at the photon energy, 1/cm
 */
public record CollimatorSpec(double holeDiameterMm, double septalThicknessMm, double holeLengthMm,
                             double intrinsicFwhmMm, double backFaceToCrystalMidplaneMm,
                             double collimatorMuPerCm) {

    /**
     * Distance {@code c} used by the presets: half the thickness of a 3/8-inch (9.525 mm) NaI(Tl)
     * crystal, the standard on both vendors' general-purpose cameras. The entrance window and air
     * gap (a few mm) are neglected; they shift FWHM_g by under 5% at 10 cm for LEHR.
     */
    public static final double PRESET_BACK_FACE_TO_CRYSTAL_MIDPLANE_MM = 0.5 * 9.525;

    /** Intrinsic FWHM used by the presets (typical 3/8-inch NaI(Tl) camera, ~3.6 mm at 140 keV). */
    public static final double PRESET_INTRINSIC_FWHM_MM = 3.6;

    private static final double FWHM_PER_SIGMA = 2.0 * Math.sqrt(2.0 * Math.log(2.0));

    /** Validates positive finite sizes and an effective length {@code l - 2/μ > 0}. */
    public CollimatorSpec {
        positive("hole diameter (mm)", holeDiameterMm);
        nonNegative("septal thickness (mm)", septalThicknessMm);
        positive("hole length (mm)", holeLengthMm);
        nonNegative("intrinsic FWHM (mm)", intrinsicFwhmMm);
        nonNegative("collimator back face to crystal mid-plane (mm)", backFaceToCrystalMidplaneMm);
        positive("collimator attenuation coefficient (1/cm)", collimatorMuPerCm);
        if (!(holeLengthMm - 20.0 / collimatorMuPerCm > 0)) {
            throw InputException.field("collimator attenuation coefficient (1/cm)", "gives an effective hole length"
                    + " l - 2/mu <= 0 for l = " + holeLengthMm + " mm, mu = " + collimatorMuPerCm + " 1/cm");
        }
    }

    /** A specification from explicit values. */
    public static CollimatorSpec of(double holeDiameterMm, double septalThicknessMm, double holeLengthMm,
                                    double intrinsicFwhmMm, double backFaceToCrystalMidplaneMm,
                                    double collimatorMuPerCm) {
        return new CollimatorSpec(holeDiameterMm, septalThicknessMm, holeLengthMm, intrinsicFwhmMm,
                backFaceToCrystalMidplaneMm, collimatorMuPerCm);
    }

    /**
     * Siemens LEHR (Symbia/Intevo low-energy high-resolution): hexagonal holes 1.11 mm, septa
     * 0.16 mm, length 24.05 mm (Siemens Symbia collimator specification table, as published in the
     * vendor's system specifications). Intrinsic FWHM and {@code c} are the preset values above.
     *
     * @param leadMuPerCm linear attenuation of lead at the photon energy, 1/cm (e.g. about 27 1/cm at
     *                    140.5 keV: NIST XCOM μ/ρ ≈ 2.39 cm²/g × 11.35 g/cm³)
     */
    public static CollimatorSpec siemensLehr(double leadMuPerCm) {
        return new CollimatorSpec(1.11, 0.16, 24.05, PRESET_INTRINSIC_FWHM_MM,
                PRESET_BACK_FACE_TO_CRYSTAL_MIDPLANE_MM, leadMuPerCm);
    }

    /**
     * GE LEHR (Infinia/Discovery NM low-energy high-resolution): hexagonal holes 1.5 mm, septa 0.2 mm,
     * length 35 mm (GE Healthcare collimator specification table in the system datasheets).
     * Intrinsic FWHM and {@code c} are the preset values above.
     *
     * @param leadMuPerCm linear attenuation of lead at the photon energy, 1/cm
     */
    public static CollimatorSpec geLehr(double leadMuPerCm) {
        return new CollimatorSpec(1.5, 0.2, 35.0, PRESET_INTRINSIC_FWHM_MM,
                PRESET_BACK_FACE_TO_CRYSTAL_MIDPLANE_MM, leadMuPerCm);
    }

    /** Effective hole length {@code l - 2/μ}, mm. */
    public double effectiveLengthMm() {
        return holeLengthMm - 20.0 / collimatorMuPerCm;
    }

    /** Geometric FWHM at distance {@code distanceMm} from the collimator face, mm. */
    public double geometricFwhmMm(double distanceMm) {
        double leff = effectiveLengthMm();
        return holeDiameterMm * (leff + distanceMm + backFaceToCrystalMidplaneMm) / leff;
    }

    /** System FWHM (geometric and intrinsic in quadrature) at distance {@code distanceMm}, mm. */
    public double systemFwhmMm(double distanceMm) {
        double g = geometricFwhmMm(distanceMm);
        return Math.sqrt(g * g + intrinsicFwhmMm * intrinsicFwhmMm);
    }

    /** Standard deviation of the Gaussian system response at {@code distanceMm}, mm. */
    public double systemSigmaMm(double distanceMm) {
        return systemFwhmMm(distanceMm) / FWHM_PER_SIGMA;
    }

    private static void positive(String field, double v) {
        if (!(v > 0) || !Double.isFinite(v)) {
            throw InputException.field(field, "must be a positive finite number, got " + v);
        }
    }

    private static void nonNegative(String field, double v) {
        if (!(v >= 0) || !Double.isFinite(v)) {
            throw InputException.field(field, "must be a finite number >= 0, got " + v);
        }
    }
}
