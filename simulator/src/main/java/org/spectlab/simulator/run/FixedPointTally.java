package org.spectlab.simulator.run;

import java.util.Arrays;

/**
 * An additive tally (e.g. an expected-count projection, an energy spectrum) stored as 64-bit
 * fixed-point integers, so that sums over batches are exact and order-independent.
 *
 * <p>A batch accumulates in a caller-owned {@code double[]} scratch buffer (fast, no allocation),
 * then folds it in with {@link #addAndClear(double[])}: each bin is rounded to the nearest multiple
 * of {@link #resolution()} and added as a long. Rounding happens once per bin and batch, and
 * depends only on that batch's values, so the final tally is the same however batches are grouped.
 * Approximation: each batch contributes a rounding error of at most half the resolution per bin
 * (with the default 2^-32 this is 1.2e-10 in the tally's unit, far below any Monte Carlo error);
 * the representable range per bin is ±2^63 × resolution (±2.1e9 units at the default).
 */
public final class FixedPointTally {
    /** Default resolution: 2^-32 of the tally's unit. */
    public static final double DEFAULT_RESOLUTION = 0x1.0p-32;

    private final long[] bins;
    private final double resolution;
    private final double inverseResolution;

    private FixedPointTally(int size, double resolution) {
        if (size < 0) {
            throw new IllegalArgumentException("size must be >= 0, got " + size);
        }
        if (!(resolution > 0) || !Double.isFinite(resolution)) {
            throw new IllegalArgumentException("resolution must be positive and finite, got " + resolution);
        }
        this.bins = new long[size];
        this.resolution = resolution;
        this.inverseResolution = 1.0 / resolution;
    }

    /** A zero tally of {@code size} bins at the default resolution. */
    public static FixedPointTally of(int size) {
        return new FixedPointTally(size, DEFAULT_RESOLUTION);
    }

    /** A zero tally of {@code size} bins at the given resolution (in the tally's unit). */
    public static FixedPointTally of(int size, double resolution) {
        return new FixedPointTally(size, resolution);
    }

    /** Number of bins. */
    public int size() {
        return bins.length;
    }

    /** Value of one unit of the fixed-point representation. */
    public double resolution() {
        return resolution;
    }

    /**
     * Adds a batch's values, bin by bin, and sets the buffer back to zero.
     *
     * @param batchValues scratch buffer of {@link #size()} values; zeroed on return
     * @throws ArithmeticException if a value is not finite or a bin would overflow
     */
    public void addAndClear(double[] batchValues) {
        if (batchValues.length != bins.length) {
            throw new IllegalArgumentException("buffer has " + batchValues.length + " bins, tally " + bins.length);
        }
        for (int i = 0; i < bins.length; i++) {
            double v = batchValues[i];
            if (v != 0) {
                bins[i] = Math.addExact(bins[i], toFixed(v));
                batchValues[i] = 0;
            }
        }
    }

    /** Adds one value to one bin (rounded to the resolution). */
    public void add(int bin, double value) {
        bins[bin] = Math.addExact(bins[bin], toFixed(value));
    }

    private long toFixed(double v) {
        double scaled = v * inverseResolution;
        if (!(Math.abs(scaled) < 0x1.0p62)) {
            throw new ArithmeticException("tally value " + v + " is not finite or out of fixed-point range");
        }
        return Math.round(scaled);
    }

    /** Adds another tally of the same size and resolution into this one (exact). */
    public void merge(FixedPointTally other) {
        if (other.bins.length != bins.length || other.resolution != resolution) {
            throw new IllegalArgumentException("cannot merge tallies of different size or resolution");
        }
        for (int i = 0; i < bins.length; i++) {
            bins[i] = Math.addExact(bins[i], other.bins[i]);
        }
    }

    /** Value of one bin in the tally's unit. */
    public double get(int bin) {
        return bins[bin] * resolution;
    }

    /** All bins as doubles in the tally's unit (a new array). */
    public double[] toDoubleArray() {
        double[] out = new double[bins.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = bins[i] * resolution;
        }
        return out;
    }

    /** All bins as floats in the tally's unit (a new array). */
    public float[] toFloatArray() {
        float[] out = new float[bins.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) (bins[i] * resolution);
        }
        return out;
    }

    /** The raw fixed-point values (a copy), for checkpoints and bit-exact comparison. */
    public long[] rawBins() {
        return bins.clone();
    }

    /** Restores raw fixed-point values written by {@link #rawBins()} (adds them to this tally). */
    public void addRaw(long[] raw) {
        if (raw.length != bins.length) {
            throw new IllegalArgumentException("raw tally has " + raw.length + " bins, expected " + bins.length);
        }
        for (int i = 0; i < bins.length; i++) {
            bins[i] = Math.addExact(bins[i], raw[i]);
        }
    }

    /** True when both tallies hold exactly the same fixed-point values and resolution. */
    public boolean sameAs(FixedPointTally other) {
        return resolution == other.resolution && Arrays.equals(bins, other.bins);
    }
}
