/**
 * Where and with what energy photons are born: emission positions sampled from a voxelised
 * activity map, isotropic directions, and emission lines chosen by their yields.
 */
package org.spectlab.simulator.source;
