package org.spectlab.simulator.spect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.spectlab.core.error.InputException;
import org.spectlab.simulator.collimator.CollimatorModel;
import org.spectlab.simulator.run.BatchRunner;

/** The analog engine with Monte Carlo transport through the collimator. */
class AnalogCollimatorTransportTest {
    private static final SpectScenario SCENARIO = SpectTestScenarios.waterCylinderWithHotSpot(
            SpectTestScenarios.camera(SpectTestScenarios.wideCollimator()), 4);

    private static SimulationOptions options(int threads, CollimatorModel model) {
        return new SimulationOptions(9, 300_000, 4, threads, 0, 10, 10.0, 300).withCollimatorModel(model);
    }

    @Test
    void oneAndTwoThreadsAreBitIdenticalAndTheCollimatorComponentIsSeparate() {
        SpectResult one = AnalogSimulation.run(SCENARIO, options(1, CollimatorModel.MONTE_CARLO),
                BatchRunner.ProgressListener.NONE);
        SpectResult two = AnalogSimulation.run(SCENARIO, options(2, CollimatorModel.MONTE_CARLO),
                BatchRunner.ProgressListener.NONE);
        for (int w = 0; w < 2; w++) {
            assertThat(two.primary().get(w)).isEqualTo(one.primary().get(w));
            assertThat(two.scatter().get(w)).isEqualTo(one.scatter().get(w));
            assertThat(two.collimatorComponent().get(w)).isEqualTo(one.collimatorComponent().get(w));
        }
        assertThat(two.spectrumCollimator()).isEqualTo(one.spectrumCollimator());
        // 0.3 mm septa at 140.5 keV transmit exp(-2.64·0.3·k) per septum: penetration is present
        assertThat(one.collimatorSum(0)).isPositive();
        assertThat(one.primarySum(0)).isGreaterThan(one.collimatorSum(0));
        double total = 0;
        for (float v : one.total(0)) {
            total += v;
        }
        assertThat(total).isCloseTo(one.primarySum(0) + one.scatterSum(0) + one.collimatorSum(0),
                org.assertj.core.data.Percentage.withPercentage(1e-4));
        SpectResult geometric = AnalogSimulation.run(SCENARIO, options(2, CollimatorModel.GEOMETRIC),
                BatchRunner.ProgressListener.NONE);
        assertThat(geometric.collimatorComponent()).isNull();
    }

    @Test
    void forcedDetectionRejectsTheMonteCarloCollimator() {
        assertThatThrownBy(() -> ForcedDetectionSimulation.run(SCENARIO, options(1, CollimatorModel.MONTE_CARLO),
                BatchRunner.ProgressListener.NONE)).isInstanceOf(InputException.class)
                .hasMessageContaining("collimator_model");
    }
}
