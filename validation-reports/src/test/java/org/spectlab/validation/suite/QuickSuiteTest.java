package org.spectlab.validation.suite;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.spectlab.core.io.AtomicFiles;
import org.spectlab.validation.baseline.BaselineComparison;

/**
 * The acceptance line "spectlab validate --suite quick passes in the tests": every case of the quick
 * suite passes within the time budget, and no quantity drifted from the stored regression baseline
 * {@code baselines/quick/summary.json}.
 *
 * <p>Refresh the baseline (after an intended change of results) with
 * {@code mvn -B -o -pl validation-reports -am verify -Dtest=QuickSuiteTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dspectlab.refreshBaseline=true}, or with {@code spectlab validate --suite quick --out DIR} and a copy of
 * {@code DIR/summary.json}; see {@code baselines/README.md}.
 */
class QuickSuiteTest {
    static final Path BASELINE_DIR = Path.of("baselines", "quick");

    @Test
    void quickSuitePassesWithinItsTimeBudgetAndMatchesTheBaseline() {
        SuiteResult r = SuiteRunner.of(1, 2, "development", new PrintWriter(System.err, true))
                .run(SuiteRegistry.defaults().suite("quick"));
        List<String> failures = new ArrayList<>();
        for (CaseResult c : r.cases()) {
            for (Quantity q : c.quantities()) {
                System.out.printf(Locale.ROOT, "%-26s %-34s %.6g +- %.2g vs %.6g  dev %.3g  %s%n", c.name(), q.name(),
                        q.value(), q.uncertainty(), q.reference().value(), q.deviation(), q.passed() ? "ok" : "FAIL");
                if (!q.passed()) {
                    failures.add(c.name() + "/" + q.name());
                }
            }
            if (c.error() != null) {
                failures.add(c.name() + ": " + c.error());
            }
        }
        assertThat(failures).isEmpty();
        assertThat(r.passed()).isTrue();
        // The module's whole test run must stay under 60 s on 2 shared cores; the suite measures ~3 s.
        assertThat(r.wallTimeS()).isLessThan(60);

        if (Boolean.getBoolean("spectlab.refreshBaseline")) {
            AtomicFiles.writeString(BASELINE_DIR.resolve("summary.json"), SummaryJson.toText(SummaryJson.toTree(r)));
        }
        assertThat(Files.isRegularFile(BASELINE_DIR.resolve("summary.json"))).isTrue();
        BaselineComparison drift = BaselineComparison.against(BASELINE_DIR, r);
        assertThat(drift.failures()).isEmpty();
        assertThat(drift.drifts()).hasSizeGreaterThan(50);
    }
}
