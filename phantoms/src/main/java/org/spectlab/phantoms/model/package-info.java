/**
 * The description of a phantom before voxelisation: an ordered list of
 * {@link org.spectlab.phantoms.model.Region}s (a solid, a material name, an organ label and an
 * activity concentration), where a later region overrides an earlier one wherever they overlap.
 * Materials are referred to by name (resolved against the core material library by the simulator).
 */
package org.spectlab.phantoms.model;
