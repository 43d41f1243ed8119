package org.spectlab.metrics.detection;

import java.util.Objects;

/**
 * One finding reported by a localization algorithm (ours or anyone's).
 *
 * <p>Only the id, centre and confidence are needed for scoring; the other fields are what a
 * localization algorithm may additionally estimate and are null when not reported.
 *
 * @param id                   identifier unique within the case
 * @param centre               reported centre, mm (LPS)
 * @param confidence           confidence score; higher means more certain (any finite scale)
 * @param organ                organ the algorithm assigns the finding to, or null
 * @param peakUptakeBqPerMl    peak uptake, Bq/mL, or null
 * @param meanUptakeBqPerMl    mean uptake, Bq/mL, or null
 * @param volumeMl             estimated volume, mL, or null
 * @param contrast             estimated contrast (lesion/background - 1), or null
 * @param cnr                  estimated contrast-to-noise ratio, or null
 */
public record Detection(String id, PointMm centre, double confidence, String organ, Double peakUptakeBqPerMl,
                        Double meanUptakeBqPerMl, Double volumeMl, Double contrast, Double cnr) {

    /** Checks that id and centre are present and the confidence is finite. */
    public Detection {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(centre, "centre");
        if (!Double.isFinite(confidence)) {
            throw new IllegalArgumentException("detection " + id + ": confidence must be finite, got " + confidence);
        }
    }

    /** A detection with only the fields scoring needs. */
    public static Detection of(String id, PointMm centre, double confidence) {
        return new Detection(id, centre, confidence, null, null, null, null, null, null);
    }

    /** A detection with an organ name. */
    public static Detection of(String id, PointMm centre, double confidence, String organ) {
        return new Detection(id, centre, confidence, organ, null, null, null, null, null);
    }
}
