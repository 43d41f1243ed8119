package org.spectlab.core.nuclide;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.spectlab.core.error.InputException;

/**
 * Draws the emission line of one photon, with probability proportional to the line's yield per decay,
 * in O(1) per draw (Vose's alias method: M. D. Vose, "A linear algorithm for generating random numbers
 * with a given distribution", IEEE Trans. Softw. Eng. 17 (1991) 972).
 *
 * <p>The sampler may keep only some lines (a minimum yield, a minimum energy, e.g. to drop L x-rays that
 * never leave the patient); a source of A decays then emits A · {@link #photonsPerDecay()} photons, each of
 * which is drawn from this sampler.
 *
 * <p>Immutable and thread-safe: tables are primitive arrays built once; {@link #sample} allocates
 * nothing and uses only the generator it is given (one generator per thread).
 */
public final class EmissionSampler {

    private final Nuclide nuclide;
    private final List<EmissionLine> lines;
    private final double[] energyKeV;
    private final double[] probability;
    private final double[] acceptance;
    private final int[] alias;
    private final double photonsPerDecay;

    private EmissionSampler(Nuclide nuclide, List<EmissionLine> lines) {
        this.nuclide = nuclide;
        this.lines = List.copyOf(lines);
        int n = lines.size();
        energyKeV = new double[n];
        double[] yields = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            energyKeV[i] = lines.get(i).energyKeV();
            yields[i] = lines.get(i).yieldPerDecay();
            sum += yields[i];
        }
        photonsPerDecay = sum;
        probability = new double[n];
        for (int i = 0; i < n; i++) {
            probability[i] = yields[i] / sum;
        }
        acceptance = new double[n];
        alias = new int[n];
        buildAliasTable(probability, acceptance, alias);
    }

    /** A sampler over all lines of the nuclide. */
    public static EmissionSampler of(Nuclide nuclide) {
        return of(nuclide, 0.0, 0.0);
    }

    /** A sampler over the lines with yield &ge; {@code minYield} photons per decay. */
    public static EmissionSampler of(Nuclide nuclide, double minYield) {
        return of(nuclide, minYield, 0.0);
    }

    /**
     * A sampler over the lines with yield &ge; {@code minYield} per decay and energy &ge; {@code minEnergyKeV}.
     *
     * @throws InputException if a threshold is negative or not finite, or no line passes both
     */
    public static EmissionSampler of(Nuclide nuclide, double minYield, double minEnergyKeV) {
        if (!(minYield >= 0) || !Double.isFinite(minYield)) {
            throw InputException.field("min yield", "must be a finite number >= 0 (photons per decay), got " + minYield);
        }
        if (!(minEnergyKeV >= 0) || !Double.isFinite(minEnergyKeV)) {
            throw InputException.field("min energy (keV)", "must be a finite number >= 0, got " + minEnergyKeV);
        }
        List<EmissionLine> kept = new ArrayList<>();
        for (EmissionLine line : nuclide.lines()) {
            if (line.yieldPerDecay() >= minYield && line.energyKeV() >= minEnergyKeV) {
                kept.add(line);
            }
        }
        if (kept.isEmpty()) {
            throw InputException.field("min yield", "no line of " + nuclide.name() + " has yield >= " + minYield
                    + " per decay and energy >= " + minEnergyKeV + " keV");
        }
        return new EmissionSampler(nuclide, kept);
    }

    /**
     * Draws a line.
     *
     * @param rng the generator of the calling thread
     * @return the index of the line in {@link #lines()} (0 &le; index &lt; {@link #size()})
     */
    public int sample(UniformRandomProvider rng) {
        int column = rng.nextInt(acceptance.length);
        return rng.nextDouble() < acceptance[column] ? column : alias[column];
    }

    /** The nuclide this sampler draws from. */
    public Nuclide nuclide() {
        return nuclide;
    }

    /** The retained lines, by increasing energy; {@link #sample} returns indices into this list. */
    public List<EmissionLine> lines() {
        return lines;
    }

    /** Number of retained lines. */
    public int size() {
        return energyKeV.length;
    }

    /** Energy of retained line {@code index}, keV. */
    public double energyKeV(int index) {
        return energyKeV[index];
    }

    /** Probability that {@link #sample} returns {@code index}: its yield over the retained total. */
    public double probability(int index) {
        return probability[index];
    }

    /** Photons per decay carried by the retained lines (sum of their yields). */
    public double photonsPerDecay() {
        return photonsPerDecay;
    }

    /**
     * The probability that {@link #sample} returns {@code index}, computed from the alias table itself:
     * (acceptance[index] + Σ over columns j aliased to index of (1 - acceptance[j])) / n. Equal to
     * {@link #probability(int)} up to rounding when the table is right (used by tests).
     */
    double tableProbability(int index) {
        double mass = acceptance[index];
        for (int j = 0; j < alias.length; j++) {
            if (alias[j] == index && j != index) {
                mass += 1.0 - acceptance[j];
            }
        }
        return mass / alias.length;
    }

    /**
     * Vose's stable construction: columns of height 1; a column whose own mass p·n is below 1 is topped up
     * by the alias of a column whose mass exceeds 1. Leftover columns (rounding) accept with certainty.
     */
    private static void buildAliasTable(double[] probability, double[] acceptance, int[] alias) {
        int n = probability.length;
        double[] mass = new double[n];
        int[] small = new int[n];
        int[] large = new int[n];
        int nSmall = 0;
        int nLarge = 0;
        for (int i = 0; i < n; i++) {
            mass[i] = probability[i] * n;
            if (mass[i] < 1.0) {
                small[nSmall++] = i;
            } else {
                large[nLarge++] = i;
            }
        }
        while (nSmall > 0 && nLarge > 0) {
            int s = small[--nSmall];
            int l = large[--nLarge];
            acceptance[s] = mass[s];
            alias[s] = l;
            mass[l] = (mass[l] + mass[s]) - 1.0;
            if (mass[l] < 1.0) {
                small[nSmall++] = l;
            } else {
                large[nLarge++] = l;
            }
        }
        while (nLarge > 0) {
            int l = large[--nLarge];
            acceptance[l] = 1.0;
            alias[l] = l;
        }
        while (nSmall > 0) {
            int s = small[--nSmall];
            acceptance[s] = 1.0;
            alias[s] = s;
        }
    }
}
