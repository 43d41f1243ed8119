/**
 * Iterative reconstruction algorithms (MLEM, OSEM, one-step-late MAP) for the Poisson model
 * {@code y ~ Poisson(A x + s)} with an additive scatter term {@code s}, the subset ordering, and
 * the registry that selects an algorithm by name.
 */
package org.spectlab.recon.algorithm;
