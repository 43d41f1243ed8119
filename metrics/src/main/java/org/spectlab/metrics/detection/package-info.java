/**
 * Ground-truth lesions, detections reported by a localization algorithm, and the matching of one to
 * the other within a case.
 *
 * <p>Positions are millimetres in patient coordinates (DICOM LPS: x to the patient's left, y
 * posterior, z superior), as everywhere in spectlab. A detection is a <em>hit</em> on a lesion when
 * their distance is at most {@code max(lesion radius, acceptance distance)}; the acceptance distance
 * is a caller's choice (a few voxels is common). Matching is one-to-one: each lesion is credited to at
 * most one detection and each detection to at most one lesion.
 *
 * <ul>
 *   <li>{@link org.spectlab.metrics.detection.MatchingMethod#HUNGARIAN}: among all one-to-one
 *       assignments, the one with the most hits, and among those the smallest total distance
 *       (exact, {@link org.spectlab.metrics.detection.HungarianAssignment}, O(n^3)).</li>
 *   <li>{@link org.spectlab.metrics.detection.MatchingMethod#GREEDY_BY_CONFIDENCE}: detections in
 *       decreasing confidence each take the nearest still-unmatched lesion in range (the rule most
 *       FROC observer studies use: the most confident mark claims the lesion).</li>
 * </ul>
 * Detections left unmatched are non-lesion localizations (false positives).
 */
package org.spectlab.metrics.detection;
