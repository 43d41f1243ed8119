/**
 * The NaI(Tl) scintillation crystal: Monte Carlo of energy deposition in the crystal slab
 * (photoabsorption, Compton and Rayleigh scattering, iodine K x-ray escape) with the aluminium cover
 * in front and the glass backscatter compartment behind, where the energy was deposited (depth of
 * interaction, oblique incidence), the resulting response
 * matrix from incident to deposited energy, and the expected energy-window acceptance used by
 * forced detection.
 */
package org.spectlab.simulator.crystal;
