package org.spectlab.simulator.collimator;

/**
 * NEMA NU 1-style planar performance of a collimator/detector pair, from a point source in air.
 *
 * @param sensitivityCpsPerMBq          in-window count rate per MBq (× photon yield)
 * @param sensitivityStdErrorCpsPerMBq  its Monte Carlo standard error
 * @param fwhmMm                        FWHM of the line-spread function, mm (mean of the x and y LSFs)
 * @param fwtmMm                        FWTM of the line-spread function, mm (mean of x and y); NaN
 *                                      when the tails stay above a tenth of the peak over the whole
 *                                      image (±8 classical FWHM), as with heavy septal penetration
 * @param fractionGeometric             share of in-window counts that passed through one hole
 * @param fractionPenetration           share of in-window counts that crossed septal lead without
 *                                      interacting
 * @param fractionCollimatorScatter     share scattered in the septa or emitted as lead K x-rays
 *                                      (Monte Carlo collimator model; 0 with the geometric model,
 *                                      which has no interactions in the lead)
 * @param fractionMediumScatter         share of in-window counts scattered in the medium (water or PMMA; 0 in air)
 *                                      (the scatter fraction of the with-scatter set-up; 0 in air).
 *                                      Independent of the three collimator shares, which add up to 1
 *                                      over all counts
 * @param energyFwhmKeV                 FWHM of the measured photopeak, keV
 * @param analyticEfficiency            exact ideal-septa geometric efficiency (reference), per photon
 * @param histories                     photons simulated
 */
public record CameraQcResult(double sensitivityCpsPerMBq, double sensitivityStdErrorCpsPerMBq, double fwhmMm,
                             double fwtmMm, double fractionGeometric, double fractionPenetration,
                             double fractionCollimatorScatter, double fractionMediumScatter, double energyFwhmKeV, double analyticEfficiency,
                             long histories) {
}
