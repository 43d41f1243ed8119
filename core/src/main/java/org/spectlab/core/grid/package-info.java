/**
 * Voxel grids in patient coordinates and the volumes that live on them.
 *
 * <p>Coordinates are millimetres on DICOM patient axes: x towards the patient's left, y posterior,
 * z superior. Voxel {@code (i, j, k)} has its centre at {@code origin + (i, j, k) * voxelSize}.
 * Bulk data are flat primitive arrays indexed {@code i + nx * (j + ny * k)} (x fastest).
 */
package org.spectlab.core.grid;
