/**
 * Scatter estimates for the additive term of the projection model {@code y ≈ A x + s}: triple
 * energy window (TEW), dual energy window (DEW), optional smoothing of the estimate.
 */
package org.spectlab.recon.scatter;
