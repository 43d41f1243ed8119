package org.spectlab.validation.baseline;

/**
 * One quantity compared with its regression baseline.
 *
 * @param caseName             case
 * @param quantity             quantity name
 * @param value                value of this run (NaN when the quantity is missing from this run)
 * @param uncertainty          its standard uncertainty
 * @param baselineValue        value stored in the baseline (NaN when the baseline lacks it)
 * @param baselineUncertainty  standard uncertainty stored in the baseline
 * @param tolerance            text of the tolerance applied (the quantity's own)
 * @param deviation            deviation in the tolerance's measure (absolute, relative or z)
 * @param passed               true when within tolerance
 * @param note                 empty, or why it failed ("missing from this run", ...)
 */
public record Drift(String caseName, String quantity, double value, double uncertainty, double baselineValue,
                    double baselineUncertainty, String tolerance, double deviation, boolean passed, String note) {
}
