package org.spectlab.metrics.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RelativeDifferenceTest {

    @Test
    void handComputedValues() {
        // s = 110 +- 3, r = 100 +- 4: rd = 0.10, z = 10 / 5 = 2,
        // u(rd) = 1.1 * sqrt((3/110)^2 + (4/100)^2) = sqrt(0.0009 + 0.001936) = sqrt(0.002836)
        RelativeDifference d = RelativeDifference.of(110, 3, 100, 4);
        assertThat(d.relativeDifference()).isCloseTo(0.10, within(1e-12));
        assertThat(d.zScore()).isCloseTo(2.0, within(1e-12));
        assertThat(d.relativeUncertainty()).isCloseTo(Math.sqrt(0.002836), within(1e-12));
        assertThat(d.agreesWithin(2.0)).isTrue();
        assertThat(d.agreesWithin(1.9)).isFalse();
    }
}
