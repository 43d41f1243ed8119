package org.spectlab.simulator.run;

/**
 * A contiguous range of batch indices {@code [first, first + count)} of one run.
 *
 * @param first index of the first batch
 * @param count number of batches
 */
public record BatchRange(long first, long count) {

    /** Validates first &ge; 0, count &ge; 0 and the end within {@link BatchRandom#MAX_BATCH}. */
    public BatchRange {
        if (first < 0 || count < 0 || first + count - 1 > BatchRandom.MAX_BATCH) {
            throw new IllegalArgumentException("invalid batch range first=" + first + " count=" + count);
        }
    }

    /** The range {@code [first, first + count)}. */
    public static BatchRange of(long first, long count) {
        return new BatchRange(first, count);
    }

    /** One past the last batch. */
    public long end() {
        return first + count;
    }

    /**
     * Part {@code part} of {@code parts} near-equal disjoint pieces that together cover this range
     * (the first {@code count % parts} pieces get one batch more).
     */
    public BatchRange split(int part, int parts) {
        if (parts <= 0 || part < 0 || part >= parts) {
            throw new IllegalArgumentException("part " + part + " of " + parts);
        }
        long base = count / parts;
        long extra = count % parts;
        long start = first + part * base + Math.min(part, extra);
        long size = base + (part < extra ? 1 : 0);
        return new BatchRange(start, size);
    }
}
