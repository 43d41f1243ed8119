package org.spectlab.simulator.ct;

import java.util.Objects;
import org.spectlab.core.error.InputException;

/**
 * How the simulated CT is acquired and reconstructed.
 *
 * <p>Photon statistics: the unattenuated photon count per detector element per view is
 * {@code I0 = Φ(1 m) · (1000 / focusToIsocentreMm)^2 · mAs · pitch · sliceThickness · detectorEfficiency / views},
 * with {@code Φ(1 m)} the TASMIP fluence per mm^2 per mAs of the filtered spectrum. The views of the
 * parallel-beam sinogram stand for one 360° rotation (each line is measured twice in a rotation, so the
 * photons of both conjugate rays go into one view); {@code mAs} is per rotation (effective mAs).
 * No free calibration constant is used: with the defaults a 20 cm water cylinder at 120 kV, 100 mAs,
 * Shepp-Logan kernel, 1 mm pixels and 2 mm slices shows about 8-10 HU noise (SD in a central ROI), in
 * the 10-20 HU range expected of clinical scanners at such settings (the bowtie filter and electronic
 * noise, not modelled, would add some).
 *
 * @param kVp                    tube voltage, 30-140 kV (80-140 for clinical CT)
 * @param aluminiumFiltrationMm  added aluminium filtration (beyond the tube's inherent filtration), mm
 * @param spectrumMode           polyenergetic or effective-energy
 * @param effectiveEnergyKeV     energy for {@link SpectrumMode#EFFECTIVE_ENERGY}; NaN means the HVL-effective
 *                               energy of the filtered spectrum
 * @param spectralBinKeV         width of merged spectral bins for the polyenergetic sums, keV (1-10)
 * @param mAs                    tube current-time product per rotation, mAs
 * @param noise                  whether Poisson noise is applied (false gives the expected projections)
 * @param views                  views over 180°
 * @param detectorPitchMm        detector bin width at the isocentre, mm
 * @param sliceThicknessMm       reconstructed slice thickness (collimated width per slice at the isocentre), mm
 * @param kernel                 reconstruction filter window
 * @param waterCorrection        whether the water beam-hardening linearisation is applied
 * @param focusToIsocentreMm     focal spot to isocentre distance, mm (inverse-square scaling of the fluence)
 * @param detectorEfficiency     fraction of incident photons detected (geometric and quantum), (0, 1]
 * @param misregistration        rigid motion of the patient between SPECT and CT
 * @param seed                   noise seed; slice k uses stream {@code BatchRandom.stream(seed, k)}
 * @param threads                worker threads (results do not depend on it)
 */
public record CtProtocol(double kVp, double aluminiumFiltrationMm, SpectrumMode spectrumMode,
                         double effectiveEnergyKeV, double spectralBinKeV, double mAs, boolean noise, int views,
                         double detectorPitchMm, double sliceThicknessMm, CtKernel kernel, boolean waterCorrection,
                         double focusToIsocentreMm, double detectorEfficiency, Misregistration misregistration,
                         long seed, int threads) {

    /**
     * Default added filtration, mm Al. With TASMIP's inherent filtration it gives an (energy-weighted)
     * first HVL of 9.2 mm Al and an HVL-effective energy of 59.6 keV at 120 kV (6.7 mm / 49 keV at 80 kV,
     * 9.9 mm / 63 keV at 140 kV), inside the roughly 6-10 mm Al measured on clinical CT beams at 120 kV
     * (Kruger RL, McCollough CH, Zink FE, Med. Phys. 27 (2000) 1915-1919).
     */
    public static final double DEFAULT_ALUMINIUM_MM = 6.0;

    /**
     * Default focus-isocentre distance, mm: 595 mm as in Siemens SOMATOM Definition systems (541 mm GE
     * LightSpeed, 570 mm Philips Brilliance); vendor data sheets.
     */
    public static final double DEFAULT_FOCUS_ISOCENTRE_MM = 595;

    /**
     * Default detector efficiency: about 0.7, the product of a ~0.9 quantum absorption of 1.4 mm GOS /
     * ceramic scintillators at 60-70 keV and a ~0.8 geometric fill factor (septa, anti-scatter grid);
     * Hsieh, Computed Tomography, 2nd ed., ch. 4.
     */
    public static final double DEFAULT_DETECTOR_EFFICIENCY = 0.7;

    /** Validates every field. */
    public CtProtocol {
        if (!(kVp >= TubeSpectrum.MIN_KVP && kVp <= TubeSpectrum.MAX_KVP)) {
            throw InputException.field("ct.kVp", "must be 30 to 140 kV, got " + kVp);
        }
        requireNonNegative("ct.aluminium_mm", aluminiumFiltrationMm);
        Objects.requireNonNull(spectrumMode, "spectrumMode");
        if (!Double.isNaN(effectiveEnergyKeV) && !(effectiveEnergyKeV >= 10 && effectiveEnergyKeV <= 150)) {
            throw InputException.field("ct.effective_energy_keV", "must be 10 to 150 keV, got " + effectiveEnergyKeV);
        }
        if (!(spectralBinKeV >= 1 && spectralBinKeV <= 10)) {
            throw InputException.field("ct.spectral_bin_keV", "must be 1 to 10 keV, got " + spectralBinKeV);
        }
        if (!(mAs > 0) || !Double.isFinite(mAs)) {
            throw InputException.field("ct.mAs", "must be a positive number, got " + mAs);
        }
        if (views < 8 || views > 20000) {
            throw InputException.field("ct.views", "must be 8 to 20000, got " + views);
        }
        requirePositive("ct.detector_pitch_mm", detectorPitchMm);
        requirePositive("ct.slice_thickness_mm", sliceThicknessMm);
        Objects.requireNonNull(kernel, "kernel");
        requirePositive("ct.focus_isocentre_mm", focusToIsocentreMm);
        if (!(detectorEfficiency > 0 && detectorEfficiency <= 1)) {
            throw InputException.field("ct.detector_efficiency", "must be in (0, 1], got " + detectorEfficiency);
        }
        Objects.requireNonNull(misregistration, "misregistration");
        if (threads < 1) {
            throw InputException.field("threads", "must be at least 1, got " + threads);
        }
    }

    /**
     * A clinical-like default: 120 kV, 6 mm Al, polyenergetic with 2-keV bins, 100 mAs, noise on,
     * 360 views over 180°, 1 mm detector bins, the given slice thickness, Shepp-Logan kernel, water
     * beam-hardening correction, 595 mm focus-isocentre, efficiency 0.7, no misregistration, 1 thread.
     */
    public static CtProtocol defaults(double sliceThicknessMm, long seed) {
        return new CtProtocol(120, DEFAULT_ALUMINIUM_MM, SpectrumMode.POLYENERGETIC, Double.NaN, 2.0, 100, true, 360,
                1.0, sliceThicknessMm, CtKernel.SHEPP_LOGAN, true, DEFAULT_FOCUS_ISOCENTRE_MM,
                DEFAULT_DETECTOR_EFFICIENCY, Misregistration.none(), seed, 1);
    }

    /** The same protocol at another tube voltage. */
    public CtProtocol withKVp(double newKVp) {
        return new CtProtocol(newKVp, aluminiumFiltrationMm, spectrumMode, effectiveEnergyKeV, spectralBinKeV, mAs,
                noise, views, detectorPitchMm, sliceThicknessMm, kernel, waterCorrection, focusToIsocentreMm,
                detectorEfficiency, misregistration, seed, threads);
    }

    /** The same protocol with another tube current-time product. */
    public CtProtocol withMAs(double newMAs) {
        return new CtProtocol(kVp, aluminiumFiltrationMm, spectrumMode, effectiveEnergyKeV, spectralBinKeV, newMAs,
                noise, views, detectorPitchMm, sliceThicknessMm, kernel, waterCorrection, focusToIsocentreMm,
                detectorEfficiency, misregistration, seed, threads);
    }

    /** The same protocol with noise on or off. */
    public CtProtocol withNoise(boolean newNoise) {
        return new CtProtocol(kVp, aluminiumFiltrationMm, spectrumMode, effectiveEnergyKeV, spectralBinKeV, mAs,
                newNoise, views, detectorPitchMm, sliceThicknessMm, kernel, waterCorrection, focusToIsocentreMm,
                detectorEfficiency, misregistration, seed, threads);
    }

    /** The same protocol with another spectrum mode and effective energy (NaN: from the spectrum). */
    public CtProtocol withSpectrum(SpectrumMode mode, double newEffectiveEnergyKeV) {
        return new CtProtocol(kVp, aluminiumFiltrationMm, mode, newEffectiveEnergyKeV, spectralBinKeV, mAs,
                noise, views, detectorPitchMm, sliceThicknessMm, kernel, waterCorrection, focusToIsocentreMm,
                detectorEfficiency, misregistration, seed, threads);
    }

    /** The same protocol with other sampling: views over 180° and detector pitch (mm). */
    public CtProtocol withSampling(int newViews, double newPitchMm) {
        return new CtProtocol(kVp, aluminiumFiltrationMm, spectrumMode, effectiveEnergyKeV, spectralBinKeV, mAs,
                noise, newViews, newPitchMm, sliceThicknessMm, kernel, waterCorrection, focusToIsocentreMm,
                detectorEfficiency, misregistration, seed, threads);
    }

    /** The same protocol with another kernel and water correction setting. */
    public CtProtocol withReconstruction(CtKernel newKernel, boolean newWaterCorrection) {
        return new CtProtocol(kVp, aluminiumFiltrationMm, spectrumMode, effectiveEnergyKeV, spectralBinKeV, mAs,
                noise, views, detectorPitchMm, sliceThicknessMm, newKernel, newWaterCorrection, focusToIsocentreMm,
                detectorEfficiency, misregistration, seed, threads);
    }

    /** The same protocol with a patient motion between SPECT and CT. */
    public CtProtocol withMisregistration(Misregistration motion) {
        return new CtProtocol(kVp, aluminiumFiltrationMm, spectrumMode, effectiveEnergyKeV, spectralBinKeV, mAs,
                noise, views, detectorPitchMm, sliceThicknessMm, kernel, waterCorrection, focusToIsocentreMm,
                detectorEfficiency, motion, seed, threads);
    }

    /** The same protocol with another seed and thread count. */
    public CtProtocol withRun(long newSeed, int newThreads) {
        return new CtProtocol(kVp, aluminiumFiltrationMm, spectrumMode, effectiveEnergyKeV, spectralBinKeV, mAs,
                noise, views, detectorPitchMm, sliceThicknessMm, kernel, waterCorrection, focusToIsocentreMm,
                detectorEfficiency, misregistration, newSeed, newThreads);
    }

    private static void requirePositive(String field, double v) {
        if (!(v > 0) || !Double.isFinite(v)) {
            throw InputException.field(field, "must be a positive number, got " + v);
        }
    }

    private static void requireNonNegative(String field, double v) {
        if (!(v >= 0) || !Double.isFinite(v)) {
            throw InputException.field(field, "must be a finite number >= 0, got " + v);
        }
    }
}
