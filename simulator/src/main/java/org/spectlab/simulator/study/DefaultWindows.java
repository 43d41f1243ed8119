package org.spectlab.simulator.study;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.spectlab.core.nuclide.EmissionKind;
import org.spectlab.core.nuclide.EmissionLine;
import org.spectlab.core.nuclide.Nuclide;
import org.spectlab.core.projection.EnergyWindow;

/**
 * The default energy windows of a nuclide ({@code camera.windows: default}).
 *
 * <p><b>Photopeaks.</b> One 20 % window (the clinical convention: full width 20 % of the centre
 * energy) around every gamma line above 50 keV with a yield of at least 10 % per decay (DDEP yields
 * from {@link org.spectlab.core.nuclide.NuclideLibrary}); when two such windows would overlap, the
 * line with the smaller yield is dropped (Co-57 keeps 122 keV, not 136 keV). Two clinical exceptions
 * are added by name:
 * <ul>
 *   <li>Lu-177: the 112.9 keV line (6.2 %) is imaged as well as 208.4 keV (10.4 %), as in the
 *       MIRD Pamphlet 26 recommendations for Lu-177 SPECT (Ljungberg et al., J. Nucl. Med. 57, 151, 2016);</li>
 *   <li>Tl-201: the Hg K x-rays (68.9-80.3 keV, 89 % per decay together) are imaged in a 20 % window
 *       centred at 70 keV (the usual clinical setting), besides the 167.4 keV gamma (10.0 %).</li>
 * </ul>
 * This gives Tc-99m 140.5; In-111 171.3, 245.4; I-123 159.0; Ga-67 93.3, 184.6, 300.2; Lu-177 112.9,
 * 208.4; I-131 364.5; Tl-201 70, 167.4 keV.
 *
 * <p><b>Names and order.</b> The main photopeak (largest yield; for Tl-201 the x-ray window) comes
 * first and is named {@code photopeak} — the name {@code spectlab reconstruct} reads; further
 * photopeaks follow in increasing energy as {@code photopeak_<keV>} (keV rounded to an integer).
 *
 * <p><b>Scatter windows.</b> A lower and an upper window adjacent to the main photopeak for the
 * triple-energy-window (TEW) correction of Ogawa et al. (IEEE Trans. Med. Imaging 10, 408, 1991),
 * named {@code lower_scatter} and {@code upper_scatter}. Their width, 7 % of the photopeak energy,
 * is a convention of this software in the range used in clinical TEW protocols (not a value from
 * Ogawa's paper). A side window is clipped where it would overlap another photopeak window and is
 * left out when less than 1 keV of it remains. These windows are therefore disjoint.
 *
 * <p><b>DEW window</b> (Tc-99m only). Last, {@code dew_scatter}: the 92-125 keV Compton window of the
 * dual-energy-window scatter correction of Jaszczak, Greer, Floyd, Harris &amp; Coleman ("Improved
 * SPECT quantification using compensation for scattered photons", J. Nucl. Med. 25, 893-900, 1984),
 * whose scatter multiplier k = 0.5 was derived for that window. It overlaps {@code lower_scatter}
 * (each simulated photon is counted in every window that contains its energy, as a camera
 * acquiring both windows does). Other nuclides get no DEW window: the method and its k were
 * published for Tc-99m.
 */
public final class DefaultWindows {
    /** Full width of a photopeak window, percent of its centre energy. */
    public static final double PHOTOPEAK_WIDTH_PERCENT = 20.0;
    /** Width of each TEW side window, as a fraction of the main photopeak energy. */
    public static final double SCATTER_WIDTH_FRACTION = 0.07;
    /** Lines with a smaller yield per decay get no window (unless named as an exception). */
    public static final double MIN_YIELD = 0.10;
    /** Lines at or below this energy get no window, keV. */
    public static final double MIN_ENERGY_KEV = 50.0;
    /** Narrowest side window kept after clipping, keV. */
    static final double MIN_SIDE_WINDOW_KEV = 1.0;
    /** Centre of the Tl-201 Hg K x-ray window, keV. */
    static final double TL201_XRAY_WINDOW_KEV = 70.0;
    /** Name of the DEW Compton window. */
    public static final String DEW_WINDOW = "dew_scatter";
    /** Lower edge of the Tc-99m DEW Compton window, keV (Jaszczak et al. 1984). */
    static final double DEW_TC99M_LOWER_KEV = 92.0;
    /** Upper edge of the Tc-99m DEW Compton window, keV (Jaszczak et al. 1984). */
    static final double DEW_TC99M_UPPER_KEV = 125.0;
    /** Lu-177 112.9 keV gamma (DDEP), imaged although its yield is 6.2 %. */
    static final double LU177_LOW_LINE_KEV = 112.9498;

    private DefaultWindows() {
    }

    /**
     * A photopeak: centre energy and the yield that ranks it.
     *
     * @param energyKeV     window centre, keV
     * @param yieldPerDecay photons per decay it stands for
     */
    public record Photopeak(double energyKeV, double yieldPerDecay) {
    }

    /** The photopeaks of a nuclide, main one first, the others in increasing energy. */
    public static List<Photopeak> photopeaks(Nuclide nuclide) {
        List<Photopeak> candidates = new ArrayList<>();
        for (EmissionLine l : nuclide.lines()) {
            if (l.kind() == EmissionKind.GAMMA && l.energyKeV() > MIN_ENERGY_KEV && l.yieldPerDecay() >= MIN_YIELD) {
                candidates.add(new Photopeak(l.energyKeV(), l.yieldPerDecay()));
            }
        }
        if (nuclide.name().equals("Lu-177")) {
            for (EmissionLine l : nuclide.lines()) {
                if (Math.abs(l.energyKeV() - LU177_LOW_LINE_KEV) < 0.01) {
                    candidates.add(new Photopeak(l.energyKeV(), l.yieldPerDecay()));
                }
            }
        }
        if (nuclide.name().equals("Tl-201")) {
            double xray = 0;
            EnergyWindow w = window("x", TL201_XRAY_WINDOW_KEV);
            for (EmissionLine l : nuclide.lines()) {
                if (l.kind() == EmissionKind.XRAY && w.contains(l.energyKeV())) {
                    xray += l.yieldPerDecay();
                }
            }
            candidates.add(new Photopeak(TL201_XRAY_WINDOW_KEV, xray));
        }
        // strongest first; drop a candidate whose window overlaps a stronger one's
        candidates.sort(Comparator.comparingDouble(Photopeak::yieldPerDecay).reversed()
                .thenComparingDouble(Photopeak::energyKeV));
        List<Photopeak> kept = new ArrayList<>();
        for (Photopeak c : candidates) {
            EnergyWindow wc = window("c", c.energyKeV());
            boolean overlaps = false;
            for (Photopeak k : kept) {
                EnergyWindow wk = window("k", k.energyKeV());
                overlaps |= wc.lowerKeV() < wk.upperKeV() && wk.lowerKeV() < wc.upperKeV();
            }
            if (!overlaps) {
                kept.add(c);
            }
        }
        if (kept.isEmpty()) {
            return kept;
        }
        List<Photopeak> out = new ArrayList<>();
        out.add(kept.get(0));
        List<Photopeak> rest = new ArrayList<>(kept.subList(1, kept.size()));
        rest.sort(Comparator.comparingDouble(Photopeak::energyKeV));
        out.addAll(rest);
        return out;
    }

    /**
     * The default windows: photopeaks (main first) then {@code lower_scatter} and
     * {@code upper_scatter} of the main photopeak, then for Tc-99m {@code dew_scatter}. Empty when the nuclide has no line that
     * qualifies (the caller then needs explicit windows).
     */
    public static List<EnergyWindow> of(Nuclide nuclide) {
        List<EnergyWindow> out = forPhotopeaks(photopeaks(nuclide));
        if (nuclide.name().equals("Tc-99m") && !out.isEmpty()) {
            out.add(EnergyWindow.of(DEW_WINDOW, DEW_TC99M_LOWER_KEV, DEW_TC99M_UPPER_KEV));
        }
        return out;
    }

    /** The windows of given photopeaks (main first, disjoint 20 % windows). */
    static List<EnergyWindow> forPhotopeaks(List<Photopeak> peaks) {
        List<EnergyWindow> out = new ArrayList<>();
        for (int i = 0; i < peaks.size(); i++) {
            double e = peaks.get(i).energyKeV();
            out.add(window(i == 0 ? "photopeak" : "photopeak_" + Math.round(e), e));
        }
        if (peaks.isEmpty()) {
            return out;
        }
        EnergyWindow main = out.get(0);
        double width = SCATTER_WIDTH_FRACTION * peaks.get(0).energyKeV();
        double lowerEdge = round(main.lowerKeV() - width);
        double upperEdge = round(main.upperKeV() + width);
        for (int i = 1; i < out.size(); i++) {
            EnergyWindow w = out.get(i);
            if (w.upperKeV() <= main.lowerKeV()) {
                lowerEdge = Math.max(lowerEdge, w.upperKeV());
            } else if (w.lowerKeV() >= main.upperKeV()) {
                upperEdge = Math.min(upperEdge, w.lowerKeV());
            }
        }
        if (main.lowerKeV() - lowerEdge >= MIN_SIDE_WINDOW_KEV) {
            out.add(EnergyWindow.of("lower_scatter", lowerEdge, main.lowerKeV()));
        }
        if (upperEdge - main.upperKeV() >= MIN_SIDE_WINDOW_KEV) {
            out.add(EnergyWindow.of("upper_scatter", main.upperKeV(), upperEdge));
        }
        return out;
    }

    /** A photopeak window with its edges rounded to 0.01 keV (readable headers; the shift is negligible). */
    private static EnergyWindow window(String name, double centreKeV) {
        double half = 0.5 * centreKeV * PHOTOPEAK_WIDTH_PERCENT / 100.0;
        return EnergyWindow.of(name, round(centreKeV - half), round(centreKeV + half));
    }

    private static double round(double keV) {
        return Math.round(keV * 100.0) / 100.0;
    }
}
