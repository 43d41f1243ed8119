package org.spectlab.core.projection;

import java.util.Objects;
import org.spectlab.core.error.InputException;

/**
 * An energy acceptance window of the gamma camera, in keV: an event counts when its deposited
 * energy lies in {@code [lowerKeV, upperKeV)}.
 *
 * @param name     a short name used for files and reports, e.g. {@code "photopeak"}, {@code "lower_scatter"}
 * @param lowerKeV lower edge, keV
 * @param upperKeV upper edge, keV
 */
public record EnergyWindow(String name, double lowerKeV, double upperKeV) {

    /** Validates the name and 0 &le; lower &lt; upper (finite). */
    public EnergyWindow {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw InputException.field("energy window name", "must not be blank");
        }
        if (!(lowerKeV >= 0) || !(upperKeV > lowerKeV) || !Double.isFinite(upperKeV)) {
            throw InputException.field("energy window '" + name + "'",
                    "needs 0 <= lower < upper keV, got [" + lowerKeV + ", " + upperKeV + "]");
        }
    }

    /** A window from explicit edges. */
    public static EnergyWindow of(String name, double lowerKeV, double upperKeV) {
        return new EnergyWindow(name, lowerKeV, upperKeV);
    }

    /**
     * A symmetric window around a centre energy, with its full width given in percent of the centre
     * (the clinical convention: a "20% window at 140.5 keV" is 126.45-154.55 keV).
     */
    public static EnergyWindow centred(String name, double centreKeV, double widthPercent) {
        if (!(centreKeV > 0) || !(widthPercent > 0) || widthPercent >= 200) {
            throw InputException.field("energy window '" + name + "'",
                    "needs centre > 0 keV and 0 < width < 200 %, got centre " + centreKeV + " keV, width "
                            + widthPercent + " %");
        }
        double half = 0.5 * centreKeV * widthPercent / 100.0;
        return new EnergyWindow(name, centreKeV - half, centreKeV + half);
    }

    /** Centre of the window, keV. */
    public double centreKeV() {
        return 0.5 * (lowerKeV + upperKeV);
    }

    /** Width of the window, keV. */
    public double widthKeV() {
        return upperKeV - lowerKeV;
    }

    /** Width in percent of the centre energy. */
    public double widthPercent() {
        return 100.0 * widthKeV() / centreKeV();
    }

    /** True when the energy falls in {@code [lowerKeV, upperKeV)}. */
    public boolean contains(double energyKeV) {
        return energyKeV >= lowerKeV && energyKeV < upperKeV;
    }
}
