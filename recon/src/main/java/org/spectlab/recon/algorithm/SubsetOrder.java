package org.spectlab.recon.algorithm;

import org.spectlab.core.error.InputException;

/**
 * Partition of the views into ordered subsets. Subset {@code b} holds the interleaved views
 * {@code b, b + S, b + 2S, ...}; subsets are visited in generalised digit-reversed order of
 * {@code b} (mixed radix over the prime factors of {@code S}; plain bit reversal when {@code S}
 * is a power of two), so consecutive subsets are far apart in angle (Herman GT, Meyer LB,
 * "Algebraic reconstruction techniques can be made computationally efficient", IEEE TMI 12 (1993)
 * 600-609; Hudson HM, Larkin RS, IEEE TMI 13 (1994) 601-609 for OSEM).
 */
public final class SubsetOrder {
    private SubsetOrder() {
    }

    /**
     * The views of each subset, in processing order.
     *
     * @throws InputException when {@code subsets} is not between 1 and {@code views}
     */
    public static int[][] of(int views, int subsets) {
        if (subsets < 1 || subsets > views) {
            throw InputException.field("subsets", "must be 1 to the number of views (" + views + "), got " + subsets);
        }
        int[] order = digitReversedOrder(subsets);
        int[][] out = new int[subsets][];
        for (int n = 0; n < subsets; n++) {
            int b = order[n];
            int count = (views - b + subsets - 1) / subsets;
            int[] v = new int[count];
            for (int m = 0; m < count; m++) {
                v[m] = b + m * subsets;
            }
            out[n] = v;
        }
        return out;
    }

    /** The permutation of {@code 0..n-1} by mixed-radix digit reversal over the prime factors of n. */
    static int[] digitReversedOrder(int n) {
        int[] radices = new int[32];
        int count = 0;
        int rest = n;
        for (int p = 2; (long) p * p <= rest; p++) {
            while (rest % p == 0) {
                radices[count++] = p;
                rest /= p;
            }
        }
        if (rest > 1) {
            radices[count++] = rest;
        }
        int[] order = new int[n];
        for (int m = 0; m < n; m++) {
            // Write m in mixed radix (least significant digit first with radices[0]) and read the
            // digits back in reverse significance.
            int value = m;
            int reversed = 0;
            int weight = n;
            for (int d = 0; d < count; d++) {
                int digit = value % radices[d];
                value /= radices[d];
                weight /= radices[d];
                reversed += digit * weight;
            }
            order[m] = reversed;
        }
        return order;
    }
}
