package org.spectlab.simulator.run;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Named fixed-point tallies plus named integer counters (histories run, photons detected, ...) —
 * everything a run adds up. Two tally sets of the same layout merge exactly.
 */
public final class TallySet {
    private final Map<String, FixedPointTally> tallies = new LinkedHashMap<>();
    private final Map<String, long[]> counters = new LinkedHashMap<>();

    /** An empty set; add tallies and counters before running. */
    public static TallySet create() {
        return new TallySet();
    }

    /** Adds (or returns the existing) tally of the given size at the default resolution. */
    public FixedPointTally tally(String name, int size) {
        return tallies.computeIfAbsent(name, n -> FixedPointTally.of(size));
    }

    /** The tally of that name, or an exception naming it. */
    public FixedPointTally tally(String name) {
        FixedPointTally t = tallies.get(name);
        if (t == null) {
            throw new IllegalArgumentException("no tally named '" + name + "'");
        }
        return t;
    }

    /** Adds to an integer counter (created at zero). */
    public void count(String name, long increment) {
        long[] c = counters.computeIfAbsent(name, n -> new long[1]);
        c[0] = Math.addExact(c[0], increment);
    }

    /** Value of an integer counter (0 when never counted). */
    public long counter(String name) {
        long[] c = counters.get(name);
        return c == null ? 0 : c[0];
    }

    /** Tally names in insertion order (unmodifiable view). */
    public Map<String, FixedPointTally> tallies() {
        return Collections.unmodifiableMap(tallies);
    }

    /** Counter names and values (a copy). */
    public Map<String, Long> counters() {
        Map<String, Long> out = new LinkedHashMap<>();
        counters.forEach((k, v) -> out.put(k, v[0]));
        return out;
    }

    /** Adds every tally and counter of {@code other} into this set (tallies are created as needed). */
    public void merge(TallySet other) {
        other.tallies.forEach((name, t) -> {
            FixedPointTally mine = tallies.get(name);
            if (mine == null) {
                mine = FixedPointTally.of(t.size(), t.resolution());
                tallies.put(name, mine);
            }
            mine.merge(t);
        });
        other.counters.forEach((name, c) -> count(name, c[0]));
    }

    /** True when both sets hold exactly the same tallies and counters, bit for bit. */
    public boolean sameAs(TallySet other) {
        if (!tallies.keySet().equals(other.tallies.keySet()) || !counters().equals(other.counters())) {
            return false;
        }
        for (Map.Entry<String, FixedPointTally> e : tallies.entrySet()) {
            if (!e.getValue().sameAs(other.tallies.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }
}
