package org.spectlab.simulator.spect;

import java.util.List;
import java.util.Objects;
import org.spectlab.core.camera.CollimatorSpec;
import org.spectlab.core.error.InputException;
import org.spectlab.core.projection.EnergyWindow;
import org.spectlab.simulator.crystal.NaiCrystal;
import org.spectlab.simulator.detector.EnergyResolution;

/**
 * The gamma camera as the simulation sees it: a parallel-hole collimator, the gap from its back face
 * to the mean interaction depth in the crystal, the NaI(Tl) crystal thickness, the intrinsic
 * spatial resolution, the energy resolution and the energy windows (the first window is the one
 * error estimates refer to, normally the photopeak).
 *
 * @param collimator        collimator geometry
 * @param backGapMm         collimator back face to mean interaction depth, mm (taken as the crystal's
 *                          mid-plane: cover and air gap + half the crystal)
 * @param crystalThicknessMm NaI(Tl) thickness, mm (9.525 for 3/8")
 * @param intrinsicFwhmMm   intrinsic spatial resolution FWHM, mm
 * @param energyResolution  energy resolution model
 * @param windows           energy windows, at least one
 * @param coverAluminiumMm  aluminium cover in front of the crystal, mm (inside the back gap; default
 *                          {@link NaiCrystal#DEFAULT_COVER_ALUMINIUM_MM})
 * @param backscatterGlassMm equivalent glass thickness of the backscatter compartment behind the
 *                          crystal (light guide and photomultipliers), mm; 0 (default) leaves it out,
 *                          {@link NaiCrystal#TYPICAL_BACKSCATTER_GLASS_MM} is SIMIND's typical value
 */
public record SpectCamera(CollimatorSpec collimator, double backGapMm, double crystalThicknessMm, double intrinsicFwhmMm,
                          EnergyResolution energyResolution, List<EnergyWindow> windows, double coverAluminiumMm,
                          double backscatterGlassMm) {

    /** Validates the fields. */
    public SpectCamera {
        Objects.requireNonNull(collimator, "collimator");
        Objects.requireNonNull(energyResolution, "energyResolution");
        if (!(backGapMm >= 0) || backGapMm > 100) {
            throw InputException.field("camera.back_gap_mm", "must be in [0, 100] mm, got " + backGapMm);
        }
        if (!(crystalThicknessMm > 0) || crystalThicknessMm > 100) {
            throw InputException.field("camera.crystal_thickness_mm", "must be in (0, 100] mm, got " + crystalThicknessMm);
        }
        if (!(intrinsicFwhmMm > 0) || intrinsicFwhmMm > 50) {
            throw InputException.field("camera.intrinsic_fwhm_mm", "must be in (0, 50] mm, got " + intrinsicFwhmMm);
        }
        if (windows == null || windows.isEmpty()) {
            throw InputException.field("camera.windows", "needs at least one energy window");
        }
        windows = List.copyOf(windows);
        if (!(coverAluminiumMm >= 0) || coverAluminiumMm > 10) {
            throw InputException.field("camera.cover_aluminium_mm", "must be in [0, 10] mm, got " + coverAluminiumMm);
        }
        if (!(backscatterGlassMm >= 0) || backscatterGlassMm > 200) {
            throw InputException.field("camera.backscatter_glass_mm", "must be in [0, 200] mm, got "
                    + backscatterGlassMm);
        }
    }

    /**
     * A camera with the default detector layers: a {@link NaiCrystal#DEFAULT_COVER_ALUMINIUM_MM} mm
     * aluminium cover and no backscatter compartment.
     */
    public static SpectCamera of(CollimatorSpec collimator, double backGapMm, double crystalThicknessMm,
                                 double intrinsicFwhmMm, EnergyResolution energyResolution, List<EnergyWindow> windows) {
        return new SpectCamera(collimator, backGapMm, crystalThicknessMm, intrinsicFwhmMm, energyResolution, windows,
                NaiCrystal.DEFAULT_COVER_ALUMINIUM_MM, 0.0);
    }

    /** A copy with other detector layers: aluminium cover and backscatter compartment glass, mm. */
    public SpectCamera withDetectorLayers(double newCoverAluminiumMm, double newBackscatterGlassMm) {
        return new SpectCamera(collimator, backGapMm, crystalThicknessMm, intrinsicFwhmMm, energyResolution, windows,
                newCoverAluminiumMm, newBackscatterGlassMm);
    }

    /** The crystal with its cover and backscatter compartment, for the crystal Monte Carlo. */
    public NaiCrystal crystal() {
        return NaiCrystal.of(crystalThicknessMm, coverAluminiumMm, backscatterGlassMm);
    }

    /**
     * Distance from the collimator's back face to the crystal's front face, mm: the back gap is
     * measured to the crystal's mid-plane (its nominal mean interaction depth), so this is the back
     * gap less half the crystal, and never less than the cover (the cover lies in this gap).
     */
    public double crystalFrontGapMm() {
        return Math.max(coverAluminiumMm, backGapMm - 0.5 * crystalThicknessMm);
    }

    /** Lowest window edge, keV. */
    public double lowestWindowKeV() {
        double m = Double.POSITIVE_INFINITY;
        for (EnergyWindow w : windows) {
            m = Math.min(m, w.lowerKeV());
        }
        return m;
    }
}
