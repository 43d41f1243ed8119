package org.spectlab.phantoms.kinetics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.spectlab.core.error.InputException;

/**
 * A linear compartment model with first-order transfers, solved exactly: compartment {@code c} empties
 * with rate {@code k_c = ln 2 / T_c} (h^-1, {@code T_c} its outflow half-time; infinite for a compartment
 * that keeps what it receives, such as an excretion sink), a fraction {@code b_cd} of its outflow going to
 * compartment {@code d} ({@code sum_d b_cd = 1}). Fractions of the administered atoms start in chosen
 * compartments at t = 0. Physical decay is not part of the model (see {@link TracerKinetics}).
 *
 * <p>Solution: the transfer graph must be acyclic (no recycling). In topological order, each compartment's
 * content is a sum of exponentials {@code q_c(t) = sum_m a_m exp(-r_m t)}: an input term
 * {@code a exp(-r t)} from a parent with transfer rate {@code k_pc = b_pc k_p} contributes
 * {@code k_pc a / (k_c - r)} times {@code exp(-r t) - exp(-k_c t)} (Bateman). A compartment that shares its
 * outflow rate with a compartment upstream of it would need {@code t exp(-k t)} terms, which a
 * {@link Retention} cannot hold; that is rejected at construction (relative tolerance 1e-9).
 *
 * <p>Every compartment's solution is computed on its own from the transfer rates, so the sum of all
 * compartments, sinks included, equals 1 at all times only if the solution is right (tested).
 */
public final class CompartmentModel {
    private final List<String> names;
    private final double[] ratesPerH;
    private final double[][] transferPerH; // [from][to]
    private final double[] initial;
    private final Map<String, Retention> solutions;

    private CompartmentModel(List<String> names, double[] ratesPerH, double[][] transferPerH, double[] initial) {
        this.names = List.copyOf(names);
        this.ratesPerH = ratesPerH;
        this.transferPerH = transferPerH;
        this.initial = initial;
        this.solutions = solve();
    }

    /** A builder: add compartments, then the initial distribution. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link CompartmentModel}. */
    public static final class Builder {
        private final Map<String, Double> halfTimes = new LinkedHashMap<>();
        private final Map<String, Map<String, Double>> branches = new LinkedHashMap<>();
        private final Map<String, Double> start = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * A compartment.
         *
         * @param name           unique name
         * @param halfTimeH      outflow half-time, h ({@code +Infinity}: nothing leaves)
         * @param branchFractions destination name to fraction of the outflow (sum 1; empty when nothing leaves)
         */
        public Builder compartment(String name, double halfTimeH, Map<String, Double> branchFractions) {
            if (halfTimes.containsKey(name)) {
                throw InputException.field("compartment '" + name + "'", "is defined twice");
            }
            if (!(halfTimeH > 0)) {
                throw InputException.field("compartment '" + name + "'.half_time_h", "must be > 0, got " + halfTimeH);
            }
            halfTimes.put(name, halfTimeH);
            branches.put(name, new LinkedHashMap<>(branchFractions));
            return this;
        }

        /** Fraction of the administered atoms in a compartment at t = 0. */
        public Builder start(String name, double fraction) {
            start.merge(name, fraction, Double::sum);
            return this;
        }

        /** The model; checks names, fractions and that the graph is acyclic. */
        public CompartmentModel build() {
            List<String> names = new ArrayList<>(halfTimes.keySet());
            int n = names.size();
            double[] rates = new double[n];
            double[][] transfer = new double[n][n];
            for (int i = 0; i < n; i++) {
                String c = names.get(i);
                double t = halfTimes.get(c);
                rates[i] = Double.isInfinite(t) ? 0 : Math.log(2) / t;
                Map<String, Double> b = branches.get(c);
                double sum = 0;
                for (Map.Entry<String, Double> e : b.entrySet()) {
                    int j = names.indexOf(e.getKey());
                    if (j < 0) {
                        throw InputException.field("compartment '" + c + "'.to", "unknown compartment '" + e.getKey()
                                + "'; known: " + names);
                    }
                    if (j == i || !(e.getValue() >= 0)) {
                        throw InputException.field("compartment '" + c + "'.to." + e.getKey(),
                                "must be a fraction >= 0 to another compartment");
                    }
                    sum += e.getValue();
                    transfer[i][j] += e.getValue() * rates[i];
                }
                if (rates[i] > 0 && Math.abs(sum - 1) > 1e-9) {
                    throw InputException.field("compartment '" + c + "'.to", "fractions sum to " + sum + ", not 1");
                }
                if (rates[i] == 0 && !b.isEmpty()) {
                    throw InputException.field("compartment '" + c + "'.to", "a compartment with an infinite half-time "
                            + "has no outflow to distribute");
                }
            }
            double[] init = new double[n];
            double total = 0;
            for (Map.Entry<String, Double> e : start.entrySet()) {
                int j = names.indexOf(e.getKey());
                if (j < 0) {
                    throw InputException.field("start." + e.getKey(), "unknown compartment; known: " + names);
                }
                if (!(e.getValue() >= 0)) {
                    throw InputException.field("start." + e.getKey(), "must be >= 0");
                }
                init[j] = e.getValue();
                total += e.getValue();
            }
            if (Math.abs(total - 1) > 1e-9) {
                throw InputException.field("start", "initial fractions sum to " + total + ", not 1");
            }
            return new CompartmentModel(names, rates, transfer, init);
        }
    }

    private Map<String, Retention> solve() {
        int n = names.size();
        List<Integer> order = topologicalOrder();
        List<List<double[]>> terms = new ArrayList<>(Collections.nCopies(n, null)); // {coef, rate}
        for (int c : order) {
            double k = ratesPerH[c];
            List<double[]> own = new ArrayList<>();
            double homogeneous = initial[c];
            for (int p = 0; p < n; p++) {
                double kpc = transferPerH[p][c];
                if (kpc == 0) {
                    continue;
                }
                for (double[] term : terms.get(p)) {
                    double r = term[1];
                    double denom = k - r;
                    if (Math.abs(denom) <= 1e-9 * Math.max(k, r)) {
                        throw InputException.field("compartment '" + names.get(c) + "'", "has the same outflow rate as "
                                + "a compartment upstream of it (needs t exp(-kt) terms); change one half-time");
                    }
                    double a = kpc * term[0] / denom;
                    add(own, a, r);
                    homogeneous -= a;
                }
            }
            add(own, homogeneous, k);
            terms.set(c, own);
        }
        Map<String, Retention> out = new LinkedHashMap<>();
        for (int c = 0; c < n; c++) {
            List<double[]> t = terms.get(c);
            double[] a = new double[t.size()];
            double[] h = new double[t.size()];
            for (int m = 0; m < a.length; m++) {
                a[m] = t.get(m)[0];
                h[m] = t.get(m)[1] == 0 ? Double.POSITIVE_INFINITY : Math.log(2) / t.get(m)[1];
            }
            if (a.length == 0) {
                a = new double[] {0};
                h = new double[] {Double.POSITIVE_INFINITY};
            }
            out.put(names.get(c), Retention.of(a, h));
        }
        return out;
    }

    private static void add(List<double[]> terms, double coef, double rate) {
        for (double[] t : terms) {
            if (t[1] == rate) {
                t[0] += coef;
                return;
            }
        }
        terms.add(new double[] {coef, rate});
    }

    private List<Integer> topologicalOrder() {
        int n = names.size();
        int[] indegree = new int[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (transferPerH[i][j] > 0) {
                    indegree[j]++;
                }
            }
        }
        List<Integer> order = new ArrayList<>();
        List<Integer> ready = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (indegree[i] == 0) {
                ready.add(i);
            }
        }
        while (!ready.isEmpty()) {
            int i = ready.remove(0);
            order.add(i);
            for (int j = 0; j < n; j++) {
                if (transferPerH[i][j] > 0 && --indegree[j] == 0) {
                    ready.add(j);
                }
            }
        }
        if (order.size() != n) {
            throw InputException.field("compartments", "transfers form a cycle (recycling is not supported)");
        }
        return order;
    }

    /** Compartment names in definition order. */
    public List<String> names() {
        return names;
    }

    /** Fraction of the administered atoms in a compartment over time (no physical decay). */
    public Retention retention(String name) {
        Retention r = solutions.get(name);
        if (r == null) {
            throw InputException.field("compartment", "unknown compartment '" + name + "'; known: " + names);
        }
        return r;
    }

    /** Outflow half-time of a compartment, h. */
    public double halfTimeH(String name) {
        double k = ratesPerH[index(name)];
        return k == 0 ? Double.POSITIVE_INFINITY : Math.log(2) / k;
    }

    /** Initial fraction in a compartment. */
    public double initialFraction(String name) {
        return initial[index(name)];
    }

    /**
     * The right-hand side of {@code dq/dt = K q}: {@code out[i] = -k_i q_i + sum_p k_pi q_p} (per h), for
     * a numerical check of the closed-form solution.
     */
    public void derivative(double[] q, double[] out) {
        int n = names.size();
        for (int i = 0; i < n; i++) {
            double d = -ratesPerH[i] * q[i];
            for (int p = 0; p < n; p++) {
                d += transferPerH[p][i] * q[p];
            }
            out[i] = d;
        }
    }

    /** Initial fractions in {@link #names()} order (copy). */
    public double[] initialFractions() {
        return initial.clone();
    }

    private int index(String name) {
        int i = names.indexOf(name);
        if (i < 0) {
            throw InputException.field("compartment", "unknown compartment '" + name + "'; known: " + names);
        }
        return i;
    }
}
