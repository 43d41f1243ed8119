/**
 * Voxelisation of a {@link org.spectlab.phantoms.model.Phantom} onto any
 * {@link org.spectlab.core.grid.Grid3} with partial-volume accuracy: each voxel is sampled at n^3
 * regular stratified sub-voxel points, each point belongs to the highest-priority region containing
 * it, and the voxel's activity concentration is the fraction-weighted mean of its regions'
 * concentrations. Materials and labels take the majority of the sub-samples.
 */
package org.spectlab.phantoms.voxel;
