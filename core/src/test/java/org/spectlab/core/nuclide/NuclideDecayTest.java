package org.spectlab.core.nuclide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.spectlab.core.error.InputException;

class NuclideDecayTest {

    private static final Nuclide TC = NuclideLibrary.get("Tc-99m");

    @Test
    void oneHalfLifeHalvesTheActivity() {
        for (String name : NuclideLibrary.names()) {
            Nuclide n = NuclideLibrary.get(name);
            // exp(-ln2) in double precision: error of a few ulp
            assertThat(n.decayFactor(n.halfLifeS())).as(name).isCloseTo(0.5, within(1e-12));
            assertThat(n.decayFactor(3 * n.halfLifeS())).as(name).isCloseTo(0.125, within(1e-12));
        }
        assertThat(TC.decayFactor(0)).isEqualTo(1.0);
        assertThat(TC.decayConstantPerS()).isCloseTo(Math.log(2) / (6.0067 * 3600), within(1e-18));
    }

    /** Composite Simpson rule on exp(-λt), n = 2000 panels: error ≤ (T^5/180n^4)·λ^4 max|f| « 1e-12 here. */
    private static double simpsonMean(Nuclide n, double t0, double duration) {
        int panels = 2000;
        double h = duration / panels;
        double sum = n.decayFactor(t0) + n.decayFactor(t0 + duration);
        for (int i = 1; i < panels; i++) {
            sum += (i % 2 == 1 ? 4 : 2) * n.decayFactor(t0 + i * h);
        }
        return sum * h / 3 / duration;
    }

    @Test
    void meanDecayFactorMatchesNumericalIntegration() {
        double[][] cases = {
            {0, 1800}, {3600, 20 * 60}, {0, 6.0067 * 3600}, {2 * 86400, 30 * 3600}, {-3600, 7200}, {0, 1e-3},
        };
        for (double[] c : cases) {
            double expected = simpsonMean(TC, c[0], c[1]);
            assertThat(TC.meanDecayFactorOver(c[0], c[1])).as("t0=%s T=%s", c[0], c[1])
                    .isCloseTo(expected, within(1e-9));
        }
        Nuclide co = NuclideLibrary.get("Co-57");
        assertThat(co.meanDecayFactorOver(86400, 600)).isCloseTo(simpsonMean(co, 86400, 600), within(1e-9));
    }

    @Test
    void meanDecayFactorIsStableAsLambdaTGoesToZero() {
        double t0 = 5000;
        double atStart = TC.decayFactor(t0);
        double lambda = TC.decayConstantPerS();
        for (double duration : new double[] {1e-2, 1e-6, 1e-10, 1e-14}) {
            double x = lambda * duration;
            // series: (1 - e^-x)/x = 1 - x/2 + x^2/6 - ...; truncation error < x^3/24 (negligible here)
            double series = atStart * (1 - x / 2 + x * x / 6);
            assertThat(TC.meanDecayFactorOver(t0, duration)).as("T=%s", duration)
                    .isCloseTo(series, within(1e-15));
        }
        assertThat(TC.meanDecayFactorOver(t0, 0)).isEqualTo(atStart);
        // the naive formula would lose all digits here: (e^-a - e^-(a+x)) / x with x ~ 3e-19
        assertThat(TC.meanDecayFactorOver(t0, 1e-14)).isCloseTo(atStart, within(1e-15));
    }

    @Test
    void badTimesAreInputErrors() {
        assertThatThrownBy(() -> TC.meanDecayFactorOver(0, -1)).isInstanceOf(InputException.class)
                .hasMessageContaining("duration");
        assertThatThrownBy(() -> TC.decayFactor(Double.NaN)).isInstanceOf(InputException.class);
    }

    @Test
    void lineSelections() {
        Nuclide i123 = NuclideLibrary.get("I-123");
        List<EmissionLine> strong = i123.linesAbove(0.01);
        assertThat(strong).extracting(EmissionLine::energyKeV)
                .containsExactly(4.078, 27.202, 27.4726, 31.1044, 31.7623, 158.97, 528.96);
        assertThat(i123.linesAbove(0)).hasSize(i123.lines().size());
        assertThat(i123.linesIn(158.97, 158.97)).hasSize(1);
        assertThatThrownBy(() -> i123.linesIn(200, 100)).isInstanceOf(InputException.class);
        for (int i = 1; i < i123.lines().size(); i++) {
            assertThat(i123.lines().get(i).energyKeV()).isGreaterThan(i123.lines().get(i - 1).energyKeV());
        }
    }

    @Test
    void recordsSortLinesAndRejectNonsense() {
        Nuclide n = Nuclide.of("X-1", 10, List.of(
                EmissionLine.of(200, 0.1, EmissionKind.GAMMA, "b"),
                EmissionLine.of(100, 0.3, EmissionKind.GAMMA, "a")), "test");
        assertThat(n.lines()).extracting(EmissionLine::label).containsExactly("a", "b");
        assertThat(n.strongestLine().label()).isEqualTo("a");
        assertThat(n.photonsPerDecay()).isCloseTo(0.4, within(1e-15));
        assertThatThrownBy(() -> EmissionLine.of(-1, 0.1, EmissionKind.GAMMA, "x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EmissionLine.of(100, 0, EmissionKind.GAMMA, "x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Nuclide.of("X-1", 0, List.of(), "test")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Nuclide.of("X-1", 1, List.of(), "test").strongestLine())
                .isInstanceOf(IllegalStateException.class);
    }
}
