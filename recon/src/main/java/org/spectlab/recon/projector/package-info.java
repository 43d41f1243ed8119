/**
 * System matrices: forward projection of an image to one view and its exact adjoint (back
 * projection). The rotation-based projector resamples the image into a per-view "rotated frame"
 * (bilinear in each slice), applies per-view {@link org.spectlab.recon.projector.ViewTransform}s
 * (attenuation, collimator-detector response) there and sums along depth towards the detector.
 *
 * <p>Rotated frame of view {@code θ} (angle convention of {@code org.spectlab.core.projection}):
 * column axis {@code u = (cos θ, sin θ, 0)}, depth axis {@code d = (sin θ, -cos θ, 0)} pointing at
 * the detector, rows along +z. Sample {@code (plane j, row k, col i)} sits at
 * {@code c_i u + t_j d + z_k}, with {@code c_i = (i - (cols-1)/2) Δ} and
 * {@code t_j = (j - (planes-1)/2) Δ}; plane {@code planes-1} is nearest the detector. Rotated
 * volumes are flat float arrays indexed {@code i + cols * (k + rows * j)}. Only samples inside the
 * field-of-view cylinder of {@link org.spectlab.recon.projector.RotatedFrame} are used (radius
 * {@code cols/2 + √2} pixels, enough to sample every voxel inside the image's inscribed cylinder
 * exactly); the rest are zero.
 */
package org.spectlab.recon.projector;
