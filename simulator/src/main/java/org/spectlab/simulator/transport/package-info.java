/**
 * Photon transport in a voxelised patient: per-material attenuation tables on a uniform energy
 * grid, the voxel medium with its majorant, and delta (Woodcock) tracking to the next real
 * interaction. Everything here works on primitive arrays and allocates nothing per photon.
 */
package org.spectlab.simulator.transport;
