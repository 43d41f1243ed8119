package org.spectlab.simulator.spect;

import java.util.Arrays;

/**
 * The detector side of forced detection for the photons that cross septal lead ({@link
 * SeptalResponse}): a sibling of {@link DepthResolvedDetector}, one per thread, reused for every
 * view (no allocation per view or per deposit).
 *
 * <p>A contribution is the rate of photons that an isotropic emitter at the site would send
 * towards the detector, in photons emitted into 4π per second (the attenuated emission rate of a
 * voxel; for a scatter site 4π times its angular density per steradian along the hole axis),
 * at an incident energy, a distance from the collimator face and a continuous pixel position. It is
 * deposited sharp, shared linearly between the two nearest energy nodes and the two nearest depth
 * nodes (the bilinear interpolation of the kernels) and bilinearly between the four nearest pixels
 * (which widens the image by 1/6 px² per axis on average: negligible against the septal
 * components' tails, whose second moments are several px²). Planes carry a margin of
 * {@link SeptalResponse#marginPx()} pixels around the detector, so that sources projecting just
 * outside it still send their tails in. {@link #finishView} then convolves each touched (energy,
 * depth) plane with its kernels of every window and component by FFT (one forward transform per
 * plane, one inverse per window and component) and adds the plane's total times the node's
 * spectra to the component spectra.
 */
final class SeptalResponseDetector {
    private final SeptalResponse response;
    private final int rows;
    private final int cols;
    private final int padRows;
    private final int padCols;
    private final int margin;
    private final int energies;
    private final int depths;
    private final int windows;
    /** [(e * depths + d)][padded pixel]. */
    private final double[] planes;
    /** Total value deposited per (energy, depth) node (for the spectra). */
    private final double[] totals;
    private final boolean[] touched;
    private final ResponseConvolution.Worker worker;
    private final double[] padded;

    SeptalResponseDetector(SeptalResponse response, int rows, int cols) {
        this.response = response;
        this.rows = rows;
        this.cols = cols;
        this.margin = response.marginPx();
        this.padRows = rows + 2 * margin;
        this.padCols = cols + 2 * margin;
        this.energies = response.energyKeV().length;
        this.depths = response.depthMm().length;
        this.windows = response.windows();
        this.planes = new double[energies * depths * padRows * padCols];
        this.totals = new double[energies * depths];
        this.touched = new boolean[energies * depths];
        this.worker = response.bank().worker(windows * SeptalResponse.COMPONENTS);
        this.padded = new double[padRows * padCols];
    }

    /** Output images: one per window and component, index {@code w * COMPONENTS + c}. */
    int images() {
        return windows * SeptalResponse.COMPONENTS;
    }

    /** Clears every plane. */
    void clear() {
        int plane = padRows * padCols;
        for (int i = 0; i < touched.length; i++) {
            if (touched[i]) {
                Arrays.fill(planes, i * plane, (i + 1) * plane, 0);
                touched[i] = false;
                totals[i] = 0;
            }
        }
    }

    /**
     * Deposits a contribution.
     *
     * @param energyKeV incident energy, keV (below the lowest node: nothing is deposited; above the
     *                  highest: the highest node)
     * @param depthMm   distance from the collimator face, mm
     * @param col       continuous column coordinate (pixel centres at whole numbers)
     * @param row       continuous row coordinate
     * @param value     photons emitted into 4π per second (see the class comment)
     */
    void deposit(double energyKeV, double depthMm, double col, double row, double value) {
        double[] en = response.energyKeV();
        if (value == 0 || energyKeV < en[0]) {
            return;
        }
        int e0 = lower(en, energyKeV);
        double we = e0 + 1 < energies ? (energyKeV - en[e0]) / (en[e0 + 1] - en[e0]) : 0;
        if (we >= 1) {
            we = 1;
        }
        double[] dn = response.depthMm();
        double depth = Math.max(dn[0], Math.min(dn[depths - 1], depthMm));
        int d0 = Math.min(lower(dn, depth), depths - 2);
        double wd = (depth - dn[d0]) / (dn[d0 + 1] - dn[d0]);
        double pc = col + margin;
        double pr = row + margin;
        int c0 = (int) Math.floor(pc);
        int r0 = (int) Math.floor(pr);
        double wc = pc - c0;
        double wr = pr - r0;
        int plane = padRows * padCols;
        for (int ie = 0; ie < 2; ie++) {
            double fe = ie == 0 ? 1 - we : we;
            if (fe == 0) {
                continue;
            }
            for (int id = 0; id < 2; id++) {
                double f = fe * (id == 0 ? 1 - wd : wd) * value;
                if (f == 0) {
                    continue;
                }
                int node = (e0 + ie) * depths + d0 + id;
                touched[node] = true;
                totals[node] += f;
                int off = node * plane;
                for (int i = 0; i < 2; i++) {
                    int r = r0 + i;
                    if (r < 0 || r >= padRows) {
                        continue;
                    }
                    double fr = f * (i == 0 ? 1 - wr : wr);
                    for (int j = 0; j < 2; j++) {
                        int c = c0 + j;
                        if (c < 0 || c >= padCols) {
                            continue;
                        }
                        planes[off + r * padCols + c] += fr * (j == 0 ? 1 - wc : wc);
                    }
                }
            }
        }
    }

    /** Index of the node at or below x (x ≥ nodes[0]), the last node above the last. */
    private static int lower(double[] nodes, double x) {
        int i = Arrays.binarySearch(nodes, x);
        int k = i >= 0 ? i : -i - 2;
        return Math.max(0, Math.min(k, nodes.length - 1));
    }

    /**
     * Convolves the view's deposits and writes, for every window w and component c, the image into
     * {@code out[w * COMPONENTS + c]} (rows x cols, overwritten), and adds the measured-energy
     * spectra of the deposits into {@code spectra[c]} (1 keV bins).
     */
    void finishView(double[][] out, double[][] spectra) {
        int plane = padRows * padCols;
        worker.clear();
        for (int e = 0; e < energies; e++) {
            for (int d = 0; d < depths; d++) {
                int node = e * depths + d;
                if (!touched[node]) {
                    continue;
                }
                for (int c = 0; c < SeptalResponse.COMPONENTS; c++) {
                    double[] s = response.spectrum(e, d, c);
                    double[] dst = spectra[c];
                    double t = totals[node];
                    int n = Math.min(s.length, dst.length);
                    for (int b = 0; b < n; b++) {
                        dst[b] += t * s[b];
                    }
                }
                boolean transformed = false;
                kernels:
                for (int w = 0; w < windows; w++) {
                    for (int c = 0; c < SeptalResponse.COMPONENTS; c++) {
                        int k = response.kernel(e, d, w, c);
                        if (k < 0) {
                            continue;
                        }
                        if (!transformed) {
                            if (!worker.transform(planes, node * plane, 1)) {
                                break kernels; // every deposit fell off the padded planes
                            }
                            transformed = true;
                        }
                        worker.accumulate(w * SeptalResponse.COMPONENTS + c, k);
                    }
                }
            }
        }
        for (int i = 0; i < images(); i++) {
            worker.finish(i, padded);
            double[] o = out[i];
            for (int r = 0; r < rows; r++) {
                System.arraycopy(padded, (r + margin) * padCols + margin, o, r * cols, cols);
            }
        }
    }
}
