package org.spectlab.metrics.detection;

/**
 * How one true lesion fared in a case: found or missed, by which detection, how far off, and whether
 * the organ was named correctly.
 *
 * @param lesionId            the lesion's id
 * @param kind                tumour or inflammation
 * @param organ               the lesion's true organ, or null
 * @param diameterMm          the lesion's diameter, mm
 * @param hit                 true when a detection was matched to it within the acceptance distance
 * @param detectionId         the matched detection's id, or null on a miss
 * @param confidence          the matched detection's confidence, or null on a miss
 * @param localizationErrorMm distance from the true centre to the detection's centre, mm, or null on a miss
 * @param organCorrect        whether the detection named the lesion's organ ({@link OrganNames#sameOrgan}:
 *                            same organ and same side); null on a miss or when either organ is unknown
 */
public record LesionOutcome(String lesionId, LesionKind kind, String organ, double diameterMm, boolean hit,
                            String detectionId, Double confidence, Double localizationErrorMm,
                            Boolean organCorrect) {

    /** The outcome of a missed lesion. */
    public static LesionOutcome miss(TruthLesion lesion) {
        return new LesionOutcome(lesion.id(), lesion.kind(), lesion.organ(), lesion.diameterMm(), false,
                null, null, null, null);
    }

    /** The outcome of a lesion hit by a detection. */
    public static LesionOutcome hit(TruthLesion lesion, Detection detection) {
        Boolean organOk = null;
        if (lesion.organ() != null && detection.organ() != null) {
            organOk = OrganNames.sameOrgan(lesion.organ(), detection.organ());
        }
        return new LesionOutcome(lesion.id(), lesion.kind(), lesion.organ(), lesion.diameterMm(), true,
                detection.id(), detection.confidence(), lesion.centre().distanceMm(detection.centre()), organOk);
    }
}
