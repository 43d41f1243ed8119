package org.spectlab.simulator.spect;

import org.spectlab.simulator.collimator.LeadXrayPeakFit;

/**
 * Weighted least-squares fit of a photopeak in a spectrum of counts per 1 keV bin (bin e centred on
 * e + 0.5 keV): a linear background plus a Gaussian whose centroid and width are fitted by
 * Gauss-Newton (the Gaussian linearised in centroid and sigma about the current estimate, solved as a
 * linear problem, repeated until the step is below 1e-6 keV). Pearson weights (variance = model,
 * the observed counts on the first pass), so the centroid's standard error is the run's own.
 */
final class PhotopeakFit {
    /** Fitted centroid, keV, and its standard error. */
    final double centroidKeV;
    final double centroidStdErrorKeV;
    /** Fitted Gaussian sigma, keV. */
    final double sigmaKeV;
    final double chiSquare;
    final int dof;

    private PhotopeakFit(double centroidKeV, double centroidStdErrorKeV, double sigmaKeV, double chiSquare, int dof) {
        this.centroidKeV = centroidKeV;
        this.centroidStdErrorKeV = centroidStdErrorKeV;
        this.sigmaKeV = sigmaKeV;
        this.chiSquare = chiSquare;
        this.dof = dof;
    }

    /**
     * Fits bins [fromBin, toBin) starting from a centroid and sigma guess.
     *
     * @param counts counts per bin (Poisson for the standard error to mean anything)
     */
    static PhotopeakFit fit(double[] counts, int fromBin, int toBin, double centroidGuessKeV, double sigmaGuessKeV) {
        int n = toBin - fromBin;
        double mu = centroidGuessKeV;
        double sigma = sigmaGuessKeV;
        double[] variance = new double[n];
        for (int i = 0; i < n; i++) {
            variance[i] = Math.max(counts[fromBin + i], 1.0);
        }
        double[][] basis = new double[5][n];
        double[] p = new double[5];
        double[][] inv = null;
        double chi2 = 0;
        for (int pass = 0; pass < 50; pass++) {
            for (int i = 0; i < n; i++) {
                double e = fromBin + i + 0.5;
                double z = (e - mu) / sigma;
                double g = Math.exp(-0.5 * z * z) / (Math.sqrt(2 * Math.PI) * sigma);
                basis[0][i] = 1;
                basis[1][i] = e - mu;
                basis[2][i] = g; // amplitude A (counts in the peak)
                basis[3][i] = g * z / sigma; // dG/dmu: coefficient A*dmu
                basis[4][i] = g * (z * z - 1) / sigma; // dG/dsigma: coefficient A*dsigma
            }
            double[][] a = new double[5][5];
            double[] b = new double[5];
            for (int i = 0; i < n; i++) {
                for (int r = 0; r < 5; r++) {
                    b[r] += basis[r][i] * counts[fromBin + i] / variance[i];
                    for (int c = 0; c < 5; c++) {
                        a[r][c] += basis[r][i] * basis[c][i] / variance[i];
                    }
                }
            }
            inv = LeadXrayPeakFit.invert(a);
            for (int r = 0; r < 5; r++) {
                double s = 0;
                for (int c = 0; c < 5; c++) {
                    s += inv[r][c] * b[c];
                }
                p[r] = s;
            }
            chi2 = 0;
            for (int i = 0; i < n; i++) {
                double m = p[0] * basis[0][i] + p[1] * basis[1][i] + p[2] * basis[2][i];
                chi2 += (counts[fromBin + i] - m) * (counts[fromBin + i] - m) / variance[i];
                variance[i] = Math.max(m, 0.5);
            }
            double dMu = p[3] / p[2];
            double dSigma = p[4] / p[2];
            mu += dMu;
            sigma += dSigma;
            if (pass >= 2 && Math.abs(dMu) < 1e-6 && Math.abs(dSigma) < 1e-6) {
                break;
            }
        }
        // at convergence the centroid step q = A dmu is ~0, so var(dmu) = var(q) / A^2
        double se = Math.sqrt(inv[3][3]) / p[2];
        return new PhotopeakFit(mu, se, sigma, chi2, n - 5);
    }
}
