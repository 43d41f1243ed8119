package org.spectlab.metrics.detection;

import java.util.List;

/**
 * The result of matching one case: an outcome per true lesion (in the order of the case's lesions) and
 * the detections that matched no lesion (non-lesion localizations, i.e. false positives).
 *
 * @param caseId         the case
 * @param lesions        one outcome per true lesion
 * @param falsePositives detections matched to no lesion
 */
public record CaseMatch(String caseId, List<LesionOutcome> lesions, List<Detection> falsePositives) {

    /** Copies the lists. */
    public CaseMatch {
        lesions = List.copyOf(lesions);
        falsePositives = List.copyOf(falsePositives);
    }

    /** Number of lesions hit. */
    public int hits() {
        int h = 0;
        for (LesionOutcome o : lesions) {
            if (o.hit()) {
                h++;
            }
        }
        return h;
    }

    /** True when the case has no true lesion. */
    public boolean isNormal() {
        return lesions.isEmpty();
    }
}
