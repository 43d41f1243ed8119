/**
 * Reconstruction of SPECT projections (OSEM/MLEM, one-step-late MAP, FBP) with attenuation,
 * scatter and collimator-response correction, and quantitation. Never depends on the simulator.
 *
 * <p>Split as in PyTomography: {@code .metadata} (geometry pairing), {@code .projector} (system
 * matrix and rotated frame), {@code .transform} (attenuation, PSF), {@code .algorithm},
 * {@code .prior}, {@code .filter}, {@code .scatter}, {@code .fbp}, {@code .calibration}.
 * {@link org.spectlab.recon.NamedRegistry} selects algorithms, projectors and transforms by name.
 */
package org.spectlab.recon;
