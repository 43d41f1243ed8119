package org.spectlab.core.nuclide;

import java.util.Objects;

/**
 * One photon line emitted in the decay of a nuclide.
 *
 * @param energyKeV     photon energy, keV (&gt; 0)
 * @param yieldPerDecay absolute emission probability per decay of the parent (a fraction, not %;
 *                      in (0, 2], 2 allowing for annihilation photons)
 * @param kind          gamma or x-ray
 * @param label         human-readable identification, e.g. {@code "Te Kα1"} or {@code "Te-123 1->0"}
 */
public record EmissionLine(double energyKeV, double yieldPerDecay, EmissionKind kind, String label) {

    /** Validates the values (a bad line is a programming or data-file error). */
    public EmissionLine {
        if (!(energyKeV > 0) || !Double.isFinite(energyKeV)) {
            throw new IllegalArgumentException("energyKeV must be finite and > 0, got " + energyKeV);
        }
        if (!(yieldPerDecay > 0) || yieldPerDecay > 2) {
            throw new IllegalArgumentException("yieldPerDecay must be in (0, 2], got " + yieldPerDecay);
        }
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(label, "label");
    }

    /** A line from its energy (keV), yield per decay, kind and label. */
    public static EmissionLine of(double energyKeV, double yieldPerDecay, EmissionKind kind, String label) {
        return new EmissionLine(energyKeV, yieldPerDecay, kind, label);
    }
}
