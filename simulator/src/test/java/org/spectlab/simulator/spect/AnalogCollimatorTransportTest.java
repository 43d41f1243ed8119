package org.spectlab.simulator.spect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.spectlab.core.camera.CollimatorLibrary;
import org.spectlab.core.error.InputException;
import org.spectlab.core.grid.Grid3;
import org.spectlab.core.grid.Volume;
import org.spectlab.core.material.MaterialLibrary;
import org.spectlab.core.nuclide.NuclideLibrary;
import org.spectlab.core.projection.AcquisitionGeometry;
import org.spectlab.core.projection.EnergyWindow;
import org.spectlab.core.projection.RotationDirection;
import org.spectlab.simulator.collimator.CollimatorModel;
import org.spectlab.simulator.collimator.LeadXrayPeakFit;
import org.spectlab.simulator.detector.EnergyResolution;
import org.spectlab.simulator.run.BatchRunner;

/** The analog engine with Monte Carlo transport through the collimator. */
class AnalogCollimatorTransportTest {
    private static final SpectScenario SCENARIO = SpectTestScenarios.waterCylinderWithHotSpot(
            SpectTestScenarios.camera(SpectTestScenarios.wideCollimator()), 4);

    private static SimulationOptions options(int threads, CollimatorModel model) {
        return new SimulationOptions(9, 300_000, 4, threads, 0, 10, 10.0, 300).withCollimatorModel(model);
    }

    @Test
    void oneAndTwoThreadsAreBitIdenticalAndTheCollimatorComponentsAreSeparate() {
        SpectResult one = AnalogSimulation.run(SCENARIO, options(1, CollimatorModel.MONTE_CARLO),
                BatchRunner.ProgressListener.NONE);
        SpectResult two = AnalogSimulation.run(SCENARIO, options(2, CollimatorModel.MONTE_CARLO),
                BatchRunner.ProgressListener.NONE);
        for (int w = 0; w < 2; w++) {
            assertThat(two.primary().get(w)).isEqualTo(one.primary().get(w));
            assertThat(two.scatter().get(w)).isEqualTo(one.scatter().get(w));
            for (int c = 0; c < 3; c++) {
                assertThat(two.collimator().images(w).get(c)).isEqualTo(one.collimator().images(w).get(c));
            }
        }
        for (int c = 0; c < 3; c++) {
            assertThat(two.collimator().spectra().get(c)).isEqualTo(one.collimator().spectra().get(c));
        }
        // 0.3 mm septa at 140.5 keV transmit exp(-2.64·0.3·k) per septum: penetration is present,
        // and septal scatter and lead K x-rays (140.5 keV is above the 88.0 keV K edge) too
        double penetration = sum(one.collimator().penetration().get(0));
        double septalScatter = sum(one.collimator().collimatorScatter().get(0));
        assertThat(penetration).isPositive();
        assertThat(septalScatter).isPositive();
        assertThat(sum(one.collimator().spectrumLeadXray())).isPositive();
        assertThat(one.primarySum(0)).isGreaterThan(one.collimatorSum(0));
        double total = sum(one.total(0));
        assertThat(total).isCloseTo(one.primarySum(0) + one.scatterSum(0) + one.collimatorSum(0),
                org.assertj.core.data.Percentage.withPercentage(1e-4));
        SpectResult geometric = AnalogSimulation.run(SCENARIO, options(2, CollimatorModel.GEOMETRIC),
                BatchRunner.ProgressListener.NONE);
        assertThat(geometric.collimator()).isNull();
    }

    @Test
    void iodine131ThroughAHighEnergyCollimatorShowsLeadKxRayPeaksNear75And85KeV() {
        SpectScenario s = iodineInAir();
        long histories = Long.getLong("spectlab.test.xrayHistories", 30_000_000L);
        SimulationOptions o = new SimulationOptions(3, histories, 8, 2, 0, 10, 10.0, 1000)
                .withCollimatorModel(CollimatorModel.MONTE_CARLO);
        SpectResult r = AnalogSimulation.run(s, o, BatchRunner.ProgressListener.NONE);
        // every analog history carries the same weight (one view): counts = expected value / weight
        double yield = 0;
        for (var l : s.lines()) {
            yield += l.yieldPerDecay();
        }
        double weight = s.activityBqPerMl().sum() * s.grid().voxelVolumeMl() * yield * s.timePerViewS()
                * s.viewDecayFactor(0) / histories;
        double[] total = new double[r.spectrumPrimary().length];
        double[] xray = new double[total.length];
        for (int e = 0; e < total.length; e++) {
            xray[e] = r.collimator().spectrumLeadXray()[e] / weight;
            total[e] = (r.spectrumPrimary()[e] + r.spectrumScatter()[e] + r.collimator().spectrumPenetration()[e]
                    + r.collimator().spectrumCollimatorScatter()[e]) / weight + xray[e];
        }
        // a source in air: next to nothing scatters in the 18 mm of air around it (mu of air at 364 keV
        // ~1.1e-5 /mm, NIST XCOM: ~2e-4 of the photons), so no patient-scatter component worth the name
        assertThat(sum(r.spectrumScatter())).isLessThan(1e-3 * sum(r.spectrumPrimary()));
        EnergyResolution res = s.camera().energyResolution();
        // (1) The lead x-ray component: both line groups fitted at their tabulated energies with the
        // camera's resolution; each amplitude must exceed 3 of its own standard errors (Poisson, from
        // the counts; one-sided p < 0.0014 that a missing group would pass). 30 M histories: at 12 M the
        // summed peaks in the total spectrum (3) stood only ~3.2 of their standard errors out on
        // average, so a pass at z > 3 was a coin flip of the random stream. Expected at 12 M
        // histories: Kα ≈ 75, Kβ ≈ 25 counts, z ≈ 8 and 4.
        LeadXrayPeakFit component = LeadXrayPeakFit.fit(xray, 60, 100, res, false);
        double zAlpha = component.params[3] / component.stdErrors[3];
        double zBeta = component.params[4] / component.stdErrors[4];
        // (2) Where the peaks are: count-weighted mean energy of the component in 65-81 keV (Kα) and
        // 82-95 keV (Kβ) against the same windows of the line shapes, z with the observed spread
        double[] ka = centroidZ(xray, 65, 81, LeadXrayPeakFit.KA_KEV, LeadXrayPeakFit.KA_REL, res);
        double[] kb = centroidZ(xray, 82, 95, LeadXrayPeakFit.KB_KEV, LeadXrayPeakFit.KB_REL, res);
        // (3) What a user sees: the total spectrum from 55 to 110 keV fitted by a quadratic background
        // (the crystal's Compton continuum of the 284-637 keV photons, septal scatter) plus both
        // groups. Their summed amplitude must stand out (z > 3) and agree with the component's
        // (|z| < 3; the two estimates share the x-ray counts, so the summed variance is conservative).
        LeadXrayPeakFit seen = LeadXrayPeakFit.fit(total, 55, 110, res);
        double[] seenSum = seen.sumAndStdError();
        double[] componentSum = component.sumAndStdError();
        System.out.printf("I-131 HE, %d histories: lead x-ray component Kα %.0f ± %.0f (z %.1f, mean %.2f keV,"
                + " z %.1f), Kβ %.0f ± %.0f (z %.1f, mean %.2f keV, z %.1f); total spectrum Kα %.0f ± %.0f,"
                + " Kβ %.0f ± %.0f, sum %.0f ± %.0f, chi2 %.1f/%d%n", histories, component.params[3],
                component.stdErrors[3], zAlpha, ka[0], ka[1], component.params[4], component.stdErrors[4], zBeta,
                kb[0], kb[1], seen.params[3], seen.stdErrors[3], seen.params[4], seen.stdErrors[4], seenSum[0],
                seenSum[1], seen.chiSquare, seen.dof);
        assertThat(zAlpha).isGreaterThan(3.0);
        assertThat(zBeta).isGreaterThan(3.0);
        assertThat(Math.abs(ka[1])).isLessThan(3.0);
        assertThat(Math.abs(kb[1])).isLessThan(3.0);
        assertThat(seenSum[0] / seenSum[1]).isGreaterThan(3.0);
        assertThat(Math.abs(seenSum[0] - componentSum[0]) / Math.hypot(seenSum[1], componentSum[1])).isLessThan(3.0);
        // the fit describes the total spectrum: chi-square below its 0.1 % critical value (dof 50: 86.7)
        assertThat(seen.chiSquare).isLessThan(86.7);
    }

    /**
     * Count-weighted mean energy of bins [from, to) and its z against the mean of the line shapes
     * over the same bins: {mean keV, z}, with the standard error sd / sqrt(counts).
     */
    private static double[] centroidZ(double[] counts, int from, int to, double[] lines, double[] rel,
                                      EnergyResolution res) {
        double n = 0;
        double m1 = 0;
        double m2 = 0;
        double tn = 0;
        double t1 = 0;
        for (int e = from; e < to; e++) {
            double c = e + 0.5;
            n += counts[e];
            m1 += counts[e] * c;
            m2 += counts[e] * c * c;
            double t = LeadXrayPeakFit.template(c, lines, rel, res);
            tn += t;
            t1 += t * c;
        }
        double mean = m1 / n;
        double sd = Math.sqrt(Math.max(m2 / n - mean * mean, 1.0 / 12));
        return new double[] {mean, (mean - t1 / tn) / (sd / Math.sqrt(n))};
    }

    @Test
    void forcedDetectionWithTheMonteCarloCollimatorStillRejectsScatterOrderImages() {
        assertThatThrownBy(() -> ForcedDetectionSimulation.run(SCENARIO, options(1, CollimatorModel.MONTE_CARLO)
                .withScatterOrderImages(true), BatchRunner.ProgressListener.NONE)).isInstanceOf(InputException.class)
                .hasMessageContaining("scatter_order_images");
    }

    private static double sum(float[] a) {
        double s = 0;
        for (float v : a) {
            s += v;
        }
        return s;
    }

    private static double sumRange(double[] a, int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) {
            s += a[i];
        }
        return s;
    }

    static double sum(double[] a) {
        double s = 0;
        for (double v : a) {
            s += v;
        }
        return s;
    }

    /**
     * I-131 (lines of yield ≥ 5 %: 284.3, 364.5, 637.0 keV; the 2.6 % 80.2 keV gamma is left out so
     * that nothing but lead makes photons between 60 and 110 keV) from one 4 mm voxel in air, 100 mm
     * in front of a Siemens HE collimator, one view.
     */
    static SpectScenario iodineInAir() {
        Grid3 g = Grid3.centredCubic(9, 9, 9, 4.0);
        short[] mat = new short[g.voxelCount()];
        Volume activity = Volume.zeros(g, "Bq/mL");
        activity.set(4, 4, 4, 1.0e6f);
        MaterialLibrary lib = MaterialLibrary.builtIn();
        SpectCamera camera = SpectCamera.of(CollimatorLibrary.get("siemens-he"), 6.4, 9.525, 3.8,
                EnergyResolution.sqrtLaw(0.099, 140.5),
                List.of(EnergyWindow.centred("photopeak", 364.5, 20), EnergyWindow.of("xray", 60, 100)));
        AcquisitionGeometry orbit = AcquisitionGeometry.circular(1, 0, 360, RotationDirection.CW, 100, 1);
        return SpectScenario.of(g, mat, List.of(lib.get("air")), activity, NuclideLibrary.get("I-131"), 0.05, 15.0,
                camera, orbit, 32, 32, 8.0, 1.0);
    }
}
