package org.spectlab.metrics.image;

/**
 * Recovery and noise in one labelled organ.
 *
 * @param label               label value
 * @param organ               organ name from the label table
 * @param voxels              voxels carrying the label
 * @param measuredMeanBqPerMl image mean over the organ, Bq/mL
 * @param trueMeanBqPerMl     truth mean over the organ, Bq/mL
 * @param recoveryCoefficient measured / true mean (NaN when the true mean is 0)
 * @param coefficientOfVariation image SD / image mean over the organ (a noise figure when the organ's true
 *                            uptake is uniform)
 */
public record OrganRecovery(int label, String organ, long voxels, double measuredMeanBqPerMl, double trueMeanBqPerMl,
                            double recoveryCoefficient, double coefficientOfVariation) {
}
