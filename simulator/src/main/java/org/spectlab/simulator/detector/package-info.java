/**
 * The scintillation detector of the gamma camera: energy resolution, intrinsic spatial resolution
 * and energy-window acceptance, both as samplers (analog Monte Carlo) and as expected values
 * (forced detection).
 */
package org.spectlab.simulator.detector;
