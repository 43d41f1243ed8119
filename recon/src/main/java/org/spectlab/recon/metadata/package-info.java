/**
 * What was acquired and on which image grid it is reconstructed: the link between a
 * {@link org.spectlab.core.projection.ProjectionSet} and a {@link org.spectlab.core.grid.Grid3}
 * (PyTomography's "metadata").
 */
package org.spectlab.recon.metadata;
