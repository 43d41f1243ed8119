package org.spectlab.recon.projector;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.spectlab.core.error.InputException;

/**
 * A fixed pool of worker threads that runs index ranges in parallel. Every index is processed by
 * exactly one task, and kernels write disjoint outputs per index, so results are bit-identical for
 * any number of threads. With one thread the loop runs on the caller's thread.
 *
 * <p>Close it when done (the workers are daemon threads, so forgetting does not block exit).
 */
public final class ParallelLoops implements AutoCloseable {

    /** Body of a parallel loop over {@code [from, to)}. */
    @FunctionalInterface
    public interface RangeBody {
        /** Processes indices {@code from} (inclusive) to {@code to} (exclusive). */
        void run(int from, int to);
    }

    private final int threads;
    private final ExecutorService pool;

    private ParallelLoops(int threads) {
        if (threads < 1 || threads > 1024) {
            throw InputException.field("threads", "must be 1 to 1024, got " + threads);
        }
        this.threads = threads;
        this.pool = threads == 1 ? null : Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "spectlab-recon");
            t.setDaemon(true);
            return t;
        });
    }

    /** A pool of the given number of threads (1 = run on the caller's thread). */
    public static ParallelLoops of(int threads) {
        return new ParallelLoops(threads);
    }

    /** A pool with one thread per available processor. */
    public static ParallelLoops ofAvailableProcessors() {
        return new ParallelLoops(Runtime.getRuntime().availableProcessors());
    }

    /** Number of threads. */
    public int threads() {
        return threads;
    }

    /** Runs {@code body} over {@code [0, n)} split into contiguous chunks, and waits for all of them. */
    public void forRange(int n, RangeBody body) {
        if (n <= 0) {
            return;
        }
        if (pool == null || n == 1) {
            body.run(0, n);
            return;
        }
        int chunks = Math.min(n, threads * 4);
        List<Future<?>> futures = new ArrayList<>(chunks);
        for (int c = 0; c < chunks; c++) {
            int from = (int) ((long) n * c / chunks);
            int to = (int) ((long) n * (c + 1) / chunks);
            futures.add(pool.submit(() -> body.run(from, to)));
        }
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for a parallel loop", e);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException re) {
                    throw re;
                }
                if (cause instanceof Error err) {
                    throw err;
                }
                throw new IllegalStateException(cause);
            }
        }
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
