/**
 * Filtered back projection per slice (parallel-beam, ramp filter with an optional apodising
 * window) and Chang's first-order post-reconstruction attenuation correction.
 */
package org.spectlab.recon.fbp;
