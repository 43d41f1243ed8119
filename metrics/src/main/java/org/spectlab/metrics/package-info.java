/**
 * Scoring of images and detections against ground truth, and statistics to compare simulations with
 * reference data. Depends on core only, so it can score any algorithm's output.
 *
 * <ul>
 *   <li>{@code detection}: truth lesions, detections, Hungarian / greedy matching per case;</li>
 *   <li>{@code froc}: sensitivity, FP per case, FROC, AFROC / JAFROC figure of merit, LROC;</li>
 *   <li>{@code roi}: sphere and disc ROIs with partial-voxel weights, background ROI placement;</li>
 *   <li>{@code image}: NEMA NU 2 contrast / CRC / background variability / lung residual, recovery
 *       per lesion and organ, total activity error, NRMSE, 3D SSIM, Gaussian smoothing of the truth;</li>
 *   <li>{@code profile}: FWHM / FWTM by the NEMA NU 1 method and by Gaussian fit;</li>
 *   <li>{@code stats}: relative difference and z-score, chi-square and KS tests, case bootstrap;</li>
 *   <li>{@code io}: detections files (JSON / CSV) and truth lesions from {@code phantom.json};</li>
 *   <li>{@code report}: the {@code metrics.json} record tree and its writer.</li>
 * </ul>
 */
package org.spectlab.metrics;
