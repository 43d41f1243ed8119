package org.spectlab.simulator.run;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/**
 * Runs a range of batches on a number of threads and returns the merged tallies.
 *
 * <p>Threads take the next batch index from a shared counter, so which thread runs which batch
 * varies from run to run; the result does not, because every batch uses its own stream
 * ({@link BatchRandom}) and adds to exact fixed-point tallies.
 */
public final class BatchRunner {

    /**
     * Told after each finished batch (from worker threads; implementations must be thread-safe).
     *
     * <p>Long runs have phases: a simulation announces each with {@link #phase} before its first
     * unit. Batches of photon histories (forced-detection transport, analog runs) are counted with
     * {@link #batchDone}; the projection views of forced detection with {@link #viewsDone}, its
     * Monte Carlo collimator kernel tables with {@link #tablesDone}, so a
     * listener that only implements {@code batchDone} sees exactly the batch counts it always saw.
     * Counts restart at 1 in each phase and reach the phase's total. Calls come once per batch or
     * view, never from inside a photon loop.
     */
    @FunctionalInterface
    public interface ProgressListener {
        /** Phase of transporting photon histories in batches; counted by {@link #batchDone}. */
        String TRANSPORT = "transport";
        /** Phase of projecting forced-detection views; counted by {@link #viewsDone}. */
        String PROJECTION = "projection";
        /**
         * Phase of tabulating the Monte Carlo collimator kernels of forced detection (once per study,
         * between transport and projection); counted by {@link #tablesDone}.
         */
        String KERNELS = "collimator kernels";

        /** @param batchesDone batches finished so far in this run (or in the current transport phase) */
        void batchDone(long batchesDone);

        /**
         * A phase begins ({@link #TRANSPORT} or {@link #PROJECTION}); does nothing unless overridden.
         *
         * @param name  the phase
         * @param total units (batches or views) the phase will finish
         */
        default void phase(String name, long total) {
        }

        /** @param viewsDone views projected so far in the current projection phase; ignored unless overridden */
        default void viewsDone(long viewsDone) {
        }

        /** @param tablesDone kernel tables finished so far in the {@link #KERNELS} phase; ignored unless overridden */
        default void tablesDone(long tablesDone) {
        }

        /** A listener that ignores progress. */
        ProgressListener NONE = done -> { };
    }

    private BatchRunner() {
    }

    /**
     * Runs every batch of {@code range}.
     *
     * @param seed          the run's seed
     * @param range         batches to run
     * @param threads       worker threads (≥ 1)
     * @param workerFactory makes one worker per thread (argument: thread number)
     * @param progress      told after each batch
     * @return the tallies of all batches, merged
     */
    public static TallySet run(long seed, BatchRange range, int threads, IntFunction<? extends BatchWorker> workerFactory,
                               ProgressListener progress) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        int used = (int) Math.max(1, Math.min(threads, range.count()));
        AtomicLong next = new AtomicLong(range.first());
        AtomicLong done = new AtomicLong();
        List<BatchWorker> workers = new ArrayList<>(used);
        for (int t = 0; t < used; t++) {
            workers.add(workerFactory.apply(t));
        }
        Runnable[] loops = new Runnable[used];
        for (int t = 0; t < used; t++) {
            BatchWorker w = workers.get(t);
            loops[t] = () -> {
                long b;
                while ((b = next.getAndIncrement()) < range.end()) {
                    w.runBatch(b, BatchRandom.stream(seed, b));
                    progress.batchDone(done.incrementAndGet());
                }
            };
        }
        if (used == 1) {
            loops[0].run();
        } else {
            ExecutorService pool = Executors.newFixedThreadPool(used, r -> {
                Thread th = new Thread(r, "spectlab-batch");
                th.setDaemon(true);
                return th;
            });
            try {
                List<Future<?>> futures = new ArrayList<>(used);
                for (Runnable loop : loops) {
                    futures.add(pool.submit(loop));
                }
                for (Future<?> f : futures) {
                    f.get();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("simulation interrupted", e);
            } catch (ExecutionException e) {
                Throwable c = e.getCause();
                if (c instanceof RuntimeException re) {
                    throw re;
                }
                throw new IllegalStateException("simulation batch failed: " + c, c);
            } finally {
                pool.shutdownNow();
            }
        }
        // into the first worker's tallies (finished, no longer written): no extra copy of every image
        TallySet merged = workers.get(0).tallies();
        for (int t = 1; t < used; t++) {
            merged.merge(workers.get(t).tallies());
        }
        return merged;
    }
}
