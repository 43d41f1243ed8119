package org.spectlab.simulator.spect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** FFT convolution with tabulated kernels against the direct sum. */
class ResponseConvolutionTest {
    private static double[] random(SplittableRandom rng, int n) {
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = rng.nextDouble();
        }
        return a;
    }

    /** Direct linear convolution with the kernel's centre at the source pixel. */
    private static double[] direct(double[] image, int rows, int cols, double[] kernel, int side) {
        int h = side / 2;
        double[] out = new double[rows * cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                for (int i = 0; i < side; i++) {
                    for (int j = 0; j < side; j++) {
                        int tr = r + i - h;
                        int tc = c + j - h;
                        if (tr >= 0 && tr < rows && tc >= 0 && tc < cols) {
                            out[tr * cols + tc] += image[r * cols + c] * kernel[i * side + j];
                        }
                    }
                }
            }
        }
        return out;
    }

    @Test
    void sumOfConvolutionsOfInterleavedImagesMatchesTheDirectSum() {
        // two depth bins, two interleaved components, a non-square image and a kernel wider than
        // half the image (wrap-around would show at the edges); tolerance: double rounding of FFTs
        // of these sizes (~1e-15 relative per operation, a few hundred operations per element)
        SplittableRandom rng = new SplittableRandom(3);
        int rows = 13;
        int cols = 20;
        int side = 9;
        double[][] kernels = {random(rng, side * side), random(rng, side * side)};
        ResponseConvolution conv = new ResponseConvolution(rows, cols, side, kernels);
        ResponseConvolution.Worker w = conv.worker(2);
        int plane = rows * cols * 2;
        double[] bins = random(rng, 2 * plane);
        w.add(0, bins, 0, 2, 0);
        w.add(1, bins, 1, 2, 0);
        w.add(0, bins, plane, 2, 1);
        w.add(1, bins, plane + 1, 2, 1);
        for (int comp = 0; comp < 2; comp++) {
            double[] a = new double[rows * cols];
            double[] b = new double[rows * cols];
            for (int p = 0; p < rows * cols; p++) {
                a[p] = bins[2 * p + comp];
                b[p] = bins[plane + 2 * p + comp];
            }
            double[] da = direct(a, rows, cols, kernels[0], side);
            double[] db = direct(b, rows, cols, kernels[1], side);
            double[] out = new double[rows * cols];
            w.finish(comp, out);
            for (int p = 0; p < out.length; p++) {
                assertThat(out[p]).isCloseTo(da[p] + db[p], org.assertj.core.data.Offset.offset(1e-11));
            }
        }
        // finish cleared the accumulators: an empty component gives zeros
        double[] out = new double[rows * cols];
        w.finish(0, out);
        assertThat(out).containsOnly(0.0);
    }

    @Test
    void aDeltaKernelReturnsTheImageAndAShiftedDeltaShiftsIt() {
        SplittableRandom rng = new SplittableRandom(5);
        int rows = 8;
        int cols = 7;
        double[] delta = new double[9];
        delta[4] = 1;
        double[] right = new double[9];
        right[5] = 1; // kernel column h + 1: one pixel towards larger columns
        ResponseConvolution conv = new ResponseConvolution(rows, cols, 3, new double[][] {delta, right});
        ResponseConvolution.Worker w = conv.worker(1);
        double[] image = random(rng, rows * cols);
        double[] out = new double[rows * cols];
        w.add(0, image, 0, 1, 0);
        w.finish(0, out);
        for (int p = 0; p < out.length; p++) {
            assertThat(out[p]).isCloseTo(image[p], org.assertj.core.data.Offset.offset(1e-14));
        }
        w.add(0, image, 0, 1, 1);
        w.finish(0, out);
        for (int r = 0; r < rows; r++) {
            assertThat(out[r * cols]).isCloseTo(0.0, org.assertj.core.data.Offset.offset(1e-14));
            for (int c = 1; c < cols; c++) {
                assertThat(out[r * cols + c]).isCloseTo(image[r * cols + c - 1],
                        org.assertj.core.data.Offset.offset(1e-14));
            }
        }
    }

    @Test
    void fastSizesHaveOnlyFactorsTwoThreeAndFive() {
        assertThat(ResponseConvolution.fastSize(7)).isEqualTo(8);
        assertThat(ResponseConvolution.fastSize(128 + 15)).isEqualTo(144);
        assertThat(ResponseConvolution.fastSize(31)).isEqualTo(32);
        assertThat(ResponseConvolution.fastSize(30)).isEqualTo(30);
    }
}
