package org.spectlab.recon.fbp;

import java.util.Locale;
import org.spectlab.core.error.InputException;

/**
 * Apodising window multiplying the ramp filter, as a function of spatial frequency {@code f}
 * (cycles/cm) with cut-off {@code f_c}:
 * <ul>
 * <li>{@code ramp}: 1 (no window; {@code f_c} ignored)</li>
 * <li>{@code hann}: {@code 0.5 (1 + cos(π f / f_c))} for {@code f ≤ f_c}, else 0</li>
 * <li>{@code hamming}: {@code 0.54 + 0.46 cos(π f / f_c)} for {@code f ≤ f_c}, else 0</li>
 * <li>{@code butterworth}: {@code 1 / sqrt(1 + (f / f_c)^{2n})}</li>
 * </ul>
 * (Definitions as in Cherry, Sorenson &amp; Phelps, Physics in Nuclear Medicine, 4th ed., ch. 16;
 * Lyra M, Ploussi A, "Filtering in SPECT image reconstruction", Int J Biomed Imaging (2011) 693795.)
 *
 * @param kind              the window
 * @param cutoffCyclesPerCm cut-off {@code f_c}, cycles/cm (ignored for {@code ramp})
 * @param order             Butterworth order n (ignored otherwise)
 */
public record FbpWindow(Kind kind, double cutoffCyclesPerCm, int order) {

    /** Window shapes. */
    public enum Kind {
        /** No window. */
        RAMP,
        /** Hann window. */
        HANN,
        /** Hamming window. */
        HAMMING,
        /** Butterworth window. */
        BUTTERWORTH
    }

    /** Validates the cut-off (positive, unless ramp) and the order (1..50 for Butterworth). */
    public FbpWindow {
        if (kind == null) {
            throw InputException.field("FBP window", "is required");
        }
        if (kind != Kind.RAMP && (!(cutoffCyclesPerCm > 0) || !Double.isFinite(cutoffCyclesPerCm))) {
            throw InputException.field("FBP window cut-off (cycles/cm)", "must be positive, got " + cutoffCyclesPerCm);
        }
        if (kind == Kind.BUTTERWORTH && (order < 1 || order > 50)) {
            throw InputException.field("FBP Butterworth order", "must be 1 to 50, got " + order);
        }
    }

    /** Plain ramp. */
    public static FbpWindow ramp() {
        return new FbpWindow(Kind.RAMP, 0, 0);
    }

    /** Hann window. */
    public static FbpWindow hann(double cutoffCyclesPerCm) {
        return new FbpWindow(Kind.HANN, cutoffCyclesPerCm, 0);
    }

    /** Hamming window. */
    public static FbpWindow hamming(double cutoffCyclesPerCm) {
        return new FbpWindow(Kind.HAMMING, cutoffCyclesPerCm, 0);
    }

    /** Butterworth window. */
    public static FbpWindow butterworth(double cutoffCyclesPerCm, int order) {
        return new FbpWindow(Kind.BUTTERWORTH, cutoffCyclesPerCm, order);
    }

    /**
     * A window by name ({@code ramp}, {@code hann}, {@code hamming}, {@code butterworth}).
     *
     * @throws InputException for an unknown name
     */
    public static FbpWindow byName(String name, double cutoffCyclesPerCm, int order) {
        String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        return switch (n) {
            case "ramp" -> ramp();
            case "hann", "hanning" -> hann(cutoffCyclesPerCm);
            case "hamming" -> hamming(cutoffCyclesPerCm);
            case "butterworth" -> butterworth(cutoffCyclesPerCm, order);
            default -> throw InputException.field("FBP window", "unknown '" + name
                    + "'; allowed: ramp, hann, hamming, butterworth");
        };
    }

    /** The window's value at {@code fCyclesPerCm} (≥ 0). */
    public double value(double fCyclesPerCm) {
        double r = kind == Kind.RAMP ? 0 : fCyclesPerCm / cutoffCyclesPerCm;
        return switch (kind) {
            case RAMP -> 1.0;
            case HANN -> r <= 1 ? 0.5 * (1 + Math.cos(Math.PI * r)) : 0.0;
            case HAMMING -> r <= 1 ? 0.54 + 0.46 * Math.cos(Math.PI * r) : 0.0;
            case BUTTERWORTH -> 1.0 / Math.sqrt(1.0 + Math.pow(r, 2.0 * order));
        };
    }
}
