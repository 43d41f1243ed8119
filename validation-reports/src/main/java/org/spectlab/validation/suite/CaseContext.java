package org.spectlab.validation.suite;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.spectlab.simulator.run.BatchRandom;
import org.spectlab.validation.report.LinePlot;

/**
 * What a running case may use: the suite's seed (every random number must come from
 * {@link #random(long)}), the number of worker threads it may start, and a place for the figures it
 * draws ({@link #figure(LinePlot)}: e.g. a measured curve against its reference formula), which the
 * runner attaches to the case's result for the HTML report.
 *
 * @param seed    the suite run's seed
 * @param threads worker threads a case may use (&gt;= 1)
 * @param caseName name of the running case; keys its random streams so adding or reordering cases
 *                 does not change the numbers of the others
 * @param figures  the figures drawn so far (appended to by {@link #figure(LinePlot)})
 */
public record CaseContext(long seed, int threads, String caseName, List<LinePlot> figures) {

    /** Validates at least one thread. */
    public CaseContext {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        if (figures == null) {
            figures = new ArrayList<>();
        }
    }

    /** A context without figures yet. */
    public CaseContext(long seed, int threads, String caseName) {
        this(seed, threads, caseName, new ArrayList<>());
    }

    /** Adds a figure to the case's section of the report. */
    public void figure(LinePlot plot) {
        figures.add(java.util.Objects.requireNonNull(plot, "plot"));
    }

    /**
     * Random stream number {@code stream} of this case: a pure function of (seed, case name, stream),
     * see {@link BatchRandom}.
     */
    public UniformRandomProvider random(long stream) {
        return BatchRandom.stream(seed ^ nameHash(caseName), stream);
    }

    /** FNV-1a 64-bit hash of the case name (stable across JVMs, unlike String.hashCode's width). */
    static long nameHash(String name) {
        long h = 0xcbf29ce484222325L;
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return h;
    }
}
