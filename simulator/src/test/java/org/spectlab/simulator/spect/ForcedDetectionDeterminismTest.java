package org.spectlab.simulator.spect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.spectlab.core.camera.CollimatorLibrary;
import org.spectlab.simulator.run.BatchRunner;

/** Bit-identical outputs for 1 vs 2 threads and for view-split runs merged back together. */
class ForcedDetectionDeterminismTest {

    private static final SpectScenario SCENARIO = SpectTestScenarios.waterCylinderWithHotSpot(
            SpectTestScenarios.camera(CollimatorLibrary.get("siemens-lehr")), 6);

    private static SimulationOptions options(int threads) {
        return new SimulationOptions(5, 20_000, 4, threads, 2, 20, 10.0, 500);
    }

    @Test
    void oneAndTwoThreadsGiveIdenticalProjections() {
        SpectResult one = ForcedDetectionSimulation.run(SCENARIO, options(1), BatchRunner.ProgressListener.NONE);
        SpectResult two = ForcedDetectionSimulation.run(SCENARIO, options(2), BatchRunner.ProgressListener.NONE);
        for (int w = 0; w < 2; w++) {
            assertThat(two.primary().get(w)).isEqualTo(one.primary().get(w));
            assertThat(two.scatter().get(w)).isEqualTo(one.scatter().get(w));
        }
        assertThat(two.scatterStdError()).isEqualTo(one.scatterStdError());
        assertThat(two.spectrumScatter()).isEqualTo(one.spectrumScatter());
        assertThat(one.scatterSum(0)).isPositive();
    }

    @Test
    void viewSplitRunsMergeToTheSingleRun() {
        SpectResult single = ForcedDetectionSimulation.run(SCENARIO, options(2), BatchRunner.ProgressListener.NONE);
        PartialResult a = ForcedDetectionSimulation.runViews(SCENARIO, options(1), 3, 3, BatchRunner.ProgressListener.NONE);
        PartialResult b = ForcedDetectionSimulation.runViews(SCENARIO, options(2), 0, 3, BatchRunner.ProgressListener.NONE);
        SpectResult merged = PartialResult.merge(List.of(a, b)).finish(SCENARIO, options(1), 0);
        for (int w = 0; w < 2; w++) {
            assertThat(merged.primary().get(w)).isEqualTo(single.primary().get(w));
            assertThat(merged.scatter().get(w)).isEqualTo(single.scatter().get(w));
        }
        assertThat(merged.spectrumPrimary()).isEqualTo(single.spectrumPrimary());
        assertThat(merged.spectrumScatter()).isEqualTo(single.spectrumScatter());
        assertThatThrownBy(() -> PartialResult.merge(List.of(a, a))).hasMessageContaining("more than one part");
        assertThatThrownBy(() -> PartialResult.merge(List.of(a))).hasMessageContaining("in no part");
    }
}
