package org.spectlab.simulator.interaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.function.DoubleUnaryOperator;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.spectlab.core.material.Material;
import org.spectlab.core.units.PhysicalConstants;

class ComptonSamplerTest {
    private static final ComptonSampler WATER = ComptonSampler.of(TestMaterials.WATER);
    private static final ComptonSampler LEAD = ComptonSampler.of(TestMaterials.LEAD);

    private static ComptonSampler sampler(String name) {
        return name.equals("water") ? WATER : LEAD;
    }

    /** The analytic density: Klein-Nishina times S_mix evaluated from the EPDL97 tables directly. */
    private static DoubleUnaryOperator analyticPdf(ComptonSampler s, double energyKeV) {
        MaterialScatteringFunctions m = s.functions();
        return c -> ScatteringCrossSections.incoherentCm2PerGSr(m, energyKeV, c);
    }

    @ParameterizedTest
    @CsvSource({"water, 30.0", "water, 140.5", "water, 364.5", "lead, 30.0", "lead, 140.5", "lead, 364.5"})
    void anglesFollowKleinNishinaTimesSByRepeatedChiSquare(String material, double energyKeV) {
        ComptonSampler s = sampler(material);
        ScatteredPhoton out = new ScatteredPhoton();
        AngularChiSquare.Outcome outcome = new AngularChiSquare(energyKeV, analyticPdf(s, energyKeV))
                .run(2000 + (long) energyKeV, rng -> {
                    s.sample(rng, energyKeV, out);
                    return out.cosTheta();
                });
        assertThat(outcome.passed()).as(outcome.toString()).isTrue();
    }

    @Test
    void chiSquareTestHasPowerToRejectFreeElectronAnglesForBoundLead() {
        // Free Klein-Nishina angles must fail the test against the bound density in lead at 30 keV,
        // otherwise the test above could not tell binding from no binding.
        double e = 30.0;
        KleinNishinaSampler free = KleinNishinaSampler.of();
        AngularChiSquare.Outcome outcome = new AngularChiSquare(e, analyticPdf(LEAD, e))
                .run(77, rng -> free.sampleCosTheta(rng, e));
        assertThat(outcome.passed()).as(outcome.toString()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(doubles = {30.0, 140.5, 364.5})
    void scatteredEnergyObeysComptonKinematicsForEverySample(double energyKeV) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(11L);
        ScatteredPhoton out = new ScatteredPhoton();
        double k = energyKeV / PhysicalConstants.ELECTRON_REST_ENERGY_KEV;
        for (int i = 0; i < 100_000; i++) {
            LEAD.sample(rng, energyKeV, out);
            // no Doppler broadening: E' is the free-electron Compton energy up to rounding
            assertThat(out.energyKeV()).isCloseTo(energyKeV / (1 + k * (1 - out.cosTheta())),
                    within(1e-12 * energyKeV));
        }
    }

    @Test
    void bindingSuppressesForwardScatteringInLeadAt30keV() {
        double e = 30.0;
        double cos10 = Math.cos(Math.toRadians(10));
        double pBound = AngularChiSquare.probabilityAbove(e, analyticPdf(LEAD, e), cos10);
        double pFree = AngularChiSquare.probabilityAbove(e, c -> ScatteringCrossSections.kleinNishinaCm2PerSr(e, c),
                cos10);
        // x at 10 degrees and 30 keV is 0.21 1/angstrom, where S_Pb/Z is far below 1: strong suppression
        assertThat(pBound / pFree).isLessThan(0.5);

        int n = 400_000;
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(5L);
        ScatteredPhoton out = new ScatteredPhoton();
        int bound = 0;
        int free = 0;
        KleinNishinaSampler kn = KleinNishinaSampler.of();
        for (int i = 0; i < n; i++) {
            LEAD.sample(rng, e, out);
            if (out.cosTheta() > cos10) {
                bound++;
            }
            if (kn.sampleCosTheta(rng, e) > cos10) {
                free++;
            }
        }
        // z-scores with the binomial standard error of each fraction; |z| < 4.5 fails by chance
        // with probability below 1e-5
        assertThat(zScore(bound, n, pBound)).isLessThan(4.5);
        assertThat(zScore(free, n, pFree)).isLessThan(4.5);
        double ratio = (bound / (double) n) / (free / (double) n);
        assertThat(ratio).isLessThan(0.5 * 1.1);
    }

    private static double zScore(int count, int n, double p) {
        return Math.abs(count - n * p) / Math.sqrt(n * p * (1 - p));
    }

    @ParameterizedTest
    @ValueSource(doubles = {20.0, 30.0, 71.3, 140.5, 245.0, 364.5, 511.0})
    void angularPdfIsNormalisedAndMatchesAnalyticDensity(double energyKeV) {
        for (ComptonSampler s : new ComptonSampler[] {WATER, LEAD}) {
            double norm = ScatteringCrossSections.integrateOverCosTheta(energyKeV, c -> s.angularPdf(c, energyKeV));
            // energy-table interpolation error is below 1e-4 (EnergyTable); allow 5e-4
            assertThat(norm).isCloseTo(1.0, within(5e-4));
            double exact = ScatteringCrossSections.incoherentCm2PerG(s.functions(), energyKeV);
            assertThat(s.crossSectionCm2PerG(energyKeV) / exact).isCloseTo(1.0, within(5e-4));
            for (double c = -1; c <= 1; c += 0.125) {
                // grid table of S (1e-5) and energy table (1e-4)
                assertThat(s.angularPdf(c, energyKeV) * exact)
                        .isCloseTo(2 * Math.PI * analyticPdf(s, energyKeV).applyAsDouble(c),
                                within(5e-4 * 2 * Math.PI * analyticPdf(s, energyKeV).applyAsDouble(c) + 1e-30));
            }
        }
    }

    @Test
    void materialWithUnsupportedElementIsRejected() {
        Material uranium = Material.of("uranium", 19.1,
                java.util.List.of(org.spectlab.core.material.Constituent.of(92, 1.0)));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ComptonSampler.of(uranium))
                .isInstanceOf(org.spectlab.core.error.InputException.class)
                .hasMessageContaining("Z=92");
    }
}
