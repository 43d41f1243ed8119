package org.spectlab.metrics.report;

import java.util.ArrayList;
import java.util.List;
import org.spectlab.metrics.detection.CaseData;
import org.spectlab.metrics.detection.CaseMatch;
import org.spectlab.metrics.detection.LesionMatcher;
import org.spectlab.metrics.detection.MatchingMethod;
import org.spectlab.metrics.froc.CurvePoint;
import org.spectlab.metrics.froc.FrocAnalysis;
import org.spectlab.metrics.froc.LrocAnalysis;
import org.spectlab.metrics.stats.CaseBootstrap;
import org.spectlab.metrics.stats.ConfidenceInterval;

/**
 * Detection performance over a set of cases, with percentile bootstrap intervals over cases.
 *
 * @param matching                 matching rule used
 * @param acceptanceMm             acceptance distance, mm
 * @param cases                    number of cases
 * @param lesions                  number of true lesions
 * @param detections               number of detections
 * @param bootstrapReplicates      B used for the intervals
 * @param sensitivity              lesion localization fraction at the lowest threshold, with CI (null without lesions)
 * @param falsePositivesPerCase    non-lesion localizations per case, with CI
 * @param afrocFigureOfMerit       JAFROC figure of merit (trapezoidal AFROC area), with CI (null without lesions)
 * @param meanLocalizationErrorMm  mean distance of hits from their lesions' centres, mm (null without hits)
 * @param organAccuracy            fraction of hits whose organ was named correctly (null when not assessable)
 * @param lrocArea                 area under the LROC curve (null unless the data set suits LROC)
 * @param froc                     FROC curve
 * @param afroc                    AFROC curve
 * @param lroc                     LROC curve, or null
 * @param perCase                  per-case outcomes
 */
public record DetectionReport(MatchingMethod matching, double acceptanceMm, int cases, int lesions, int detections,
                              int bootstrapReplicates, ConfidenceInterval sensitivity,
                              ConfidenceInterval falsePositivesPerCase, ConfidenceInterval afrocFigureOfMerit,
                              Double meanLocalizationErrorMm, Double organAccuracy, Double lrocArea,
                              List<CurvePoint> froc, List<CurvePoint> afroc, List<CurvePoint> lroc,
                              List<CaseSummary> perCase) {

    /**
     * Matches and scores the cases.
     *
     * @param cases     the cases (at least one)
     * @param matcher   matching rule and acceptance distance
     * @param bootstrap replicates, level and seed for the intervals
     */
    public static DetectionReport compute(List<CaseData> cases, LesionMatcher matcher, CaseBootstrap bootstrap) {
        if (cases.isEmpty()) {
            throw new IllegalArgumentException("detection report needs at least one case");
        }
        List<CaseMatch> matches = matcher.matchAll(cases);
        int nLesions = FrocAnalysis.lesionCount(matches);
        int nDetections = 0;
        boolean lrocSuitable = true;
        boolean anyNormal = false;
        for (CaseData c : cases) {
            nDetections += c.detections().size();
            lrocSuitable &= c.lesions().size() <= 1;
            anyNormal |= c.lesions().isEmpty();
        }
        lrocSuitable &= anyNormal && nLesions > 0;
        ConfidenceInterval sens = nLesions == 0 ? null : bootstrap.interval(matches, FrocAnalysis::sensitivity);
        ConfidenceInterval fp = bootstrap.interval(matches, FrocAnalysis::falsePositivesPerCase);
        ConfidenceInterval fom = nLesions == 0 ? null : bootstrap.interval(matches, DetectionReport::fomOrNaN);
        List<CaseSummary> perCase = new ArrayList<>(matches.size());
        for (CaseMatch m : matches) {
            perCase.add(CaseSummary.of(m));
        }
        return new DetectionReport(matcher.method(), matcher.acceptanceMm(), cases.size(), nLesions, nDetections,
                bootstrap.replicates(), sens, fp, fom,
                nanToNull(FrocAnalysis.meanLocalizationErrorMm(matches)), nanToNull(FrocAnalysis.organAccuracy(matches)),
                lrocSuitable ? LrocAnalysis.area(cases, matcher) : null,
                nLesions == 0 ? List.of() : FrocAnalysis.froc(matches),
                nLesions == 0 ? List.of() : FrocAnalysis.afroc(matches),
                lrocSuitable ? LrocAnalysis.curve(cases, matcher) : null, perCase);
    }

    private static double fomOrNaN(List<CaseMatch> sample) {
        return FrocAnalysis.lesionCount(sample) == 0 ? Double.NaN : FrocAnalysis.jafrocFigureOfMerit(sample);
    }

    static Double nanToNull(double v) {
        return Double.isNaN(v) ? null : v;
    }
}
