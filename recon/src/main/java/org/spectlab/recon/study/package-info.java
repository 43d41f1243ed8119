/**
 * Reconstruction of a whole study as the {@code reconstruct} command does it, as a library: the
 * options ({@link org.spectlab.recon.study.ReconOptions}), reading a study folder or a projection
 * file with its scatter windows, μ-map and camera defaults ({@link org.spectlab.recon.study.ReconInputs}),
 * and running the chosen algorithm with its corrections to {@code recon.nii} and {@code recon.json}
 * ({@link org.spectlab.recon.study.StudyReconstruction}). Reads only what a clinic has: projections,
 * the CT in HU and the camera's nominal specification from {@code study.json}.
 */
package org.spectlab.recon.study;
