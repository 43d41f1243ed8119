/**
 * Conversion of reconstructed images (counts per view in air) to activity concentration (Bq/mL)
 * from the camera's planar system sensitivity.
 */
package org.spectlab.recon.calibration;
