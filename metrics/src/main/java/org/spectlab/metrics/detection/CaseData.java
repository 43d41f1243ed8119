package org.spectlab.metrics.detection;

import java.util.List;
import java.util.Objects;

/**
 * One case (one study, one patient image) to be scored: its true lesions and the detections an
 * algorithm reported on it. A case without lesions is a normal (lesion-free) case.
 *
 * @param caseId     identifier of the case
 * @param lesions    ground-truth lesions (possibly empty)
 * @param detections reported detections (possibly empty)
 */
public record CaseData(String caseId, List<TruthLesion> lesions, List<Detection> detections) {

    /** Copies the lists. */
    public CaseData {
        Objects.requireNonNull(caseId, "caseId");
        lesions = List.copyOf(lesions);
        detections = List.copyOf(detections);
    }

    /** A case from its parts. */
    public static CaseData of(String caseId, List<TruthLesion> lesions, List<Detection> detections) {
        return new CaseData(caseId, lesions, detections);
    }
}
