/**
 * The {@code camera} validation suite: nominal collimator efficiency and resolution vs distance of every
 * preset. Monte Carlo camera QC cases join this suite through a
 * {@link org.spectlab.validation.suite.SuiteContributor} (see {@link org.spectlab.validation.camera.CameraSuite}).
 */
package org.spectlab.validation.camera;
