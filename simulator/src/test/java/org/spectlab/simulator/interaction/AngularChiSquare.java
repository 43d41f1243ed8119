package org.spectlab.simulator.interaction;

import java.util.function.DoubleUnaryOperator;
import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * Repeated chi-square goodness-of-fit test of a cos-theta sampler against an analytic (unnormalised)
 * density, in the style of Commons RNG's sampler tests: R independent seeded runs of N samples into
 * equal-probability bins are each tested at level ALPHA; the whole test fails only if more runs fail
 * than a Binomial(R, ALPHA) count exceeds with probability 1e-4.
 *
 * <p>Expected bin probabilities come from numerical integration of the density in the momentum
 * transfer x = k sin(theta/2) (k = E/hc), on 20000 log-spaced nodes over six decades below k
 * (trapezoid rule on nodes 0.07% apart; relative error of a bin probability below 1e-6, far below the
 * 1/sqrt(N/bins) ~ 3% statistical resolution of one bin).
 */
final class AngularChiSquare {
    static final int RUNS = 20;
    static final double ALPHA = 0.01;
    static final int BINS = 50;
    static final int SAMPLES_PER_RUN = 50_000;
    private static final int NODES = 20_000;

    /** Samples cos theta from the sampler under test. */
    interface CosThetaSource {
        double next(UniformRandomProvider rng);
    }

    /** Outcome of a repeated test. */
    record Outcome(int failedRuns, int allowedFailures, double worstStatistic, double criticalValue) {
        boolean passed() {
            return failedRuns <= allowedFailures;
        }
    }

    private final double k;
    /** x at the bin edges; bin b covers x in [edges[b], edges[b+1]), i.e. cos theta decreasing. */
    private final double[] edges;

    /**
     * @param energyKeV         incident energy
     * @param unnormalisedPdf   density of cos theta up to a constant
     */
    AngularChiSquare(double energyKeV, DoubleUnaryOperator unnormalisedPdf) {
        k = energyKeV / org.spectlab.core.units.PhysicalConstants.HC_KEV_ANGSTROM;
        double[] x = new double[NODES + 1];
        double[] cumulative = new double[NODES + 1];
        x[0] = 0;
        double xMin = k * 1e-6;
        for (int i = 1; i <= NODES; i++) {
            x[i] = xMin * Math.pow(1e6, (i - 1) / (double) (NODES - 1));
        }
        x[NODES] = k;
        double previous = integrand(unnormalisedPdf, 0);
        for (int i = 1; i <= NODES; i++) {
            double current = integrand(unnormalisedPdf, x[i]);
            cumulative[i] = cumulative[i - 1] + 0.5 * (previous + current) * (x[i] - x[i - 1]);
            previous = current;
        }
        double total = cumulative[NODES];
        edges = new double[BINS + 1];
        edges[0] = 0;
        edges[BINS] = k;
        int j = 0;
        for (int b = 1; b < BINS; b++) {
            double target = total * b / BINS;
            while (cumulative[j + 1] < target) {
                j++;
            }
            double f = (target - cumulative[j]) / (cumulative[j + 1] - cumulative[j]);
            edges[b] = x[j] + f * (x[j + 1] - x[j]);
        }
    }

    /** Probability (under the analytic density) of cos theta above cosLimit, by the same quadrature. */
    static double probabilityAbove(double energyKeV, DoubleUnaryOperator unnormalisedPdf, double cosLimit) {
        double above = ScatteringCrossSections.integrateOverCosTheta(energyKeV,
                c -> c > cosLimit ? unnormalisedPdf.applyAsDouble(c) : 0.0);
        double all = ScatteringCrossSections.integrateOverCosTheta(energyKeV, unnormalisedPdf);
        return above / all;
    }

    private double integrand(DoubleUnaryOperator pdf, double x) {
        double cos = 1 - 2 * x * x / (k * k);
        return pdf.applyAsDouble(cos) * 4 * x / (k * k);
    }

    /** Runs the repeated test with seeds seedBase, seedBase+1, ... */
    Outcome run(long seedBase, CosThetaSource source) {
        double critical = new ChiSquaredDistribution(BINS - 1).inverseCumulativeProbability(1 - ALPHA);
        int failures = 0;
        double worst = 0;
        long[] counts = new long[BINS];
        double expected = SAMPLES_PER_RUN / (double) BINS;
        for (int r = 0; r < RUNS; r++) {
            UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seedBase + r);
            java.util.Arrays.fill(counts, 0);
            for (int i = 0; i < SAMPLES_PER_RUN; i++) {
                double cos = source.next(rng);
                if (!(cos >= -1 && cos <= 1)) {
                    throw new AssertionError("cos theta out of [-1, 1]: " + cos);
                }
                counts[binOf(cos)]++;
            }
            double chi2 = 0;
            for (long c : counts) {
                chi2 += (c - expected) * (c - expected) / expected;
            }
            worst = Math.max(worst, chi2);
            if (chi2 > critical) {
                failures++;
            }
        }
        return new Outcome(failures, allowedFailures(), worst, critical);
    }

    /** Largest failure count whose upper tail under Binomial(RUNS, ALPHA) is still above 1e-4. */
    static int allowedFailures() {
        BinomialDistribution binomial = new BinomialDistribution(null, RUNS, ALPHA);
        int m = 0;
        while (1 - binomial.cumulativeProbability(m) >= 1e-4) {
            m++;
        }
        return m;
    }

    private int binOf(double cos) {
        double x = k * Math.sqrt(Math.max(0, 0.5 * (1 - cos)));
        int lo = 0;
        int hi = BINS;
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (edges[mid] <= x) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
