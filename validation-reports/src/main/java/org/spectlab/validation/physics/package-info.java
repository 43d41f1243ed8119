/**
 * The {@code physics} validation suite: photon cross sections against the NIST tables (NISTIR 5632)
 * and XCOM, Monte Carlo narrow-beam transmission against Beer-Lambert as a z-score, the Klein-Nishina
 * cross section and sampler against closed forms, and radioactive decay against DDEP half-lives.
 * Reference data carry their citation ({@code nist_mu_rho.csv} header, constants in the classes).
 */
package org.spectlab.validation.physics;
