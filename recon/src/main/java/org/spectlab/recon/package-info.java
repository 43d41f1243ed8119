/**
 * Reconstruction of SPECT projections (OSEM/MLEM, FBP) with attenuation, scatter and collimator-response correction, and lesion localization. Never depends on the simulator.
 */
package org.spectlab.recon;
