package org.spectlab.simulator.spect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.spectlab.core.camera.CollimatorLibrary;
import org.spectlab.simulator.run.BatchRange;
import org.spectlab.simulator.run.BatchRunner;

/** The phases a forced-detection run announces and the counts it reports in each. */
class ForcedDetectionProgressTest {

    private static final SpectScenario SCENARIO = SpectTestScenarios.waterCylinderWithHotSpot(
            SpectTestScenarios.camera(CollimatorLibrary.get("siemens-lehr")), 6);

    /** Records phases and the largest count seen, from any thread. */
    private static final class Recorder implements BatchRunner.ProgressListener {
        final List<String> events = Collections.synchronizedList(new ArrayList<>());
        final AtomicLong maxBatches = new AtomicLong();
        final AtomicLong maxViews = new AtomicLong();
        final AtomicLong viewCalls = new AtomicLong();
        final AtomicLong maxTables = new AtomicLong();
        final AtomicLong tableCalls = new AtomicLong();

        @Override
        public void tablesDone(long tablesDone) {
            tableCalls.incrementAndGet();
            maxTables.accumulateAndGet(tablesDone, Math::max);
        }

        @Override
        public void batchDone(long batchesDone) {
            maxBatches.accumulateAndGet(batchesDone, Math::max);
        }

        @Override
        public void phase(String name, long total) {
            events.add(name + " " + total);
        }

        @Override
        public void viewsDone(long viewsDone) {
            viewCalls.incrementAndGet();
            maxViews.accumulateAndGet(viewsDone, Math::max);
        }
    }

    @Test
    void transportThenProjectionWithEveryBatchAndViewCountedOnce() {
        Recorder r = new Recorder();
        ForcedDetectionSimulation.run(SCENARIO, new SimulationOptions(5, 2_000, 4, 2, 2, 20, 10.0, 500), r);
        assertThat(r.events).containsExactly("transport 4", "projection 6");
        assertThat(r.maxBatches.get()).isEqualTo(4);
        assertThat(r.maxViews.get()).isEqualTo(6);
        assertThat(r.viewCalls.get()).isEqualTo(6);
    }

    @Test
    void viewChunksCountViewsAcrossChunks() {
        Recorder r = new Recorder();
        ForcedDetectionSimulation.runViewChunks(SCENARIO, new SimulationOptions(5, 2_000, 3, 2, 2, 20, 10.0, 500),
                List.of(BatchRange.of(0, 2), BatchRange.of(4, 2)), p -> { }, r);
        assertThat(r.events).containsExactly("transport 3", "projection 4");
        assertThat(r.maxViews.get()).isEqualTo(4);
        assertThat(r.viewCalls.get()).isEqualTo(4);
    }

    @Test
    void aBatchOnlyListenerSeesOnlyBatchCounts() {
        AtomicLong max = new AtomicLong();
        AtomicLong calls = new AtomicLong();
        ForcedDetectionSimulation.run(SCENARIO, new SimulationOptions(5, 2_000, 4, 1, 2, 20, 10.0, 500), d -> {
            calls.incrementAndGet();
            max.accumulateAndGet(d, Math::max);
        });
        assertThat(calls.get()).isEqualTo(4);
        assertThat(max.get()).isEqualTo(4);
    }

    @Test
    void monteCarloCollimatorAnnouncesItsKernelTablesBetweenTransportAndProjection() {
        // I-131 through HE, one photopeak window: one table per energy node that reaches the window
        // (the tabulation is silent otherwise, tens of seconds at the default kernel photons)
        SpectScenario iodine = ForcedDetectionMonteCarloCollimatorTest.iodineInWater();
        Recorder r = new Recorder();
        ForcedDetectionSimulation.run(iodine, new SimulationOptions(5, 2_000, 2, 2, 2, 10, 10.0, 2_000)
                .withCollimatorModel(org.spectlab.simulator.collimator.CollimatorModel.MONTE_CARLO)
                .withKernelPhotons(20_000), r);
        assertThat(r.events).hasSize(3);
        assertThat(r.events.get(0)).isEqualTo("transport 2");
        assertThat(r.events.get(1)).startsWith("collimator kernels ");
        long planned = Long.parseLong(r.events.get(1).substring("collimator kernels ".length()));
        assertThat(planned).isPositive();
        assertThat(r.maxTables.get()).isEqualTo(planned);
        assertThat(r.tableCalls.get()).isEqualTo(planned);
        assertThat(r.events.get(2)).isEqualTo("projection " + iodine.orbit().views());
    }
}
