package org.spectlab.simulator.collimator;

import org.spectlab.simulator.crystal.CrystalResponse;
import org.spectlab.simulator.run.TallySet;

/**
 * What a {@link PointSourceSimulation} measured, normalised per photon emitted into 4π.
 *
 * @param windowEfficiency             in-window detected fraction of emitted photons
 * @param windowEfficiencyStdError     its Monte Carlo standard error: the transport's, combined (in
 *                                     quadrature) with the crystal response matrix's sampling error
 *                                     when the result was built with the matrix ({@link #from(PointSourceSetup,
 *                                     TallySet, CrystalResponse)})
 * @param windowEfficiencyCrystalStdError the crystal response matrix's part of that error (a common
 *                                     factor of every in-window tally of the run; 0 when not included)
 * @param detectedEfficiency           fraction reaching the field of view (any energy)
 * @param detectedEfficiencyStdError   its Monte Carlo standard error
 * @param windowGeometric              in-window fraction that passed through one hole
 * @param windowPenetration            in-window fraction that crossed septal lead without interacting
 * @param windowCollimatorScatter      in-window fraction scattered in the septa or emitted as lead
 *                                     K x-rays (Monte Carlo collimator model only; else 0)
 * @param windowMediumScatter          in-window fraction scattered in the medium (whatever it
 *                                     did in the collimator; 0 in air)
 * @param image                        in-window image, fraction of emitted photons per pixel
 *                                     (row-major, x fastest, n × n)
 * @param imagePixels                  image side n
 * @param pixelMm                      pixel size, mm
 * @param spectrum                     measured-energy spectrum of photons in the field of view,
 *                                     fraction of emitted photons per bin (bin i from i·bin keV)
 * @param spectrumBinKeV               spectrum bin width, keV
 * @param histories                    photons simulated (all strata)
 */
public record PointSourceResult(double windowEfficiency, double windowEfficiencyStdError,
                                double windowEfficiencyCrystalStdError, double detectedEfficiency,
                                double detectedEfficiencyStdError, double windowGeometric, double windowPenetration,
                                double windowCollimatorScatter, double windowMediumScatter, double[] image, int imagePixels, double pixelMm, double[] spectrum,
                                double spectrumBinKeV, long histories) {
    static final String IMAGE = "image.stratum";
    static final String SPECTRUM = "spectrum.stratum";
    static final String SUMS = "sums.stratum";
    static final String HISTORIES = "histories.stratum";
    static final String CRYSTAL_ROWS = "crystal.rows.stratum";

    /**
     * Normalises the merged tallies of a run of {@code setup}; the window efficiency's standard error is
     * the transport's only (runs sharing one crystal matrix differ by it alone).
     */
    public static PointSourceResult from(PointSourceSetup setup, TallySet t) {
        return from(setup, t, null);
    }

    /**
     * Normalises the merged tallies of a run of {@code setup} whose Monte Carlo model used
     * {@code crystal}; the window efficiency's standard error then includes the matrix's sampling error
     * ({@link CrystalResponse#windowAcceptanceVariance}: Σ_i var_i c_i², c_i the efficiency-normalised
     * weight reaching the field of view on matrix row i). Null {@code crystal}: as {@link #from(PointSourceSetup, TallySet)}.
     */
    public static PointSourceResult from(PointSourceSetup setup, TallySet t, CrystalResponse crystal) {
        int n = setup.imagePixels();
        double[] image = new double[n * n];
        double[] spectrum = new double[setup.spectrumBins()];
        double win = 0;
        double winVar = 0;
        double det = 0;
        double detVar = 0;
        double geo = 0;
        double pen = 0;
        double sca = 0;
        double med = 0;
        long total = 0;
        double[] rowWeight = crystal != null ? new double[crystal.energies()] : null;
        for (int k = 0; k < PointSourceStrata.count(setup); k++) {
            long nk = t.counter(HISTORIES + k);
            if (nk == 0) {
                continue;
            }
            total += nk;
            double[] c = PointSourceStrata.cosines(setup, k);
            double omega = 0.5 * (c[1] - c[0]);
            double f = omega / nk;
            double[] s = t.tally(SUMS + k).toDoubleArray();
            double winW = s[PointSourceSimulation.WINDOW_GEOMETRIC_W] + s[PointSourceSimulation.WINDOW_PENETRATION_W]
                    + s[PointSourceSimulation.WINDOW_SCATTER_W];
            win += f * winW;
            winVar += omega * omega * meanVariance(winW, s[PointSourceSimulation.WINDOW_W2], nk);
            det += f * s[PointSourceSimulation.REACHED_W];
            detVar += omega * omega * meanVariance(s[PointSourceSimulation.REACHED_W],
                    s[PointSourceSimulation.REACHED_W2], nk);
            geo += f * s[PointSourceSimulation.WINDOW_GEOMETRIC_W];
            pen += f * s[PointSourceSimulation.WINDOW_PENETRATION_W];
            sca += f * s[PointSourceSimulation.WINDOW_SCATTER_W];
            med += f * s[PointSourceSimulation.WINDOW_MEDIUM_W];
            if (rowWeight != null) {
                double[] rows = t.tally(CRYSTAL_ROWS + k).toDoubleArray();
                for (int i = 0; i < rows.length; i++) {
                    rowWeight[i] += f * rows[i];
                }
            }
            double[] im = t.tally(IMAGE + k).toDoubleArray();
            for (int i = 0; i < im.length; i++) {
                image[i] += f * im[i];
            }
            double[] sp = t.tally(SPECTRUM + k).toDoubleArray();
            for (int i = 0; i < sp.length; i++) {
                spectrum[i] += f * sp[i];
            }
        }
        double crystalVar = 0;
        if (rowWeight != null) {
            double[] rowVar = crystal.windowAcceptanceVariance(setup.resolution(), setup.window());
            for (int i = 0; i < rowWeight.length; i++) {
                crystalVar += rowVar[i] * rowWeight[i] * rowWeight[i];
            }
        }
        return new PointSourceResult(win, Math.sqrt(winVar + crystalVar), Math.sqrt(crystalVar), det,
                Math.sqrt(detVar), geo, pen, sca, med, image, n,
                setup.pixelMm(), spectrum, setup.spectrumBinKeV(), total);
    }

    /** Variance of the mean of n per-history weights from their sum and sum of squares. */
    private static double meanVariance(double sum, double sumSq, long n) {
        double m = sum / n;
        return Math.max(0.0, sumSq / n - m * m) / n;
    }

    /**
     * The line-spread function along x: the image summed over its rows (the LSF of a line source
     * along y, as NEMA derives it from a point-source image), fraction of emitted photons per pixel.
     */
    public double[] lsfX() {
        double[] out = new double[imagePixels];
        for (int j = 0; j < imagePixels; j++) {
            for (int i = 0; i < imagePixels; i++) {
                out[i] += image[j * imagePixels + i];
            }
        }
        return out;
    }

    /** The line-spread function along y (the image summed over its columns). */
    public double[] lsfY() {
        double[] out = new double[imagePixels];
        for (int j = 0; j < imagePixels; j++) {
            double s = 0;
            for (int i = 0; i < imagePixels; i++) {
                s += image[j * imagePixels + i];
            }
            out[j] = s;
        }
        return out;
    }
}
