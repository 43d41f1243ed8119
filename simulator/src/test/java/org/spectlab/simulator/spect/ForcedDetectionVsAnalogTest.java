package org.spectlab.simulator.spect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.spectlab.simulator.run.BatchRunner;

/**
 * The accelerated mode against the analog reference on the same problem: a hot spot in a water
 * cylinder, Tc-99m, a wide-hole collimator, photopeak and lower scatter windows. Forced detection
 * is run with many histories so that its own error is small against the analog error; each
 * comparison is a z-score with the analog run's own standard error (|z| < 4: false alarm 6e-5).
 */
class ForcedDetectionVsAnalogTest {

    private static SpectResult analog;
    private static SpectResult forced;
    private static double analogWeight;

    @BeforeAll
    static void simulate() {
        SpectScenario s = SpectTestScenarios.waterCylinderWithHotSpot(
                SpectTestScenarios.camera(SpectTestScenarios.wideCollimator()), 4);
        SimulationOptions analogOptions = new SimulationOptions(11, 6_000_000, 8, 2, 0, 50, 10.0, 2_000);
        analog = AnalogSimulation.run(s, analogOptions, BatchRunner.ProgressListener.NONE);
        SimulationOptions fdOptions = new SimulationOptions(12, 400_000, 8, 2, 4, 50, 5.0, 2_000);
        forced = ForcedDetectionSimulation.run(s, fdOptions, BatchRunner.ProgressListener.NONE);
        double totalBq = 8 * 1.0e6 * 0.216;
        double yield = 0;
        for (var l : s.lines()) {
            yield += l.yieldPerDecay();
        }
        analogWeight = totalBq * yield * 4 * 1.0 / 6_000_000;
    }

    private static double zScore(double analogValue, double forcedValue) {
        // analog counts are sums of (nearly) equal weights: SE = w * sqrt(n) = sqrt(value * w)
        double se = Math.sqrt(Math.max(analogValue, analogWeight) * analogWeight);
        return (forcedValue - analogValue) / se;
    }

    @Test
    void photopeakPrimaryCountsAgree() {
        double a = analog.primarySum(0);
        double f = forced.primarySum(0);
        assertThat(a / analogWeight).as("analog primary counts").isGreaterThan(1000);
        assertThat(Math.abs(zScore(a, f))).as("primary analog %s vs forced %s", a, f).isLessThan(4);
    }

    @Test
    void photopeakScatterCountsAgree() {
        double a = analog.scatterSum(0);
        double f = forced.scatterSum(0);
        assertThat(Math.abs(zScore(a, f))).as("scatter analog %s vs forced %s", a, f).isLessThan(4);
    }

    @Test
    void lowerScatterWindowAgrees() {
        double a = analog.primarySum(1) + analog.scatterSum(1);
        double f = forced.primarySum(1) + forced.scatterSum(1);
        assertThat(Math.abs(zScore(a, f))).as("lower window analog %s vs forced %s", a, f).isLessThan(4);
    }
}
