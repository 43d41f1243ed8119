package org.spectlab.metrics.image;

/**
 * Recovery of one lesion's concentration.
 *
 * @param lesionId                 lesion id
 * @param diameterMm               lesion diameter, mm
 * @param measuredMeanBqPerMl      image mean in the lesion's sphere ROI (partial-voxel weighted), Bq/mL
 * @param trueConcentrationBqPerMl the lesion's true concentration, Bq/mL
 * @param recoveryCoefficient      measured / true
 */
public record LesionRecovery(String lesionId, double diameterMm, double measuredMeanBqPerMl,
                             double trueConcentrationBqPerMl, double recoveryCoefficient) {
}
