package org.spectlab.simulator.study;

import java.util.List;
import java.util.Locale;
import org.spectlab.simulator.spect.CollimatorComponents;
import org.spectlab.simulator.spect.SpectResult;

/**
 * {@code spect/spectrum.csv}: the detected (measured-energy) spectrum of the whole acquisition, all
 * views, split into photons that reached the crystal unscattered in the patient (primary) and after
 * scattering in it (scatter); with the Monte Carlo collimator model ({@code camera.collimator_model:
 * monte-carlo}) three more columns hold the photons that crossed septal lead: penetration,
 * collimator_scatter and lead_xray (see {@link CollimatorComponents}); primary and scatter then hold
 * only photons that passed through the holes alone, and the columns add up to the total. Expected
 * counts per 1 keV bin, i.e. counts per keV.
 */
public final class SpectrumCsv {
    private SpectrumCsv() {
    }

    /** The file's text, with a header comment describing the columns. */
    public static String text(SpectResult r) {
        CollimatorComponents c = r.collimator();
        StringBuilder sb = new StringBuilder();
        sb.append("# spectlab detected energy spectrum, whole acquisition (all views), mode ").append(r.mode()).append('\n');
        sb.append("# energy_keV: centre of a 1 keV bin [energy_keV - 0.5, energy_keV + 0.5) of measured energy\n");
        sb.append("#   (after the NaI(Tl) crystal response and the camera's energy resolution)\n");
        if (c == null) {
            sb.append("# primary:    expected counts per keV of photons not scattered in the patient\n");
            sb.append("# scatter:    expected counts per keV of photons scattered in the patient (all orders followed)\n");
            sb.append("# No penetration column: the collimator is modelled geometrically (no septal penetration or\n");
            sb.append("#   scatter), so that component is zero by construction.\n");
            sb.append("energy_keV,primary,scatter\n");
        } else {
            sb.append("# Monte Carlo collimator: every column but the first is a disjoint component, they add up to the\n");
            sb.append("#   total. Expected counts per keV of photons that\n");
            sb.append("# primary:            passed through the holes only, not scattered in the patient\n");
            sb.append("# scatter:            passed through the holes only, scattered in the patient\n");
            sb.append("# penetration:        crossed septal lead without interacting there (patient-scattered or not)\n");
            sb.append("# collimator_scatter: were Compton or Rayleigh scattered in the septa\n");
            sb.append("# lead_xray:          are lead K x-rays (72.8-87.3 keV) from photoabsorption in the septa\n");
            sb.append("energy_keV,primary,scatter,").append(String.join(",", CollimatorComponents.NAMES)).append('\n');
        }
        double[] e = r.spectrumKeV();
        double[] p = r.spectrumPrimary();
        double[] s = r.spectrumScatter();
        List<double[]> extra = c == null ? List.of() : c.spectra();
        int n = Math.min(e.length, Math.min(p.length, s.length));
        for (double[] x : extra) {
            n = Math.min(n, x.length);
        }
        for (int i = 0; i < n; i++) {
            sb.append(String.format(Locale.ROOT, "%.1f,%.6g,%.6g", e[i], p[i], s[i]));
            for (double[] x : extra) {
                sb.append(String.format(Locale.ROOT, ",%.6g", x[i]));
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
