package org.spectlab.validation.suite;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.spectlab.core.camera.CollimatorLibrary;

/** The full physics, camera and reconstruction suites pass (they take a few seconds each). */
class AllSuitesTest {

    @Test
    void everyBuiltInSuitePasses() {
        SuiteRegistry registry = SuiteRegistry.defaults();
        for (String name : List.of("physics", "camera", "reconstruction")) {
            SuiteResult r = SuiteRunner.of(3, 2, "test", null).run(registry.suite(name));
            List<String> failed = new ArrayList<>();
            for (CaseResult c : r.cases()) {
                if (!c.passed()) {
                    failed.add(c.name() + (c.error() != null ? ": " + c.error() : ""));
                }
            }
            assertThat(failed).as(name).isEmpty();
            assertThat(r.wallTimeS()).as(name).isLessThan(30);
        }
        assertThat(registry.suite("camera").cases()).hasSize(CollimatorLibrary.names().size());
    }
}
