package org.spectlab.validation.suite;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.spectlab.core.camera.CollimatorLibrary;

/**
 * The full physics, camera, patient and reconstruction suites pass, each case at its tolerance
 * (camera ~20 s, patient ~15 s, reconstruction ~25 s on two cores).
 */
class AllSuitesTest {

    @Test
    void everyBuiltInSuitePasses() {
        SuiteRegistry registry = SuiteRegistry.defaults();
        for (String name : List.of("physics", "camera", "patient", "reconstruction")) {
            SuiteResult r = SuiteRunner.of(3, 2, "test", null).run(registry.suite(name));
            List<String> failed = new ArrayList<>();
            for (CaseResult c : r.cases()) {
                if (!c.passed()) {
                    failed.add(c.name() + (c.error() != null ? ": " + c.error() : ""));
                }
            }
            assertThat(failed).as(name).isEmpty();
            assertThat(r.wallTimeS()).as(name).isLessThan(60);
        }
        // nominal and Monte Carlo QC case per preset, three energy resolutions, one vendor comparison
        assertThat(registry.suite("camera").cases()).hasSize(2 * CollimatorLibrary.names().size() + 4);
        assertThat(registry.suite("patient").cases()).hasSize(3);
    }
}
