package org.spectlab.core.nuclide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.spectlab.core.error.InputException;

class EmissionSamplerTest {

    /**
     * Pearson chi-square of the sampled line counts against the yields, in the Commons RNG style: 10
     * independent runs at level α = 0.01; under a correct sampler the number of failing runs is
     * Binomial(10, 0.01), so more than 3 failures has probability ~2e-6 (a real bug fails nearly all).
     * Samples per run are chosen so every expected count is &ge; 5 (smallest I-123 line 1.16e-4 of ~2
     * photons per decay: expected ~29 at 500 000 draws).
     */
    @ParameterizedTest
    @ValueSource(strings = {"I-123", "Tl-201", "I-131", "Tc-99m", "In-111"})
    void sampledFrequenciesFollowTheYields(String name) {
        EmissionSampler sampler = EmissionSampler.of(NuclideLibrary.get(name));
        int k = sampler.size();
        int draws = 500_000;
        double critical = ChiSquaredDistribution.of(k - 1).inverseSurvivalProbability(0.01);
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(20_240_601L + name.hashCode());
        int failures = 0;
        long[] counts = new long[k];
        for (int run = 0; run < 10; run++) {
            java.util.Arrays.fill(counts, 0);
            for (int i = 0; i < draws; i++) {
                counts[sampler.sample(rng)]++;
            }
            double chi2 = 0;
            for (int j = 0; j < k; j++) {
                double expected = draws * sampler.probability(j);
                assertThat(expected).isGreaterThanOrEqualTo(5);
                double d = counts[j] - expected;
                chi2 += d * d / expected;
            }
            if (chi2 > critical) {
                failures++;
            }
        }
        assertThat(failures).as("runs failing the chi-square test at 1%% for %s", name).isLessThanOrEqualTo(3);
    }

    @Test
    void probabilitiesAreTheNormalisedYields() {
        Nuclide i123 = NuclideLibrary.get("I-123");
        EmissionSampler s = EmissionSampler.of(i123);
        assertThat(s.size()).isEqualTo(i123.lines().size());
        assertThat(s.photonsPerDecay()).isCloseTo(i123.photonsPerDecay(), within(1e-15));
        double sum = 0;
        for (int i = 0; i < s.size(); i++) {
            assertThat(s.energyKeV(i)).isEqualTo(i123.lines().get(i).energyKeV());
            assertThat(s.probability(i)).isCloseTo(i123.lines().get(i).yieldPerDecay() / i123.photonsPerDecay(),
                    within(1e-15));
            sum += s.probability(i);
        }
        assertThat(sum).isCloseTo(1.0, within(1e-14));
    }

    /** The alias table reproduces the yields exactly (rounding only), for every nuclide and threshold. */
    @Test
    void aliasTableEncodesTheYieldsExactly() {
        for (String name : NuclideLibrary.names()) {
            for (double minYield : new double[] {0, 1e-3, 0.01, 0.1}) {
                EmissionSampler s = EmissionSampler.of(NuclideLibrary.get(name), minYield);
                for (int i = 0; i < s.size(); i++) {
                    // a sum of at most ~30 terms of order 1/n: rounding error < 1e-14
                    assertThat(s.tableProbability(i)).as("%s min %s line %d", name, minYield, i)
                            .isCloseTo(s.probability(i), within(1e-14));
                }
            }
        }
    }

    @Test
    void thresholdsFilterLines() {
        Nuclide i123 = NuclideLibrary.get("I-123");
        EmissionSampler strong = EmissionSampler.of(i123, 0.01);
        assertThat(strong.lines()).extracting(EmissionLine::energyKeV)
                .containsExactly(4.078, 27.202, 27.4726, 31.1044, 31.7623, 158.97, 528.96);
        // 9.0 + 24.69 + 45.98 + 13.16 + 2.86 + 83.25 + 1.28 % per decay
        assertThat(strong.photonsPerDecay()).isCloseTo(1.8022, within(1e-12));
        EmissionSampler noL = EmissionSampler.of(i123, 0.01, 15.0);
        assertThat(noL.lines()).extracting(EmissionLine::energyKeV).doesNotContain(4.078).hasSize(6);
        assertThat(noL.probability(4)).isCloseTo(0.8325 / 1.7122, within(1e-12));
        assertThat(noL.nuclide()).isSameAs(i123);
    }

    @Test
    void aSingleLineIsAlwaysDrawn() {
        Nuclide one = Nuclide.of("X-1", 1, List.of(EmissionLine.of(140, 0.9, EmissionKind.GAMMA, "g")), "test");
        EmissionSampler s = EmissionSampler.of(one);
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(1L);
        for (int i = 0; i < 1000; i++) {
            assertThat(s.sample(rng)).isZero();
        }
    }

    @Test
    void sameSeedSameSequence() {
        EmissionSampler s = EmissionSampler.of(NuclideLibrary.get("Ga-67"));
        UniformRandomProvider a = RandomSource.XO_RO_SHI_RO_128_PP.create(42L);
        UniformRandomProvider b = RandomSource.XO_RO_SHI_RO_128_PP.create(42L);
        for (int i = 0; i < 1000; i++) {
            assertThat(s.sample(a)).isEqualTo(s.sample(b));
        }
    }

    @Test
    void impossibleThresholdsAreInputErrors() {
        Nuclide tc = NuclideLibrary.get("Tc-99m");
        assertThatThrownBy(() -> EmissionSampler.of(tc, 0.95)).isInstanceOf(InputException.class)
                .hasMessageContaining("min yield").hasMessageContaining("Tc-99m");
        assertThatThrownBy(() -> EmissionSampler.of(tc, -0.1)).isInstanceOf(InputException.class);
        assertThatThrownBy(() -> EmissionSampler.of(tc, 0, Double.NaN)).isInstanceOf(InputException.class)
                .hasMessageContaining("min energy");
    }
}
