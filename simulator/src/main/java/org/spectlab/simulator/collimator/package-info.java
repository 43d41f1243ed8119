/**
 * The parallel-hole collimator of the gamma camera (geometric part) and planar camera quality
 * control.
 *
 * <ul>
 *   <li>{@link org.spectlab.simulator.collimator.HexagonalHoleArray}: hexagonal hole lattice, the
 *       exact ideal-septa ray test, septal path length by a cell-by-cell lattice walk, and the
 *       closed-form overlap of a hole with its shifted image;</li>
 *   <li>{@link org.spectlab.simulator.collimator.GeometricResponse}: the lattice-averaged hole
 *       transfer function (Metz 1980, Tsui 1990), point- and line-spread functions and geometric
 *       efficiency for forced detection; {@link org.spectlab.simulator.collimator.TransferTable}
 *       tabulates a transfer function for hot loops;</li>
 *   <li>{@link org.spectlab.simulator.collimator.CollimatorTransport}: Monte Carlo transport of a
 *       photon through the hole array (flight in the holes, photoabsorption with lead K x-rays,
 *       Compton and Rayleigh scattering in the septa), selected by
 *       {@link org.spectlab.simulator.collimator.CollimatorModel};</li>
 *   <li>{@link org.spectlab.simulator.collimator.PointSourceSimulation}: Monte Carlo of a point
 *       source in air, acrylic or water through the collimator onto a planar detector (ideal or
 *       penetrable septa, straight rays or the transport); {@code ScatterSlab} follows photons
 *       through NEMA NU 1's acrylic scattering blocks or a water slab
 *       ({@link org.spectlab.simulator.collimator.QcMedium});</li>
 *   <li>{@link org.spectlab.simulator.collimator.ResponseKernelTable}: the Monte Carlo
 *       collimator-detector response of one energy and window, tabulated at a few distances and
 *       interpolated between them (kernels for forced detection with the Monte Carlo collimator);</li>
 *   <li>{@link org.spectlab.simulator.collimator.CameraQc}: NEMA NU 1-style sensitivity, LSF
 *       FWHM/FWTM, penetration, collimator-scatter and (in a scattering medium) scatter fractions and energy
 *       resolution.</li>
 * </ul>
 * Lengths in mm, energies in keV, attenuation coefficients in 1/mm. Not modelled here: the
 * collimator's finite size and housing, hole-shape defects, round or square holes.
 */
package org.spectlab.simulator.collimator;
