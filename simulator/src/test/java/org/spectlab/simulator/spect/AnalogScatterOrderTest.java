package org.spectlab.simulator.spect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.spectlab.core.error.InputException;
import org.spectlab.simulator.run.BatchRunner;

/** Scatter images by scatter order in the analog engine. */
class AnalogScatterOrderTest {
    private static final SpectScenario SCENARIO = SpectTestScenarios.waterCylinderWithHotSpot(
            SpectTestScenarios.camera(SpectTestScenarios.wideCollimator()), 4);
    private static final long HISTORIES = 2_000_000;

    private static SimulationOptions options(int threads) {
        return new SimulationOptions(5, HISTORIES, 4, threads, 0, 50, 10.0, 500).withScatterOrderImages(true);
    }

    @Test
    void ordersAddUpToTheScatterImageAreBitIdenticalForAnyThreadCountAndDecreaseWithOrder() {
        SpectResult one = AnalogSimulation.run(SCENARIO, options(1), BatchRunner.ProgressListener.NONE);
        SpectResult two = AnalogSimulation.run(SCENARIO, options(2), BatchRunner.ProgressListener.NONE);
        double yield = 0;
        for (var l : SCENARIO.lines()) {
            yield += l.yieldPerDecay();
        }
        // counts are sums of equal weights w (1 s views, Tc-99m decay over 4 s negligible: < 1.3e-4)
        double w = SCENARIO.activityBqPerMl().sum() * SCENARIO.grid().voxelVolumeMl() * yield * 4 * 1.0 / HISTORIES;
        for (int win = 0; win < 2; win++) {
            float[] scatter = one.scatter().get(win);
            double[] sums = new double[3];
            for (int o = 0; o < 3; o++) {
                assertThat(two.scatterByOrder().get(o).get(win)).isEqualTo(one.scatterByOrder().get(o).get(win));
                for (float v : one.scatterByOrder().get(o).get(win)) {
                    sums[o] += v;
                }
            }
            for (int i = 0; i < scatter.length; i++) {
                float s = one.scatterByOrder().get(0).get(win)[i] + one.scatterByOrder().get(1).get(win)[i]
                        + one.scatterByOrder().get(2).get(win)[i];
                assertThat(s).isCloseTo(scatter[i], org.assertj.core.data.Offset.offset(1e-5f * Math.max(1f, scatter[i])));
            }
            System.out.printf("window %d scatter by order: %.0f, %.0f, %.0f counts%n", win, sums[0] / w, sums[1] / w,
                    sums[2] / w);
            // the photopeak window's scatter is predominantly first order (Floyd, Jaszczak, Harris &
            // Coleman, Phys. Med. Biol. 29, 1217, 1984, Monte Carlo of Tc-99m in water); here each order
            // must exceed the next by more than 3 Poisson SEs of the difference, sqrt(w (a + b)), from
            // the run's own counts
            if (win == 0) {
                assertThat((sums[0] - sums[1]) / Math.sqrt(w * (sums[0] + sums[1]))).isGreaterThan(3);
                assertThat((sums[1] - sums[2]) / Math.sqrt(w * (sums[1] + sums[2]))).isGreaterThan(3);
            }
        }
        SpectResult plain = AnalogSimulation.run(SCENARIO, options(2).withScatterOrderImages(false),
                BatchRunner.ProgressListener.NONE);
        assertThat(plain.scatterByOrder()).isNull();
        // tallying by order does not change the histories
        assertThat(plain.scatter().get(0)).isEqualTo(one.scatter().get(0));
    }

    @Test
    void forcedDetectionRejectsScatterOrderImages() {
        assertThatThrownBy(() -> ForcedDetectionSimulation.run(SCENARIO, options(1), BatchRunner.ProgressListener.NONE))
                .isInstanceOf(InputException.class).hasMessageContaining("scatter_order_images");
    }
}
