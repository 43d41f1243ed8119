/**
 * The CT half of SPECT/CT: a simulated transmission CT in Hounsfield units of any phantom given as a
 * {@link org.spectlab.simulator.ct.MaterialMap} (grid, material index per voxel, materials).
 *
 * <p>Beam: TASMIP tungsten-anode spectra with added aluminium filtration
 * ({@link org.spectlab.simulator.ct.TubeSpectrum}), or one effective energy
 * ({@link org.spectlab.simulator.ct.SpectrumMode}); energy-integrating detector
 * ({@link org.spectlab.simulator.ct.BeamModel}). Acquisition: exact Siddon line integrals per material,
 * parallel beam over 180°, polyenergetic attenuation (beam hardening), Poisson noise from the mAs,
 * optional water linearisation, optional SPECT-CT misregistration
 * ({@link org.spectlab.simulator.ct.Misregistration}). Reconstruction: 2D filtered back projection per
 * slice onto the CT grid ({@link org.spectlab.simulator.ct.CtSimulator}). Output:
 * {@link org.spectlab.simulator.ct.SimulatedCt}, written as {@code ct/ct.nii} by
 * {@link org.spectlab.simulator.ct.CtWriter}.
 */
package org.spectlab.simulator.ct;
