/**
 * Value types and file formats shared by every spectlab stage.
 *
 * <p>Sub-packages: {@code grid} (voxel grids and volumes in patient millimetres), {@code projection}
 * (projection data, acquisition geometry, energy windows), {@code material} (elemental compositions
 * and densities), {@code nuclide} (decay data), {@code io} (Interfile, NIfTI, atomic writes),
 * {@code error} (the input-error type every command maps to exit code 2), {@code units} (physical
 * constants with their sources).
 */
package org.spectlab.core;
