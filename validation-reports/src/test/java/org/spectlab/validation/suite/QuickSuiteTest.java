package org.spectlab.validation.suite;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The acceptance line "spectlab validate --suite quick passes in the tests": every case of the quick
 * suite passes, and the suite runs within its time budget.
 */
class QuickSuiteTest {

    @Test
    void quickSuitePassesWithinItsTimeBudget() {
        SuiteResult r = SuiteRunner.of(1, 2, "test", new PrintWriter(System.err, true))
                .run(SuiteRegistry.defaults().suite("quick"));
        List<String> failures = new ArrayList<>();
        for (CaseResult c : r.cases()) {
            for (Quantity q : c.quantities()) {
                System.out.printf(Locale.ROOT, "%-28s %-34s %.6g +- %.2g vs %.6g  dev %.3g  %s%n", c.name(), q.name(),
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
        // 60 s on 2 shared cores is the module's budget for the whole test run (measured: see report)
        assertThat(r.wallTimeS()).isLessThan(60);
    }
}
