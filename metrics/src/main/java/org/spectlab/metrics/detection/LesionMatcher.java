package org.spectlab.metrics.detection;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Pairs detections with true lesions in one case (see the package documentation for the rules).
 *
 * <p>A detection can hit a lesion when their distance is at most {@code max(lesion radius,
 * acceptanceMm)}. For the Hungarian rule, pairs out of range get a penalty cost larger than the sum
 * of all in-range distances, so the optimal assignment first maximises the number of hits and then
 * minimises their total distance; penalised pairs are dropped afterwards.
 *
 * @param method       the matching rule
 * @param acceptanceMm the acceptance distance, mm, non-negative
 */
public record LesionMatcher(MatchingMethod method, double acceptanceMm) {

    /** Checks the acceptance distance. */
    public LesionMatcher {
        if (!(acceptanceMm >= 0) || !Double.isFinite(acceptanceMm)) {
            throw new IllegalArgumentException("acceptance distance must be finite and >= 0 mm, got " + acceptanceMm);
        }
    }

    /** A matcher with the given rule and acceptance distance (mm). */
    public static LesionMatcher of(MatchingMethod method, double acceptanceMm) {
        return new LesionMatcher(method, acceptanceMm);
    }

    /** The hit radius for a lesion: {@code max(radius, acceptanceMm)}, mm. */
    public double hitRadiusMm(TruthLesion lesion) {
        return Math.max(lesion.radiusMm(), acceptanceMm);
    }

    /** Matches every case. */
    public List<CaseMatch> matchAll(List<CaseData> cases) {
        List<CaseMatch> out = new ArrayList<>(cases.size());
        for (CaseData c : cases) {
            out.add(match(c));
        }
        return out;
    }

    /** Matches one case. */
    public CaseMatch match(CaseData data) {
        List<TruthLesion> lesions = data.lesions();
        List<Detection> detections = data.detections();
        int[] detectionOfLesion = method == MatchingMethod.HUNGARIAN
                ? hungarian(lesions, detections) : greedy(lesions, detections);
        boolean[] used = new boolean[detections.size()];
        List<LesionOutcome> outcomes = new ArrayList<>(lesions.size());
        for (int l = 0; l < lesions.size(); l++) {
            int d = detectionOfLesion[l];
            if (d >= 0) {
                used[d] = true;
                outcomes.add(LesionOutcome.hit(lesions.get(l), detections.get(d)));
            } else {
                outcomes.add(LesionOutcome.miss(lesions.get(l)));
            }
        }
        List<Detection> fps = new ArrayList<>();
        for (int d = 0; d < detections.size(); d++) {
            if (!used[d]) {
                fps.add(detections.get(d));
            }
        }
        return new CaseMatch(data.caseId(), outcomes, fps);
    }

    private int[] hungarian(List<TruthLesion> lesions, List<Detection> detections) {
        int nl = lesions.size();
        int nd = detections.size();
        int[] result = new int[nl];
        java.util.Arrays.fill(result, -1);
        if (nl == 0 || nd == 0) {
            return result;
        }
        double[][] dist = new double[nl][nd];
        double feasibleSum = 0;
        for (int l = 0; l < nl; l++) {
            for (int d = 0; d < nd; d++) {
                dist[l][d] = lesions.get(l).centre().distanceMm(detections.get(d).centre());
                if (dist[l][d] <= hitRadiusMm(lesions.get(l))) {
                    feasibleSum += dist[l][d];
                }
            }
        }
        // Any assignment with one more hit is cheaper than any with one fewer.
        double penalty = 2 * feasibleSum + 1;
        double[][] cost = new double[nl][nd];
        for (int l = 0; l < nl; l++) {
            double r = hitRadiusMm(lesions.get(l));
            for (int d = 0; d < nd; d++) {
                cost[l][d] = dist[l][d] <= r ? dist[l][d] : penalty;
            }
        }
        int[] assign = HungarianAssignment.solve(cost);
        for (int l = 0; l < nl; l++) {
            int d = assign[l];
            if (d >= 0 && dist[l][d] <= hitRadiusMm(lesions.get(l))) {
                result[l] = d;
            }
        }
        return result;
    }

    private int[] greedy(List<TruthLesion> lesions, List<Detection> detections) {
        int nl = lesions.size();
        int[] result = new int[nl];
        java.util.Arrays.fill(result, -1);
        List<Integer> order = new ArrayList<>(detections.size());
        for (int d = 0; d < detections.size(); d++) {
            order.add(d);
        }
        // Most confident first; ties broken by id then input order, so the result is deterministic.
        order.sort(Comparator.<Integer>comparingDouble(d -> -detections.get(d).confidence())
                .thenComparing(d -> detections.get(d).id()).thenComparingInt(d -> d));
        boolean[] taken = new boolean[nl];
        for (int d : order) {
            PointMm p = detections.get(d).centre();
            int best = -1;
            double bestDist = Double.POSITIVE_INFINITY;
            for (int l = 0; l < nl; l++) {
                if (taken[l]) {
                    continue;
                }
                double dist = lesions.get(l).centre().distanceMm(p);
                if (dist <= hitRadiusMm(lesions.get(l)) && dist < bestDist) {
                    best = l;
                    bestDist = dist;
                }
            }
            if (best >= 0) {
                taken[best] = true;
                result[best] = d;
            }
        }
        return result;
    }
}
