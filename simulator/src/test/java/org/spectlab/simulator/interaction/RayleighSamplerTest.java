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

class RayleighSamplerTest {
    private static final RayleighSampler WATER = RayleighSampler.of(TestMaterials.WATER);
    private static final RayleighSampler LEAD = RayleighSampler.of(TestMaterials.LEAD);

    private static RayleighSampler sampler(String name) {
        return name.equals("water") ? WATER : LEAD;
    }

    /** The analytic density: Thomson times F^2_mix evaluated from the EPDL97 tables directly. */
    private static DoubleUnaryOperator analyticPdf(RayleighSampler s, double energyKeV) {
        MaterialScatteringFunctions m = s.functions();
        return c -> ScatteringCrossSections.coherentCm2PerGSr(m, energyKeV, c);
    }

    @ParameterizedTest
    @CsvSource({"water, 30.0", "water, 140.5", "water, 364.5", "lead, 30.0", "lead, 140.5", "lead, 364.5"})
    void anglesFollowThomsonTimesFormFactorSquaredByRepeatedChiSquare(String material, double energyKeV) {
        RayleighSampler s = sampler(material);
        ScatteredPhoton out = new ScatteredPhoton();
        // equal-probability bins resolve the forward peak (at 364.5 keV in water half the
        // scatterings are within a few degrees)
        AngularChiSquare.Outcome outcome = new AngularChiSquare(energyKeV, analyticPdf(s, energyKeV))
                .run(3000 + (long) energyKeV, rng -> {
                    s.sample(rng, energyKeV, out);
                    return out.cosTheta();
                });
        assertThat(outcome.passed()).as(outcome.toString()).isTrue();
    }

    @Test
    void chiSquareTestHasPowerToRejectPureThomsonAngles() {
        // Thomson angles without F^2 must fail against the form-factor density in water at 140.5 keV
        double e = 140.5;
        AngularChiSquare.Outcome outcome = new AngularChiSquare(e, analyticPdf(WATER, e)).run(99, rng -> {
            while (true) {
                double c = 2 * rng.nextDouble() - 1;
                if (2 * rng.nextDouble() <= 1 + c * c) {
                    return c;
                }
            }
        });
        assertThat(outcome.passed()).as(outcome.toString()).isFalse();
    }

    @Test
    void energyIsUnchangedAndScatteringIsForwardPeakedMoreAtHigherEnergy() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(3L);
        ScatteredPhoton out = new ScatteredPhoton();
        double previousMean = 0;
        for (double e : new double[] {30.0, 140.5, 364.5}) {
            double sum = 0;
            int n = 50_000;
            for (int i = 0; i < n; i++) {
                WATER.sample(rng, e, out);
                assertThat(out.energyKeV()).isEqualTo(e);
                sum += out.cosTheta();
            }
            double mean = sum / n;
            // mean cos theta rises towards 1 with energy (F^2 confines x = k sin(theta/2) to ~1/a_0)
            assertThat(mean).isGreaterThan(previousMean);
            previousMean = mean;
        }
        assertThat(previousMean).isGreaterThan(0.9);
    }

    @ParameterizedTest
    @ValueSource(doubles = {20.0, 30.0, 71.3, 140.5, 245.0, 364.5, 511.0})
    void angularPdfIsNormalisedAndMatchesAnalyticDensity(double energyKeV) {
        for (RayleighSampler s : new RayleighSampler[] {WATER, LEAD}) {
            double norm = ScatteringCrossSections.integrateOverCosTheta(energyKeV, c -> s.angularPdf(c, energyKeV));
            assertThat(norm).isCloseTo(1.0, within(5e-4));
            double exact = ScatteringCrossSections.coherentCm2PerG(s.functions(), energyKeV);
            // integrals: grid and energy-table errors are below 1e-4 each; pointwise (below): linear-in-x^2
            // interpolation of the steep F^2 tail (about p(p+1)h^2/8 = 4e-4 for F^2 ~ x^-8, h = 0.0092)
            // plus the energy table, within 1e-3
            assertThat(s.crossSectionCm2PerG(energyKeV) / exact).isCloseTo(1.0, within(5e-4));
            for (double c = -1; c <= 1; c += 0.125) {
                double analytic = 2 * Math.PI * analyticPdf(s, energyKeV).applyAsDouble(c) / exact;
                assertThat(s.angularPdf(c, energyKeV)).isCloseTo(analytic, within(1e-3 * analytic + 1e-300));
            }
        }
    }
}
