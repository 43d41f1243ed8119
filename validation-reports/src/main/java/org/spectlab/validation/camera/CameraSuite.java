package org.spectlab.validation.camera;

import static org.spectlab.validation.suite.ValidationCase.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.spectlab.core.camera.CollimatorLibrary;
import org.spectlab.core.camera.CollimatorSpec;
import org.spectlab.core.material.MaterialLibrary;
import org.spectlab.simulator.xs.MaterialCrossSections;
import org.spectlab.validation.suite.Quantity;
import org.spectlab.validation.suite.Reference;
import org.spectlab.validation.suite.SuiteContributor;
import org.spectlab.validation.suite.Tolerance;
import org.spectlab.validation.suite.ValidationCase;

/**
 * The {@code camera} suite: for every collimator preset of {@link CollimatorLibrary}, the nominal
 * geometric efficiency and the geometric resolution (FWHM) at 0-200 mm from the collimator face, as
 * computed by {@link CollimatorSpec}, against the Anger/Mather formulas written out here from the
 * preset's hole geometry (Anger 1964; Cherry, Sorenson &amp; Phelps, Physics in Nuclear Medicine, 4th ed.,
 * eqs. 14-5 to 14-7), with the penetration-corrected effective length l_e = l - 2/mu and mu of lead
 * from NIST XCOM at the photon energy.
 *
 * <p>Extension point: Monte Carlo camera QC (NEMA NU 1 planar sensitivity and resolution of the
 * simulated collimator-detector) belongs in this suite. Add it from a
 * {@link org.spectlab.validation.suite.SuiteContributor} with {@code registry.addCases(CameraSuite.NAME, ...)}
 * (or a ServiceLoader entry); its reference values are these nominal figures, with tolerances from the
 * run's own statistical error plus the formula's known approximations (septal penetration, hole
 * shape).
 */
public final class CameraSuite {
    /** Suite name. */
    public static final String NAME = "camera";
    /** Photon energy of the nominal figures, keV (Tc-99m). */
    public static final double ENERGY_KEV = 140.5;
    /** Source distances of the resolution figures, mm. */
    public static final double[] DISTANCES_MM = {0, 50, 100, 150, 200};
    /** Image plane at the back face of the collimator (c = 0): the purely collimator-geometric FWHM. */
    public static final double BACK_GAP_MM = 0;

    private static final Tolerance FORMULA = Tolerance.relative(1e-9, "same closed form evaluated "
            + "independently; only floating-point rounding may differ");

    private CameraSuite() {
    }

    /** Defines the suite with one case per collimator preset. */
    public static SuiteContributor contributor() {
        return r -> r.define(NAME, "Collimator performance of every preset: nominal Anger/Mather "
                + "figures, Monte Carlo camera QC at the design energy, crystal energy resolution, vendor figures.")
                .addCases(NAME, CameraSuite::cases).addCases(NAME, CameraQcCases::cases)
                .addCases(NAME, CameraModelCases::cases);
    }

    /** One case per preset. */
    public static List<ValidationCase> cases() {
        List<ValidationCase> out = new ArrayList<>();
        for (String preset : CollimatorLibrary.names()) {
            CollimatorSpec c = CollimatorLibrary.get(preset);
            out.add(ValidationCase.of("collimator-" + preset,
                    "Nominal geometric efficiency and FWHM vs distance of " + preset + " (d = " + c.holeDiameterMm()
                            + " mm, t = " + c.septalThicknessMm() + " mm, l = " + c.holeLengthMm() + " mm, "
                            + c.shape().name().toLowerCase(Locale.ROOT) + " holes) at " + ENERGY_KEV + " keV.",
                    config("preset", preset, "energy_keV", ENERGY_KEV, "distances_mm", List.of(0, 50, 100, 150, 200),
                            "back_gap_mm", BACK_GAP_MM),
                    ctx -> measure(c)));
        }
        return out;
    }

    /** Linear attenuation of lead at the nominal energy, 1/mm (NIST XCOM, mixture rule). */
    public static double leadMuPerMm(double energyKeV) {
        return MaterialCrossSections.of(MaterialLibrary.builtIn().get("lead")).muPerCm(energyKeV) / 10.0;
    }

    /** Nominal geometric FWHM (mm) of a preset at each distance, for plots. */
    public static double[] fwhmMm(CollimatorSpec c, double[] distancesMm) {
        double mu = leadMuPerMm(ENERGY_KEV);
        double[] out = new double[distancesMm.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = c.geometricFwhmMm(distancesMm[i], BACK_GAP_MM, mu);
        }
        return out;
    }

    static List<Quantity> measure(CollimatorSpec c) {
        double mu = leadMuPerMm(ENERGY_KEV);
        double d = c.holeDiameterMm();
        double le = c.holeLengthMm() - 2.0 / mu;
        double k = c.shape().angerK();
        double open = d / (d + c.septalThicknessMm());
        List<Quantity> q = new ArrayList<>();
        q.add(Quantity.of("efficiency", "1", c.geometricEfficiency(mu),
                Reference.exact(k * k * (d / le) * (d / le) * open * open,
                        "Anger/Mather g = K^2 (d/l_e)^2 (d/(d+t))^2 (Cherry et al. 4th ed. eq. 14-7)"), FORMULA));
        for (double z : DISTANCES_MM) {
            q.add(Quantity.of(String.format(Locale.ROOT, "fwhm_%.0fmm", z), "mm",
                    c.geometricFwhmMm(z, BACK_GAP_MM, mu),
                    Reference.exact(d * (le + z + BACK_GAP_MM) / le,
                            "R_g = d (l_e + z + c) / l_e (Cherry et al. 4th ed. eq. 14-5)"), FORMULA));
        }
        return q;
    }
}
