package org.spectlab.validation.report;

/**
 * A line of the findings table: what was reported next to what is true.
 *
 * @param reported the detection, or null for a missed lesion (false negative)
 * @param truth    the true lesion it was matched to, or null for a false positive
 * @param verdict  e.g. {@code "TP"}, {@code "FP"}, {@code "FN"}, with distance if useful
 */
public record FindingRow(Finding reported, Finding truth, String verdict) {

    /** At least one side must be present. */
    public FindingRow {
        if (reported == null && truth == null) {
            throw new IllegalArgumentException("a findings row needs a reported or a true finding");
        }
        if (verdict == null) {
            verdict = "";
        }
    }

    /** A row. */
    public static FindingRow of(Finding reported, Finding truth, String verdict) {
        return new FindingRow(reported, truth, verdict);
    }

    /** True when this row is a correct localisation (both sides present). */
    public boolean matched() {
        return reported != null && truth != null;
    }
}
