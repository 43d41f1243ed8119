/**
 * Digital patients and test objects: analytic solids, voxelisation, materials and organ labels, tracer kinetics, lesions and ground truth.
 */
package org.spectlab.phantoms;
