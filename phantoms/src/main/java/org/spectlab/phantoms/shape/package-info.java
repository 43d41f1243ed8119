/**
 * Analytic solids in patient millimetres (DICOM patient axes: x to the patient's left, y posterior,
 * z superior): ellipsoids and spheres, elliptic cylinders, boxes, cones and frusta, tori, each placed
 * by a centre and a {@link org.spectlab.phantoms.shape.Rotation}, plus hollow shells of a given wall
 * thickness. Every solid answers point membership ({@code contains}), an axis-aligned bounding box and
 * its exact analytic volume.
 */
package org.spectlab.phantoms.shape;
