package org.spectlab.simulator.run;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * Independent random streams keyed by (seed, batch).
 *
 * <p>Each stream is an LXM generator (L64_X128_MIX, Steele &amp; Vigna, "LXM: better splittable
 * pseudorandom number generators", Proc. ACM Program. Lang. 5, OOPSLA, 2021). An LXM generator's
 * linear-congruential part has an additive parameter; generators that differ in that parameter
 * produce statistically independent sequences, which is how the LXM family is designed to be split.
 * Here the additive parameter is an injective function of the batch index (distinct batches below
 * 2^62 always get distinct parameters), and the states are derived from the seed with the
 * SplitMix64 finaliser. A stream therefore depends on nothing but (seed, batch): not on thread
 * count, scheduling, or how batches are spread over machines.
 */
public final class BatchRandom {
    /** Largest batch index accepted (keeps the additive parameter injective). */
    public static final long MAX_BATCH = (1L << 62) - 1;

    private BatchRandom() {
    }

    /**
     * The random stream of one batch.
     *
     * @param seed  the run's seed
     * @param batch the batch index, 0 to {@link #MAX_BATCH}
     * @return a new generator (cheap to create: four longs of state)
     */
    public static UniformRandomProvider stream(long seed, long batch) {
        if (batch < 0 || batch > MAX_BATCH) {
            throw new IllegalArgumentException("batch index must be 0 to " + MAX_BATCH + ", got " + batch);
        }
        long seedHash = mix64(seed);
        // Odd additive parameter, distinct for every batch of this seed.
        long add = ((batch << 1) ^ (seedHash << 1)) | 1L;
        long lcgState = mix64(seedHash + 0x9E3779B97F4A7C15L * (batch + 1));
        long x0 = mix64(lcgState ^ 0xD1B54A32D192ED03L);
        long x1 = mix64(x0 + 0x9E3779B97F4A7C15L);
        if ((x0 | x1) == 0) {
            x1 = 0x9E3779B97F4A7C15L; // the xorshift part must not be all zero
        }
        return RandomSource.L64_X128_MIX.create(new long[] {add, lcgState, x0, x1});
    }

    /** The SplitMix64 finaliser (Steele, Lea, Flood 2014): a bijective 64-bit mixing function. */
    static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
