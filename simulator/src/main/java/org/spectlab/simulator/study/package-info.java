/**
 * SPECT studies from a configuration file: the configuration model ({@link
 * org.spectlab.simulator.study.StudyConfig} with its camera, acquisition and simulation sections,
 * every error naming its field), the default energy windows of each nuclide ({@link
 * org.spectlab.simulator.study.DefaultWindows}), and the writer of the self-describing study folder
 * ({@link org.spectlab.simulator.study.SpectStudy}: truth, true μ-maps, Poisson and expected
 * projections in Interfile, spectrum, manifest), written whole or not at all.
 */
package org.spectlab.simulator.study;
