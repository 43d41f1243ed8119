/**
 * Nominal specifications of a gamma camera: parallel-hole collimator geometry (with the clinical
 * presets of Siemens, GE and Philips), the scintillation detector, and the classical analytic
 * formulas for collimator efficiency and resolution. These are what a clinic knows about its
 * camera; both the simulator (as a starting point for its detailed model) and reconstruction (for
 * its collimator-response model) may use them.
 */
package org.spectlab.core.camera;
