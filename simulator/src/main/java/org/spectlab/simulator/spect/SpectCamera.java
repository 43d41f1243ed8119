package org.spectlab.simulator.spect;

import java.util.List;
import java.util.Objects;
import org.spectlab.core.camera.CollimatorSpec;
import org.spectlab.core.error.InputException;
import org.spectlab.core.projection.EnergyWindow;
import org.spectlab.simulator.detector.EnergyResolution;

/**
 * The gamma camera as the simulation sees it: a parallel-hole collimator, the gap from its back face
 * to the mean interaction depth in the crystal, the NaI(Tl) crystal thickness, the intrinsic
 * spatial resolution, the energy resolution and the energy windows (the first window is the one
 * error estimates refer to, normally the photopeak).
 *
 * @param collimator        collimator geometry
 * @param backGapMm         collimator back face to mean interaction depth, mm (cover + half the crystal)
 * @param crystalThicknessMm NaI(Tl) thickness, mm (9.525 for 3/8")
 * @param intrinsicFwhmMm   intrinsic spatial resolution FWHM, mm
 * @param energyResolution  energy resolution model
 * @param windows           energy windows, at least one
 */
public record SpectCamera(CollimatorSpec collimator, double backGapMm, double crystalThicknessMm, double intrinsicFwhmMm,
                          EnergyResolution energyResolution, List<EnergyWindow> windows) {

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
    }

    /** A camera. */
    public static SpectCamera of(CollimatorSpec collimator, double backGapMm, double crystalThicknessMm,
                                 double intrinsicFwhmMm, EnergyResolution energyResolution, List<EnergyWindow> windows) {
        return new SpectCamera(collimator, backGapMm, crystalThicknessMm, intrinsicFwhmMm, energyResolution, windows);
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
