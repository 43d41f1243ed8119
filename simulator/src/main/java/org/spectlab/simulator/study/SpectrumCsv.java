package org.spectlab.simulator.study;

import java.util.Locale;
import org.spectlab.simulator.spect.SpectResult;

/**
 * {@code spect/spectrum.csv}: the detected (measured-energy) spectrum of the whole acquisition, all
 * views, split into photons that reached the crystal unscattered in the patient (primary) and after
 * scattering in it (scatter). Expected counts per 1 keV bin, i.e. counts per keV.
 */
public final class SpectrumCsv {
    private SpectrumCsv() {
    }

    /** The file's text, with a header comment describing the columns. */
    public static String text(SpectResult r) {
        StringBuilder sb = new StringBuilder();
        sb.append("# spectlab detected energy spectrum, whole acquisition (all views), mode ").append(r.mode()).append('\n');
        sb.append("# energy_keV: centre of a 1 keV bin [energy_keV - 0.5, energy_keV + 0.5) of measured energy\n");
        sb.append("#   (after the NaI(Tl) crystal response and the camera's energy resolution)\n");
        sb.append("# primary:    expected counts per keV of photons not scattered in the patient\n");
        sb.append("# scatter:    expected counts per keV of photons scattered in the patient (all orders followed)\n");
        sb.append("# No penetration column: the collimator is modelled geometrically (no septal penetration or\n");
        sb.append("#   scatter), so that component is zero by construction.\n");
        sb.append("energy_keV,primary,scatter\n");
        double[] e = r.spectrumKeV();
        double[] p = r.spectrumPrimary();
        double[] s = r.spectrumScatter();
        int n = Math.min(e.length, Math.min(p.length, s.length));
        for (int i = 0; i < n; i++) {
            sb.append(String.format(Locale.ROOT, "%.1f,%.6g,%.6g%n", e[i] + 0.5, p[i], s[i]));
        }
        return sb.toString();
    }
}
