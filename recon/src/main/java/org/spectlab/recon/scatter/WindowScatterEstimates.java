package org.spectlab.recon.scatter;

import org.spectlab.core.error.InputException;
import org.spectlab.core.projection.ProjectionSet;
import org.spectlab.recon.filter.GaussianKernel;

/**
 * Energy-window scatter estimates of the photopeak window, pixel by pixel. The result has the
 * photopeak's geometry, window and time.
 *
 * <ul>
 * <li>TEW (Ogawa K, Harata Y, Ichihara T, Kubo A, Hashimoto S, "A practical method for
 * position-dependent Compton-scatter correction in single photon emission CT", IEEE TMI 10 (1991)
 * 408-412): the scatter spectrum under the photopeak is a trapezoid,
 * {@code s = (C_l / W_l + C_u / W_u) W_p / 2}, window widths in keV.</li>
 * <li>DEW (Jaszczak RJ, Greer KL, Floyd CE, Harris CC, Coleman RE, "Improved SPECT quantification
 * using compensation for scattered photons", J Nucl Med 25 (1984) 893-900):
 * {@code s = k C_l}, with {@code k = 0.5} for their 20% photopeak and 127-153 / 92-125 keV windows.</li>
 * </ul>
 * Both need counts in matching matrices. Noise in the narrow windows is high: smooth the
 * estimate ({@link #smooth}) before using it in the forward model.
 */
public final class WindowScatterEstimates {
    /** Jaszczak et al. (1984) value of k for Tc-99m. */
    public static final double DEW_K_JASZCZAK = 0.5;

    private WindowScatterEstimates() {
    }

    /**
     * TEW estimate; {@code upper} may be {@code null} (upper-window counts taken as zero, the usual
     * simplification for Tc-99m).
     */
    public static ProjectionSet tripleEnergyWindow(ProjectionSet photopeak, ProjectionSet lower, ProjectionSet upper) {
        check("lower scatter window", photopeak, lower);
        double wp = photopeak.window().widthKeV();
        double wl = lower.window().widthKeV();
        float[] cl = lower.data();
        float[] out = new float[cl.length];
        if (upper != null) {
            check("upper scatter window", photopeak, upper);
            double wu = upper.window().widthKeV();
            float[] cu = upper.data();
            for (int n = 0; n < out.length; n++) {
                out[n] = (float) ((cl[n] / wl + cu[n] / wu) * wp / 2);
            }
        } else {
            for (int n = 0; n < out.length; n++) {
                out[n] = (float) (cl[n] / wl * wp / 2);
            }
        }
        return photopeak.withData(out);
    }

    /** DEW estimate {@code s = k C_l}. */
    public static ProjectionSet dualEnergyWindow(ProjectionSet photopeak, ProjectionSet lower, double k) {
        check("lower scatter window", photopeak, lower);
        if (!(k >= 0) || !Double.isFinite(k)) {
            throw InputException.field("DEW k", "must be a finite number >= 0, got " + k);
        }
        float[] cl = lower.data();
        float[] out = new float[cl.length];
        for (int n = 0; n < out.length; n++) {
            out[n] = (float) (k * cl[n]);
        }
        return photopeak.withData(out);
    }

    /**
     * Each view smoothed with a 2D Gaussian of FWHM {@code fwhmMm} (rows and columns; zero outside
     * the matrix, so counts near the edge are slightly reduced). A new set; the input is unchanged.
     */
    public static ProjectionSet smooth(ProjectionSet estimate, double fwhmMm) {
        if (!(fwhmMm >= 0) || !Double.isFinite(fwhmMm)) {
            throw InputException.field("scatter smoothing FWHM (mm)", "must be a finite number >= 0, got " + fwhmMm);
        }
        float[] d = estimate.data().clone();
        int rows = estimate.rows();
        int cols = estimate.cols();
        float[] wc = GaussianKernel.halfKernel(fwhmMm / GaussianKernel.FWHM_PER_SIGMA / estimate.pixelSizeColMm());
        float[] wr = GaussianKernel.halfKernel(fwhmMm / GaussianKernel.FWHM_PER_SIGMA / estimate.pixelSizeRowMm());
        float[] tmp = new float[rows * cols];
        for (int v = 0; v < estimate.views(); v++) {
            GaussianKernel.blurPlane(d, v * rows * cols, rows, cols, wc, wr, tmp);
        }
        return estimate.withData(d);
    }

    private static void check(String what, ProjectionSet peak, ProjectionSet other) {
        if (other == null) {
            throw InputException.field(what, "is required");
        }
        if (other.views() != peak.views() || other.rows() != peak.rows() || other.cols() != peak.cols()) {
            throw InputException.field(what, "must have the photopeak's " + peak.views() + " views of " + peak.rows()
                    + "x" + peak.cols() + ", got " + other.views() + " views of " + other.rows() + "x" + other.cols());
        }
        if (Math.abs(other.timePerViewS() - peak.timePerViewS()) > 1e-9 * peak.timePerViewS()) {
            throw InputException.field(what, "must have the photopeak's time per view " + peak.timePerViewS()
                    + " s, got " + other.timePerViewS() + " s");
        }
    }
}
