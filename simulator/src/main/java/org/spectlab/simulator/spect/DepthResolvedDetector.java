package org.spectlab.simulator.spect;

import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;

/**
 * Convolution-based forced detection on the detector side: contributions are deposited, still
 * sharp, into depth bins (distance from the collimator face), and each bin is then blurred with the
 * collimator-detector response of its depth. The blur is applied incrementally (McCarthy &amp;
 * Miller 1991): bins are accumulated from the farthest to the nearest, and between bins the running
 * sum is blurred by the increase in variance only, so each bin receives exactly its own total
 * variance. Increments are applied with three-tap kernels [v/2, 1 - v, v/2] (variance v per pass,
 * v ≤ 0.5 px²), whose repeated composition keeps the variance exact and tends to a Gaussian.
 *
 * <p>Second moments, per axis, in pixels². An analog camera counts a photon in the pixel it hits,
 * so its image is the response integrated over pixels, whose second moment exceeds the response's
 * σ²(d) by 1/12 px² (Sheppard's correction for grouping). The lattice blur of bin d is therefore
 * σ²(d) + 1/12 minus what the deposit itself spreads:
 * <ul>
 *   <li>{@link #deposit} (points at continuous positions, i.e. scatter sites) shares a point
 *       bilinearly between the four nearest pixels; for positions spread over many pixel fractions
 *       its expected pattern is the point density convolved with a triangle of variance 1/6 px²;</li>
 *   <li>{@link #depositSpread} (points on a lattice, i.e. voxel centres, whose fractional positions
 *       may all be equal, e.g. 0 on every view at a multiple of 90° when voxels and pixels align)
 *       shares a point between the three nearest pixels per axis with weights of variance exactly
 *       {@value #SPREAD_PX2} px² and the exact mean, whatever its fractional position.</li>
 * </ul>
 * The lattice blur is σ²(d) + 1/12 - {@value #SPREAD_PX2}; {@link #blurInto} then adds the
 * remainder per component (1/12 px² for bilinear deposits; the emission points' spread inside the
 * voxel for primaries) with a final blur of each image.
 *
 * <p>Several images ("components": windows x {primary, scatter}, error groups) share the geometry;
 * they are stored interleaved ({@code [bin][pixel][component]}) so that one contribution touches
 * neighbouring memory only.
 *
 * <p>Approximations: the response is a 2D Gaussian with the variance of the collimator's geometric
 * response plus the intrinsic resolution at the depth bin's centre; contributions are shared
 * linearly between the two nearest bins; only second moments of the pixel and deposit spreads are
 * matched (their shapes differ, which matters only for responses narrower than a pixel); where
 * σ²(d) &lt; {@value #SPREAD_PX2} - 1/12 px² (very close to the collimator with coarse pixels) the
 * lattice blur is clamped at 0, so images there are too wide by the shortfall.
 */
final class DepthResolvedDetector {
    /**
     * Variance (px² per axis) of the three-pixel deposit of {@link #depositSpread}: the least for
     * which its weights stay non-negative at every fraction (at a fraction of 1/2 the outer weight is
     * (v + 1/4 - 1/2)/2).
     */
    static final double SPREAD_PX2 = 0.25;
    /** Second moment (px² per axis) that integration over a pixel adds to an image (Sheppard's correction). */
    static final double PIXEL_PX2 = 1.0 / 12;
    /** Expected variance (px² per axis) of a bilinear deposit over uniformly spread fractional positions. */
    static final double BILINEAR_PX2 = 1.0 / 6;
    private final int rows;
    private final int cols;
    private final int components;
    private final int bins;
    private final double firstBinMm;
    private final double binMm;
    /** Lattice blur variance (px²) at each bin centre, increasing with depth (see the class comment). */
    private final double[] variancePx2;
    /** [bin][row][col][component]. */
    private final double[] buffer;
    private final double[] acc;
    private final double[] scratch;
    private final boolean[] touched;
    /** Per-axis stencil weights of the deposit being made (scratch, up to three taps). */
    private final double[] colWeights = new double[3];
    private final double[] rowWeights = new double[3];

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
        double previous = 0;
        for (int b = 0; b < bins; b++) {
            double s = sigmaMmAtDepth.applyAsDouble(firstBinMm + b * binMm) / pixelMm;
            if (b > 0 && s * s < previous) {
                throw new IllegalArgumentException("response must not narrow with depth");
            }
            previous = s * s;
            variancePx2[b] = Math.max(0, s * s + PIXEL_PX2 - SPREAD_PX2);
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
        int c0 = (int) Math.floor(col);
        int r0 = (int) Math.floor(row);
        double wc = col - c0;
        double wr = row - r0;
        colWeights[0] = 1 - wc;
        colWeights[1] = wc;
        rowWeights[0] = 1 - wr;
        rowWeights[1] = wr;
        depositStencil(depthMm, c0, r0, 2, values);
    }

    /**
     * Deposits a sharp contribution to every component at once, shared between the three nearest
     * pixels per axis with the exact mean and a variance of exactly {@value #SPREAD_PX2} px² per
     * axis whatever the fractional position (for points on a lattice, see the class comment).
     *
     * @param depthMm distance from the collimator face, mm
     * @param col     continuous column coordinate (pixel centres at whole numbers)
     * @param row     continuous row coordinate
     * @param values  contribution per component ({@link #components()} values)
     */
    void depositSpread(double depthMm, double col, double row, double[] values) {
        int cc = (int) Math.floor(col + 0.5);
        int rc = (int) Math.floor(row + 0.5);
        double dc = col - cc;
        double dr = row - rc;
        // weights at offsets -1, 0, +1: mean d, second moment SPREAD + d², non-negative for |d| ≤ 1/2
        colWeights[0] = 0.5 * (SPREAD_PX2 + dc * dc - dc);
        colWeights[1] = 1 - SPREAD_PX2 - dc * dc;
        colWeights[2] = 0.5 * (SPREAD_PX2 + dc * dc + dc);
        rowWeights[0] = 0.5 * (SPREAD_PX2 + dr * dr - dr);
        rowWeights[1] = 1 - SPREAD_PX2 - dr * dr;
        rowWeights[2] = 0.5 * (SPREAD_PX2 + dr * dr + dr);
        depositStencil(depthMm, cc - 1, rc - 1, 3, values);
    }

    /**
     * Adds {@code values} into the two depth bins around {@code depthMm} (shared linearly) over a
     * square stencil of {@code taps} x {@code taps} pixels starting at ({@code firstCol},
     * {@code firstRow}), weighted by {@link #colWeights} x {@link #rowWeights}; pixels off the
     * detector are dropped.
     */
    private void depositStencil(double depthMm, int firstCol, int firstRow, int taps, double[] values) {
        double fd = binPosition(depthMm);
        int b0 = Math.min((int) fd, bins - 2);
        double wb = fd - b0;
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
            for (int i = 0; i < taps; i++) {
                int r = firstRow + i;
                if (r < 0 || r >= rows) {
                    continue;
                }
                double fr = fb * rowWeights[i];
                for (int j = 0; j < taps; j++) {
                    int c = firstCol + j;
                    if (c < 0 || c >= cols) {
                        continue;
                    }
                    double f = fr * colWeights[j];
                    int p = off + (r * cols + c) * nc;
                    for (int q = 0; q < nc; q++) {
                        buffer[p + q] += f * values[q];
                    }
                }
            }
        }
    }

    /** Continuous bin coordinate of a depth (bin centres at whole numbers), clamped to the bins. */
    private double binPosition(double depthMm) {
        double fd = (depthMm - firstBinMm) / binMm;
        return Math.max(0, Math.min(bins - 1, fd));
    }

    /**
     * Blurs every bin with its depth's response and writes the sum of all bins into
     * {@code out[component]} (rows x cols each), overwriting it; then blurs each component's image
     * by a further variance per axis (px²; 0 for none): the part of the second moment that its
     * deposits did not carry (see the class comment).
     *
     * @param extraColsPx2 further variance along columns, per component
     * @param extraRowsPx2 further variance along rows, per component
     */
    void blurInto(double[][] out, double[] extraColsPx2, double[] extraRowsPx2) {
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
            blurImage(o, extraColsPx2[c], extraRowsPx2[c]);
        }
    }

    /** Blurs one rows x cols image in place, with separate variances (px²) along columns and rows. */
    private void blurImage(double[] image, double varCols, double varRows) {
        int passesC = varCols > 0 ? (int) Math.ceil(varCols / 0.5) : 0;
        int passesR = varRows > 0 ? (int) Math.ceil(varRows / 0.5) : 0;
        double[] tmp = scratch;
        for (int pass = 0; pass < passesC; pass++) {
            double v = varCols / passesC;
            for (int r = 0; r < rows; r++) {
                int start = r * cols;
                for (int c = 0; c < cols; c++) {
                    int p = start + c;
                    double prev = c > 0 ? image[p - 1] : 0;
                    double next = c + 1 < cols ? image[p + 1] : 0;
                    tmp[p] = (1 - v) * image[p] + 0.5 * v * (prev + next);
                }
            }
            System.arraycopy(tmp, 0, image, 0, rows * cols);
        }
        for (int pass = 0; pass < passesR; pass++) {
            double v = varRows / passesR;
            int total = rows * cols;
            for (int p = 0; p < total; p++) {
                double prev = p - cols >= 0 ? image[p - cols] : 0;
                double next = p + cols < total ? image[p + cols] : 0;
                tmp[p] = (1 - v) * image[p] + 0.5 * v * (prev + next);
            }
            System.arraycopy(tmp, 0, image, 0, total);
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
