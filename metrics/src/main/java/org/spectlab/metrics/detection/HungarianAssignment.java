package org.spectlab.metrics.detection;

import java.util.Arrays;

/**
 * Minimum-cost one-to-one assignment on a rectangular cost matrix (the Hungarian method of Kuhn, 1955,
 * in the shortest-augmenting-path form with row and column potentials; O(r^2 c) for r rows &le; c columns).
 *
 * <p>Every row is assigned to a distinct column when rows &le; columns; otherwise every column to a
 * distinct row. Costs must be finite; to forbid a pair give it a cost larger than any feasible total
 * (see {@link LesionMatcher}).
 */
public final class HungarianAssignment {

    private HungarianAssignment() {
    }

    /**
     * Solves the assignment.
     *
     * @param cost {@code cost[row][col]}, rectangular, finite
     * @return for each row the assigned column, or -1 when the row is left unassigned (only possible when
     *         there are more rows than columns)
     */
    public static int[] solve(double[][] cost) {
        int rows = cost.length;
        if (rows == 0) {
            return new int[0];
        }
        int cols = cost[0].length;
        for (double[] row : cost) {
            if (row.length != cols) {
                throw new IllegalArgumentException("cost matrix is not rectangular");
            }
            for (double c : row) {
                if (!Double.isFinite(c)) {
                    throw new IllegalArgumentException("cost matrix has a non-finite entry: " + c);
                }
            }
        }
        if (cols == 0) {
            int[] none = new int[rows];
            Arrays.fill(none, -1);
            return none;
        }
        if (rows <= cols) {
            return solveRowsNotMoreThanCols(cost, rows, cols);
        }
        double[][] t = new double[cols][rows];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                t[j][i] = cost[i][j];
            }
        }
        int[] colToRow = solveRowsNotMoreThanCols(t, cols, rows);
        int[] rowToCol = new int[rows];
        Arrays.fill(rowToCol, -1);
        for (int j = 0; j < cols; j++) {
            rowToCol[colToRow[j]] = j;
        }
        return rowToCol;
    }

    /** Total cost of an assignment returned by {@link #solve}. */
    public static double totalCost(double[][] cost, int[] assignment) {
        double s = 0;
        for (int i = 0; i < assignment.length; i++) {
            if (assignment[i] >= 0) {
                s += cost[i][assignment[i]];
            }
        }
        return s;
    }

    /*
     * Rows are added one at a time; for each, a Dijkstra-like search over columns with reduced costs
     * (cost - u[row] - v[col] >= 0) finds the cheapest augmenting path, then potentials are updated so
     * reduced costs stay non-negative and matched edges stay tight. 1-based arrays, column 0 is the
     * virtual source.
     */
    private static int[] solveRowsNotMoreThanCols(double[][] a, int n, int m) {
        double[] u = new double[n + 1];
        double[] v = new double[m + 1];
        int[] matchRowOfCol = new int[m + 1];
        int[] way = new int[m + 1];
        double[] minv = new double[m + 1];
        boolean[] used = new boolean[m + 1];
        for (int i = 1; i <= n; i++) {
            matchRowOfCol[0] = i;
            int j0 = 0;
            Arrays.fill(minv, Double.POSITIVE_INFINITY);
            Arrays.fill(used, false);
            do {
                used[j0] = true;
                int i0 = matchRowOfCol[j0];
                double delta = Double.POSITIVE_INFINITY;
                int j1 = -1;
                for (int j = 1; j <= m; j++) {
                    if (!used[j]) {
                        double cur = a[i0 - 1][j - 1] - u[i0] - v[j];
                        if (cur < minv[j]) {
                            minv[j] = cur;
                            way[j] = j0;
                        }
                        if (minv[j] < delta) {
                            delta = minv[j];
                            j1 = j;
                        }
                    }
                }
                for (int j = 0; j <= m; j++) {
                    if (used[j]) {
                        u[matchRowOfCol[j]] += delta;
                        v[j] -= delta;
                    } else {
                        minv[j] -= delta;
                    }
                }
                j0 = j1;
            } while (matchRowOfCol[j0] != 0);
            do {
                int j1 = way[j0];
                matchRowOfCol[j0] = matchRowOfCol[j1];
                j0 = j1;
            } while (j0 != 0);
        }
        int[] result = new int[n];
        Arrays.fill(result, -1);
        for (int j = 1; j <= m; j++) {
            if (matchRowOfCol[j] != 0) {
                result[matchRowOfCol[j] - 1] = j - 1;
            }
        }
        return result;
    }
}
