package org.spectlab.metrics.report;

import java.util.ArrayList;
import java.util.List;
import org.spectlab.metrics.detection.CaseMatch;
import org.spectlab.metrics.detection.Detection;
import org.spectlab.metrics.detection.LesionOutcome;

/**
 * Per-case part of the detection report.
 *
 * @param caseId             the case
 * @param lesions            outcome per true lesion
 * @param falsePositiveIds   ids of the detections that matched no lesion
 */
public record CaseSummary(String caseId, List<LesionOutcome> lesions, List<String> falsePositiveIds) {

    /** The summary of a matched case. */
    public static CaseSummary of(CaseMatch m) {
        List<String> fp = new ArrayList<>(m.falsePositives().size());
        for (Detection d : m.falsePositives()) {
            fp.add(d.id());
        }
        return new CaseSummary(m.caseId(), m.lesions(), fp);
    }
}
