package org.spectlab.metrics.froc;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.spectlab.metrics.detection.CaseMatch;
import org.spectlab.metrics.detection.Detection;
import org.spectlab.metrics.detection.LesionOutcome;

/**
 * Free-response figures over matched cases: sensitivity, false positives per case, FROC, AFROC and the
 * JAFROC figure of merit. Definitions are in the package documentation.
 */
public final class FrocAnalysis {

    private FrocAnalysis() {
    }

    /** Total number of true lesions. */
    public static int lesionCount(List<CaseMatch> cases) {
        int n = 0;
        for (CaseMatch c : cases) {
            n += c.lesions().size();
        }
        return n;
    }

    /** Fraction of all true lesions that were hit (NaN when there are no lesions). */
    public static double sensitivity(List<CaseMatch> cases) {
        int hits = 0;
        for (CaseMatch c : cases) {
            hits += c.hits();
        }
        int n = lesionCount(cases);
        return n == 0 ? Double.NaN : (double) hits / n;
    }

    /** Mean number of non-lesion localizations per case (NaN when there are no cases). */
    public static double falsePositivesPerCase(List<CaseMatch> cases) {
        int fp = 0;
        for (CaseMatch c : cases) {
            fp += c.falsePositives().size();
        }
        return cases.isEmpty() ? Double.NaN : (double) fp / cases.size();
    }

    /** Mean localization error of the hits, mm (NaN when nothing was hit). */
    public static double meanLocalizationErrorMm(List<CaseMatch> cases) {
        double s = 0;
        int n = 0;
        for (CaseMatch c : cases) {
            for (LesionOutcome o : c.lesions()) {
                if (o.hit()) {
                    s += o.localizationErrorMm();
                    n++;
                }
            }
        }
        return n == 0 ? Double.NaN : s / n;
    }

    /** Median localization error of the hits, mm (mean of the middle two for an even count; NaN without hits). */
    public static double medianLocalizationErrorMm(List<CaseMatch> cases) {
        double[] e = new double[lesionCount(cases)];
        int n = 0;
        for (CaseMatch c : cases) {
            for (LesionOutcome o : c.lesions()) {
                if (o.hit()) {
                    e[n++] = o.localizationErrorMm();
                }
            }
        }
        if (n == 0) {
            return Double.NaN;
        }
        Arrays.sort(e, 0, n);
        return n % 2 == 1 ? e[n / 2] : 0.5 * (e[n / 2 - 1] + e[n / 2]);
    }

    /**
     * The lesion localization fraction of the FROC curve at {@code fpPerCase} false positives per case:
     * that of the most lenient operating point with at most that many (0 when none qualifies).
     */
    public static double sensitivityAt(List<CaseMatch> cases, double fpPerCase) {
        double best = 0;
        for (CurvePoint p : froc(cases)) {
            if (p.x() <= fpPerCase) {
                best = Math.max(best, p.y());
            }
        }
        return best;
    }

    /**
     * Area under the FROC curve from 0 to {@code maxFpPerCase} false positives per case, divided by
     * {@code maxFpPerCase} (so a perfect detector scores 1): the curve is a step function between its
     * operating points (each lesion localization fraction holds until the next point's FP rate) and
     * stays at its last value beyond its last point.
     */
    public static double normalisedFrocArea(List<CaseMatch> cases, double maxFpPerCase) {
        if (!(maxFpPerCase > 0) || !Double.isFinite(maxFpPerCase)) {
            throw new IllegalArgumentException("FP limit must be a positive number per case, got " + maxFpPerCase);
        }
        List<CurvePoint> pts = froc(cases);
        double a = 0;
        for (int i = 0; i < pts.size(); i++) {
            double x0 = Math.min(pts.get(i).x(), maxFpPerCase);
            double x1 = i + 1 < pts.size() ? Math.min(pts.get(i + 1).x(), maxFpPerCase) : maxFpPerCase;
            a += (x1 - x0) * pts.get(i).y();
        }
        return a / maxFpPerCase;
    }

    /** Fraction of hits whose organ was named correctly, among hits where both organs are known (NaN if none). */
    public static double organAccuracy(List<CaseMatch> cases) {
        int ok = 0;
        int n = 0;
        for (CaseMatch c : cases) {
            for (LesionOutcome o : c.lesions()) {
                if (o.organCorrect() != null) {
                    n++;
                    if (o.organCorrect()) {
                        ok++;
                    }
                }
            }
        }
        return n == 0 ? Double.NaN : (double) ok / n;
    }

    /**
     * The FROC curve: from (0, 0), one point per distinct confidence in decreasing order.
     *
     * @throws IllegalArgumentException when there are no cases or no lesions
     */
    public static List<CurvePoint> froc(List<CaseMatch> cases) {
        int nLesions = requireLesions(cases);
        double[] ll = lesionRatings(cases, false);
        double[] nl = nlRatings(cases);
        double[] thresholds = distinctDescending(ll, nl);
        List<CurvePoint> pts = new ArrayList<>(thresholds.length + 1);
        pts.add(CurvePoint.of(null, 0, 0));
        for (double t : thresholds) {
            pts.add(CurvePoint.of(t, (double) countAtLeast(nl, t) / cases.size(),
                    (double) countAtLeast(ll, t) / nLesions));
        }
        return pts;
    }

    /** The AFROC curve: from (0, 0), one point per distinct rating, closed by (1, 1). */
    public static List<CurvePoint> afroc(List<CaseMatch> cases) {
        int nLesions = requireLesions(cases);
        double[] ll = lesionRatings(cases, false);
        double[] fc = highestNlPerCase(cases);
        double[] thresholds = distinctDescending(ll, finiteOnly(fc));
        List<CurvePoint> pts = new ArrayList<>(thresholds.length + 2);
        pts.add(CurvePoint.of(null, 0, 0));
        for (double t : thresholds) {
            pts.add(CurvePoint.of(t, (double) countAtLeast(fc, t) / cases.size(),
                    (double) countAtLeast(ll, t) / nLesions));
        }
        pts.add(CurvePoint.of(null, 1, 1));
        return pts;
    }

    /** Area under the AFROC curve by the trapezoidal rule (the JAFROC figure of merit). */
    public static double afrocArea(List<CaseMatch> cases) {
        return trapezoidArea(afroc(cases));
    }

    /**
     * The JAFROC figure of merit computed directly as the Wilcoxon statistic over (case, lesion) pairs;
     * equal to {@link #afrocArea} (kept as an independent check and for clarity).
     */
    public static double jafrocFigureOfMerit(List<CaseMatch> cases) {
        int nLesions = requireLesions(cases);
        double[] r = lesionRatings(cases, true);
        double[] f = highestNlPerCase(cases);
        double s = 0;
        for (double fc : f) {
            for (double rl : r) {
                s += rl > fc ? 1.0 : (rl == fc ? 0.5 : 0.0);
            }
        }
        return s / ((double) f.length * nLesions);
    }

    /** Trapezoidal area under a curve given as points with non-decreasing x. */
    public static double trapezoidArea(List<CurvePoint> pts) {
        double a = 0;
        for (int i = 1; i < pts.size(); i++) {
            CurvePoint p = pts.get(i - 1);
            CurvePoint q = pts.get(i);
            a += (q.x() - p.x()) * 0.5 * (p.y() + q.y());
        }
        return a;
    }

    private static int requireLesions(List<CaseMatch> cases) {
        int n = lesionCount(cases);
        if (cases.isEmpty() || n == 0) {
            throw new IllegalArgumentException("free-response curves need at least one case and one lesion");
        }
        return n;
    }

    /** LL ratings of hit lesions; with {@code includeMisses}, missed lesions rated -infinity. */
    private static double[] lesionRatings(List<CaseMatch> cases, boolean includeMisses) {
        double[] r = new double[lesionCount(cases)];
        int n = 0;
        for (CaseMatch c : cases) {
            for (LesionOutcome o : c.lesions()) {
                if (o.hit()) {
                    r[n++] = o.confidence();
                } else if (includeMisses) {
                    r[n++] = Double.NEGATIVE_INFINITY;
                }
            }
        }
        return Arrays.copyOf(r, n);
    }

    private static double[] nlRatings(List<CaseMatch> cases) {
        int total = 0;
        for (CaseMatch c : cases) {
            total += c.falsePositives().size();
        }
        double[] r = new double[total];
        int n = 0;
        for (CaseMatch c : cases) {
            for (Detection d : c.falsePositives()) {
                r[n++] = d.confidence();
            }
        }
        return r;
    }

    private static double[] highestNlPerCase(List<CaseMatch> cases) {
        double[] f = new double[cases.size()];
        for (int i = 0; i < f.length; i++) {
            double m = Double.NEGATIVE_INFINITY;
            for (Detection d : cases.get(i).falsePositives()) {
                m = Math.max(m, d.confidence());
            }
            f[i] = m;
        }
        return f;
    }

    private static double[] finiteOnly(double[] a) {
        double[] r = new double[a.length];
        int n = 0;
        for (double v : a) {
            if (Double.isFinite(v)) {
                r[n++] = v;
            }
        }
        return Arrays.copyOf(r, n);
    }

    static double[] distinctDescending(double[] a, double[] b) {
        double[] all = new double[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        Arrays.sort(all);
        double[] out = new double[all.length];
        int n = 0;
        for (int i = all.length - 1; i >= 0; i--) {
            if (n == 0 || all[i] != out[n - 1]) {
                out[n++] = all[i];
            }
        }
        return Arrays.copyOf(out, n);
    }

    static int countAtLeast(double[] values, double t) {
        int c = 0;
        for (double v : values) {
            if (v >= t) {
                c++;
            }
        }
        return c;
    }
}
