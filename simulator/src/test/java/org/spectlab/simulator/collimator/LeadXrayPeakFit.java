package org.spectlab.simulator.collimator;

import org.spectlab.simulator.detector.EnergyResolution;

/**
 * Weighted least-squares fit of a measured spectrum (counts per 1 keV bin, bin e = [e, e+1) keV)
 * over a range of bins by a quadratic background plus two peaks of known shape: the lead Kα doublet
 * (72.80 and 74.97 keV, relative intensities 59.6 : 100) and the Kβ group (84.94 and 87.30 keV,
 * 33.9 : 9.9), each line a Gaussian of the camera's energy resolution (line data as in
 * {@code collimator.LeadFluorescence}: Deslattes et al. 2003; Salem et al. 1974). Pearson weights
 * (variance = fitted model, after a first pass with the observed counts), so amplitudes are
 * counts in each peak and their standard errors come from the run's own counts.
 */
public final class LeadXrayPeakFit {
    public static final double[] KA_KEV = {72.80, 74.97};
    public static final double[] KA_REL = {59.6, 100.0};
    public static final double[] KB_KEV = {84.94, 87.30};
    public static final double[] KB_REL = {33.9, 9.9};

    /** Fitted parameters: background (3), Kα counts, Kβ counts; standard errors; chi-square and degrees of freedom. */
    public final double[] params = new double[5];
    public final double[] stdErrors = new double[5];
    /** Covariance of the Kα and Kβ amplitudes. */
    public double covAlphaBeta;
    public double chiSquare;
    public int dof;

    private LeadXrayPeakFit() {
    }

    /** Fit with a quadratic background (params 0-2) and the two peaks (3 and 4). */
    public static LeadXrayPeakFit fit(double[] counts, int fromBin, int toBin, EnergyResolution res) {
        return fit(counts, fromBin, toBin, res, true);
    }

    /**
     * Fit of the two peaks (params 3 and 4) over bins [fromBin, toBin), with a quadratic
     * background (params 0-2) or none (they are then 0).
     */
    public static LeadXrayPeakFit fit(double[] counts, int fromBin, int toBin, EnergyResolution res, boolean background) {
        int n = toBin - fromBin;
        double[][] basis = new double[5][n];
        double mid = 0.5 * (fromBin + toBin);
        double half = 0.5 * (toBin - fromBin);
        for (int i = 0; i < n; i++) {
            double e = fromBin + i + 0.5;
            double x = (e - mid) / half;
            basis[0][i] = background ? 1 : 0;
            basis[1][i] = background ? x : 0;
            basis[2][i] = background ? x * x : 0;
            basis[3][i] = template(e, KA_KEV, KA_REL, res);
            basis[4][i] = template(e, KB_KEV, KB_REL, res);
        }
        LeadXrayPeakFit f = new LeadXrayPeakFit();
        double[] variance = new double[n];
        for (int i = 0; i < n; i++) {
            variance[i] = Math.max(counts[fromBin + i], 1.0);
        }
        int first = background ? 0 : 3;
        for (int pass = 0; pass < 3; pass++) {
            double[][] a = new double[5][5];
            for (int p = 0; p < first; p++) {
                a[p][p] = 1; // unused background parameters: identity rows, fitted value 0
            }
            double[] b = new double[5];
            for (int i = 0; i < n; i++) {
                for (int p = 0; p < 5; p++) {
                    b[p] += basis[p][i] * counts[fromBin + i] / variance[i];
                    for (int q = 0; q < 5; q++) {
                        a[p][q] += basis[p][i] * basis[q][i] / variance[i];
                    }
                }
            }
            double[][] inv = invert(a);
            for (int p = 0; p < 5; p++) {
                double s = 0;
                for (int q = 0; q < 5; q++) {
                    s += inv[p][q] * b[q];
                }
                f.params[p] = s;
                f.stdErrors[p] = Math.sqrt(inv[p][p]);
            }
            f.covAlphaBeta = inv[3][4];
            f.chiSquare = 0;
            for (int i = 0; i < n; i++) {
                double m = 0;
                for (int p = 0; p < 5; p++) {
                    m += f.params[p] * basis[p][i];
                }
                f.chiSquare += (counts[fromBin + i] - m) * (counts[fromBin + i] - m) / variance[i];
                variance[i] = Math.max(m, 0.5);
            }
        }
        f.dof = n - 5 + first;
        for (int p = 0; p < first; p++) {
            f.stdErrors[p] = 0;
        }
        return f;
    }

    /** Peak shape normalised to unit area: Gaussian lines of the energy resolution at bin centre e. */
    /** Intensity-weighted mean energy of a line group, keV. */
    public static double meanKeV(double[] linesKeV, double[] rel) {
        double s = 0;
        double w = 0;
        for (int l = 0; l < linesKeV.length; l++) {
            s += rel[l] * linesKeV[l];
            w += rel[l];
        }
        return s / w;
    }

    /** Sum of the two amplitudes (all lead x-ray counts in the peaks) and its standard error. */
    public double[] sumAndStdError() {
        double var = stdErrors[3] * stdErrors[3] + stdErrors[4] * stdErrors[4] + 2 * covAlphaBeta;
        return new double[] {params[3] + params[4], Math.sqrt(var)};
    }

    public static double template(double e, double[] linesKeV, double[] rel, EnergyResolution res) {
        double sum = 0;
        double norm = 0;
        for (int l = 0; l < linesKeV.length; l++) {
            double sigma = res.sigmaKeV(linesKeV[l]);
            double z = (e - linesKeV[l]) / sigma;
            sum += rel[l] * Math.exp(-0.5 * z * z) / (Math.sqrt(2 * Math.PI) * sigma);
            norm += rel[l];
        }
        return sum / norm;
    }

    /** Inverse of a small symmetric positive-definite matrix (Gauss-Jordan with partial pivoting). */
    public static double[][] invert(double[][] m) {
        int n = m.length;
        double[][] a = new double[n][2 * n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(m[i], 0, a[i], 0, n);
            a[i][n + i] = 1;
        }
        for (int c = 0; c < n; c++) {
            int pivot = c;
            for (int r = c + 1; r < n; r++) {
                if (Math.abs(a[r][c]) > Math.abs(a[pivot][c])) {
                    pivot = r;
                }
            }
            double[] t = a[c];
            a[c] = a[pivot];
            a[pivot] = t;
            double d = a[c][c];
            for (int k = 0; k < 2 * n; k++) {
                a[c][k] /= d;
            }
            for (int r = 0; r < n; r++) {
                if (r != c) {
                    double f = a[r][c];
                    for (int k = 0; k < 2 * n; k++) {
                        a[r][k] -= f * a[c][k];
                    }
                }
            }
        }
        double[][] out = new double[n][n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(a[i], n, out[i], 0, n);
        }
        return out;
    }
}
