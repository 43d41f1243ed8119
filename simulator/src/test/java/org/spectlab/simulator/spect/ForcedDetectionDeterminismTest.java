package org.spectlab.simulator.spect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.spectlab.core.camera.CollimatorLibrary;
import org.spectlab.simulator.collimator.CollimatorModel;
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

    /** The Monte Carlo collimator (septal kernels tabulated from the seed's own streams), few kernel photons. */
    private static SimulationOptions monteCarlo(int threads) {
        return options(threads).withCollimatorModel(CollimatorModel.MONTE_CARLO).withKernelPhotons(20_000);
    }

    private static void assertSameCollimatorComponents(SpectResult a, SpectResult b) {
        for (int w = 0; w < 2; w++) {
            assertThat(a.primary().get(w)).isEqualTo(b.primary().get(w));
            assertThat(a.scatter().get(w)).isEqualTo(b.scatter().get(w));
            for (int c = 0; c < 3; c++) {
                assertThat(a.collimator().images(w).get(c)).isEqualTo(b.collimator().images(w).get(c));
            }
        }
        for (int c = 0; c < 3; c++) {
            assertThat(a.collimator().spectra().get(c)).isEqualTo(b.collimator().spectra().get(c));
        }
        assertThat(a.spectrumPrimary()).isEqualTo(b.spectrumPrimary());
        assertThat(a.spectrumScatter()).isEqualTo(b.spectrumScatter());
    }

    @Test
    void monteCarloCollimatorIsBitIdenticalForOneAndTwoThreadsAndForViewSplits() {
        SpectResult one = ForcedDetectionSimulation.run(SCENARIO, monteCarlo(1), BatchRunner.ProgressListener.NONE);
        SpectResult two = ForcedDetectionSimulation.run(SCENARIO, monteCarlo(2), BatchRunner.ProgressListener.NONE);
        assertSameCollimatorComponents(one, two);
        // the septal components are there: 140.5 keV through LEHR septa penetrates a little
        assertThat(one.collimatorSum(0)).isPositive();
        double penetration = 0;
        for (float v : one.collimator().penetration().get(0)) {
            penetration += v;
        }
        assertThat(penetration).isPositive();
        PartialResult a = ForcedDetectionSimulation.runViews(SCENARIO, monteCarlo(1), 3, 3,
                BatchRunner.ProgressListener.NONE);
        PartialResult b = ForcedDetectionSimulation.runViews(SCENARIO, monteCarlo(2), 0, 3,
                BatchRunner.ProgressListener.NONE);
        SpectResult merged = PartialResult.merge(List.of(a, b)).finish(SCENARIO, monteCarlo(1), 0);
        assertSameCollimatorComponents(one, merged);
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
