package org.spectlab.simulator.spect;

import java.util.List;

/**
 * The detected counts of photons that crossed septal lead, from the Monte Carlo collimator model
 * ({@link org.spectlab.simulator.collimator.CollimatorModel#MONTE_CARLO}), split by what happened in
 * the collimator ({@link org.spectlab.simulator.collimator.CollimatorTransport.Photon#component()}):
 * <ul>
 *   <li>penetration: crossed lead without interacting in it;</li>
 *   <li>collimator scatter: Compton or Rayleigh scattered in the lead (and not a lead x-ray);</li>
 *   <li>lead x-ray: a lead K x-ray (72.8-87.3 keV) emitted after photoabsorption in the septa.</li>
 * </ul>
 * Each component holds the photon whatever it did in the patient before (scattered or not). Images
 * are per window, in counts per pixel over each view's time, indexed as {@link SpectResult}'s;
 * spectra are measured-energy counts per 1 keV bin (same bins as {@link SpectResult#spectrumKeV()}).
 *
 * @param penetration               per window: septal penetration counts
 * @param collimatorScatter         per window: collimator scatter counts
 * @param leadXray                  per window: lead K x-ray counts
 * @param spectrumPenetration       measured-energy spectrum of penetration
 * @param spectrumCollimatorScatter measured-energy spectrum of collimator scatter
 * @param spectrumLeadXray          measured-energy spectrum of lead x-rays
 */
public record CollimatorComponents(List<float[]> penetration, List<float[]> collimatorScatter, List<float[]> leadXray,
                                   double[] spectrumPenetration, double[] spectrumCollimatorScatter,
                                   double[] spectrumLeadXray) {
    /** Component names as used in file names and spectrum columns, in the order of {@link #images(int)}. */
    public static final List<String> NAMES = List.of("penetration", "collimator_scatter", "lead_xray");

    /** Copies the lists (not the arrays). */
    public CollimatorComponents {
        penetration = List.copyOf(penetration);
        collimatorScatter = List.copyOf(collimatorScatter);
        leadXray = List.copyOf(leadXray);
    }

    /** The three images of a window, in the order of {@link #NAMES}. */
    public List<float[]> images(int window) {
        return List.of(penetration.get(window), collimatorScatter.get(window), leadXray.get(window));
    }

    /** The three spectra, in the order of {@link #NAMES}. */
    public List<double[]> spectra() {
        return List.of(spectrumPenetration, spectrumCollimatorScatter, spectrumLeadXray);
    }

    /** Sum over the three components of a window's counts at one pixel index. */
    float sumAt(int window, int index) {
        return penetration.get(window)[index] + collimatorScatter.get(window)[index] + leadXray.get(window)[index];
    }
}
