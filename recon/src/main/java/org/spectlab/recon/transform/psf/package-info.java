/**
 * The depth-dependent collimator-detector response: a Gaussian whose FWHM grows linearly with the
 * distance from the collimator face (geometric resolution of a parallel-hole collimator, Metz
 * effective length), combined in quadrature with the intrinsic resolution of the detector,
 * computed from the collimator's nominal geometry ({@link org.spectlab.recon.transform.psf.CollimatorSpec}).
 */
package org.spectlab.recon.transform.psf;
