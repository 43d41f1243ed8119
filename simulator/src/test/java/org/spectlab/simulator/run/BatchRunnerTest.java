package org.spectlab.simulator.run;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;

class BatchRunnerTest {

    private static final int HISTORIES_PER_BATCH = 20_000;
    private static final double MU_PER_CM = 0.15;
    private static final double SLAB_CM = 10.0;
    private static final int BINS = 50;

    /**
     * A toy narrow-beam problem: photons enter a slab, travel an exponential free path; we tally the
     * depth of first interaction (weighted histogram) and count the transmitted photons.
     */
    static final class SlabWorker implements BatchWorker {
        private final TallySet tallies = TallySet.create();
        private final FixedPointTally depth = tallies.tally("depth", BINS);
        private final double[] scratch = new double[BINS];

        @Override
        public void runBatch(long batch, UniformRandomProvider rng) {
            long transmitted = 0;
            for (int h = 0; h < HISTORIES_PER_BATCH; h++) {
                double s = -Math.log(1.0 - rng.nextDouble()) / MU_PER_CM;
                if (s >= SLAB_CM) {
                    transmitted++;
                } else {
                    scratch[(int) (s / SLAB_CM * BINS)] += 0.5 + rng.nextDouble(); // a weighted tally
                }
            }
            depth.addAndClear(scratch);
            tallies.count("histories", HISTORIES_PER_BATCH);
            tallies.count("transmitted", transmitted);
        }

        @Override
        public TallySet tallies() {
            return tallies;
        }
    }

    @Test
    void resultIsBitIdenticalForAnyThreadCount() {
        BatchRange range = BatchRange.of(0, 24);
        TallySet one = BatchRunner.run(42, range, 1, t -> new SlabWorker(), BatchRunner.ProgressListener.NONE);
        TallySet two = BatchRunner.run(42, range, 2, t -> new SlabWorker(), BatchRunner.ProgressListener.NONE);
        TallySet three = BatchRunner.run(42, range, 3, t -> new SlabWorker(), BatchRunner.ProgressListener.NONE);
        assertThat(one.sameAs(two)).isTrue();
        assertThat(one.sameAs(three)).isTrue();
        assertThat(one.counter("histories")).isEqualTo(24L * HISTORIES_PER_BATCH);
    }

    @Test
    void splitRunsMergeToTheSingleRun() {
        BatchRange all = BatchRange.of(0, 23);
        TallySet single = BatchRunner.run(7, all, 2, t -> new SlabWorker(), BatchRunner.ProgressListener.NONE);
        for (int parts : new int[] {1, 3, 7}) {
            TallySet merged = TallySet.create();
            // merge the parts in reverse order: order must not matter
            for (int p = parts - 1; p >= 0; p--) {
                merged.merge(BatchRunner.run(7, all.split(p, parts), 1, t -> new SlabWorker(),
                        BatchRunner.ProgressListener.NONE));
            }
            assertThat(merged.sameAs(single)).as("split into %d", parts).isTrue();
        }
    }

    @Test
    void differentSeedsGiveDifferentResults() {
        BatchRange range = BatchRange.of(0, 4);
        TallySet a = BatchRunner.run(1, range, 1, t -> new SlabWorker(), BatchRunner.ProgressListener.NONE);
        TallySet b = BatchRunner.run(2, range, 1, t -> new SlabWorker(), BatchRunner.ProgressListener.NONE);
        assertThat(a.sameAs(b)).isFalse();
    }

    @Test
    void transmissionFollowsBeerLambertWithinStatisticalError() {
        TallySet t = BatchRunner.run(99, BatchRange.of(0, 20), 2, x -> new SlabWorker(),
                BatchRunner.ProgressListener.NONE);
        double n = t.counter("histories");
        double p = Math.exp(-MU_PER_CM * SLAB_CM);
        double measured = t.counter("transmitted") / n;
        double standardError = Math.sqrt(p * (1 - p) / n);
        // |z| < 4: a false alarm probability of 6e-5 for a correct sampler.
        assertThat(Math.abs(measured - p) / standardError).isLessThan(4.0);
    }

    @Test
    void splitCoversTheRangeWithoutOverlap() {
        BatchRange r = BatchRange.of(5, 23);
        long next = r.first();
        for (int p = 0; p < 7; p++) {
            BatchRange part = r.split(p, 7);
            assertThat(part.first()).isEqualTo(next);
            next = part.end();
        }
        assertThat(next).isEqualTo(r.end());
    }
}
