package org.spectlab.simulator.spect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.spectlab.core.camera.CollimatorLibrary;
import org.spectlab.simulator.run.BatchRunner;

/**
 * The detected energy spectrum of Tc-99m in a water cylinder (forced detection): the photopeak sits at
 * 140.5 keV with the configured resolution, single Compton scatter in the patient fills the range from
 * the backscatter energy (180 degrees: 140.5 / (1 + 2 x 140.5 / 511) = 90.7 keV) up to the photopeak,
 * and only multiple scatter reaches below 90.7 keV.
 */
class EnergySpectrumTest {

    private static SpectResult firstOrder;
    private static SpectResult allOrders;

    @BeforeAll
    static void simulate() {
        SpectScenario s = SpectTestScenarios.waterCylinderWithHotSpot(
                SpectTestScenarios.camera(CollimatorLibrary.get("siemens-lehr")), 4);
        firstOrder = ForcedDetectionSimulation.run(s, new SimulationOptions(3, 100_000, 4, 2, 0, 1, 10.0, 2_000),
                BatchRunner.ProgressListener.NONE);
        allOrders = ForcedDetectionSimulation.run(s, new SimulationOptions(3, 100_000, 4, 2, 0, 20, 10.0, 2_000),
                BatchRunner.ProgressListener.NONE);
    }

    @Test
    void photopeakHasTheConfiguredResolution() {
        double[] p = allOrders.spectrumPrimary();
        // Primary photons at 140.5 keV: measured FWHM must equal 9.9 % of 140.5 = 13.9 keV. The spectrum is
        // binned at 1 keV, so FWHM by linear interpolation at half maximum is good to ~0.3 keV.
        int peak = 0;
        for (int e = 100; e < 170; e++) {
            if (p[e] > p[peak]) {
                peak = e;
            }
        }
        assertThat(peak + 0.5).isCloseTo(140.5, within(1.0));
        double half = p[peak] / 2;
        int lo = peak;
        while (p[lo] > half) {
            lo--;
        }
        int hi = peak;
        while (p[hi] > half) {
            hi++;
        }
        double left = lo + (half - p[lo]) / (p[lo + 1] - p[lo]);
        double right = hi - 1 + (p[hi - 1] - half) / (p[hi - 1] - p[hi]);
        assertThat(right - left).isCloseTo(0.099 * 140.5, within(0.5));
    }

    @Test
    void singleScatterStopsAtTheBackscatterEnergy() {
        double backscatterKeV = 140.5 / (1 + 2 * 140.5 / 510.99895);
        // The incident spectrum of first-order scatter is folded with the crystal and a 9.9 % resolution;
        // sigma at 90 keV is 3.4 keV, so below 90.7 - 4 sigma (77 keV) only the crystal's own partial
        // deposits remain: compare the counts there with those in [95, 135] keV.
        double[] s = firstOrder.spectrumScatter();
        double below = 0;
        for (int e = 60; e < 77; e++) {
            below += s[e];
        }
        double band = 0;
        for (int e = 95; e < 135; e++) {
            band += s[e];
        }
        assertThat(backscatterKeV).isCloseTo(90.7, within(0.05));
        assertThat(below / band).isLessThan(0.05);
        // Multiple scatter does reach below the single-scatter limit.
        double[] a = allOrders.spectrumScatter();
        double belowAll = 0;
        for (int e = 60; e < 77; e++) {
            belowAll += a[e];
        }
        assertThat(belowAll).isGreaterThan(2 * below);
    }
}
