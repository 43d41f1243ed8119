package org.spectlab.simulator.cluster;

import org.spectlab.simulator.run.BatchRange;

/**
 * A contiguous range {@code [first, first + count)} of views or batches: the part of a run one job
 * or one checkpoint chunk computes.
 *
 * @param unit  views or batches
 * @param first first unit
 * @param count number of units (≥ 1)
 */
public record UnitRange(WorkUnit unit, long first, long count) {
    /** Validates first ≥ 0 and count ≥ 1. */
    public UnitRange {
        if (unit == null || first < 0 || count < 1) {
            throw new IllegalArgumentException("invalid unit range " + unit + " " + first + "+" + count);
        }
    }

    /** One past the last unit. */
    public long end() {
        return first + count;
    }

    /** As a {@link BatchRange} (also used for view ranges). */
    public BatchRange asBatchRange() {
        return BatchRange.of(first, count);
    }

    /** Part {@code k} of {@code n} near-equal contiguous pieces of {@code [0, total)}. */
    public static UnitRange split(WorkUnit unit, long total, int k, int n) {
        BatchRange r = BatchRange.of(0, total).split(k, n);
        return new UnitRange(unit, r.first(), r.count());
    }

    /** E.g. "views 0-29" (inclusive, as people count). */
    @Override
    public String toString() {
        return unit.key() + " " + first + "-" + (end() - 1);
    }
}
