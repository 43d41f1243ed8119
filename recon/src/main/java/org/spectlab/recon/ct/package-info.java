/**
 * The reconstruction's use of the CT: bilinear HU-to-μ conversion at the emission energies with the
 * reconstruction's own nominal water and bone coefficients ({@link org.spectlab.recon.ct.BilinearHuConversion},
 * {@link org.spectlab.recon.ct.ReferenceAttenuation}), box-average resampling to the SPECT grid and
 * smoothing ({@link org.spectlab.recon.ct.CtAttenuationMaps}, {@link org.spectlab.recon.ct.GridResampler}),
 * threshold segmentation into air / lung / soft tissue / bone ({@link org.spectlab.recon.ct.CtSegmentation}),
 * and translation registration of a CT to a reference ({@link org.spectlab.recon.ct.TranslationRegistration}).
 * It sees only the CT in HU and the nominal tube voltage, never the simulator's tables.
 */
package org.spectlab.recon.ct;
