package org.spectlab.simulator.collimator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Percentage.withPercentage;

import org.junit.jupiter.api.Test;
import org.spectlab.core.camera.CollimatorLibrary;
import org.spectlab.core.projection.EnergyWindow;
import org.spectlab.simulator.detector.EnergyResolution;
import org.spectlab.simulator.run.BatchRange;
import org.spectlab.simulator.run.BatchRunner;
import org.spectlab.simulator.run.TallySet;

/**
 * Statistical power: the ideal LEHR run (16 batches × 100 000 photons in the acceptance cone) detects
 * ~2.5e5 photons, a relative standard error of 0.2 % on the sensitivity, so a 1 % bias gives z ≈ 5.
 * Linear attenuation coefficients of lead (μ/ρ from the NIST XCOM / Hubbell &amp; Seltzer tables ×
 * 11.35 g/cm³; log-log interpolated): 140.5 keV 2.64 /mm, 245 keV ≈ 0.72 /mm (μ/ρ ≈ 0.634 cm²/g),
 * 364.5 keV ≈ 0.315 /mm (≈ 0.278 cm²/g).
 */
class PointSourceSimulationTest {
    private static final EnergyResolution RES = EnergyResolution.sqrtLaw(0.099, 140.5);

    private static PointSourceSetup setup(String preset, double energyKeV, double mu, int perBatch, int pixels,
                                          double pixelMm) {
        return PointSourceSetup.of(HexagonalHoleArray.of(CollimatorLibrary.get(preset)), 0.0, 100.0, energyKeV, mu,
                3.6, RES, EnergyWindow.centred("pp", energyKeV, 20), 200.0, pixels, pixelMm,
                RES.fwhmKeV(energyKeV) / 10, perBatch);
    }

    @Test
    void idealSeptaSensitivityMatchesTheExactIntegralAndAnger() {
        PointSourceSetup s = setup("siemens-lehr", 140.5, Double.POSITIVE_INFINITY, 100_000, 161, 0.34);
        PointSourceResult r = PointSourceSimulation.run(s, 17L, BatchRange.of(0, 16), 2,
                BatchRunner.ProgressListener.NONE);
        double exact = GeometricResponse.of(s.holes(), 0).efficiency();
        // every photon through a hole lands in the 400 mm field of view: detected = geometric efficiency
        double z = (r.detectedEfficiency() - exact) / r.detectedEfficiencyStdError();
        assertThat(Math.abs(z)).isLessThan(4.0);
        double inWindow = exact * RES.windowAcceptance(140.5, s.window());
        double zw = (r.windowEfficiency() - inWindow) / r.windowEfficiencyStdError();
        assertThat(Math.abs(zw)).isLessThan(4.0);
        assertThat(r.detectedEfficiencyStdError() / r.detectedEfficiency()).isLessThan(0.003);
        // Anger K = 0.26: the exact value is 1.9 % higher (GeometricResponseTest); the MC agrees within 3 %
        double anger = CollimatorLibrary.get("siemens-lehr").geometricEfficiency(Double.POSITIVE_INFINITY);
        assertThat(r.detectedEfficiency()).isCloseTo(anger, withPercentage(3));
        assertThat(r.windowPenetration()).isZero();
    }

    @Test
    void lsfWidthMatchesTheAnalyticLsfWithinItsOwnStandardErrorAndTheFormulaWithinFivePercent() {
        // pixel 0.68 mm ≈ FWHM/10 (the NEMA NU 1 limit): finer pixels carry fewer counts, and the
        // maximum of noisy samples biases the parabolic peak up and the FWHM down
        PointSourceSetup s = setup("siemens-lehr", 140.5, Double.POSITIVE_INFINITY, 60_000, 81, 0.68);
        int groups = 8;
        BatchRange all = BatchRange.of(0, 24);
        TallySet merged = TallySet.create();
        double[] sub = new double[groups];
        for (int g = 0; g < groups; g++) {
            TallySet t = PointSourceSimulation.runTallies(s, 5L, all.split(g, groups), 1);
            sub[g] = Profiles.fwhm(PointSourceResult.from(s, t).lsfX(), s.pixelMm());
            merged.merge(t);
        }
        double mean = 0;
        for (double v : sub) {
            mean += v / groups;
        }
        double var = 0;
        for (double v : sub) {
            var += (v - mean) * (v - mean) / (groups - 1);
        }
        // the full run has 8x the counts of a group: its standard error is sd(groups)/sqrt(8)
        double se = Math.sqrt(var / groups);
        double fwhm = Profiles.fwhm(PointSourceResult.from(s, merged).lsfX(), s.pixelMm());
        GeometricResponse g = GeometricResponse.of(s.holes(), 0);
        // analytic LSF binned into the same pixels (34 samples of 0.02 mm per pixel), measured the same way
        double[] fine = g.systemLsf(100, 3.6, 0.02, 34 * 81);
        double[] binned = new double[81];
        for (int i = 0; i < fine.length; i++) {
            binned[i / 34] += fine[i] * 0.02;
        }
        double analytic = Profiles.fwhm(binned, s.pixelMm());
        System.out.printf("MC LSF FWHM %.3f mm (SE %.3f), analytic %.3f, formula %.3f%n", fwhm, se, analytic,
                g.formulaSystemFwhmMm(100, 3.6));
        assertThat(Math.abs(fwhm - analytic) / se).isLessThan(4.0);
        assertThat(se / fwhm).isLessThan(0.02);
        // the exact LSF is 4.1 % narrower than the formula here (GeometricResponseTest), so the MC
        // estimate is held to the 5 % criterion widened by its own 4 standard errors
        double formula = g.formulaSystemFwhmMm(100, 3.6);
        assertThat(Math.abs(fwhm - formula)).isLessThan(0.05 * formula + 4 * se);
    }

    @Test
    void talliesAreBitIdenticalForOneAndTwoThreads() {
        PointSourceSetup s = setup("siemens-lehr", 364.5, 0.315, 3_000, 41, 1.0);
        TallySet one = PointSourceSimulation.runTallies(s, 99L, BatchRange.of(0, 6), 1);
        TallySet two = PointSourceSimulation.runTallies(s, 99L, BatchRange.of(0, 6), 2);
        assertThat(one.sameAs(two)).isTrue();
        assertThat(one.counter(PointSourceResult.HISTORIES + 1)).isEqualTo(18_000);
    }

    @Test
    void veryOpaqueSeptaReproduceTheIdealCollimator() {
        // μ = 1000 /mm: only sub-micrometre septal corners transmit; the result must match the ideal run, and penetration is negligible
        PointSourceSetup ideal = setup("ge-megp", 140.5, Double.POSITIVE_INFINITY, 20_000, 41, 1.0);
        PointSourceSetup opaque = setup("ge-megp", 140.5, 1000.0, 20_000, 41, 1.0);
        PointSourceResult a = PointSourceSimulation.run(ideal, 4L, BatchRange.of(0, 4), 1,
                BatchRunner.ProgressListener.NONE);
        PointSourceResult b = PointSourceSimulation.run(opaque, 4L, BatchRange.of(0, 4), 1,
                BatchRunner.ProgressListener.NONE);
        // the streams diverge after the first corner-penetrating photon (it draws blur and energy), so
        // the geometric parts agree statistically: z-test with both runs' standard errors
        double se = Math.hypot(a.windowEfficiencyStdError(), b.windowEfficiencyStdError());
        assertThat(Math.abs(b.windowGeometric() - a.windowGeometric()) / se).isLessThan(4.0);
        assertThat(b.windowPenetration()).isLessThan(1e-3 * a.windowGeometric());
    }

    @Test
    void penetrationGrowsWithEnergyAndIsWorstForThinSepta() {
        // sanity: 140.5, 245, 364.5 keV through LEHR, and LEHR vs HE at 364.5 keV
        double[] mu = {2.64, 0.72, 0.315};
        double[] energy = {140.5, 245.0, 364.5};
        double previous = -1;
        for (int i = 0; i < 3; i++) {
            PointSourceResult r = PointSourceSimulation.run(setup("siemens-lehr", energy[i], mu[i], 5_000, 41, 1.0),
                    8L, BatchRange.of(0, 4), 1, BatchRunner.ProgressListener.NONE);
            double f = r.windowPenetration() / (r.windowPenetration() + r.windowGeometric());
            assertThat(f).as("E=%f", energy[i]).isGreaterThan(previous);
            previous = f;
        }
        PointSourceResult he = PointSourceSimulation.run(setup("siemens-he", 364.5, 0.315, 5_000, 41, 1.0),
                8L, BatchRange.of(0, 4), 1, BatchRunner.ProgressListener.NONE);
        double fHe = he.windowPenetration() / (he.windowPenetration() + he.windowGeometric());
        assertThat(previous).isGreaterThan(0.9);
        assertThat(fHe).isLessThan(0.5).isLessThan(previous);
    }
}
