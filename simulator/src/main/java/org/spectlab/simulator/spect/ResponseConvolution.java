package org.spectlab.simulator.spect;

import org.jtransforms.fft.DoubleFFT_2D;

/**
 * Convolution of projection images with a bank of tabulated 2D collimator-detector kernels by FFT
 * (for forced detection with a Monte Carlo collimator response, whose kernels — penetration
 * spikes, collimator-scatter tails — are neither Gaussian nor separable).
 *
 * <p>A kernel is a square grid of odd side s, row-major, whose centre pixel ((s - 1)/2, (s - 1)/2)
 * is the source's own pixel: an image's value at pixel p spreads to p + (i - h, j - h) with weight
 * K[i][j], h = (s - 1)/2. The output is the linear ("same"-size) convolution: the image is
 * zero-padded to at least rows + h by cols + h (rounded up to a product of 2, 3 and 5 for a fast
 * transform), so nothing wraps around into the output. The kernels' spectra are computed once and
 * shared read-only; each {@link Worker} owns its transform plan and buffers (one per thread, no
 * allocation per image) and accumulates, per component, the products of its images' spectra with
 * their kernels' spectra, so several depth bins cost one forward transform each and one inverse
 * transform per component. Results depend only on the inputs and the order of {@code add} calls:
 * JTransforms 3.1 threads a 2D transform only from CommonUtils.getThreadsBeginN_2D() elements on,
 * and then hands whole rows and columns to its threads, so no element's arithmetic depends on the
 * split (those threads do compete with the caller's own view threads on large planes).
 *
 * <p>Cost, measured once (throw-away timing, load average ~2 on 2 cores): a 128 x 128 view with
 * 41 depth bins, 4 components and a 31-pixel kernel (padded to 144 x 144, complex transforms)
 * took 86-121 ms against 16-48 ms for the Gaussian path of {@link DepthResolvedDetector} with
 * 20 000 deposits; real-to-complex transforms would roughly halve it.
 */
final class ResponseConvolution {
    private final int rows;
    private final int cols;
    private final int side;
    private final int padRows;
    private final int padCols;
    /** Per kernel: interleaved complex spectrum, padRows x padCols complex values. */
    private final double[][] spectra;

    /**
     * @param rows    image rows
     * @param cols    image columns
     * @param side    kernel side (odd)
     * @param kernels kernels, side² values each, row-major (not modified)
     */
    ResponseConvolution(int rows, int cols, int side, double[][] kernels) {
        if (side < 1 || side % 2 == 0) {
            throw new IllegalArgumentException("kernel side must be odd: " + side);
        }
        this.rows = rows;
        this.cols = cols;
        this.side = side;
        int h = side / 2;
        this.padRows = fastSize(rows + h);
        this.padCols = fastSize(cols + h);
        this.spectra = new double[kernels.length][];
        DoubleFFT_2D fft = new DoubleFFT_2D(padRows, padCols);
        for (int k = 0; k < kernels.length; k++) {
            double[] kernel = kernels[k];
            if (kernel.length != side * side) {
                throw new IllegalArgumentException("kernel " + k + " has " + kernel.length + " values, not " + side * side);
            }
            double[] a = new double[2 * padRows * padCols];
            for (int i = 0; i < side; i++) {
                int r = Math.floorMod(i - h, padRows);
                for (int j = 0; j < side; j++) {
                    int c = Math.floorMod(j - h, padCols);
                    a[2 * (r * padCols + c)] += kernel[i * side + j];
                }
            }
            fft.complexForward(a);
            spectra[k] = a;
        }
    }

    /** The smallest n' ≥ n whose only prime factors are 2, 3 and 5. */
    static int fastSize(int n) {
        for (int m = Math.max(1, n); ; m++) {
            int q = m;
            for (int p : new int[] {2, 3, 5}) {
                while (q % p == 0) {
                    q /= p;
                }
            }
            if (q == 1) {
                return m;
            }
        }
    }

    /** Number of kernels in the bank. */
    int kernels() {
        return spectra.length;
    }

    /** Kernel side. */
    int side() {
        return side;
    }

    /** A worker with its own plan and buffers, accumulating {@code components} images. */
    Worker worker(int components) {
        return new Worker(components);
    }

    /** Per-thread state: the transform plan, one scratch plane and one accumulator per component. */
    final class Worker {
        private final DoubleFFT_2D fft = new DoubleFFT_2D(padRows, padCols);
        private final double[] scratch = new double[2 * padRows * padCols];
        private final double[][] acc;
        private final boolean[] used;

        private Worker(int components) {
            acc = new double[components][2 * padRows * padCols];
            used = new boolean[components];
        }

        /** Clears every component's accumulator. */
        void clear() {
            for (int c = 0; c < acc.length; c++) {
                if (used[c]) {
                    java.util.Arrays.fill(acc[c], 0);
                    used[c] = false;
                }
            }
        }

        /**
         * Adds image ⊛ kernel to a component. The image is read from {@code source} at
         * {@code offset + stride * (row * cols + col)} (stride > 1 for interleaved components).
         */
        void add(int component, double[] source, int offset, int stride, int kernel) {
            if (transform(source, offset, stride)) {
                accumulate(component, kernel);
            }
        }

        /**
         * Transforms an image (read as in {@link #add}) into the worker's scratch spectrum, for
         * several {@link #accumulate} calls with different kernels and components; false (and
         * nothing to accumulate) when the image is zero.
         */
        boolean transform(double[] source, int offset, int stride) {
            double[] a = scratch;
            java.util.Arrays.fill(a, 0);
            boolean any = false;
            for (int r = 0; r < rows; r++) {
                int src = offset + stride * r * cols;
                int dst = 2 * r * padCols;
                for (int c = 0; c < cols; c++) {
                    double v = source[src + stride * c];
                    a[dst + 2 * c] = v;
                    any |= v != 0;
                }
            }
            if (any) {
                fft.complexForward(a);
            }
            return any;
        }

        /** Adds the last {@link #transform}ed image ⊛ kernel to a component. */
        void accumulate(int component, int kernel) {
            double[] a = scratch;
            double[] k = spectra[kernel];
            double[] out = acc[component];
            for (int i = 0; i < a.length; i += 2) {
                double re = a[i];
                double im = a[i + 1];
                out[i] += re * k[i] - im * k[i + 1];
                out[i + 1] += re * k[i + 1] + im * k[i];
            }
            used[component] = true;
        }

        /** Writes a component's accumulated convolution into {@code out} (rows x cols), overwriting it. */
        void finish(int component, double[] out) {
            if (!used[component]) {
                java.util.Arrays.fill(out, 0, rows * cols, 0);
                return;
            }
            double[] a = acc[component];
            fft.complexInverse(a, true);
            for (int r = 0; r < rows; r++) {
                int src = 2 * r * padCols;
                for (int c = 0; c < cols; c++) {
                    out[r * cols + c] = a[src + 2 * c];
                }
            }
            java.util.Arrays.fill(a, 0);
            used[component] = false;
        }
    }
}
