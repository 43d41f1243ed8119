package org.spectlab.simulator.ct;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.spectlab.core.error.InputException;
import org.spectlab.core.material.Material;
import org.spectlab.simulator.xs.MaterialCrossSections;

/**
 * An x-ray tube photon spectrum: photon fluence per energy bin (photons per mm^2 per mAs at 1 m from
 * the focal spot), on bins of equal width.
 *
 * <p>The tungsten-anode spectrum is TASMIP (Boone &amp; Seibert, Med. Phys. 24 (1997) 1661; data file
 * {@code tasmip.csv} beside this class): 1-keV bins from 10 keV to the tube voltage, 30-140 kV,
 * constant-potential generator (no ripple), inherent filtration of the tubes it was fit to. Added
 * filtration is applied by Beer-Lambert attenuation with NIST XCOM total attenuation (with coherent
 * scattering) of the filter material ({@link #filtered}). Approximations: no heel effect, no bowtie
 * filter, no off-axis variation; the spectrum is the one on the central ray.
 *
 * <p>A monoenergetic "spectrum" ({@link #monoenergetic}) is the effective-energy option.
 */
public final class TubeSpectrum {
    /** Lowest tube voltage the TASMIP table covers, kV. */
    public static final double MIN_KVP = 30;
    /** Highest tube voltage the TASMIP table covers, kV. */
    public static final double MAX_KVP = 140;

    private static final double[][] TASMIP = loadTasmip();

    private final double[] energyKeV;
    private final double[] fluence;
    private final double kVp;

    private TubeSpectrum(double[] energyKeV, double[] fluence, double kVp) {
        this.energyKeV = energyKeV;
        this.fluence = fluence;
        this.kVp = kVp;
    }

    /**
     * The unfiltered (inherent filtration only) TASMIP spectrum.
     *
     * @param kVp tube voltage, 30-140 kV
     * @throws InputException outside 30-140 kV
     */
    public static TubeSpectrum tasmip(double kVp) {
        if (!(kVp >= MIN_KVP && kVp <= MAX_KVP)) {
            throw InputException.field("tube voltage (kVp)", "must be 30 to 140 kV for the TASMIP model, got " + kVp);
        }
        List<double[]> bins = new ArrayList<>();
        for (double[] row : TASMIP) {
            double e = row[0];
            if (e > kVp) {
                break;
            }
            double phi = row[1] + kVp * (row[2] + kVp * (row[3] + kVp * row[4]));
            if (phi > 0) {
                bins.add(new double[] {e, phi});
            }
        }
        double[] en = new double[bins.size()];
        double[] f = new double[bins.size()];
        for (int i = 0; i < en.length; i++) {
            en[i] = bins.get(i)[0];
            f[i] = bins.get(i)[1];
        }
        return new TubeSpectrum(en, f, kVp);
    }

    /**
     * A single energy, fluence 1 per mm^2 per mAs (the effective-energy approximation).
     *
     * @param energyKeV photon energy, 1-3000 keV
     */
    public static TubeSpectrum monoenergetic(double energyKeV) {
        if (!(energyKeV >= 1 && energyKeV <= 3000)) {
            throw InputException.field("effective energy (keV)", "must be 1 to 3000 keV, got " + energyKeV);
        }
        return new TubeSpectrum(new double[] {energyKeV}, new double[] {1.0}, energyKeV);
    }

    /**
     * This spectrum after a filter slab: each bin times {@code exp(-mu(E) t)}.
     *
     * @param filter      the filter material (e.g. {@code aluminium})
     * @param thicknessMm filter thickness, mm (0 returns this spectrum)
     */
    public TubeSpectrum filtered(Material filter, double thicknessMm) {
        if (!(thicknessMm >= 0) || !Double.isFinite(thicknessMm)) {
            throw InputException.field("filter thickness (mm)", "must be a finite number >= 0, got " + thicknessMm);
        }
        if (thicknessMm == 0) {
            return this;
        }
        MaterialCrossSections xs = MaterialCrossSections.of(filter);
        double[] f = new double[fluence.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = fluence[i] * Math.exp(-xs.muPerCm(energyKeV[i]) * thicknessMm / 10.0);
        }
        return new TubeSpectrum(energyKeV.clone(), f, kVp);
    }

    /** Bin centre energies, keV (a copy). */
    public double[] energiesKeV() {
        return energyKeV.clone();
    }

    /** Photon fluence per bin, photons per mm^2 per mAs at 1 m (a copy). */
    public double[] fluencePerMm2PerMAs() {
        return fluence.clone();
    }

    /** Tube voltage, kV (the energy for a monoenergetic spectrum). */
    public double kVp() {
        return kVp;
    }

    /** True for a single-energy spectrum. */
    public boolean isMonoenergetic() {
        return energyKeV.length == 1;
    }

    /** Total photon fluence, photons per mm^2 per mAs at 1 m. */
    public double totalFluencePerMm2PerMAs() {
        double s = 0;
        for (double v : fluence) {
            s += v;
        }
        return s;
    }

    /** Fluence-weighted mean photon energy, keV. */
    public double meanEnergyKeV() {
        double s = 0;
        double se = 0;
        for (int i = 0; i < fluence.length; i++) {
            s += fluence[i];
            se += fluence[i] * energyKeV[i];
        }
        return se / s;
    }

    /**
     * First half-value layer in the given material for an energy-integrating detector (signal weighted
     * by photon energy), mm, found by bisection.
     */
    public double halfValueLayerMm(Material material) {
        MaterialCrossSections xs = MaterialCrossSections.of(material);
        double[] mu = new double[energyKeV.length];
        for (int i = 0; i < mu.length; i++) {
            mu[i] = xs.muPerCm(energyKeV[i]) / 10.0;
        }
        double s0 = signal(mu, 0);
        double lo = 0;
        double hi = 1;
        while (signal(mu, hi) > 0.5 * s0) {
            hi *= 2;
        }
        for (int it = 0; it < 100; it++) {
            double mid = 0.5 * (lo + hi);
            if (signal(mu, mid) > 0.5 * s0) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return 0.5 * (lo + hi);
    }

    /**
     * Effective energy: the energy of a monoenergetic beam with the same first half-value layer in
     * the given material (the classic definition, e.g. Bushberg et al., The Essential Physics of Medical
     * Imaging, 3rd ed., ch. 3), keV. For a monoenergetic spectrum, its energy.
     */
    public double effectiveEnergyKeV(Material hvlMaterial) {
        if (isMonoenergetic()) {
            return energyKeV[0];
        }
        MaterialCrossSections xs = MaterialCrossSections.of(hvlMaterial);
        double targetMuPerCm = Math.log(2) / (halfValueLayerMm(hvlMaterial) / 10.0);
        double lo = Math.max(xs.minEnergyKeV(), 5);
        double hi = Math.min(xs.maxEnergyKeV(), 1000);
        for (int it = 0; it < 100; it++) {
            double mid = Math.sqrt(lo * hi);
            if (xs.muPerCm(mid) > targetMuPerCm) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return Math.sqrt(lo * hi);
    }

    private double signal(double[] muPerMm, double tMm) {
        double s = 0;
        for (int i = 0; i < fluence.length; i++) {
            s += fluence[i] * energyKeV[i] * Math.exp(-muPerMm[i] * tMm);
        }
        return s;
    }

    private static double[][] loadTasmip() {
        String name = "tasmip.csv";
        try (InputStream in = TubeSpectrum.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
            List<double[]> rows = new ArrayList<>();
            String line;
            while ((line = r.readLine()) != null) {
                line = line.trim();
                if (line.isEmpty() || line.startsWith("#") || line.startsWith("energy")) {
                    continue;
                }
                String[] p = line.split(",");
                double[] row = new double[5];
                for (int i = 0; i < 5; i++) {
                    row[i] = Double.parseDouble(p[i]);
                }
                rows.add(row);
            }
            return rows.toArray(new double[0][]);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }
}
