/**
 * Regions of interest on a {@link org.spectlab.core.grid.Grid3} with sub-voxel weighting: spheres
 * (3D) and discs (2D circles in one transverse slice), and a helper that places NEMA-style background
 * ROIs inside a body mask.
 *
 * <p><b>Partial-voxel weighting.</b> Each voxel carries the fraction of its volume (sphere) or of its
 * in-plane area (disc) that lies inside the ROI. Voxels entirely inside (farthest corner within the
 * radius) get 1, voxels entirely outside (nearest point beyond the radius) get 0, and boundary voxels
 * are supersampled on a regular {@code s x s x s} (sphere) or {@code s x s} (disc) grid of sub-voxel
 * centres, the weight being the fraction of sub-samples inside. With the defaults ({@code s = 8} for
 * spheres, {@code s = 32} for discs) the summed weight matches the analytic sphere volume within 0.3%
 * and the disc area within 0.1% for radii of 2 voxels or more (worst case over random centres,
 * checked in {@code RoiWeightsTest}); at 1.25 voxels the sphere volume is within 0.5%. Means over an ROI are weight-averaged, so a small sphere is
 * measured over its true volume rather than over the voxels whose centres fall inside it.
 */
package org.spectlab.metrics.roi;
