package org.spectlab.validation.suite;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Runs the cases of a suite one after the other, writes one progress line per case, and collects the
 * results. A case that throws is recorded as failed with the exception's message; the others still run.
 */
public final class SuiteRunner {
    private final long seed;
    private final int threads;
    private final String softwareVersion;
    private final PrintWriter progress;

    private SuiteRunner(long seed, int threads, String softwareVersion, PrintWriter progress) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        this.seed = seed;
        this.threads = threads;
        this.softwareVersion = softwareVersion;
        this.progress = progress;
    }

    /**
     * A runner.
     *
     * @param seed            seed of every random stream
     * @param threads         worker threads a case may use
     * @param softwareVersion written into the result
     * @param progress        where progress lines go (e.g. stderr), or null for none
     */
    public static SuiteRunner of(long seed, int threads, String softwareVersion, PrintWriter progress) {
        return new SuiteRunner(seed, threads, softwareVersion, progress);
    }

    /** Runs every case of the suite. */
    public SuiteResult run(Suite suite) {
        String started = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        long t0 = System.nanoTime();
        List<CaseResult> results = new ArrayList<>();
        int n = suite.cases().size();
        int i = 0;
        for (ValidationCase c : suite.cases()) {
            i++;
            CaseResult r = runCase(c);
            results.add(r);
            if (progress != null) {
                progress.printf(Locale.ROOT, "[%d/%d] %-40s %s  (%.1f s)%s%n", i, n, c.name(),
                        r.passed() ? "pass" : "FAIL", r.wallTimeS(),
                        r.error() != null ? "  error: " + r.error()
                                : r.passed() ? "" : "  " + r.failedCount() + " quantities out of tolerance");
                progress.flush();
            }
        }
        double wall = (System.nanoTime() - t0) * 1e-9;
        return new SuiteResult(suite.name(), suite.description(), results, wall, softwareVersion, seed, threads,
                started);
    }

    /** Runs one case, catching its failure. */
    public CaseResult runCase(ValidationCase c) {
        long t0 = System.nanoTime();
        List<Quantity> quantities = List.of();
        String error = null;
        CaseContext context = new CaseContext(seed, threads, c.name());
        try {
            quantities = c.body().run(context);
            Set<String> names = new HashSet<>();
            for (Quantity q : quantities) {
                if (!names.add(q.name())) {
                    throw new IllegalStateException("case '" + c.name() + "' measured '" + q.name() + "' twice");
                }
            }
        } catch (RuntimeException e) {
            error = e.getClass().getSimpleName() + ": " + e.getMessage();
            quantities = List.of();
        }
        double wall = (System.nanoTime() - t0) * 1e-9;
        return new CaseResult(c.name(), c.description(), c.configuration(), quantities, wall, error,
                context.figures());
    }
}
