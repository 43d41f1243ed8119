/**
 * Ground truth of a phantom: {@code phantom.json} listing every region and lesion with its geometry,
 * volume, concentration and activity, next to the in-memory activity and label volumes, and
 * {@link org.spectlab.phantoms.truth.TruthFolder}, which writes the whole {@code truth/} folder
 * (activity, labels and materials as NIfTI with JSON name tables, phantom.json) all or nothing.
 */
package org.spectlab.phantoms.truth;
