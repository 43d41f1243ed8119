package org.spectlab.metrics.image;

/**
 * NEMA NU 2 figures for one sphere.
 *
 * @param name                        sphere label
 * @param diameterMm                  sphere diameter, mm
 * @param hot                         hot or cold sphere
 * @param sphereMeanBqPerMl           C_H or C_C: mean in the sphere ROI, Bq/mL
 * @param backgroundMeanBqPerMl       C_B: mean of the background ROI means, Bq/mL
 * @param backgroundSdBqPerMl         SD of the background ROI means (K - 1 denominator), Bq/mL
 * @param percentContrast             Q_H = (C_H/C_B - 1)/(a_H/a_B - 1) x 100 or Q_C = (1 - C_C/C_B) x 100, %
 * @param contrastRecoveryCoefficient CRC = Q_H / 100 for hot spheres; null for cold spheres
 * @param backgroundVariabilityPercent N = SD / C_B x 100, %
 */
public record SphereContrast(String name, double diameterMm, boolean hot, double sphereMeanBqPerMl,
                             double backgroundMeanBqPerMl, double backgroundSdBqPerMl, double percentContrast,
                             Double contrastRecoveryCoefficient, double backgroundVariabilityPercent) {
}
