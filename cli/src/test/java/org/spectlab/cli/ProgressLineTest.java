package org.spectlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Formatting, throttling and rate/ETA arithmetic of {@link ProgressLine} on an injected clock. */
class ProgressLineTest {
    private static final long MS = 1_000_000L;
    private static final long S = 1_000_000_000L;

    private final StringWriter sink = new StringWriter();
    private final AtomicLong now = new AtomicLong(5 * S);

    private ProgressLine line(ProgressLine.Mode mode) {
        return new ProgressLine(new PrintWriter(sink), "simulate", mode, now::get);
    }

    @Test
    void rateAndEtaFollowFromDoneOverElapsed() {
        StringBuilder sb = new StringBuilder();
        // 10 of 40 batches of 500 histories in 4 s: 1250 histories/s; 30 left at 2.5 batches/s = 12 s
        ProgressLine.format(sb, "simulate", "transport", 10, 40, "batches", "histories", 500, 4.0, false);
        assertThat(sb).hasToString("simulate transport: 10/40 batches (25%), 1250 histories/s, ETA 12s");
        sb.setLength(0);
        // 3 of 64 views in 10 s: 0.3 views/s, 61 left = 203.3 s = 3m23s
        ProgressLine.format(sb, "simulate", "projection", 3, 64, "views", "views", 1, 10.0, false);
        assertThat(sb).hasToString("simulate projection: 3/64 views (4%), 0.30 views/s, ETA 3m23s");
        sb.setLength(0);
        ProgressLine.format(sb, "simulate", "projection", 64, 64, "views", "views", 1, 40.0, true);
        assertThat(sb).hasToString("simulate projection: 64/64 views (100%), 1.6 views/s, done in 40s");
        sb.setLength(0);
        ProgressLine.format(sb, "simulate", "transport", 0, 8, "batches", "histories", 1e6, 0.0, false);
        assertThat(sb).hasToString("simulate transport: 0/8 batches (0%), -- histories/s, ETA --");
    }

    @Test
    void durationsAndRatesRoundAsDocumented() {
        StringBuilder sb = new StringBuilder();
        ProgressLine.appendDuration(sb.append('|'), 59.4);
        ProgressLine.appendDuration(sb.append('|'), 59.6);
        ProgressLine.appendDuration(sb.append('|'), 3599);
        ProgressLine.appendDuration(sb.append('|'), 7620);
        ProgressLine.appendRate(sb.append('|'), 99.96);
        ProgressLine.appendRate(sb.append('|'), 0.049);
        ProgressLine.appendRate(sb.append('|'), 123456.6);
        assertThat(sb).hasToString("|59s|1m00s|59m59s|2h07m|100.0|0.05|123457");
    }

    @Test
    void terminalRewritesOneLineAtMostFiveTimesASecond() {
        ProgressLine p = line(ProgressLine.Mode.TERMINAL);
        p.begin("projection", 10, "views", "views", 1);
        assertThat(sink.toString()).isEqualTo("\rsimulate projection: 0/10 views (0%), -- views/s, ETA --");
        now.addAndGet(100 * MS);
        p.update(1); // 100 ms after the last print: throttled
        assertThat(count("\r")).isEqualTo(1);
        now.addAndGet(100 * MS);
        p.update(2); // 200 ms: printed, 2 views in 0.2 s = 10 views/s, 8 left = 0.8 s
        assertThat(count("\r")).isEqualTo(2);
        assertThat(sink.toString()).endsWith("\rsimulate projection: 2/10 views (20%), 10.0 views/s, ETA 1s");
        for (int i = 3; i < 10; i++) {
            now.addAndGet(10 * MS);
            p.update(i);
        }
        assertThat(count("\r")).isEqualTo(2);
        p.update(8); // out of order from another thread: ignored
        now.addAndGet(10 * MS);
        p.update(10); // completion is always shown, and ends the line
        assertThat(count("\r")).isEqualTo(3);
        assertThat(sink.toString()).endsWith("done in 0s" + System.lineSeparator());
        p.close();
        assertThat(count(System.lineSeparator())).isEqualTo(1);
    }

    @Test
    void aShorterLineBlanksTheRestOfTheLongerOne() {
        ProgressLine p = line(ProgressLine.Mode.TERMINAL);
        p.begin("transport", 1000, "batches", "histories", 1e6);
        now.addAndGet(200 * MS);
        p.update(500); // 5e8 histories in 0.2 s: a 10-digit rate, ETA 0s
        assertThat(last()).isEqualTo("simulate transport: 500/1000 batches (50%), 2500000000 histories/s, ETA 0s");
        now.addAndGet(1000 * S);
        p.update(999); // 9.99e8 in 1000.2 s = 998800.2/s (4 digits fewer, blanked); 1 x 1000.2 / 999 = 1 s
        assertThat(last()).isEqualTo("simulate transport: 999/1000 batches (99%), 998800 histories/s, ETA 1s    ");
    }

    @Test
    void plainModeWritesWholeLinesAtMostEveryTenSeconds() {
        ProgressLine p = line(ProgressLine.Mode.PLAIN);
        p.begin("transport", 100, "batches", "histories", 1000);
        assertThat(sink.toString()).isEmpty();
        for (int i = 1; i < 100; i++) {
            now.addAndGet(500 * MS); // one batch per 0.5 s: 49.5 s in all
            p.update(i);
        }
        // printed at 10, 20, 30, 40 s (batches 20, 40, 60, 80) and not between
        assertThat(count(System.lineSeparator())).isEqualTo(4);
        assertThat(sink.toString()).contains("simulate transport: 20/100 batches (20%), 2000 histories/s, ETA 40s");
        now.addAndGet(500 * MS);
        p.update(100);
        assertThat(count(System.lineSeparator())).isEqualTo(5);
        assertThat(sink.toString()).endsWith("100/100 batches (100%), 2000 histories/s, done in 50s"
                + System.lineSeparator()).doesNotContain("\r");
    }

    @Test
    void offPrintsNothingAndModeFollowsOptionsAndTerminal() {
        ProgressLine p = line(ProgressLine.Mode.OFF);
        p.begin("transport", 2, "batches", "histories", 1);
        now.addAndGet(S);
        p.update(1);
        p.update(2);
        p.close();
        assertThat(sink.toString()).isEmpty();
        assertThat(ProgressLine.Mode.choose(false, false, true)).isEqualTo(ProgressLine.Mode.TERMINAL);
        assertThat(ProgressLine.Mode.choose(false, false, false)).isEqualTo(ProgressLine.Mode.OFF);
        assertThat(ProgressLine.Mode.choose(false, true, false)).isEqualTo(ProgressLine.Mode.PLAIN);
        assertThat(ProgressLine.Mode.choose(true, true, true)).isEqualTo(ProgressLine.Mode.OFF);
    }

    /** What the last carriage return left on the terminal line. */
    private String last() {
        String t = sink.toString();
        return t.substring(t.lastIndexOf('\r') + 1);
    }

    private int count(String s) {
        String t = sink.toString();
        int n = 0;
        for (int i = t.indexOf(s); i >= 0; i = t.indexOf(s, i + s.length())) {
            n++;
        }
        return n;
    }
}
