/**
 * Radionuclide decay data for emission modelling: half-lives, and the gamma and x-ray lines emitted
 * per decay, with their evaluated source.
 *
 * <p>{@link org.spectlab.core.nuclide.NuclideLibrary} loads the built-in table (DDEP recommended data,
 * LNE-LNHB "Table de Radionucleides"; the evaluation of each nuclide is cited in the data-file header and
 * in {@link org.spectlab.core.nuclide.Nuclide#source()}) and resolves common spellings of a name
 * ({@code "Tc-99m"}, {@code "99mTc"}, {@code "tc99m"}). {@link org.spectlab.core.nuclide.Nuclide} computes
 * decay factors; {@link org.spectlab.core.nuclide.EmissionSampler} draws emission lines in proportion to
 * their yields for the simulator.
 *
 * <p>Units: energies keV, yields photons per decay (fraction), times seconds unless a name says hours.
 * Approximations: only photons are listed (no conversion or Auger electrons, no beta spectra, no
 * bremsstrahlung); L x-rays are one group at the evaluation's mean energy; the decay is treated as a
 * single exponential (no daughter ingrowth: the nuclides here decay to stable or very long-lived daughters).
 */
package org.spectlab.core.nuclide;
