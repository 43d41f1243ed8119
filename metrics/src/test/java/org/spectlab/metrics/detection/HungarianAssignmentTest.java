package org.spectlab.metrics.detection;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

class HungarianAssignmentTest {

    @Test
    void matchesBruteForceOnRandomRectangularProblems() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(12345L);
        for (int trial = 0; trial < 400; trial++) {
            int rows = 1 + rng.nextInt(6);
            int cols = 1 + rng.nextInt(6);
            double[][] c = new double[rows][cols];
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) {
                    // integer costs create many ties, which exercise degenerate pivots
                    c[i][j] = trial % 2 == 0 ? rng.nextInt(5) : 100 * rng.nextDouble();
                }
            }
            int[] a = HungarianAssignment.solve(c);
            assertValidAssignment(a, rows, cols);
            // exact optimum: brute force is exact, the algorithm is exact; 1e-9 covers summation order
            assertThat(HungarianAssignment.totalCost(c, a)).isCloseTo(bruteForce(c), org.assertj.core.data.Offset.offset(1e-9));
        }
    }

    @Test
    void handCheckedThreeByThree() {
        double[][] c = {{4, 1, 3}, {2, 0, 5}, {3, 2, 2}};
        // optimum 1 + 2 + 2 = 5: row0->col1, row1->col0, row2->col2
        assertThat(HungarianAssignment.solve(c)).containsExactly(1, 0, 2);
    }

    private static void assertValidAssignment(int[] a, int rows, int cols) {
        boolean[] used = new boolean[cols];
        int assigned = 0;
        for (int col : a) {
            if (col >= 0) {
                assertThat(used[col]).isFalse();
                used[col] = true;
                assigned++;
            }
        }
        assertThat(assigned).isEqualTo(Math.min(rows, cols));
    }

    private static double bruteForce(double[][] c) {
        int rows = c.length;
        int cols = c[0].length;
        return rows <= cols ? best(c, 0, new boolean[cols], false) : best(transpose(c), 0, new boolean[rows], false);
    }

    private static double best(double[][] c, int row, boolean[] used, boolean unused) {
        if (row == c.length) {
            return 0;
        }
        double b = Double.POSITIVE_INFINITY;
        for (int j = 0; j < used.length; j++) {
            if (!used[j]) {
                used[j] = true;
                b = Math.min(b, c[row][j] + best(c, row + 1, used, unused));
                used[j] = false;
            }
        }
        return b;
    }

    private static double[][] transpose(double[][] c) {
        double[][] t = new double[c[0].length][c.length];
        for (int i = 0; i < c.length; i++) {
            for (int j = 0; j < c[0].length; j++) {
                t[j][i] = c[i][j];
            }
        }
        return t;
    }
}
