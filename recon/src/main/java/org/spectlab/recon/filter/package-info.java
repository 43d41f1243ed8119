/**
 * Image filters: separable Gaussian kernels (shared with the collimator response and scatter
 * smoothing) and 3D post-reconstruction filters (Gaussian by FWHM, Butterworth by cut-off and order).
 */
package org.spectlab.recon.filter;
