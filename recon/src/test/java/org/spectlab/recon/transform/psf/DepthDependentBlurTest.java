package org.spectlab.recon.transform.psf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.spectlab.recon.TestGeometries;
import org.spectlab.recon.metadata.ReconstructionGeometry;
import org.spectlab.recon.projector.ParallelLoops;
import org.spectlab.recon.projector.RotatedFrame;

/**
 * Incremental blurring against the direct per-plane Gaussian it replaces: a point in plane j must
 * come out on the nearest plane with unit total, the variance {@code σ_j² - σ_last²} plus that of
 * the last kernel, and a shape close to the direct pixel-integrated Gaussian of {@code σ_j}.
 */
class DepthDependentBlurTest {
    private static final int COLS = 48;
    private static final int ROWS = 40;
    private static final double PIXEL_MM = 4.42;
    private static final double RADIUS_MM = 250.0;

    private static double[] moments(float[] kernelHalf) {
        double sum = kernelHalf[0];
        double second = 0;
        for (int m = 1; m < kernelHalf.length; m++) {
            sum += 2 * kernelHalf[m];
            second += 2.0 * m * m * kernelHalf[m];
        }
        return new double[] {sum, second / sum};
    }

    @ParameterizedTest(name = "plane {0}")
    @ValueSource(ints = {0, 5, 11, 12, 13, 24, 40, 47})
    void aPointInAnyPlaneGetsTheVarianceOfItsDepth(int plane) {
        ReconstructionGeometry g = TestGeometries.geometry(8, ROWS, COLS, PIXEL_MM, RADIUS_MM);
        RotatedFrame frame = RotatedFrame.of(g);
        DepthDependentBlur blur = DepthDependentBlur.of(frame, CollimatorSpec.geLehr(TestGeometries.LEAD_MU_PER_CM_140KEV));
        float[] rotated = new float[frame.size()];
        int k0 = ROWS / 2;
        int i0 = COLS / 2;
        rotated[i0 + COLS * (k0 + ROWS * plane)] = 1f;
        try (ParallelLoops loops = ParallelLoops.of(2)) {
            blur.forward(0, rotated, loops);
        }
        int last = (frame.planes() - 1) * ROWS * COLS;
        double total = 0;
        double varCols = 0;
        double varRows = 0;
        for (int n = 0; n < rotated.length; n++) {
            if (n < last) {
                assertThat(rotated[n]).isZero();
                continue;
            }
            int k = (n - last) / COLS;
            int i = (n - last) % COLS;
            total += rotated[n];
            varCols += rotated[n] * (double) (i - i0) * (i - i0);
            varRows += rotated[n] * (double) (k - k0) * (k - k0);
        }
        varCols /= total;
        varRows /= total;
        // Unit sum and variances: exact by construction up to float rounding (1e-5 relative).
        assertThat(total).isCloseTo(1.0, within(1e-5));
        double sigmaJ = blur.sigmaPx(RADIUS_MM, plane);
        double sigmaLast = blur.sigmaPx(RADIUS_MM, frame.planes() - 1);
        double expected = sigmaJ * sigmaJ - sigmaLast * sigmaLast
                + moments(org.spectlab.recon.filter.GaussianKernel.halfKernel(sigmaLast))[1];
        assertThat(varCols).isCloseTo(expected, within(1e-4 * expected));
        assertThat(varRows).isCloseTo(expected, within(1e-4 * expected));
        // The direct kernel of plane j truncates at 3 sigma (variance 2.7 % low for a wide Gaussian)
        // and adds 1/12 px^2 for pixel integration, which the scheme reproduces through the last kernel.
        double direct = moments(blur.halfKernel(RADIUS_MM, plane))[1];
        assertThat(varCols).isCloseTo(direct, within(0.04 * direct));
        // Shape: composing sub-pixel kernels on the pixel lattice gives a slightly sharper peak than the
        // direct pixel-integrated Gaussian of the same variance (computed independently in double
        // precision: 4.6 %, 8.1 % and 6.3 % of the 2D peak at planes 40, 24 and 0 of this geometry).
        // Bound 10 %: a dropped increment or a missing composite moves the peak by 25 % or more here.
        float[] w = blur.halfKernel(RADIUS_MM, plane);
        double peak = w[0] * w[0];
        double worst = 0;
        for (int k = 0; k < ROWS; k++) {
            for (int i = 0; i < COLS; i++) {
                int dk = Math.abs(k - k0);
                int di = Math.abs(i - i0);
                double ref = dk < w.length && di < w.length ? w[dk] * w[di] : 0.0;
                worst = Math.max(worst, Math.abs(rotated[last + i + COLS * k] - ref));
            }
        }
        assertThat(worst / peak).isLessThan(0.10);
    }

    @Test
    void incrementKernelsHaveExactlyTheRequestedVariance() {
        for (double v : new double[] {1e-3, 0.1, 0.66, 0.7, 2.5}) {
            double[] k = DepthDependentBlur.incrementKernel(v);
            int h = k.length / 2;
            double sum = 0;
            double second = 0;
            for (int i = 0; i < k.length; i++) {
                assertThat(k[i]).isGreaterThanOrEqualTo(0.0);
                sum += k[i];
                second += k[i] * (i - h) * (i - h);
            }
            assertThat(sum).isCloseTo(1.0, within(1e-12));
            assertThat(second).isCloseTo(v, within(1e-12));
        }
        assertThat(DepthDependentBlur.incrementKernel(0.0)).isNull();
    }
}
