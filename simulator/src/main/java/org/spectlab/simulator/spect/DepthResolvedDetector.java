package org.spectlab.simulator.spect;

import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;

/**
 * Convolution-based forced detection on the detector side: contributions are deposited, still
 * sharp, into depth bins (distance from the collimator face), and each bin is then blurred with the
 * collimator-detector response of its depth. The blur is applied incrementally (McCarthy &amp;
 * Miller 1991): bins are accumulated from the farthest to the nearest, and between bins the running
 * sum is blurred by the increase in variance only, so each bin receives exactly its own total
 * variance σ²(d). Increments are applied with three-tap kernels [v/2, 1 - v, v/2] (variance v per
 * pass, v ≤ 0.5 px²), whose repeated composition keeps the variance exact and tends to a Gaussian.
 *
 * <p>Approximation: the response is a 2D Gaussian with the variance of the collimator's geometric
 * response plus the intrinsic resolution at the depth bin's centre; contributions are shared
 * linearly between the two nearest bins and bilinearly between the four nearest pixels.
 */
final class DepthResolvedDetector {
    private final int rows;
    private final int cols;
    private final int components;
    private final int bins;
    private final double firstBinMm;
    private final double binMm;
    private final double pixelMm;
    /** Response variance (px²) at each bin centre, increasing with depth. */
    private final double[] variancePx2;
    /** [component][bin][row][col]. */
    private final double[][] buffer;
    private final double[] scratch;
    private final boolean[] touched;

    /**
     * @param rows        projection rows
     * @param cols        projection columns
     * @param components  independent images handled together (e.g. window x primary/scatter)
     * @param minDepthMm  smallest depth served, mm (≥ 0)
     * @param maxDepthMm  largest depth served, mm
     * @param binMm       depth bin width, mm
     * @param pixelMm     projection pixel size, mm
     * @param sigmaMmAtDepth response standard deviation (mm, per axis) as a function of depth (mm)
     */
    DepthResolvedDetector(int rows, int cols, int components, double minDepthMm, double maxDepthMm, double binMm,
                          double pixelMm, DoubleUnaryOperator sigmaMmAtDepth) {
        this.rows = rows;
        this.cols = cols;
        this.components = components;
        this.binMm = binMm;
        this.pixelMm = pixelMm;
        this.firstBinMm = Math.max(0, minDepthMm);
        this.bins = Math.max(2, (int) Math.ceil((maxDepthMm - firstBinMm) / binMm) + 1);
        this.variancePx2 = new double[bins];
        for (int b = 0; b < bins; b++) {
            double s = sigmaMmAtDepth.applyAsDouble(firstBinMm + b * binMm) / pixelMm;
            variancePx2[b] = s * s;
            if (b > 0 && variancePx2[b] < variancePx2[b - 1]) {
                throw new IllegalArgumentException("response must not narrow with depth");
            }
        }
        this.buffer = new double[components][bins * rows * cols];
        this.scratch = new double[rows * cols];
        this.touched = new boolean[bins];
    }

    /** Clears every bin. */
    void clear() {
        for (double[] b : buffer) {
            Arrays.fill(b, 0);
        }
        Arrays.fill(touched, false);
    }

    /**
     * Deposits a sharp contribution.
     *
     * @param component image index
     * @param depthMm   distance from the collimator face, mm
     * @param col       continuous column coordinate (pixel centres at whole numbers)
     * @param row       continuous row coordinate
     * @param value     contribution
     */
    void deposit(int component, double depthMm, double col, double row, double value) {
        double fd = (depthMm - firstBinMm) / binMm;
        if (fd < 0) {
            fd = 0;
        } else if (fd > bins - 1) {
            fd = bins - 1;
        }
        int b0 = (int) fd;
        if (b0 >= bins - 1) {
            b0 = bins - 2;
        }
        double wb = fd - b0;
        int c0 = (int) Math.floor(col);
        int r0 = (int) Math.floor(row);
        double wc = col - c0;
        double wr = row - r0;
        double[] buf = buffer[component];
        int plane = rows * cols;
        for (int db = 0; db < 2; db++) {
            double vb = value * (db == 0 ? 1 - wb : wb);
            if (vb == 0) {
                continue;
            }
            int bin = b0 + db;
            touched[bin] = true;
            int off = bin * plane;
            for (int dr = 0; dr < 2; dr++) {
                int r = r0 + dr;
                if (r < 0 || r >= rows) {
                    continue;
                }
                double vr = vb * (dr == 0 ? 1 - wr : wr);
                for (int dc = 0; dc < 2; dc++) {
                    int c = c0 + dc;
                    if (c < 0 || c >= cols) {
                        continue;
                    }
                    buf[off + r * cols + c] += vr * (dc == 0 ? 1 - wc : wc);
                }
            }
        }
    }

    /** Blurs every bin with its depth's response and adds the sum into {@code out[component]} (rows x cols). */
    void blurInto(double[][] out) {
        int plane = rows * cols;
        int farthest = -1;
        for (int b = bins - 1; b >= 0; b--) {
            if (touched[b]) {
                farthest = b;
                break;
            }
        }
        if (farthest < 0) {
            return;
        }
        for (int c = 0; c < components; c++) {
            double[] buf = buffer[c];
            // accumulate from the farthest bin towards the nearest, in place in the farthest bin's slot
            double[] acc = new double[plane];
            for (int b = farthest; b >= 0; b--) {
                int off = b * plane;
                for (int p = 0; p < plane; p++) {
                    acc[p] += buf[off + p];
                }
                double increment = b > 0 ? variancePx2[b] - variancePx2[b - 1] : variancePx2[0];
                blur(acc, increment);
            }
            double[] o = out[c];
            for (int p = 0; p < plane; p++) {
                o[p] += acc[p];
            }
        }
    }

    /** Blurs an image by a separable response of the given variance (px²) per axis. */
    private void blur(double[] img, double variance) {
        if (variance <= 0) {
            return;
        }
        int passes = (int) Math.ceil(variance / 0.5);
        double v = variance / passes;
        double side = 0.5 * v;
        double centre = 1 - v;
        for (int p = 0; p < passes; p++) {
            // along columns
            for (int r = 0; r < rows; r++) {
                int off = r * cols;
                double prev = 0;
                for (int c = 0; c < cols; c++) {
                    double cur = img[off + c];
                    double next = c + 1 < cols ? img[off + c + 1] : 0;
                    scratch[off + c] = centre * cur + side * (prev + next);
                    prev = cur;
                }
            }
            // along rows
            for (int c = 0; c < cols; c++) {
                double prev = 0;
                for (int r = 0; r < rows; r++) {
                    double cur = scratch[r * cols + c];
                    double next = r + 1 < rows ? scratch[(r + 1) * cols + c] : 0;
                    img[r * cols + c] = centre * cur + side * (prev + next);
                    prev = cur;
                }
            }
        }
    }
}
