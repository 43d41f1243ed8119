package org.spectlab.metrics.froc;

/**
 * One operating point of a FROC, AFROC or LROC curve.
 *
 * @param threshold the confidence threshold (marks {@code >= threshold} kept), or null for the curve's
 *                  synthetic end points (the origin and the closing point)
 * @param x         abscissa: NL per case (FROC) or false-positive fraction (AFROC, LROC)
 * @param y         ordinate: lesion localization fraction (FROC, AFROC) or fraction correctly
 *                  localized (LROC)
 */
public record CurvePoint(Double threshold, double x, double y) {

    /** A point. */
    public static CurvePoint of(Double threshold, double x, double y) {
        return new CurvePoint(threshold, x, y);
    }
}
