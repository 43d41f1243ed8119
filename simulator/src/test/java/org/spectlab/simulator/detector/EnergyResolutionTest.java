package org.spectlab.simulator.detector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.spectlab.core.projection.EnergyWindow;
import org.spectlab.simulator.run.BatchRandom;

class EnergyResolutionTest {

    @Test
    void sqrtLawScalesWithTheSquareRootOfEnergy() {
        EnergyResolution r = EnergyResolution.sqrtLaw(0.099, 140.5);
        assertThat(r.fwhmKeV(140.5)).isCloseTo(0.099 * 140.5, within(1e-12));
        assertThat(r.fwhmKeV(4 * 140.5)).isCloseTo(2 * 0.099 * 140.5, within(1e-12));
        assertThat(r.sigmaKeV(140.5) * 2.354820045).isCloseTo(r.fwhmKeV(140.5), within(1e-6));
    }

    @Test
    void windowAcceptanceOfTheTwentyPercentWindowAtThePhotopeak() {
        EnergyResolution r = EnergyResolution.sqrtLaw(0.099, 140.5);
        EnergyWindow w = EnergyWindow.centred("pp", 140.5, 20);
        // Half-width 14.05 keV over sigma 5.907 keV = 2.3786 sigma: P(|Z| < 2.3786) = 0.98262 (normal table).
        assertThat(r.windowAcceptance(140.5, w)).isCloseTo(0.98262, within(5e-5));
        assertThat(r.windowAcceptance(100, w)).isLessThan(1e-6);
    }

    @Test
    void sampledEnergiesHaveTheConfiguredMeanAndFwhm() {
        EnergyResolution r = EnergyResolution.fit(1.0, 0.7, 1e-4);
        UniformRandomProvider rng = BatchRandom.stream(11, 0);
        EnergyResolution.Sampler s = r.sampler(rng);
        int n = 200_000;
        double sum = 0;
        double sum2 = 0;
        for (int i = 0; i < n; i++) {
            double e = s.measuredKeV(364.5);
            sum += e;
            sum2 += e * e;
        }
        double mean = sum / n;
        double var = sum2 / n - mean * mean;
        double sigma = r.sigmaKeV(364.5);
        // z-tests with the sample's own standard errors: SE(mean) = sigma/sqrt(n), SE(var) = sigma^2 sqrt(2/(n-1)).
        assertThat(Math.abs(mean - 364.5) / (sigma / Math.sqrt(n))).isLessThan(4);
        assertThat(Math.abs(var - sigma * sigma) / (sigma * sigma * Math.sqrt(2.0 / (n - 1)))).isLessThan(4);
    }
}
