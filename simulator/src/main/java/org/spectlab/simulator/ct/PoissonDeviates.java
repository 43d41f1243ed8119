package org.spectlab.simulator.ct;

import org.apache.commons.numbers.gamma.LogGamma;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Poisson-distributed counts for any mean without allocation: inversion by sequential search for
 * means below 10, and for larger means the transformed rejection with squeeze "PTRS" of
 * W. Hörmann, "The transformed rejection method for generating Poisson random variables",
 * Insurance: Mathematics and Economics 12 (1993) 39-45 (exact; about 1.1 uniform pairs per deviate).
 */
final class PoissonDeviates {
    private PoissonDeviates() {
    }

    /** One Poisson deviate of the given mean (>= 0). */
    static long sample(UniformRandomProvider rng, double mean) {
        if (mean < 10) {
            return inversion(rng, mean);
        }
        double slam = Math.sqrt(mean);
        double logLam = Math.log(mean);
        double b = 0.931 + 2.53 * slam;
        double a = -0.059 + 0.02483 * b;
        double invAlpha = 1.1239 + 1.1328 / (b - 3.4);
        double vr = 0.9277 - 3.6224 / (b - 2);
        while (true) {
            double u = rng.nextDouble() - 0.5;
            double v = rng.nextDouble();
            double us = 0.5 - Math.abs(u);
            long k = (long) Math.floor((2 * a / us + b) * u + mean + 0.43);
            if (us >= 0.07 && v <= vr) {
                return k;
            }
            if (k < 0 || us < 0.013 && v > us) {
                continue;
            }
            double lhs = Math.log(v * invAlpha / (a / (us * us) + b));
            double rhs = -mean + k * logLam - LogGamma.value(k + 1.0);
            if (lhs <= rhs) {
                return k;
            }
        }
    }

    private static long inversion(UniformRandomProvider rng, double mean) {
        double p = Math.exp(-mean);
        double cdf = p;
        double u = rng.nextDouble();
        long k = 0;
        while (u > cdf) {
            k++;
            p *= mean / k;
            cdf += p;
            if (p < 1e-300 && cdf > 1 - 1e-15) {
                break;
            }
        }
        return k;
    }
}
