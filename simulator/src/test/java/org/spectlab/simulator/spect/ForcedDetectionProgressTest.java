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
}
