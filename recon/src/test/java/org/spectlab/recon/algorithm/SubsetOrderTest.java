package org.spectlab.recon.algorithm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.spectlab.core.error.InputException;

/** Subset partition and ordering. */
class SubsetOrderTest {

    @Test
    void powerOfTwoUsesBitReversal() {
        assertThat(SubsetOrder.digitReversedOrder(8)).containsExactly(0, 4, 2, 6, 1, 5, 3, 7);
    }

    @Test
    void everyViewAppearsOnceAndConsecutiveSubsetsAreFarApart() {
        for (int subsets : new int[] {1, 6, 8, 10, 12, 15, 30}) {
            int views = 120;
            int[][] order = SubsetOrder.of(views, subsets);
            int[] seen = new int[views];
            for (int[] s : order) {
                for (int v : s) {
                    seen[v]++;
                }
            }
            assertThat(seen).as("subsets=" + subsets).containsOnly(1);
            // Never two angular neighbours in a row; the first step jumps at least a third of the way round.
            for (int n = 1; n < subsets; n++) {
                assertThat(order[n][0]).isNotEqualTo(order[n - 1][0] + 1);
            }
            if (subsets >= 4) {
                assertThat(Math.abs(order[1][0] - order[0][0])).isGreaterThanOrEqualTo(subsets / 3);
            }
        }
        assertThat(Arrays.stream(SubsetOrder.of(120, 8)).mapToInt(s -> s.length).sum()).isEqualTo(120);
        assertThatThrownBy(() -> SubsetOrder.of(10, 11)).isInstanceOf(InputException.class);
    }
}
