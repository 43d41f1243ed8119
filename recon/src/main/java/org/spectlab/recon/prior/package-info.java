/**
 * Penalties on the image for maximum-a-posteriori reconstruction (used one-step-late by
 * {@link org.spectlab.recon.algorithm.Osem}): the relative difference prior.
 */
package org.spectlab.recon.prior;
