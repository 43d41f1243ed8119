package org.spectlab.simulator.study;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.PoissonSampler;
import org.spectlab.core.io.interfile.InterfileNumberFormat;
import org.spectlab.simulator.run.BatchRandom;

/**
 * Poisson counts from expected (noise-free) projections: each pixel independently
 * ~ Poisson(expected), with the Commons RNG {@link PoissonSampler}. Realisation {@code k} of a run
 * with seed {@code s} uses the stream {@link BatchRandom#stream}(s, {@value #STREAM_OFFSET} + k)
 * — disjoint from the simulation's batch streams — and samples the windows in order, pixels in
 * index order, so the counts depend only on (expected projections, seed, k).
 */
public final class PoissonCounts {
    /** Stream index of realisation 0 (batch streams of the simulation stay below it). */
    public static final long STREAM_OFFSET = 1_000_000L;

    private PoissonCounts() {
    }

    /** The random stream of realisation {@code k}. */
    public static UniformRandomProvider stream(long seed, int k) {
        return BatchRandom.stream(seed, STREAM_OFFSET + k);
    }

    /**
     * Samples counts; pixels with a mean of 0 (or less, which expected counts never are) give 0.
     *
     * @param expected expected counts per pixel
     * @param rng      the realisation's stream (advanced)
     * @return counts, as floats (exact integers below 2^24)
     */
    public static float[] sample(float[] expected, UniformRandomProvider rng) {
        float[] out = new float[expected.length];
        for (int i = 0; i < out.length; i++) {
            double mean = expected[i];
            if (mean > 0) {
                out[i] = PoissonSampler.of(rng, mean).sample();
            }
        }
        return out;
    }

    /** Unsigned 16-bit when every count fits (the usual format of acquired counts), else float32. */
    public static InterfileNumberFormat storageFormat(float[] counts) {
        float max = 0;
        for (float c : counts) {
            max = Math.max(max, c);
        }
        return max <= InterfileNumberFormat.UINT16.maxValue() ? InterfileNumberFormat.UINT16
                : InterfileNumberFormat.FLOAT32;
    }
}
