/**
 * Lesion localization: finding hot spots in a reconstructed image and saying where they are.
 *
 * <p>{@link org.spectlab.recon.localization.LesionLocalizer} detects blobs by the scale-normalised
 * Laplacian of Gaussian over smoothing of 1-4 system σ (the caller gives the system FWHM), keeps
 * local maxima in (x, y, z, scale) whose contrast against a local background shell (or, in organs
 * named as physiologically hot, against the organ's own median uptake) and whose significance pass
 * the thresholds of {@link org.spectlab.recon.localization.LocalizationSettings}, suppresses
 * duplicates, and describes each survivor as a {@link org.spectlab.recon.localization.Detection}:
 * sub-voxel centre in patient mm, peak and mean uptake, fixed-threshold volume in mL, contrast, CNR,
 * confidence, the organ name from a label map ({@link org.spectlab.recon.localization.RegionNames})
 * and, separately, the coarse lung / soft tissue / bone class from a CT
 * ({@link org.spectlab.recon.localization.CtRegions}), which also names the organ when no label map is
 * given. {@link org.spectlab.recon.localization.NormalUptake} gives the organs a tracer normally makes
 * hot (e.g. spleen, liver and marrow for labelled leukocytes), to be passed as hot organs.
 *
 * <p>{@link org.spectlab.recon.localization.DetectionsJson} writes the detections file that the
 * metrics stage reads ({@code {"detections": [{"id", "x_mm", "y_mm", "z_mm", "confidence", "organ",
 * "ct_region", "peak_uptake_bq_per_ml", "mean_uptake_bq_per_ml", "volume_ml", "contrast", "cnr"}]}});
 * {@link org.spectlab.recon.localization.LabelNames} reads label-name tables ({@code labels.json}).
 */
package org.spectlab.recon.localization;
