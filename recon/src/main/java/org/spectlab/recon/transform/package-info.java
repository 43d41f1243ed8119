/**
 * Physical effects modelled in the rotated frame of each view, as composable
 * {@link org.spectlab.recon.projector.ViewTransform}s: attenuation ({@code .attenuation}) and the
 * depth-dependent collimator-detector response ({@code .psf}).
 */
package org.spectlab.recon.transform;
