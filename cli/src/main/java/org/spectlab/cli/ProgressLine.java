package org.spectlab.cli;

import java.io.PrintWriter;
import java.lang.reflect.Method;
import java.util.function.LongSupplier;

/**
 * A progress report on stderr for long commands: the current phase, units done of its total, the
 * rate (in the phase's own unit, e.g. histories/s or views/s) and the estimated time left.
 *
 * <ul>
 *   <li>{@link Mode#TERMINAL}: one line rewritten in place with {@code \r}, at most
 *       {@value #TERMINAL_INTERVAL_MS} ms apart (≤ 5 updates/s), ended with a newline when the phase
 *       completes.</li>
 *   <li>{@link Mode#PLAIN}: for logs (stderr not a terminal, progress forced): a whole line at most
 *       every {@value #PLAIN_INTERVAL_S} s and one when the phase completes; no carriage returns.</li>
 *   <li>{@link Mode#OFF}: nothing.</li>
 * </ul>
 * {@link #update} is thread-safe and cheap when throttled (a clock read and a comparison under a
 * lock, no allocation); it is meant to be called once per batch or view from worker threads, which
 * may report counts out of order (the largest count wins). The rate is the phase's mean since it
 * began and the ETA assumes it stays constant: (total - done) / done x elapsed.
 */
public final class ProgressLine {
    /** Shortest time between two terminal updates, ms (5 updates/s). */
    public static final long TERMINAL_INTERVAL_MS = 200;
    /** Shortest time between two plain lines, s. */
    public static final long PLAIN_INTERVAL_S = 10;

    /** How progress is shown. */
    public enum Mode {
        /** A line rewritten in place (stderr is a terminal). */
        TERMINAL,
        /** Sparse whole lines (progress forced while not on a terminal). */
        PLAIN,
        /** Nothing. */
        OFF;

        /**
         * The mode of a command's options and its environment.
         *
         * @param disabled {@code --no-progress}
         * @param forced   {@code --progress}: show progress even when not on a terminal
         * @param terminal whether the process runs on a terminal ({@link #onTerminal()})
         */
        public static Mode choose(boolean disabled, boolean forced, boolean terminal) {
            if (disabled) {
                return OFF;
            }
            if (terminal) {
                return TERMINAL;
            }
            return forced ? PLAIN : OFF;
        }
    }

    private final PrintWriter err;
    private final String prefix;
    private final Mode mode;
    private final LongSupplier nanoClock;
    private final long intervalNanos;
    private final StringBuilder line = new StringBuilder(128);

    private String phase;
    private long total;
    private String itemLabel;
    private String rateLabel;
    private double unitsPerItem;
    private long startNanos;
    private long lastPrintNanos;
    private long done;
    private boolean openLine;
    private int lastLength;

    /**
     * @param err       where progress goes (stderr)
     * @param prefix    the command, e.g. {@code simulate}
     * @param mode      how progress is shown
     * @param nanoClock a monotonic clock in ns ({@code System::nanoTime}; injected by tests)
     */
    public ProgressLine(PrintWriter err, String prefix, Mode mode, LongSupplier nanoClock) {
        this.err = err;
        this.prefix = prefix;
        this.mode = mode;
        this.nanoClock = nanoClock;
        this.intervalNanos = mode == Mode.PLAIN ? PLAIN_INTERVAL_S * 1_000_000_000L
                : TERMINAL_INTERVAL_MS * 1_000_000L;
    }

    /** A reporter on the system clock. */
    public static ProgressLine of(PrintWriter err, String prefix, Mode mode) {
        return new ProgressLine(err, prefix, mode, System::nanoTime);
    }

    /**
     * Whether the JVM runs on an interactive terminal: {@code System.console() != null} (on Java 22
     * and later, where a console may exist without a terminal, also {@code Console.isTerminal()}).
     * Java reports on stdin/stdout; stderr redirected alone is not detected (use --no-progress).
     */
    public static boolean onTerminal() {
        java.io.Console c = System.console();
        if (c == null) {
            return false;
        }
        try {
            Method isTerminal = java.io.Console.class.getMethod("isTerminal");
            return (Boolean) isTerminal.invoke(c);
        } catch (ReflectiveOperationException e) {
            return true; // before Java 22 a console exists only on a terminal
        }
    }

    /** The mode in effect. */
    public Mode mode() {
        return mode;
    }

    /**
     * Starts a phase (ending the previous one's line).
     *
     * @param name         the phase, e.g. {@code transport}
     * @param totalItems   items the phase will finish (batches, views, chunks)
     * @param itemLabel    what an item is, plural, e.g. {@code batches}
     * @param rateLabel    the unit of the rate, e.g. {@code histories} (shown per second)
     * @param unitsPerItem rate units per item, e.g. histories per batch (1 for views)
     */
    public synchronized void begin(String name, long totalItems, String itemLabel, String rateLabel,
                                   double unitsPerItem) {
        endLine();
        this.phase = name;
        this.total = totalItems;
        this.itemLabel = itemLabel;
        this.rateLabel = rateLabel;
        this.unitsPerItem = unitsPerItem;
        this.startNanos = nanoClock.getAsLong();
        this.lastPrintNanos = startNanos;
        this.done = 0;
        if (mode == Mode.TERMINAL) {
            print(startNanos, false);
        }
    }

    /**
     * Reports items finished so far in the current phase (from any thread). Printed when the
     * throttle allows and always when the phase completes.
     */
    public synchronized void update(long itemsDone) {
        if (mode == Mode.OFF || phase == null || itemsDone <= done) {
            return;
        }
        done = itemsDone;
        long now = nanoClock.getAsLong();
        boolean complete = done >= total;
        if (!complete && now - lastPrintNanos < intervalNanos) {
            return;
        }
        print(now, complete);
        if (complete) {
            endLine();
            phase = null;
        }
    }

    /** Ends an open terminal line (call when the command's work is over or failed). */
    public synchronized void close() {
        endLine();
        phase = null;
    }

    private void print(long now, boolean complete) {
        if (mode == Mode.OFF) {
            return;
        }
        lastPrintNanos = now;
        line.setLength(0);
        format(line, prefix, phase, done, total, itemLabel, rateLabel, unitsPerItem, (now - startNanos) * 1e-9,
                complete);
        if (mode == Mode.TERMINAL) {
            int length = line.length();
            for (int i = length; i < lastLength; i++) {
                line.append(' ');
            }
            lastLength = length;
            err.append('\r').append(line);
            openLine = true;
        } else {
            err.append(line).append(System.lineSeparator());
        }
        err.flush();
    }

    private void endLine() {
        if (openLine) {
            err.println();
            err.flush();
            openLine = false;
            lastLength = 0;
        }
    }

    /**
     * Appends one progress report, e.g. {@code simulate transport: 12/40 batches (30%), 4560
     * histories/s, ETA 1m02s}; a complete phase shows its duration ({@code done in 8s}) instead of the ETA.
     *
     * @param elapsedS seconds since the phase began
     */
    static void format(StringBuilder sb, String prefix, String phase, long done, long total, String itemLabel,
                       String rateLabel, double unitsPerItem, double elapsedS, boolean complete) {
        sb.append(prefix).append(' ').append(phase).append(": ").append(done).append('/').append(total)
                .append(' ').append(itemLabel);
        if (total > 0) {
            sb.append(" (").append(100 * done / total).append("%)");
        }
        sb.append(", ");
        if (done > 0 && elapsedS > 0) {
            appendRate(sb, done * unitsPerItem / elapsedS);
        } else {
            sb.append("--");
        }
        sb.append(' ').append(rateLabel).append("/s, ");
        if (complete) {
            sb.append("done in ");
            appendDuration(sb, elapsedS);
        } else {
            sb.append("ETA ");
            if (done > 0 && elapsedS > 0) {
                appendDuration(sb, (total - done) * elapsedS / done);
            } else {
                sb.append("--");
            }
        }
    }

    /** Rate: integer from 100 up, one decimal from 1, two below (no allocation). */
    static void appendRate(StringBuilder sb, double rate) {
        if (rate >= 100) {
            sb.append(Math.round(rate));
            return;
        }
        int decimals = rate >= 1 ? 1 : 2;
        long scale = decimals == 1 ? 10 : 100;
        long r = Math.round(rate * scale);
        sb.append(r / scale).append('.');
        long frac = r % scale;
        if (decimals == 2 && frac < 10) {
            sb.append('0');
        }
        sb.append(frac);
    }

    /** Duration rounded to whole seconds: {@code 42s}, {@code 3m05s}, {@code 2h07m}. */
    static void appendDuration(StringBuilder sb, double seconds) {
        long s = Math.round(Math.max(0, seconds));
        if (s < 60) {
            sb.append(s).append('s');
        } else if (s < 3600) {
            sb.append(s / 60).append('m');
            appendTwoDigits(sb, s % 60).append('s');
        } else {
            sb.append(s / 3600).append('h');
            appendTwoDigits(sb, s % 3600 / 60).append('m');
        }
    }

    private static StringBuilder appendTwoDigits(StringBuilder sb, long v) {
        if (v < 10) {
            sb.append('0');
        }
        return sb.append(v);
    }
}
