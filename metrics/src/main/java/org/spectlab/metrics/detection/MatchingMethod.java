package org.spectlab.metrics.detection;

/** How detections are paired with lesions within a case; see the package documentation. */
public enum MatchingMethod {
    /** Most hits, then least total distance: optimal one-to-one assignment. */
    HUNGARIAN,
    /** Detections in decreasing confidence each claim the nearest unmatched lesion in range. */
    GREEDY_BY_CONFIDENCE
}
