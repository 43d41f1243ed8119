package org.spectlab.validation.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spectlab.core.error.InputException;
import org.spectlab.validation.physics.PhysicsSuite;
import org.spectlab.validation.suite.CaseResult;
import org.spectlab.validation.suite.Quantity;
import org.spectlab.validation.suite.Suite;
import org.spectlab.validation.suite.SuiteResult;
import org.spectlab.validation.suite.SuiteRunner;
import org.spectlab.validation.suite.SummaryJson;
import org.spectlab.validation.suite.ValidationCase;

class BaselineComparisonTest {

    /** Decay (deterministic, relative tolerances) and transmission (Monte Carlo, z-score tolerances). */
    private static SuiteResult run(long seed) {
        List<ValidationCase> cases = new ArrayList<>();
        for (ValidationCase c : PhysicsSuite.cases()) {
            if (c.name().equals("decay") || c.name().equals("transmission-narrow-beam")) {
                cases.add(c);
            }
        }
        return SuiteRunner.of(seed, 1, "test", null).run(Suite.of("mini", "test", cases));
    }

    @Test
    void summaryRoundTripsAndAnIdenticalRunHasNoDrift(@TempDir Path dir) throws Exception {
        SuiteResult r = run(1);
        Files.writeString(dir.resolve("summary.json"), SummaryJson.toText(SummaryJson.toTree(r)));
        SuiteResult back = SummaryJson.read(dir.resolve("summary.json"));
        assertThat(back.cases()).hasSameSizeAs(r.cases());
        Quantity q0 = r.cases().get(0).quantities().get(0);
        Quantity b0 = back.cases().get(0).quantities().get(0);
        assertThat(b0).isEqualTo(q0);
        BaselineComparison c = BaselineComparison.against(dir, r);
        assertThat(c.passed()).isTrue();
        assertThat(c.drifts()).hasSize(r.cases().stream().mapToInt(x -> x.quantities().size()).sum());
    }

    /**
     * Another seed gives statistically compatible Monte Carlo values (z-score on the combined
     * uncertainty of both runs), so no drift; a value moved beyond its tolerance, or a missing
     * quantity, is drift.
     */
    @Test
    void driftIsDetectedWithinEachQuantitysTolerance() {
        SuiteResult base = run(1);
        assertThat(BaselineComparison.compare("b", run(2), base).passed()).isTrue();

        // shift one Monte Carlo transmission by 6 of its standard errors, one decay factor by 1e-9 relative
        List<CaseResult> shifted = new ArrayList<>();
        for (CaseResult c : base.cases()) {
            List<Quantity> qs = new ArrayList<>();
            for (Quantity q : c.quantities()) {
                double v = q.value();
                if (q.name().equals("T_water_100mm_140p5keV")) {
                    v += 6 * Math.sqrt(2) * q.uncertainty();
                } else if (q.name().equals("decay_factor_24h_tc99m")) {
                    v *= 1 + 1e-9;
                }
                qs.add(new Quantity(q.name(), q.unit(), v, q.uncertainty(), q.reference(), q.tolerance()));
            }
            shifted.add(new CaseResult(c.name(), c.description(), c.configuration(), qs, c.wallTimeS(), c.error()));
        }
        SuiteResult moved = new SuiteResult(base.suite(), base.description(), shifted, 0, "x", 1, 1, "");
        BaselineComparison c = BaselineComparison.compare("b", moved, base);
        assertThat(c.passed()).isFalse();
        assertThat(c.failures()).extracting(Drift::quantity)
                .containsExactlyInAnyOrder("T_water_100mm_140p5keV", "decay_factor_24h_tc99m");

        // a quantity missing from the run is drift; a new one is listed but passes
        List<CaseResult> fewer = new ArrayList<>(base.cases());
        fewer.remove(0);
        BaselineComparison m = BaselineComparison.compare("b",
                new SuiteResult(base.suite(), "", fewer, 0, "x", 1, 1, ""), base);
        assertThat(m.passed()).isFalse();
        assertThat(m.failures()).allMatch(d -> d.note().contains("missing"));
        assertThat(BaselineComparison.compare("b", base, new SuiteResult(base.suite(), "", fewer, 0, "x", 1, 1, ""))
                .passed()).isTrue();
    }

    @Test
    void aBaselineOfAnotherSuiteOrNoneIsBadInput(@TempDir Path dir) throws Exception {
        SuiteResult r = run(1);
        assertThatThrownBy(() -> BaselineComparison.against(dir, r)).isInstanceOf(InputException.class)
                .hasMessageContaining("summary.json");
        SuiteResult other = new SuiteResult("other", "", r.cases(), 0, "x", 1, 1, "");
        Files.writeString(dir.resolve("summary.json"), SummaryJson.toText(SummaryJson.toTree(other)));
        assertThatThrownBy(() -> BaselineComparison.against(dir, r)).isInstanceOf(InputException.class)
                .hasMessageContaining("other");
        Files.writeString(dir.resolve("summary.json"), "{\"format\": \"x\"}");
        assertThatThrownBy(() -> BaselineComparison.against(dir, r)).isInstanceOf(InputException.class)
                .hasMessageContaining("format");
    }
}
