/**
 * Monte Carlo simulation of SPECT/CT acquisitions: photon cross sections, emission, transport, collimator, detector, orbit, variance reduction and the CT.
 */
package org.spectlab.simulator;
