/**
 * Photon scattering angles for transport: Klein-Nishina (free electron), bound Compton (Klein-Nishina
 * times the incoherent scattering function S) and Rayleigh (Thomson times the squared atomic form
 * factor F^2) samplers, their differential and integrated cross sections, and the per-element tables
 * of F(x) and S(x) they are built from.
 *
 * <p>Conventions: energies in keV; momentum transfer {@code x = sin(theta/2)/lambda} in 1/angstrom,
 * with lambda the wavelength of the incident photon; differential cross sections per steradian;
 * per-material quantities per gram (cm^2/g, i.e. mass attenuation coefficients after integration).
 *
 * <p>Approximations, stated once for the package: independent-atom approximation for compounds and
 * mixtures (no molecular interference in coherent scattering, no chemical-binding effects in S);
 * incoherent scattering in the Waller-Hartree / incoherent-scattering-function approximation without
 * Doppler broadening (the scattered energy follows the free-electron Compton formula exactly);
 * unpolarised photons; anomalous scattering factors neglected in Rayleigh scattering.
 *
 * <p>Samplers take a caller-owned {@link org.apache.commons.rng.UniformRandomProvider} and allocate
 * nothing per call.
 */
package org.spectlab.simulator.interaction;
