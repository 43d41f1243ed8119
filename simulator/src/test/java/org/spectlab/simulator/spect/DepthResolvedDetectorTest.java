package org.spectlab.simulator.spect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * The detector's bookkeeping of second moments (see {@link DepthResolvedDetector}): whatever the
 * fractional position of a point, its image has the exact mean and, for the three-pixel deposit,
 * the variance σ² + 1/12 px² of a Gaussian response integrated over pixels, plus the extra
 * variance asked for; the bilinear deposit has σ² + 1/12 - 1/6 + f(1 - f) + extra, i.e. the same on
 * average over fractions. Deterministic, so the tolerance is rounding only (1e-9 px²).
 */
class DepthResolvedDetectorTest {
    private static final int ROWS = 41;
    private static final int COLS = 61;
    private static final double PIXEL_MM = 4.0;
    /** A response of σ = 1.5 px at every depth (width 6 mm), wide enough that no pass is clamped. */
    private static final double SIGMA_MM = 6.0;

    private static double[] image(boolean spread, double col, double row, double extraCols, double extraRows) {
        DepthResolvedDetector d = new DepthResolvedDetector(ROWS, COLS, 1, 0, 100, 10, PIXEL_MM, depth -> SIGMA_MM);
        if (spread) {
            d.depositSpread(42.0, col, row, new double[] {1.0});
        } else {
            d.deposit(42.0, col, row, new double[] {1.0});
        }
        double[][] out = new double[1][ROWS * COLS];
        d.blurInto(out, new double[] {extraCols}, new double[] {extraRows});
        return out[0];
    }

    /** {sum, mean col, mean row, variance along columns, variance along rows}. */
    private static double[] moments(double[] img) {
        double sum = 0;
        double sc = 0;
        double sr = 0;
        for (int r = 0; r < ROWS; r++) {
            for (int c = 0; c < COLS; c++) {
                double w = img[r * COLS + c];
                sum += w;
                sc += w * c;
                sr += w * r;
            }
        }
        double mc = sc / sum;
        double mr = sr / sum;
        double vc = 0;
        double vr = 0;
        for (int r = 0; r < ROWS; r++) {
            for (int c = 0; c < COLS; c++) {
                double w = img[r * COLS + c];
                vc += w * (c - mc) * (c - mc);
                vr += w * (r - mr) * (r - mr);
            }
        }
        return new double[] {sum, mc, mr, vc / sum, vr / sum};
    }

    @Test
    void spreadDepositHasExactMeanAndPixelIntegratedVarianceAtEveryFraction() {
        double sigmaPx2 = (SIGMA_MM / PIXEL_MM) * (SIGMA_MM / PIXEL_MM);
        for (double f : new double[] {0.0, 0.2, 0.5, 0.73}) {
            double[] m = moments(image(true, 30 + f, 20 - f, 0.3, 0.7));
            assertThat(m[0]).as("sum at fraction %s", f).isCloseTo(1.0, within(1e-9));
            assertThat(m[1]).as("mean column at fraction %s", f).isCloseTo(30 + f, within(1e-9));
            assertThat(m[2]).as("mean row at fraction %s", f).isCloseTo(20 - f, within(1e-9));
            assertThat(m[3]).as("column variance at fraction %s", f).isCloseTo(sigmaPx2 + 1.0 / 12 + 0.3, within(1e-9));
            assertThat(m[4]).as("row variance at fraction %s", f).isCloseTo(sigmaPx2 + 1.0 / 12 + 0.7, within(1e-9));
        }
    }

    @Test
    void bilinearDepositAddsItsOwnSpreadOfOneSixthOnAverage() {
        double sigmaPx2 = (SIGMA_MM / PIXEL_MM) * (SIGMA_MM / PIXEL_MM);
        double extra = DepthResolvedDetector.SPREAD_PX2 - DepthResolvedDetector.BILINEAR_PX2;
        for (double f : new double[] {0.0, 0.2, 0.5, 0.73}) {
            double[] m = moments(image(false, 30 + f, 20, extra, extra));
            assertThat(m[1]).as("mean column at fraction %s", f).isCloseTo(30 + f, within(1e-9));
            assertThat(m[3]).as("column variance at fraction %s", f)
                    .isCloseTo(sigmaPx2 + 1.0 / 12 - 1.0 / 6 + f * (1 - f), within(1e-9));
            assertThat(m[4]).as("row variance at fraction 0").isCloseTo(sigmaPx2 + 1.0 / 12 - 1.0 / 6, within(1e-9));
        }
    }
}
