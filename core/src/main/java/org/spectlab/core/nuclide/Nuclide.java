package org.spectlab.core.nuclide;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.spectlab.core.error.InputException;

/**
 * A radionuclide as an emitter: its half-life and the photon lines it emits per decay.
 *
 * <p>Decay is a single exponential, A(t) = A(0) exp(-λt) with λ = ln 2 / T½ (no daughter ingrowth).
 * Lines are kept sorted by increasing energy.
 *
 * @param name      canonical name, e.g. {@code "Tc-99m"}
 * @param halfLifeS half-life, s (&gt; 0)
 * @param lines     photon lines, sorted by increasing energy (may be empty)
 * @param source    citation of the evaluated data (evaluation and year)
 */
public record Nuclide(String name, double halfLifeS, List<EmissionLine> lines, String source) {

    private static final double LN2 = Math.log(2.0);

    /** Validates and sorts the lines by energy. */
    public Nuclide {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(source, "source");
        if (name.isBlank()) {
            throw new IllegalArgumentException("nuclide name must not be blank");
        }
        if (!(halfLifeS > 0) || !Double.isFinite(halfLifeS)) {
            throw new IllegalArgumentException("halfLifeS of " + name + " must be finite and > 0, got " + halfLifeS);
        }
        List<EmissionLine> sorted = new ArrayList<>(Objects.requireNonNull(lines, "lines"));
        sorted.sort(Comparator.comparingDouble(EmissionLine::energyKeV));
        lines = List.copyOf(sorted);
    }

    /** A nuclide from its name, half-life (s), lines (any order) and source citation. */
    public static Nuclide of(String name, double halfLifeS, List<EmissionLine> lines, String source) {
        return new Nuclide(name, halfLifeS, lines, source);
    }

    /** Half-life, hours. */
    public double halfLifeH() {
        return halfLifeS / 3600.0;
    }

    /** Decay constant λ = ln 2 / T½, 1/s. */
    public double decayConstantPerS() {
        return LN2 / halfLifeS;
    }

    /**
     * Fraction of the activity left after a time: exp(-λt).
     *
     * @param elapsedS time since the reference, s (negative: before the reference, factor &gt; 1)
     */
    public double decayFactor(double elapsedS) {
        requireFinite("elapsed time (s)", elapsedS);
        return Math.exp(-decayConstantPerS() * elapsedS);
    }

    /**
     * Mean of the decay factor over an acquisition: (1/T) ∫ exp(-λt) dt over [t0, t0 + T], i.e.
     * (exp(-λt0) - exp(-λ(t0+T))) / (λT). Multiplied by the activity at the reference time and by T it
     * gives the number of decays during the acquisition.
     *
     * <p>Computed as exp(-λt0) · (-expm1(-λT)) / (λT), which keeps full relative precision as λT → 0
     * (no cancellation); for T = 0 it is the decay factor at t0.
     *
     * @param startS    start of the interval after the reference time, s
     * @param durationS length of the interval, s (&ge; 0)
     */
    public double meanDecayFactorOver(double startS, double durationS) {
        requireFinite("start time (s)", startS);
        requireFinite("duration (s)", durationS);
        if (durationS < 0) {
            throw InputException.field("duration (s)", "must be >= 0, got " + durationS);
        }
        double lambda = decayConstantPerS();
        double atStart = Math.exp(-lambda * startS);
        double x = lambda * durationS;
        if (x == 0) {
            return atStart;
        }
        return atStart * (-Math.expm1(-x) / x);
    }

    /** Total photons per decay: the sum of all line yields. */
    public double photonsPerDecay() {
        double sum = 0;
        for (EmissionLine line : lines) {
            sum += line.yieldPerDecay();
        }
        return sum;
    }

    /** Lines with a yield of at least {@code minYield} photons per decay, by increasing energy. */
    public List<EmissionLine> linesAbove(double minYield) {
        List<EmissionLine> out = new ArrayList<>();
        for (EmissionLine line : lines) {
            if (line.yieldPerDecay() >= minYield) {
                out.add(line);
            }
        }
        return List.copyOf(out);
    }

    /** Lines with energy in [lowKeV, highKeV], by increasing energy. */
    public List<EmissionLine> linesIn(double lowKeV, double highKeV) {
        if (!(lowKeV <= highKeV)) {
            throw InputException.field("energy range (keV)", "low must be <= high, got " + lowKeV + " > " + highKeV);
        }
        List<EmissionLine> out = new ArrayList<>();
        for (EmissionLine line : lines) {
            if (line.energyKeV() >= lowKeV && line.energyKeV() <= highKeV) {
                out.add(line);
            }
        }
        return List.copyOf(out);
    }

    /**
     * The line with the largest yield (the lower-energy one on a tie).
     *
     * @throws IllegalStateException if the nuclide has no lines
     */
    public EmissionLine strongestLine() {
        EmissionLine best = null;
        for (EmissionLine line : lines) {
            if (best == null || line.yieldPerDecay() > best.yieldPerDecay()) {
                best = line;
            }
        }
        if (best == null) {
            throw new IllegalStateException("nuclide " + name + " has no emission lines");
        }
        return best;
    }

    private static void requireFinite(String field, double value) {
        if (!Double.isFinite(value)) {
            throw InputException.field(field, "must be a finite number, got " + value);
        }
    }
}
