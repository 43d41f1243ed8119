package org.spectlab.metrics.profile;

/**
 * Widths of a single-peaked profile.
 *
 * @param peakPositionMm position of the maximum, mm
 * @param peakValue      value at the maximum (profile units)
 * @param fwhmMm         full width at half maximum, mm
 * @param fwtmMm         full width at tenth maximum, mm
 */
public record ProfileWidths(double peakPositionMm, double peakValue, double fwhmMm, double fwtmMm) {

    /** Widths from their values. */
    public static ProfileWidths of(double peakPositionMm, double peakValue, double fwhmMm, double fwtmMm) {
        return new ProfileWidths(peakPositionMm, peakValue, fwhmMm, fwtmMm);
    }
}
