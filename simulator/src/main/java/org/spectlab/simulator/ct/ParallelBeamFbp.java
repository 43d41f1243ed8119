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
    private final int views;
    private final int nDet;
    private final int padded;
    private final double[] response;
    private final double[] cos;
    private final double[] sin;
    private final DoubleFFT_1D fft;
    private final double[] row;

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
        double maxU = nDet - 1.0;
        for (int v = 0; v < views; v++) {
            int off = v * nDet;
            double c = cos[v] / pitchMm;
            double s = sin[v] / pitchMm;
            double du = dxMm * c;
            for (int j = 0; j < ny; j++) {
                double y = y0Mm + j * dyMm;
                double uStart = x0Mm * c + y * s + centre;
                // Columns whose u lies in [0, nDet-1): solve uStart + i du in range.
                int iLo;
                int iHi;
                if (Math.abs(du) < 1e-12) {
                    if (uStart < 0 || uStart >= maxU) {
                        continue;
                    }
                    iLo = 0;
                    iHi = nx - 1;
                } else {
                    double a = -uStart / du;
                    double b = (maxU - uStart) / du;
                    double lo = Math.min(a, b);
                    double hi = Math.max(a, b);
                    iLo = Math.max(0, (int) Math.ceil(lo));
                    iHi = Math.min(nx - 1, (int) Math.floor(hi));
                }
                int rowOff = j * nx;
                double u = uStart + iLo * du;
                for (int i = iLo; i <= iHi; i++, u += du) {
                    int c0 = (int) u;
                    if (c0 < 0 || c0 >= nDet - 1) {
                        continue;
                    }
                    double w = u - c0;
                    float f0 = filtered[off + c0];
                    image[rowOff + i] += (float) (scale * (f0 + w * (filtered[off + c0 + 1] - f0)));
                }
            }
        }
    }
}
