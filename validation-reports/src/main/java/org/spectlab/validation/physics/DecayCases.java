package org.spectlab.validation.physics;

import static org.spectlab.validation.suite.ValidationCase.config;

import java.util.ArrayList;
import java.util.List;
import org.spectlab.core.nuclide.Nuclide;
import org.spectlab.core.nuclide.NuclideLibrary;
import org.spectlab.validation.suite.Quantity;
import org.spectlab.validation.suite.Reference;
import org.spectlab.validation.suite.Tolerance;
import org.spectlab.validation.suite.ValidationCase;

/**
 * Radioactive decay: the library's half-lives against the DDEP recommended values (typed in here from
 * the LNHB tables, independently of the bundled CSV), and {@link Nuclide#decayFactor} and
 * {@link Nuclide#meanDecayFactorOver} against 2^(-t/T) and its integral.
 */
public final class DecayCases {

    /** DDEP half-lives, h, with standard uncertainty: LNE-LNHB "Table de Radionucleides". */
    private record Ddep(String nuclide, double halfLifeH, double uncertaintyH, String evaluation) {
    }

    private static final List<Ddep> DDEP = List.of(
            new Ddep("Tc-99m", 6.0067, 0.0010, "DDEP (LNHB/KRI 2004): 6.0067(10) h"),
            new Ddep("I-131", 8.0233 * 24, 0.0019 * 24, "DDEP (CEA/LNE-LNHB 2014): 8.0233(19) d"),
            new Ddep("Lu-177", 6.647 * 24, 0.004 * 24, "DDEP (ANL 2003): 6.647(4) d"),
            new Ddep("In-111", 2.8049 * 24, 0.0004 * 24, "DDEP (KRI 2006): 2.8049(4) d"));

    private DecayCases() {
    }

    /** The decay case. */
    public static ValidationCase decay() {
        return ValidationCase.of("decay",
                "Half-lives of the nuclide library vs DDEP; decay factor after 24 h and mean decay factor over a "
                        + "30 min acquisition vs 2^(-t/T) and its closed-form integral.",
                config("nuclides", List.of("Tc-99m", "I-131", "Lu-177", "In-111"), "elapsed_h", 24,
                        "acquisition_min", 30),
                ctx -> measure());
    }

    static List<Quantity> measure() {
        List<Quantity> q = new ArrayList<>();
        Tolerance z2 = Tolerance.zScore(2, "the library must reproduce the evaluated value within its "
                + "standard uncertainty (2 u for rounding of the unit conversion)");
        Tolerance exact = Tolerance.relative(1e-12, "closed form; only floating-point rounding differs");
        Tolerance simpson = Tolerance.relative(1e-9, "Simpson integral with 1000 intervals of a smooth "
                + "exponential: error < 1e-12");
        for (Ddep d : DDEP) {
            Nuclide n = NuclideLibrary.get(d.nuclide());
            String tag = d.nuclide().toLowerCase(java.util.Locale.ROOT).replace("-", "");
            q.add(Quantity.of("half_life_" + tag, "h", n.halfLifeH(),
                    Reference.of(d.halfLifeH(), d.uncertaintyH(), d.evaluation()), z2));
            double t = 24 * 3600.0;
            q.add(Quantity.of("decay_factor_24h_" + tag, "1", n.decayFactor(t),
                    Reference.exact(Math.pow(2, -t / n.halfLifeS()), "A(t)/A(0) = 2^(-t/T1/2)"), exact));
            double duration = 1800;
            q.add(Quantity.of("mean_decay_30min_" + tag, "1", n.meanDecayFactorOver(t, duration),
                    Reference.exact(simpsonMean(n.halfLifeS(), t, duration), "(1/T) integral of 2^(-t/T1/2) dt, "
                            + "composite Simpson"), simpson));
        }
        return q;
    }

    private static double simpsonMean(double halfLifeS, double startS, double durationS) {
        int n = 1000;
        double h = durationS / n;
        double s = 0;
        for (int i = 0; i <= n; i++) {
            double w = (i == 0 || i == n) ? 1 : (i % 2 == 1 ? 4 : 2);
            s += w * Math.pow(2, -(startS + i * h) / halfLifeS);
        }
        return s * h / 3 / durationS;
    }
}
