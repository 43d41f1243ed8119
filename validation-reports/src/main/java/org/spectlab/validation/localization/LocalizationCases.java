package org.spectlab.validation.localization;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.spectlab.recon.study.ReconInputs;
import org.spectlab.validation.dataset.CasePlan;
import org.spectlab.validation.pipeline.DemoStudy;

/**
 * Random torso cases inside the localization acceptance envelope of issue 7: every lesion at least
 * twice the system FWHM in diameter and at least 4:1 over its host organ, none necrotic, at the demo's
 * activity and 20 s per view.
 *
 * <p>Per case (from its case seed): sex, body scale 0.85-1.15, 1-3 lesions; a lesion is a tumour
 * (60 %) in liver, liver, lung_left, lung_right or body (soft
 * tissue), 4-8x its host, or an inflammation focus in body, body, lung_left or lung_right, 10-40x its
 * host (the ranges of the teaching dataset, {@link CasePlan}, cut to the envelope). Diameters are
 * uniform in [{@code d}, {@code d} + {@value #DIAMETER_SPAN_MM} mm] with {@code d = 2 x}
 * {@link #conservativeFwhmMm()} rounded up to 0.1 mm.
 *
 * <p>Resolution: for a circular 360° orbit of radius R the distance from any point inside it to the
 * collimator face averages R over the orbit (the mean of R - r cos θ), and the geometric FWHM is
 * linear in that distance, so the system FWHM at R is the orbit-mean resolution at any lesion depth.
 * The conservative figure uses the largest radius the cases use (215 + 45 x 1.15 mm, as
 * {@link CasePlan#applyTo}) and the Siemens LEHR preset with the template camera's intrinsic FWHM
 * (3.8 mm, the simulator's Symbia default) at 140.5 keV; the suite checks each case's own figure
 * (from its study.json) against its smallest lesion.
 */
public final class LocalizationCases {
    /** Width of the diameter range above the floor, mm. */
    public static final double DIAMETER_SPAN_MM = 10;
    /** Acquisition time per view, s (the demo's). */
    public static final double TIME_PER_VIEW_S = 20;
    /** Least tumour uptake ratio to the host organ (the acceptance envelope). */
    public static final double MIN_UPTAKE_RATIO = 4;
    /** Largest body scale drawn. */
    public static final double MAX_SCALE = 1.15;
    /** Collimator preset of the template (the demo's). */
    public static final String COLLIMATOR = "siemens-lehr";
    /** Tc-99m photopeak, keV (NNDC ENSDF). */
    public static final double TC99M_KEV = 140.5;

    // No kidneys or spleen: a lesion of >= 2x the system FWHM (>= 29 mm) does not fit with its 3 mm margin
    // inside the ICRP 89-sized kidney cortex or spleen of the torso (placement fails), so this suite's
    // tumours lie in the liver, lungs and soft tissue.
    private static final String[] TUMOUR_ORGANS = {"liver", "liver", "lung_left", "lung_right", "body"};
    private static final String[] INFLAMMATION_ORGANS = {"body", "body", "lung_left", "lung_right"};

    private LocalizationCases() {
    }

    /** System FWHM at the largest orbit radius, mm (see the class comment). */
    public static double conservativeFwhmMm() {
        double radiusMm = Math.round(215 + 45 * MAX_SCALE);
        double intrinsicMm = DemoStudy.config(true).camera().intrinsicFwhmMm();
        return ReconInputs.collimatorModel(COLLIMATOR, intrinsicMm, TC99M_KEV).systemFwhmMm(radiusMm);
    }

    /** Least lesion diameter, mm: twice the conservative FWHM, rounded up to 0.1 mm. */
    public static double minDiameterMm() {
        return Math.ceil(20 * conservativeFwhmMm()) / 10.0;
    }

    /** Draws case number {@code index} (1-based) from its seed. */
    public static CasePlan draw(int index, long caseSeed) {
        double dMin = minDiameterMm();
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(caseSeed);
        boolean male = rng.nextBoolean();
        double scale = round(0.85 + (MAX_SCALE - 0.85) * rng.nextDouble(), 3);
        int n = 1 + rng.nextInt(3);
        List<CasePlan.LesionPlan> lesions = new ArrayList<>();
        for (int l = 0; l < n; l++) {
            boolean tumour = rng.nextDouble() < 0.6;
            String organ = tumour ? TUMOUR_ORGANS[rng.nextInt(TUMOUR_ORGANS.length)]
                    : INFLAMMATION_ORGANS[rng.nextInt(INFLAMMATION_ORGANS.length)];
            double d = round(dMin + DIAMETER_SPAN_MM * rng.nextDouble(), 1);
            d = Math.max(d, dMin);
            double ratio = round(tumour ? MIN_UPTAKE_RATIO + 4 * rng.nextDouble() : 10 + 30 * rng.nextDouble(), 1);
            lesions.add(new CasePlan.LesionPlan((tumour ? "tumour_" : "inflammation_") + (l + 1),
                    tumour ? "tumour" : "inflammation", organ, d, ratio, false));
        }
        return new CasePlan(String.format(Locale.ROOT, "case_%03d", index), caseSeed, male, scale, TIME_PER_VIEW_S,
                lesions);
    }

    private static double round(double v, int digits) {
        double f = Math.pow(10, digits);
        return Math.round(v * f) / f;
    }
}
