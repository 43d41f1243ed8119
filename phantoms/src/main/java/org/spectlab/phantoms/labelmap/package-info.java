/**
 * Voxel phantoms from files: a label map (NIfTI-1 or Interfile) whose label values a table maps to an
 * organ name, a material and an activity concentration or tracer compartment, and optionally an
 * activity map (Bq/mL) read directly from a NIfTI file. Each labelled set of voxels becomes a
 * {@link org.spectlab.phantoms.model.Region} whose solid is the set of its voxel cells
 * ({@link org.spectlab.phantoms.labelmap.LabelMapShape}), so lesions, kinetics, voxelisation and
 * ground truth work on file phantoms as on analytic ones.
 */
package org.spectlab.phantoms.labelmap;
