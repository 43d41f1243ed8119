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
 * <p>Several images ("components": windows x {primary, scatter}, error groups) share the geometry;
 * they are stored interleaved ({@code [bin][pixel][component]}) so that one contribution touches
 * neighbouring memory only.
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
    /** Response variance (px²) at each bin centre, increasing with depth. */
    private final double[] variancePx2;
    /** [bin][row][col][component]. */
    private final double[] buffer;
    private final double[] acc;
    private final double[] scratch;
    private final boolean[] touched;

    /**
     * @param rows        projection rows
     * @param cols        projection columns
     * @param components  independent images handled together
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
        int plane = rows * cols * components;
        this.buffer = new double[bins * plane];
        this.acc = new double[plane];
        this.scratch = new double[plane];
        this.touched = new boolean[bins];
    }

    /** Number of components. */
    int components() {
        return components;
    }

    /** Clears every bin. */
    void clear() {
        int plane = rows * cols * components;
        for (int b = 0; b < bins; b++) {
            if (touched[b]) {
                Arrays.fill(buffer, b * plane, (b + 1) * plane, 0);
            }
        }
        Arrays.fill(touched, false);
    }

    /**
     * Deposits a sharp contribution to every component at once.
     *
     * @param depthMm distance from the collimator face, mm
     * @param col     continuous column coordinate (pixel centres at whole numbers)
     * @param row     continuous row coordinate
     * @param values  contribution per component ({@link #components()} values)
     */
    void deposit(double depthMm, double col, double row, double[] values) {
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
        int plane = rows * cols * components;
        int nc = components;
        for (int db = 0; db < 2; db++) {
            double fb = db == 0 ? 1 - wb : wb;
            if (fb == 0) {
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
                double fr = fb * (dr == 0 ? 1 - wr : wr);
                for (int dc = 0; dc < 2; dc++) {
                    int c = c0 + dc;
                    if (c < 0 || c >= cols) {
                        continue;
                    }
                    double f = fr * (dc == 0 ? 1 - wc : wc);
                    int p = off + (r * cols + c) * nc;
                    for (int k = 0; k < nc; k++) {
                        buffer[p + k] += f * values[k];
                    }
                }
            }
        }
    }

    /**
     * Blurs every bin with its depth's response and writes the sum of all bins into
     * {@code out[component]} (rows x cols each), overwriting it.
     */
    void blurInto(double[][] out) {
        int plane = rows * cols * components;
        Arrays.fill(acc, 0);
        int farthest = -1;
        for (int b = bins - 1; b >= 0; b--) {
            if (touched[b]) {
                farthest = b;
                break;
            }
        }
        for (int b = farthest; b >= 0; b--) {
            if (touched[b]) {
                int off = b * plane;
                for (int p = 0; p < plane; p++) {
                    acc[p] += buffer[off + p];
                }
            }
            double increment = b > 0 ? variancePx2[b] - variancePx2[b - 1] : variancePx2[0];
            blur(increment);
        }
        int nc = components;
        for (int c = 0; c < nc; c++) {
            double[] o = out[c];
            for (int p = 0, q = c; p < o.length; p++, q += nc) {
                o[p] = acc[q];
            }
        }
    }

    /** Blurs {@link #acc} by a separable response of the given variance (px²) per axis. */
    private void blur(double variance) {
        if (variance <= 0) {
            return;
        }
        int passes = (int) Math.ceil(variance / 0.5);
        double v = variance / passes;
        double side = 0.5 * v;
        double centre = 1 - v;
        int nc = components;
        int rowStride = cols * nc;
        for (int pass = 0; pass < passes; pass++) {
            // along columns: neighbours are nc apart
            for (int r = 0; r < rows; r++) {
                int start = r * rowStride;
                int end = start + rowStride;
                for (int p = start; p < end; p++) {
                    double prev = p - nc >= start ? acc[p - nc] : 0;
                    double next = p + nc < end ? acc[p + nc] : 0;
                    scratch[p] = centre * acc[p] + side * (prev + next);
                }
            }
            // along rows: neighbours are rowStride apart
            int total = rows * rowStride;
            for (int p = 0; p < total; p++) {
                double prev = p - rowStride >= 0 ? scratch[p - rowStride] : 0;
                double next = p + rowStride < total ? scratch[p + rowStride] : 0;
                acc[p] = centre * scratch[p] + side * (prev + next);
            }
        }
    }
}
