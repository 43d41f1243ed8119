package org.spectlab.simulator.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.spectlab.simulator.run.BatchRange;
import org.spectlab.simulator.run.BatchRunner;
import org.spectlab.simulator.spect.AnalogSimulation;
import org.spectlab.simulator.spect.ForcedDetectionSimulation;
import org.spectlab.simulator.spect.SimulationOptions;
import org.spectlab.simulator.spect.SpectScenario;
import org.spectlab.simulator.study.StudyConfig;

/**
 * Computes the parts of a run for given unit ranges: views for forced detection (the histories
 * are transported once per call, then each range's views projected), batches for analog runs (the
 * physics prepared once per call). Each part is handed over as soon as it is complete.
 */
public final class PartRunner {
    private PartRunner() {
    }

    /**
     * Computes parts.
     *
     * @param config   the configuration
     * @param scenario its scenario
     * @param threads  worker threads (results do not depend on it)
     * @param jobIndex job index written into the parts ({@link PartHeader#CHECKPOINT} for chunks)
     * @param ranges   disjoint unit ranges of the run's unit
     * @param done     receives each part when complete (in the order of {@code ranges})
     * @param progress told after each simulation batch
     */
    public static void compute(StudyConfig config, SpectScenario scenario, int threads, int jobIndex,
                               List<UnitRange> ranges, Consumer<Part> done, BatchRunner.ProgressListener progress) {
        if (ranges.isEmpty()) {
            return;
        }
        ConfigIdentity identity = ConfigIdentity.of(config);
        SimulationOptions options = config.options(threads);
        List<BatchRange> plain = new ArrayList<>(ranges.size());
        for (UnitRange r : ranges) {
            if (r.unit() != identity.unit() || r.end() > identity.totalUnits()) {
                throw new IllegalArgumentException(r + " is not a range of this run's " + identity.totalUnits() + " "
                        + identity.unit().key());
            }
            plain.add(r.asBatchRange());
        }
        if (identity.unit() == WorkUnit.VIEWS) {
            ForcedDetectionSimulation.runViewChunks(scenario, options, plain, partial -> {
                UnitRange r = new UnitRange(WorkUnit.VIEWS, partial.firstView(), partial.viewCount());
                done.accept(Part.fromPartial(new PartHeader(PartFile.FORMAT_VERSION, identity, jobIndex, r), partial));
            }, progress);
        } else {
            int[] next = {0};
            AnalogSimulation.runBatchChunks(scenario, options, plain, tallies -> {
                UnitRange r = ranges.get(next[0]++);
                done.accept(Part.ofBatches(new PartHeader(PartFile.FORMAT_VERSION, identity, jobIndex, r), tallies));
            }, progress);
        }
    }
}
