package org.spectlab.metrics.profile;

import org.apache.commons.math3.analysis.ParametricUnivariateFunction;
import org.apache.commons.math3.exception.ConvergenceException;
import org.apache.commons.math3.exception.TooManyIterationsException;
import org.apache.commons.math3.fitting.SimpleCurveFitter;
import org.apache.commons.math3.fitting.WeightedObservedPoints;

/**
 * Least-squares fit of a Gaussian (optionally on a constant baseline) to a profile, by the
 * Levenberg-Marquardt optimiser of Commons Math3 ({@code SimpleCurveFitter}). Starting values come from
 * the data: baseline = smallest value, amplitude = largest minus baseline, mean = position of the
 * largest value, sigma = NEMA FWHM / 2.3548 (or an eighth of the profile length when that fails).
 * All samples are weighted equally (appropriate when the profile's noise is roughly uniform; pass
 * counts-based data through {@link org.spectlab.metrics.stats.HistogramComparison} for tests).
 */
public final class GaussianProfileFitter {

    private static final int MAX_ITERATIONS = 2000;

    private GaussianProfileFitter() {
    }

    /**
     * Fits a Gaussian.
     *
     * @param positionsMm  sample positions, mm
     * @param values       profile values
     * @param withBaseline also fit a constant background
     * @throws IllegalArgumentException when the fit does not converge
     */
    public static GaussianFit fit(double[] positionsMm, double[] values, boolean withBaseline) {
        int n = values.length;
        if (positionsMm.length != n || n < (withBaseline ? 5 : 4)) {
            throw new IllegalArgumentException("Gaussian fit needs at least " + (withBaseline ? 5 : 4)
                    + " samples with as many positions");
        }
        int m = 0;
        double min = values[0];
        for (int i = 1; i < n; i++) {
            if (values[i] > values[m]) {
                m = i;
            }
            min = Math.min(min, values[i]);
        }
        double base0 = withBaseline ? min : 0;
        double sigma0;
        try {
            sigma0 = NemaProfileWidth.measure(positionsMm, values).fwhmMm() / GaussianFit.FWHM_PER_SIGMA;
        } catch (IllegalArgumentException e) {
            sigma0 = (positionsMm[n - 1] - positionsMm[0]) / 8;
        }
        WeightedObservedPoints obs = new WeightedObservedPoints();
        for (int i = 0; i < n; i++) {
            obs.add(positionsMm[i], values[i]);
        }
        ParametricUnivariateFunction f = withBaseline ? new WithBaseline() : new NoBaseline();
        double[] start = withBaseline
                ? new double[] {values[m] - base0, positionsMm[m], sigma0, base0}
                : new double[] {values[m], positionsMm[m], sigma0};
        double[] p;
        try {
            p = SimpleCurveFitter.create(f, start).withMaxIterations(MAX_ITERATIONS).fit(obs.toList());
        } catch (TooManyIterationsException | ConvergenceException e) {
            throw new IllegalArgumentException("Gaussian fit did not converge: " + e.getMessage(), e);
        }
        double baseline = withBaseline ? p[3] : 0;
        double ss = 0;
        for (int i = 0; i < n; i++) {
            double r = values[i] - f.value(positionsMm[i], p);
            ss += r * r;
        }
        return new GaussianFit(p[0], p[1], Math.abs(p[2]), baseline, Math.sqrt(ss / n));
    }

    /** a exp(-(x-mu)^2 / (2 s^2)). */
    private static class NoBaseline implements ParametricUnivariateFunction {
        @Override
        public double value(double x, double... p) {
            double u = (x - p[1]) / p[2];
            return p[0] * Math.exp(-0.5 * u * u);
        }

        @Override
        public double[] gradient(double x, double... p) {
            double u = (x - p[1]) / p[2];
            double e = Math.exp(-0.5 * u * u);
            return new double[] {e, p[0] * e * u / p[2], p[0] * e * u * u / p[2]};
        }
    }

    /** a exp(-(x-mu)^2 / (2 s^2)) + c. */
    private static final class WithBaseline extends NoBaseline {
        @Override
        public double value(double x, double... p) {
            return super.value(x, p) + p[3];
        }

        @Override
        public double[] gradient(double x, double... p) {
            double[] g = super.gradient(x, p);
            return new double[] {g[0], g[1], g[2], 1};
        }
    }
}
