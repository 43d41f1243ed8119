package org.spectlab.recon.fbp;

import java.util.Arrays;
import java.util.Objects;
import org.jtransforms.fft.DoubleFFT_1D;
import org.spectlab.core.error.InputException;
import org.spectlab.core.grid.Volume;
import org.spectlab.core.projection.ProjectionSet;
import org.spectlab.recon.algorithm.IterativeAlgorithm;
import org.spectlab.recon.metadata.ReconstructionGeometry;
import org.spectlab.recon.projector.ParallelLoops;

/**
 * Parallel-beam filtered back projection, slice by slice (each projection row reconstructs the
 * image slice at its height).
 *
 * <p>Filter: the band-limited ramp obtained as the DFT of the spatial Ram-Lak kernel
 * ({@code h(0) = 1/4, h(n odd) = -1/(π n)², h(n even) = 0} in pixel units; Kak AC, Slaney M,
 * Principles of Computerized Tomographic Imaging, IEEE Press 1988, eq. 3.61), which avoids the DC
 * offset of a sampled |f|; rows are zero-padded to at least twice their length (power of two),
 * multiplied by the window, filtered with JTransforms. Back projection is pixel-driven with linear
 * interpolation along the row, weighted by {@code π / views} (valid for 180° and 360° orbits).
 * The image is in the same units as the iterative algorithms' (counts per view per voxel) when the
 * projections are counts. No attenuation correction here; see {@link ChangCorrection}.
 */
public final class FilteredBackProjection {
    private final FbpWindow window;

    private FilteredBackProjection(FbpWindow window) {
        this.window = Objects.requireNonNull(window, "window");
    }

    /** FBP with a window. */
    public static FilteredBackProjection of(FbpWindow window) {
        return new FilteredBackProjection(window);
    }

    /** The window. */
    public FbpWindow window() {
        return window;
    }

    /**
     * Reconstructs {@code projections} on the natural grid of {@link ReconstructionGeometry#of}.
     *
     * @throws InputException when the orbit does not cover 180° or 360°
     */
    public Volume reconstruct(ProjectionSet projections, ParallelLoops loops) {
        ReconstructionGeometry g = ReconstructionGeometry.of(projections);
        double extent = g.orbit().extentDeg();
        if (Math.abs(extent - 180) > 1e-6 && Math.abs(extent - 360) > 1e-6) {
            throw InputException.field("extent of rotation", "FBP needs a 180 or 360 degree orbit, got " + extent);
        }
        int views = g.views();
        int rows = g.rows();
        int cols = g.cols();
        float[] filtered = filterRows(projections, g.pixelSizeMm(), loops);
        double[] cos = new double[views];
        double[] sin = new double[views];
        for (int v = 0; v < views; v++) {
            cos[v] = Math.cos(g.orbit().angleRad(v));
            sin[v] = Math.sin(g.orbit().angleRad(v));
        }
        int nx = g.imageGrid().nx();
        int ny = g.imageGrid().ny();
        float[] image = new float[g.voxelCount()];
        double scale = Math.PI / views;
        double cc = 0.5 * (cols - 1);
        loops.forRange(rows, (k0, k1) -> {
            for (int k = k0; k < k1; k++) {
                for (int j = 0; j < ny; j++) {
                    double y = j - 0.5 * (ny - 1);
                    for (int i = 0; i < nx; i++) {
                        double x = i - 0.5 * (nx - 1);
                        double acc = 0;
                        for (int v = 0; v < views; v++) {
                            double u = x * cos[v] + y * sin[v] + cc;
                            int c0 = (int) Math.floor(u);
                            double w = u - c0;
                            int base = cols * (k + rows * v);
                            if (c0 >= 0 && c0 < cols) {
                                acc += (1 - w) * filtered[base + c0];
                            }
                            if (c0 + 1 >= 0 && c0 + 1 < cols) {
                                acc += w * filtered[base + c0 + 1];
                            }
                        }
                        image[i + nx * (j + ny * k)] = (float) (scale * acc);
                    }
                }
            }
        });
        return Volume.of(g.imageGrid(), image, IterativeAlgorithm.IMAGE_UNIT);
    }

    /** The filter's frequency response for rows padded to {@code n}, index 0..n/2, in pixel units. */
    double[] response(int n, double pixelMm) {
        double[] h = new double[n];
        h[0] = 0.25;
        for (int m = 1; m < n / 2; m++) {
            if ((m & 1) == 1) {
                double val = -1.0 / (Math.PI * Math.PI * m * m);
                h[m] = val;
                h[n - m] = val;
            }
        }
        DoubleFFT_1D fft = new DoubleFFT_1D(n);
        fft.realForward(h);
        double[] resp = new double[n / 2 + 1];
        resp[0] = h[0];
        resp[n / 2] = h[1];
        for (int m = 1; m < n / 2; m++) {
            resp[m] = h[2 * m];
        }
        double pixelCm = pixelMm / 10.0;
        for (int m = 0; m <= n / 2; m++) {
            double fCyclesPerCm = (double) m / n / pixelCm;
            resp[m] *= window.value(fCyclesPerCm);
        }
        return resp;
    }

    private float[] filterRows(ProjectionSet p, double pixelMm, ParallelLoops loops) {
        int cols = p.cols();
        int n = 2;
        while (n < 2 * cols) {
            n <<= 1;
        }
        final int padded = n;
        final double[] resp = response(padded, pixelMm);
        float[] in = p.data();
        float[] out = new float[in.length];
        int lines = p.views() * p.rows();
        loops.forRange(lines, (l0, l1) -> {
            DoubleFFT_1D fft = new DoubleFFT_1D(padded);
            double[] a = new double[padded];
            for (int line = l0; line < l1; line++) {
                Arrays.fill(a, 0.0);
                for (int c = 0; c < cols; c++) {
                    a[c] = in[line * cols + c];
                }
                fft.realForward(a);
                a[0] *= resp[0];
                a[1] *= resp[padded / 2];
                for (int m = 1; m < padded / 2; m++) {
                    a[2 * m] *= resp[m];
                    a[2 * m + 1] *= resp[m];
                }
                fft.realInverse(a, true);
                for (int c = 0; c < cols; c++) {
                    out[line * cols + c] = (float) a[c];
                }
            }
        });
        return out;
    }
}
