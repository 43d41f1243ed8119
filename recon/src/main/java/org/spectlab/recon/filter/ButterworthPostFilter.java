package org.spectlab.recon.filter;

import org.jtransforms.fft.FloatFFT_3D;
import org.spectlab.core.error.InputException;
import org.spectlab.core.grid.Grid3;
import org.spectlab.core.grid.Volume;

/**
 * 3D Butterworth low-pass filter applied in the frequency domain (JTransforms FFT, periodic
 * boundaries, no padding): {@code H(f) = 1 / sqrt(1 + (f/f_c)^{2n})} with {@code f} the radial
 * spatial frequency in cycles/cm (the magnitude response of a Butterworth filter: 1/√2 at the
 * cut-off; Gilland DR et al., J Nucl Med 29 (1988) 643-650 for its use in SPECT).
 *
 * @param cutoffCyclesPerCm cut-off frequency {@code f_c}, cycles/cm
 * @param order             order {@code n} (≥ 1)
 */
public record ButterworthPostFilter(double cutoffCyclesPerCm, int order) implements PostFilter {

    /** Validates f_c &gt; 0, 1 ≤ n ≤ 50. */
    public ButterworthPostFilter {
        if (!(cutoffCyclesPerCm > 0) || !Double.isFinite(cutoffCyclesPerCm)) {
            throw InputException.field("Butterworth cut-off (cycles/cm)", "must be positive, got " + cutoffCyclesPerCm);
        }
        if (order < 1 || order > 50) {
            throw InputException.field("Butterworth order", "must be 1 to 50, got " + order);
        }
    }

    /** A Butterworth filter. */
    public static ButterworthPostFilter of(double cutoffCyclesPerCm, int order) {
        return new ButterworthPostFilter(cutoffCyclesPerCm, order);
    }

    /** The response at radial frequency {@code fCyclesPerCm}. */
    public double response(double fCyclesPerCm) {
        return 1.0 / Math.sqrt(1.0 + Math.pow(fCyclesPerCm / cutoffCyclesPerCm, 2.0 * order));
    }

    @Override
    public String name() {
        return "butterworth";
    }

    @Override
    public Volume apply(Volume image) {
        Grid3 g = image.grid();
        int nx = g.nx();
        int ny = g.ny();
        int nz = g.nz();
        float[] in = image.data();
        float[] c = new float[2 * in.length];
        // JTransforms 3D layout: row-major [slice][row][column], i.e. index = (k*ny + j)*nx + i.
        for (int n = 0; n < in.length; n++) {
            c[2 * n] = in[n];
        }
        FloatFFT_3D fft = new FloatFFT_3D(nz, ny, nx);
        fft.complexForward(c);
        double fxStep = 10.0 / (nx * g.voxelXMm());
        double fyStep = 10.0 / (ny * g.voxelYMm());
        double fzStep = 10.0 / (nz * g.voxelZMm());
        for (int k = 0; k < nz; k++) {
            double fz = (k <= nz / 2 ? k : k - nz) * fzStep;
            for (int j = 0; j < ny; j++) {
                double fy = (j <= ny / 2 ? j : j - ny) * fyStep;
                for (int i = 0; i < nx; i++) {
                    double fx = (i <= nx / 2 ? i : i - nx) * fxStep;
                    float h = (float) response(Math.sqrt(fx * fx + fy * fy + fz * fz));
                    int n = 2 * ((k * ny + j) * nx + i);
                    c[n] *= h;
                    c[n + 1] *= h;
                }
            }
        }
        fft.complexInverse(c, true);
        float[] out = new float[in.length];
        for (int n = 0; n < in.length; n++) {
            out[n] = c[2 * n];
        }
        return Volume.of(g, out, image.unit());
    }
}
