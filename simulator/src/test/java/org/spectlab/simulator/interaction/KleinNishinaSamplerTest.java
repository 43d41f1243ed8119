package org.spectlab.simulator.interaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.spectlab.core.units.PhysicalConstants;

class KleinNishinaSamplerTest {
    private final KleinNishinaSampler sampler = KleinNishinaSampler.of();

    @ParameterizedTest
    @ValueSource(doubles = {30.0, 140.5, 364.5})
    void anglesFollowKleinNishinaByRepeatedChiSquare(double energyKeV) {
        AngularChiSquare test = new AngularChiSquare(energyKeV,
                c -> ScatteringCrossSections.kleinNishinaCm2PerSr(energyKeV, c));
        AngularChiSquare.Outcome outcome = test.run(1000 + (long) energyKeV,
                rng -> sampler.sampleCosTheta(rng, energyKeV));
        assertThat(outcome.passed()).as(outcome.toString()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(doubles = {30.0, 140.5, 364.5, 1000.0})
    void scatteredEnergyObeysComptonKinematicsForEverySample(double energyKeV) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(7L);
        ScatteredPhoton out = new ScatteredPhoton();
        double k = energyKeV / PhysicalConstants.ELECTRON_REST_ENERGY_KEV;
        for (int i = 0; i < 100_000; i++) {
            sampler.sample(rng, energyKeV, out);
            double expected = energyKeV / (1 + k * (1 - out.cosTheta()));
            // both sides are computed from the same epsilon: only rounding (a few ulp) may differ
            assertThat(out.energyKeV()).isCloseTo(expected, within(1e-12 * energyKeV));
            assertThat(out.energyKeV()).isBetween(energyKeV / (1 + 2 * k) * (1 - 1e-12), energyKeV);
        }
    }

    @ParameterizedTest
    @ValueSource(doubles = {1.0, 30.0, 140.5, 364.5, 3000.0})
    void closedFormTotalEqualsIntegralOfDifferentialAndPdfIsNormalised(double energyKeV) {
        double integral = 2 * Math.PI * ScatteringCrossSections.integrateOverCosTheta(energyKeV,
                c -> ScatteringCrossSections.kleinNishinaCm2PerSr(energyKeV, c));
        // 4-point Gauss-Legendre on 0.46%-wide panels of a smooth integrand: error << 1e-8
        assertThat(integral / sampler.crossSectionCm2(energyKeV)).isCloseTo(1.0, within(1e-8));
        double norm = ScatteringCrossSections.integrateOverCosTheta(energyKeV, c -> sampler.angularPdf(c, energyKeV));
        assertThat(norm).isCloseTo(1.0, within(1e-8));
    }

    @Test
    void totalCrossSectionMatchesThomsonLimitAndPublishedValue() {
        double thomson = 8 * Math.PI / 3 * ScatteringCrossSections.RE2_CM2;
        // sigma_KN -> sigma_T (1 - 2k) for k -> 0; at 1 keV k = 0.00196, next term O(k^2) ~ 2e-5
        double k = 1.0 / PhysicalConstants.ELECTRON_REST_ENERGY_KEV;
        assertThat(sampler.crossSectionCm2(1.0) / (thomson * (1 - 2 * k))).isCloseTo(1.0, within(1e-4));
        // XCOM's incoherent cross section of hydrogen at 150 keV is 0.4435 b (NIST XCOM element file
        // MDATX3.001); binding in H lowers it below the free-electron value by well under 1% there
        assertThat(sampler.crossSectionCm2(150.0) * 1e24).isBetween(0.4435, 0.4435 * 1.01);
    }
}
