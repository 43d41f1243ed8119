package org.spectlab.validation.physics;

import static org.spectlab.validation.suite.ValidationCase.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.spectlab.core.material.Material;
import org.spectlab.core.material.MaterialLibrary;
import org.spectlab.simulator.xs.MaterialCrossSections;
import org.spectlab.validation.suite.Quantity;
import org.spectlab.validation.suite.Reference;
import org.spectlab.validation.suite.Tolerance;
import org.spectlab.validation.suite.ValidationCase;

/**
 * Attenuation coefficients of spectlab's cross sections (XCOM element tables, mixture rule,
 * {@link MaterialCrossSections}) against the NIST tables of Hubbell &amp; Seltzer (NISTIR 5632):
 * mu/rho at the tabulated energies that bracket the Tc-99m (140.5 keV) and I-131 (364.5 keV) lines,
 * and mu at those two lines against NIST's own log-log interpolation of its table.
 */
public final class AttenuationCases {
    /** Materials checked (built-in names). */
    public static final List<String> MATERIALS = List.of("water", "cortical_bone", "lead", "nai");
    /** Tabulated NIST energies checked, keV. */
    static final double[] TABULATED_KEV = {100, 150, 300, 400};

    /**
     * 0.5%: the tables print 4 significant digits (&lt;= 0.05%); XCOM's element data and NIST's compound
     * compositions reproduce them to about 0.2%; 0.5% is the acceptance criterion of spectlab's XCOM tables.
     */
    static final Tolerance TABULATED = Tolerance.relative(0.005, "4-digit NIST tables; XCOM data and "
            + "compositions agree to ~0.2%; 0.5% is the acceptance criterion of the XCOM tables");
    /**
     * 1.5%: the reference interpolates the NIST total log-log over a 1.5x (100-150 keV) or 1.33x
     * (300-400 keV) interval, while XCOM (and spectlab) interpolate each process separately; where
     * photoelectric absorption and Compton scattering mix (lead, NaI) the log-log total misses the
     * curvature by up to ~1% (measured 1.06% for NaI at 364.5 keV, 0.2% for water).
     */
    static final Tolerance INTERPOLATED = Tolerance.relative(0.015, "the reference is a log-log interpolation "
            + "of the NIST total over a 1.33-1.5x interval; XCOM interpolates per process; for mixed "
            + "photoelectric/Compton attenuation (Pb, NaI) the two differ by up to ~1%");

    private AttenuationCases() {
    }

    /** One case per material. */
    public static List<ValidationCase> cases() {
        List<ValidationCase> out = new ArrayList<>();
        for (String name : MATERIALS) {
            out.add(ValidationCase.of("attenuation-" + name.replace('_', '-'),
                    "Total mass attenuation coefficient of " + name + " (XCOM element tables, mixture rule) vs "
                            + "the NIST NISTIR 5632 table at 100, 150, 300, 400 keV; mu at 140.5 and 364.5 keV "
                            + "vs NIST log-log interpolation.",
                    config("material", name, "tabulated_energies_keV", List.of(100, 150, 300, 400),
                            "line_energies_keV", List.of(140.5, 364.5)),
                    ctx -> measure(name)));
        }
        return out;
    }

    static List<Quantity> measure(String name) {
        Material m = MaterialLibrary.builtIn().get(name);
        MaterialCrossSections xs = MaterialCrossSections.of(m);
        List<Quantity> q = new ArrayList<>();
        for (double e : TABULATED_KEV) {
            NistMassAttenuation.Value ref = NistMassAttenuation.at(name, e);
            q.add(Quantity.of(String.format(Locale.ROOT, "mu_rho_%.0fkeV", e), "cm^2/g",
                    xs.totalMassAttenuationCm2PerG(e),
                    Reference.of(ref.muRhoCm2PerG(), ref.roundingUncertainty(), NistMassAttenuation.SOURCE),
                    TABULATED));
        }
        double rho = m.densityGPerCm3();
        double[][] lines = {{140.5, 100, 150}, {364.5, 300, 400}};
        for (double[] l : lines) {
            NistMassAttenuation.Value ref = NistMassAttenuation.logLog(name, l[1], l[2], l[0]);
            q.add(Quantity.of(String.format(Locale.ROOT, "mu_%.1fkeV", l[0]).replace('.', 'p'), "1/cm",
                    xs.muPerCm(l[0]),
                    Reference.of(rho * ref.muRhoCm2PerG(), rho * ref.roundingUncertainty(),
                            String.format(Locale.ROOT, "NIST NISTIR 5632, log-log between %.0f and %.0f keV, "
                                    + "x density %.4g g/cm^3 (ICRU-44/NIST composition)", l[1], l[2], rho)),
                    INTERPOLATED));
        }
        return q;
    }
}
