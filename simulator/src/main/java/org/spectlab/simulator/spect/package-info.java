/**
 * The SPECT acquisition simulation: the camera model, the scenario (patient, source, camera, orbit,
 * and the source's kinetic groups whose activity changes from view to view), the analog Monte Carlo
 * reference, and the accelerated forced-detection engine that serves every
 * view from one transport.
 */
package org.spectlab.simulator.spect;
