package org.spectlab.simulator.ct;

import java.util.Arrays;
import org.jtransforms.fft.DoubleFFT_1D;

/**
 * Two-dimensional parallel-beam filtered back projection of one sinogram onto one image slice.
 *
 * <p>Sinogram: {@code views} equally spaced angles {@code θ_v = π (v + 1/2) / views} over 180° (offset by half a step so that no view is
 * parallel to the pixel rows, columns or diagonals: lattice-aligned views make the voxelised phantom's
 * rays and the pixel-driven back projection hit pixel corners and bin centres coherently, which put a
 * +2 to +4 HU line on the image diagonals through the rotation centre), {@code nDet}
 * detector bins of width {@code pitch} centred on the rotation axis, the projection coordinate of a
 * point being {@code u = x cos θ + y sin θ}. Filter: DFT of the spatial Ram-Lak kernel
 * ({@code h(0) = 1/4, h(odd n) = -1/(π n)^2}, Kak &amp; Slaney eq. 3.61, no DC offset), times the
 * {@link CtKernel} window, applied on rows zero-padded to a power of two at least twice their length.
 * Back projection: pixel-driven, linear interpolation along the row, weight {@code π / views}.
 * The image has the units of the line integrals divided by the pitch unit (here 1/cm for integrals
 * of μ in 1/cm times cm, with the pitch given in cm). Not thread-safe: one instance per thread.
 */
final class ParallelBeamFbp {
    /** Image rows back projected together (their accumulators, 4 x 512 floats, stay in L1). */
    private static final int ROW_BLOCK = 4;
    /** 1 in 32.32 fixed point. */
    private static final double FIXED_ONE = 4294967296.0;
    /** Value of one unit of the fixed-point fraction's upper 31 bits. */
    private static final float FRACTION_UNIT = (float) (2.0 / FIXED_ONE);
    private final int views;
    private final int nDet;
    private final int padded;
    private final double[] response;
    private final double[] cos;
    private final double[] sin;
    private final DoubleFFT_1D fft;
    private final double[] row;
    /** Row-block accumulators, grown to the image width on first use. */
    private float[] block;
    /** Per view, the step of u from one column to the next, 32.32 fixed point. */
    private final long[] stepFixed;

    ParallelBeamFbp(int views, int nDet, CtKernel kernel) {
        this.views = views;
        this.nDet = nDet;
        int n = 2;
        while (n < 2 * nDet) {
            n <<= 1;
        }
        this.padded = n;
        this.fft = new DoubleFFT_1D(n);
        this.row = new double[n];
        this.stepFixed = new long[views];
        double[] h = new double[n];
        h[0] = 0.25;
        for (int m = 1; m < n / 2; m++) {
            if ((m & 1) == 1) {
                double val = -1.0 / (Math.PI * Math.PI * m * m);
                h[m] = val;
                h[n - m] = val;
            }
        }
        fft.realForward(h);
        response = new double[n / 2 + 1];
        response[0] = h[0];
        response[n / 2] = h[1] * kernel.window(1.0);
        for (int m = 1; m < n / 2; m++) {
            response[m] = h[2 * m] * kernel.window(2.0 * m / n);
        }
        cos = new double[views];
        sin = new double[views];
        for (int v = 0; v < views; v++) {
            double a = Math.PI * (v + 0.5) / views;
            cos[v] = Math.cos(a);
            sin[v] = Math.sin(a);
        }
    }

    /** Filters every row of {@code sino} ({@code views x nDet}) in place. */
    void filter(float[] sino) {
        double[] a = row;
        for (int v = 0; v < views; v++) {
            Arrays.fill(a, 0.0);
            int off = v * nDet;
            for (int c = 0; c < nDet; c++) {
                a[c] = sino[off + c];
            }
            fft.realForward(a);
            a[0] *= response[0];
            a[1] *= response[padded / 2];
            for (int m = 1; m < padded / 2; m++) {
                a[2 * m] *= response[m];
                a[2 * m + 1] *= response[m];
            }
            fft.realInverse(a, true);
            for (int c = 0; c < nDet; c++) {
                sino[off + c] = (float) a[c];
            }
        }
    }

    /**
     * Back projects filtered rows onto an image (adds to {@code image}, {@code nx*ny}, indexed i + nx*j).
     *
     * <p>Pixel-driven with linear interpolation between the two nearest bins; a pixel whose projection
     * {@code u} (in bins from the first bin centre) is outside {@code [0, nDet - 1)} gets nothing from that
     * view. How it is made fast, without changing what is computed:
     * <ul>
     *   <li>Loop order for the cache: blocks of {@value #ROW_BLOCK} image rows accumulate in a buffer that
     *       stays in L1 while every view passes over them, so the image is read and written once per block,
     *       not once per view.</li>
     *   <li>{@code u} advances along a row in 32.32 fixed point ({@code u * 2^32} in a long): the bin index
     *       is a shift, the interpolation weight the low word, and there is no floating-point dependency
     *       chain or float-to-int conversion per pixel. Rounding the step to 2^-32 bins moves {@code u} by at
     *       most {@code nx * 2^-33} bins over a row (6e-8 bins for 512 columns).</li>
     *   <li>The admissible column range of each row and view is found once (exactly, in the fixed-point
     *       values the loop uses), so the inner loop has no branch; two views share one pass over a row
     *       when both cover all of it (the usual case: the detector spans the image).</li>
     * </ul>
     *
     * @param filtered  filtered sinogram, {@code views x nDet}
     * @param pitchMm   detector bin width, mm
     * @param nx        image columns
     * @param ny        image rows
     * @param dxMm      pixel width, mm
     * @param dyMm      pixel height, mm
     * @param x0Mm      x of pixel column 0 centre in the rotation frame, mm
     * @param y0Mm      y of pixel row 0 centre, mm
     * @param scale     factor applied to the result (e.g. π/views divided by the pitch in the image's length unit)
     */
    void backProject(float[] filtered, double pitchMm, int nx, int ny, double dxMm, double dyMm,
                     double x0Mm, double y0Mm, double scale, float[] image) {
        double centre = 0.5 * (nDet - 1);
        if (block == null || block.length < ROW_BLOCK * nx) {
            block = new float[ROW_BLOCK * nx];
        }
        float[] acc = block;
        long[] duF = stepFixed;
        for (int v = 0; v < views; v++) {
            duF[v] = Math.round(dxMm * cos[v] / pitchMm * FIXED_ONE);
        }
        for (int j0 = 0; j0 < ny; j0 += ROW_BLOCK) {
            int rows = Math.min(ROW_BLOCK, ny - j0);
            Arrays.fill(acc, 0, rows * nx, 0f);
            for (int v = 0; v < views; v += 2) {
                boolean pair = v + 1 < views;
                for (int r = 0; r < rows; r++) {
                    double y = y0Mm + (j0 + r) * dyMm;
                    int rowOff = r * nx;
                    long u0 = Math.round(((x0Mm * cos[v] + y * sin[v]) / pitchMm + centre) * FIXED_ONE);
                    long u0b = 0;
                    boolean fullA = firstColumn(u0, duF[v], nx) == 0 && lastColumn(u0, duF[v], nx) == nx - 1;
                    boolean fullB = false;
                    if (pair) {
                        u0b = Math.round(((x0Mm * cos[v + 1] + y * sin[v + 1]) / pitchMm + centre) * FIXED_ONE);
                        fullB = firstColumn(u0b, duF[v + 1], nx) == 0 && lastColumn(u0b, duF[v + 1], nx) == nx - 1;
                    }
                    if (fullA && fullB) {
                        accumulatePair(filtered, v * nDet, u0, duF[v], (v + 1) * nDet, u0b, duF[v + 1], nx,
                                acc, rowOff);
                    } else {
                        accumulate(filtered, v * nDet, u0, duF[v], nx, acc, rowOff);
                        if (pair) {
                            accumulate(filtered, (v + 1) * nDet, u0b, duF[v + 1], nx, acc, rowOff);
                        }
                    }
                }
            }
            int imageOff = j0 * nx;
            for (int q = 0; q < rows * nx; q++) {
                image[imageOff + q] += (float) (scale * acc[q]);
            }
        }
    }

    /** Adds one view's interpolated row to {@code acc[rowOff + i]}, over the admissible columns only. */
    private void accumulate(float[] f, int off, long u0, long du, int nx, float[] acc, int rowOff) {
        int iLo = firstColumn(u0, du, nx);
        int iHi = lastColumn(u0, du, nx);
        long u = u0 + iLo * du;
        for (int i = iLo; i <= iHi; i++, u += du) {
            int o = off + (int) (u >> 32);
            float f0 = f[o];
            acc[rowOff + i] += f0 + fraction(u) * (f[o + 1] - f0);
        }
    }

    /** Two views over a whole row (both known to be admissible at every column). */
    private static void accumulatePair(float[] f, int offA, long uA, long duA, int offB, long uB, long duB, int nx,
                                       float[] acc, int rowOff) {
        for (int i = 0; i < nx; i++, uA += duA, uB += duB) {
            int oa = offA + (int) (uA >> 32);
            int ob = offB + (int) (uB >> 32);
            float fa = f[oa];
            float fb = f[ob];
            acc[rowOff + i] += fa + fraction(uA) * (f[oa + 1] - fa) + (fb + fraction(uB) * (f[ob + 1] - fb));
        }
    }

    /** The fractional part of a non-negative 32.32 fixed-point value, as a float in [0, 1). */
    private static float fraction(long u) {
        return ((int) (u >>> 1) & 0x7fffffff) * FRACTION_UNIT;
    }

    /** First column i in [0, nx) with {@code u0 + i du} in {@code [0, (nDet-1) 2^32)}; nx if none. */
    private int firstColumn(long u0, long du, int nx) {
        long max = (long) (nDet - 1) << 32;
        int i = 0;
        if (du > 0 && u0 < 0) {
            i = (int) Math.min(nx, Math.max(0, -u0 / du - 1));
        } else if (du < 0 && u0 >= max) {
            i = (int) Math.min(nx, Math.max(0, (u0 - max) / -du - 1));
        }
        while (i < nx && !admissible(u0 + i * du, max)) {
            i++;
        }
        return i;
    }

    /** Last column i in [0, nx) with {@code u0 + i du} admissible; -1 if none. */
    private int lastColumn(long u0, long du, int nx) {
        long max = (long) (nDet - 1) << 32;
        long uEnd = u0 + (nx - 1) * du;
        int i = nx - 1;
        if (du > 0 && uEnd >= max) {
            i = (int) Math.max(-1, nx - 1 - Math.max(0, (uEnd - max) / du - 1));
        } else if (du < 0 && uEnd < 0) {
            i = (int) Math.max(-1, nx - 1 - Math.max(0, -uEnd / -du - 1));
        }
        while (i >= 0 && !admissible(u0 + i * du, max)) {
            i--;
        }
        return i;
    }

    private static boolean admissible(long u, long max) {
        return u >= 0 && u < max;
    }
}
