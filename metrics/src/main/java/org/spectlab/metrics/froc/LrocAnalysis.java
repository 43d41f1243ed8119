package org.spectlab.metrics.froc;

import java.util.ArrayList;
import java.util.List;
import org.spectlab.core.error.InputException;
import org.spectlab.metrics.detection.CaseData;
import org.spectlab.metrics.detection.Detection;
import org.spectlab.metrics.detection.LesionMatcher;
import org.spectlab.metrics.detection.TruthLesion;

/**
 * The LROC curve and its area, for data sets where each abnormal case holds exactly one lesion and
 * some cases are lesion-free (definition in the package documentation). Correct localization uses the
 * matcher's hit radius {@code max(lesion radius, acceptance)}; ties in the top rating are broken by
 * detection id.
 */
public final class LrocAnalysis {

    private LrocAnalysis() {
    }

    /**
     * The LROC curve.
     *
     * @throws InputException when an abnormal case has more than one lesion, or there are no normal or
     *                        no abnormal cases
     */
    public static List<CurvePoint> curve(List<CaseData> cases, LesionMatcher matcher) {
        List<Double> normalRatings = new ArrayList<>();
        List<Double> abnormalCorrectRatings = new ArrayList<>();
        int nAbnormal = 0;
        for (CaseData c : cases) {
            Detection top = topDetection(c.detections());
            double rating = top == null ? Double.NEGATIVE_INFINITY : top.confidence();
            if (c.lesions().isEmpty()) {
                normalRatings.add(rating);
                continue;
            }
            if (c.lesions().size() > 1) {
                throw InputException.field("case " + c.caseId() + " lesions",
                        "LROC needs at most one lesion per case, got " + c.lesions().size());
            }
            nAbnormal++;
            TruthLesion lesion = c.lesions().get(0);
            if (top != null && lesion.centre().distanceMm(top.centre()) <= matcher.hitRadiusMm(lesion)) {
                abnormalCorrectRatings.add(rating);
            }
        }
        if (normalRatings.isEmpty() || nAbnormal == 0) {
            throw InputException.field("cases", "LROC needs both lesion-free and one-lesion cases; got "
                    + normalRatings.size() + " normal and " + nAbnormal + " abnormal");
        }
        double[] fn = toArray(normalRatings);
        double[] ca = toArray(abnormalCorrectRatings);
        double[] thresholds = FrocAnalysis.distinctDescending(finite(fn), ca);
        List<CurvePoint> pts = new ArrayList<>();
        pts.add(CurvePoint.of(null, 0, 0));
        for (double t : thresholds) {
            pts.add(CurvePoint.of(t, (double) FrocAnalysis.countAtLeast(fn, t) / fn.length,
                    (double) FrocAnalysis.countAtLeast(ca, t) / nAbnormal));
        }
        pts.add(CurvePoint.of(null, 1, (double) ca.length / nAbnormal));
        return pts;
    }

    /** Area under the LROC curve (trapezoidal). */
    public static double area(List<CaseData> cases, LesionMatcher matcher) {
        return FrocAnalysis.trapezoidArea(curve(cases, matcher));
    }

    private static Detection topDetection(List<Detection> ds) {
        Detection top = null;
        for (Detection d : ds) {
            if (top == null || d.confidence() > top.confidence()
                    || (d.confidence() == top.confidence() && d.id().compareTo(top.id()) < 0)) {
                top = d;
            }
        }
        return top;
    }

    private static double[] toArray(List<Double> l) {
        double[] a = new double[l.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = l.get(i);
        }
        return a;
    }

    private static double[] finite(double[] a) {
        double[] r = new double[a.length];
        int n = 0;
        for (double v : a) {
            if (Double.isFinite(v)) {
                r[n++] = v;
            }
        }
        return java.util.Arrays.copyOf(r, n);
    }
}
