package org.spectlab.simulator.ct;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The optimised back projector against the straightforward one: every pixel, every view,
 * {@code u = (x cos θ + y sin θ) / pitch + centre}, linear interpolation in double precision, nothing where
 * {@code u} is outside {@code [0, nDet - 1)}. Tolerance 1e-5 (absolute, filtered values in [-1, 1], scale 1):
 * the fast path sums in float (37 views x 6e-8) and places {@code u} in 32.32 fixed point (error < 1e-8
 * bins, times a bin-to-bin slope <= 2).
 */
class ParallelBeamFbpTest {
    private static final double TOLERANCE = 1e-5;

    private static double[] reference(float[] f, int views, int nDet, double pitchMm, int nx, int ny, double dxMm,
                                      double dyMm, double x0Mm, double y0Mm) {
        double[] image = new double[nx * ny];
        double centre = 0.5 * (nDet - 1);
        for (int j = 0; j < ny; j++) {
            for (int i = 0; i < nx; i++) {
                double x = x0Mm + i * dxMm;
                double y = y0Mm + j * dyMm;
                for (int v = 0; v < views; v++) {
                    double a = Math.PI * (v + 0.5) / views;
                    double u = (x * Math.cos(a) + y * Math.sin(a)) / pitchMm + centre;
                    if (u >= 0 && u < nDet - 1) {
                        int c0 = (int) Math.floor(u);
                        double w = u - c0;
                        image[i + nx * j] += (1 - w) * f[v * nDet + c0] + w * f[v * nDet + c0 + 1];
                    }
                }
            }
        }
        return image;
    }

    private static void check(int views, int nDet, double pitchMm, int nx, int ny, double dxMm, double dyMm,
                              double x0Mm, double y0Mm, boolean expectUncovered) {
        SplittableRandom rng = new SplittableRandom(views * 31L + nDet);
        float[] f = new float[views * nDet];
        for (int q = 0; q < f.length; q++) {
            f[q] = (float) (2 * rng.nextDouble() - 1);
        }
        ParallelBeamFbp fbp = new ParallelBeamFbp(views, nDet, CtKernel.RAMP);
        float[] image = new float[nx * ny];
        java.util.Arrays.fill(image, 0.25f); // back projection adds to the image
        fbp.backProject(f, pitchMm, nx, ny, dxMm, dyMm, x0Mm, y0Mm, 1.0, image);
        double[] ref = reference(f, views, nDet, pitchMm, nx, ny, dxMm, dyMm, x0Mm, y0Mm);
        double maxErr = 0;
        for (int p = 0; p < image.length; p++) {
            maxErr = Math.max(maxErr, Math.abs(image[p] - 0.25 - ref[p]));
        }
        assertThat(maxErr).as("max |fast - reference|, %d views, %d bins", views, nDet).isLessThan(TOLERANCE);
        // Whether some pixel-views fall off the detector (the clipped path) is what the case is meant to test.
        boolean uncovered = false;
        double centre = 0.5 * (nDet - 1);
        for (double x : new double[] {x0Mm, x0Mm + (nx - 1) * dxMm}) {
            for (double y : new double[] {y0Mm, y0Mm + (ny - 1) * dyMm}) {
                for (int v = 0; v < views; v++) {
                    double a = Math.PI * (v + 0.5) / views;
                    double u = (x * Math.cos(a) + y * Math.sin(a)) / pitchMm + centre;
                    uncovered |= u < 0 || u >= nDet - 1;
                }
            }
        }
        assertThat(uncovered).isEqualTo(expectUncovered);
    }

    @Test
    void detectorCoveringTheImage() {
        // Odd view count (one view without a partner), anisotropic pixels, an off-centre image.
        check(37, 61, 1.1, 24, 19, 1.3, 0.9, -16.1, -7.3, false);
        check(40, 61, 1.0, 20, 20, 1.0, 1.0, -9.5, -9.5, false);
    }

    @Test
    void detectorCoveringPartOfTheImage() {
        // Narrow detector: rows and views whose pixels fall partly or wholly off it.
        check(37, 15, 1.1, 24, 19, 1.3, 0.9, -16.1, -7.3, true);
        // Image far off the rotation centre: some views miss whole rows.
        check(36, 41, 1.0, 16, 12, 1.0, 1.0, 8.0, -30.0, true);
    }
}
