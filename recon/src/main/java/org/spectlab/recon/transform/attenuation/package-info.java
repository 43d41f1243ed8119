/**
 * Photon attenuation between each voxel and the detector, computed per view from a μ-map in 1/cm
 * on the image grid.
 */
package org.spectlab.recon.transform.attenuation;
