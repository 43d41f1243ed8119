/**
 * The SPECT acquisition simulation: the camera model, the scenario (patient, source, camera, orbit,
 * and the source's kinetic groups whose activity changes from view to view), the analog Monte Carlo
 * reference, and the accelerated forced-detection engine that serves every
 * view from one transport (with the Gaussian geometric response and, for the Monte Carlo
 * collimator model, FFT-applied Monte Carlo kernels of the photons that cross septal lead).
 */
package org.spectlab.simulator.spect;
