/**
 * Ground truth of a phantom: {@code phantom.json} listing every region and lesion with its geometry,
 * volume, concentration and activity, next to the in-memory activity and label volumes.
 */
package org.spectlab.phantoms.truth;
