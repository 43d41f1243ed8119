/**
 * The {@code patient} validation suite: photon transport in water by the SPECT simulation engine
 * (forced detection and analog): scatter fraction of a point source in a 20 cm water cylinder against
 * published Monte Carlo values, primary attenuation vs depth against the narrow-beam law, and forced
 * detection against the analog reference.
 */
package org.spectlab.validation.patient;
