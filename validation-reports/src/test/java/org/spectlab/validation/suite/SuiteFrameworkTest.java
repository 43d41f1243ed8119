package org.spectlab.validation.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.spectlab.validation.suite.ValidationCase.config;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.spectlab.core.error.InputException;

class SuiteFrameworkTest {

    private static final String SRC = "test";

    @Test
    void tolerancesDecideAsDocumented() {
        Tolerance rel = Tolerance.relative(0.01, "1%");
        assertThat(rel.accepts(1.009, 0, 1.0, 0)).isTrue();
        assertThat(rel.accepts(1.011, 0, 1.0, 0)).isFalse();
        Tolerance abs = Tolerance.absolute(0.5, "half a unit");
        assertThat(abs.accepts(10.4, 0, 10, 0)).isTrue();
        assertThat(abs.accepts(9.4, 0, 10, 0)).isFalse();
        // z = (10.5 - 10) / sqrt(0.3^2 + 0.4^2) = 1.0: combined uncertainty, not either one alone
        Tolerance z = Tolerance.zScore(1.01, "test");
        assertThat(z.deviation(10.5, 0.3, 10, 0.4)).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(z.accepts(10.5, 0.3, 10, 0.4)).isTrue();
        assertThat(Tolerance.zScore(0.99, "test").accepts(10.5, 0.3, 10, 0.4)).isFalse();
        // NaN never passes
        assertThat(rel.accepts(Double.NaN, 0, 1, 0)).isFalse();
        assertThatThrownBy(() -> Tolerance.relative(0.1, " ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Reference.exact(1, "")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aWrongReferenceFailsItsCaseAndAThrowingCaseIsRecorded() {
        Tolerance t = Tolerance.relative(0.001, "closed form");
        ValidationCase good = ValidationCase.of("good", "right reference", config("x", 1),
                ctx -> List.of(Quantity.of("half", "1", Math.pow(2, -1), Reference.exact(0.5, SRC), t)));
        ValidationCase wrong = ValidationCase.of("wrong", "deliberately wrong reference", config(),
                ctx -> List.of(Quantity.of("half", "1", Math.pow(2, -1), Reference.exact(0.6, SRC), t)));
        ValidationCase broken = ValidationCase.of("broken", "throws", config(), ctx -> {
            throw new IllegalStateException("no data");
        });
        StringWriter progress = new StringWriter();
        SuiteResult r = SuiteRunner.of(7, 1, "v", new PrintWriter(progress, true))
                .run(Suite.of("s", "d", List.of(good, wrong, broken)));
        assertThat(r.caseNamed("good").passed()).isTrue();
        assertThat(r.caseNamed("wrong").passed()).isFalse();
        assertThat(r.caseNamed("wrong").failedCount()).isEqualTo(1);
        assertThat(r.caseNamed("broken").passed()).isFalse();
        assertThat(r.caseNamed("broken").error()).contains("no data");
        assertThat(r.passed()).isFalse();
        assertThat(r.failedCases()).isEqualTo(2);
        assertThat(progress.toString()).contains("[1/3] good", "pass", "[2/3] wrong", "FAIL", "error: IllegalStateException");
    }

    @Test
    void registryAddsCasesWithoutTouchingOthersAndRejectsUnknownNames() {
        SuiteRegistry r = SuiteRegistry.defaults();
        assertThat(r.names()).containsExactly("physics", "camera", "reconstruction", "patient", "quick",
                "localization");
        int before = r.suite("camera").cases().size();
        Tolerance t = Tolerance.absolute(0, "exact");
        r.addCases("camera", () -> List.of(ValidationCase.of("camera-qc-extra", "added later", config(),
                ctx -> List.of(Quantity.of("one", "1", 1, Reference.exact(1, SRC), t)))));
        assertThat(r.suite("camera").cases()).hasSize(before + 1);
        assertThat(r.suite("physics").cases()).extracting(ValidationCase::name).doesNotContain("camera-qc-extra");
        assertThat(r.suite("QUICK").cases()).extracting(ValidationCase::name)
                .contains("attenuation-water", "transmission-narrow-beam", "osem-ac-uniform-cylinder");
        assertThatThrownBy(() -> r.suite("nope")).isInstanceOf(InputException.class).hasMessageContaining("physics");
        assertThatThrownBy(() -> r.define("physics", "again")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ValidationCase.of("Bad Name", "", config(), ctx -> List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void randomStreamsDependOnSeedAndCaseNameOnly() {
        long a = new CaseContext(5, 1, "x").random(0).nextLong();
        assertThat(new CaseContext(5, 2, "x").random(0).nextLong()).isEqualTo(a);
        assertThat(new CaseContext(5, 1, "y").random(0).nextLong()).isNotEqualTo(a);
        assertThat(new CaseContext(6, 1, "x").random(0).nextLong()).isNotEqualTo(a);
        assertThat(new CaseContext(5, 1, "x").random(1).nextLong()).isNotEqualTo(a);
    }
}
