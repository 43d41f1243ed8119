/**
 * Image quality of a reconstructed activity image (Bq/mL) against the truth: NEMA NU 2-style contrast
 * and background variability, recovery coefficients per lesion and per organ, total-activity
 * quantification error, NRMSE and SSIM (raw and against the truth smoothed to a given resolution),
 * and the coefficient of variation in uniform regions.
 *
 * <p>Image and truth must share one grid ({@link org.spectlab.core.grid.Grid3#sameGeometry}); sphere
 * ROIs only need the image's grid. ROI means use the partial-voxel weighting of
 * {@link org.spectlab.metrics.roi}.
 */
package org.spectlab.metrics.image;
