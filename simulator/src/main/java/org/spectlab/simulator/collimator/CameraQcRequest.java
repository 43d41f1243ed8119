package org.spectlab.simulator.collimator;

import java.util.Objects;
import org.spectlab.core.camera.CollimatorSpec;
import org.spectlab.core.error.InputException;
import org.spectlab.core.projection.EnergyWindow;
import org.spectlab.simulator.crystal.NaiCrystal;
import org.spectlab.simulator.detector.EnergyResolution;

/**
 * The inputs of a planar camera quality-control measurement ({@link CameraQc}).
 *
 * @param collimator          nominal collimator (hexagonal holes)
 * @param distanceMm          point source to collimator face, mm (NEMA NU 1 uses 100 mm)
 * @param energyKeV           photon energy, keV
 * @param leadMuPerMm         linear attenuation coefficient of lead at that energy, 1/mm, supplied by
 *                            the caller from XCOM (e.g. 2.64 /mm at 140.5 keV); ∞ for ideal septa
 * @param intrinsicFwhmMm     intrinsic spatial resolution (FWHM), mm
 * @param resolution          energy resolution of the detector
 * @param window              energy window
 * @param photonsPerDecay     emission yield of the photon line (e.g. 0.885 for the 140.5 keV line of
 *                            Tc-99m, ENSDF); 1 gives the sensitivity per MBq of emitted photons
 * @param backGapMm           collimator back face to the mean interaction plane, mm
 * @param detectorHalfWidthMm half side of the square useful field of view, mm
 * @param histories           photons to simulate (approximately; rounded to whole batches)
 * @param seed                random seed
 * @param threads             worker threads (the result does not depend on it)
 * @param collimatorModel     how photons cross the collimator ({@link CollimatorModel}); the Monte
 *                            Carlo model uses its own XCOM lead tables, so {@code leadMuPerMm} then
 *                            only distinguishes ideal (∞) from real septa
 * @param crystalThicknessMm  NaI(Tl) thickness, mm (Monte Carlo model: crystal response)
 * @param coverAluminiumMm    aluminium cover in front of the crystal, mm (Monte Carlo model; default
 *                            {@link NaiCrystal#DEFAULT_COVER_ALUMINIUM_MM})
 * @param backscatterGlassMm  glass-equivalent backscatter compartment behind the crystal, mm (Monte
 *                            Carlo model; default 0, none)
 * @param medium              around the source: {@link QcMedium#AIR} (default) or {@link QcMedium#WATER}
 *                            (NEMA NU 1's with-scatter set-up; Monte Carlo model only)
 */
public record CameraQcRequest(CollimatorSpec collimator, double distanceMm, double energyKeV, double leadMuPerMm,
                              double intrinsicFwhmMm, EnergyResolution resolution, EnergyWindow window,
                              double photonsPerDecay, double backGapMm, double detectorHalfWidthMm, long histories,
                              long seed, int threads, CollimatorModel collimatorModel, double crystalThicknessMm,
                              double coverAluminiumMm, double backscatterGlassMm, QcMedium medium) {

    /** Validates the fields that {@link PointSourceSetup} does not. */
    public CameraQcRequest {
        Objects.requireNonNull(collimator, "collimator");
        Objects.requireNonNull(collimatorModel, "collimatorModel");
        Objects.requireNonNull(resolution, "resolution");
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(medium, "medium");
        if (!(photonsPerDecay > 0) || photonsPerDecay > 10) {
            throw InputException.field("photons per decay", "must be in (0, 10], got " + photonsPerDecay);
        }
        if (histories < 1000 || histories > 100_000_000_000L) {
            throw InputException.field("histories", "must be 1000 to 1e11, got " + histories);
        }
        if (threads < 1 || threads > 1024) {
            throw InputException.field("threads", "must be 1 to 1024, got " + threads);
        }
        if (!window.contains(energyKeV)) {
            throw InputException.field("energy window", "[" + window.lowerKeV() + ", " + window.upperKeV()
                    + ") keV does not contain the photon energy " + energyKeV + " keV");
        }
    }

    /** A request with the default detector layers (1 mm aluminium cover, no backscatter compartment). */
    public CameraQcRequest(CollimatorSpec collimator, double distanceMm, double energyKeV, double leadMuPerMm,
                           double intrinsicFwhmMm, EnergyResolution resolution, EnergyWindow window,
                           double photonsPerDecay, double backGapMm, double detectorHalfWidthMm, long histories,
                           long seed, int threads, CollimatorModel collimatorModel, double crystalThicknessMm) {
        this(collimator, distanceMm, energyKeV, leadMuPerMm, intrinsicFwhmMm, resolution, window, photonsPerDecay,
                backGapMm, detectorHalfWidthMm, histories, seed, threads, collimatorModel, crystalThicknessMm,
                NaiCrystal.DEFAULT_COVER_ALUMINIUM_MM, 0.0, QcMedium.AIR);
    }

    /** A request with the {@link CollimatorModel#GEOMETRIC} model and a 3/8 inch crystal. */
    public CameraQcRequest(CollimatorSpec collimator, double distanceMm, double energyKeV, double leadMuPerMm,
                           double intrinsicFwhmMm, EnergyResolution resolution, EnergyWindow window,
                           double photonsPerDecay, double backGapMm, double detectorHalfWidthMm, long histories,
                           long seed, int threads) {
        this(collimator, distanceMm, energyKeV, leadMuPerMm, intrinsicFwhmMm, resolution, window, photonsPerDecay,
                backGapMm, detectorHalfWidthMm, histories, seed, threads, CollimatorModel.GEOMETRIC,
                PointSourceSetup.DEFAULT_CRYSTAL_MM);
    }

    /**
     * A request with the NEMA NU 1 / clinical defaults: source at 100 mm, intrinsic FWHM 3.6 mm,
     * energy resolution 9.9 % FWHM at 140.5 keV scaled as sqrt(E) (typical NaI(Tl) camera
     * specification, e.g. Siemens Symbia: ≤ 9.9 % at 140 keV), 20 % window centred on the energy,
     * yield 1, back gap 0, 400 mm square field of view, 2 × 10⁶ histories, seed 1, one thread,
     * geometric collimator model.
     */
    public static CameraQcRequest defaults(CollimatorSpec collimator, double energyKeV, double leadMuPerMm) {
        return new CameraQcRequest(collimator, 100.0, energyKeV, leadMuPerMm, 3.6,
                EnergyResolution.sqrtLaw(0.099, 140.5), EnergyWindow.centred("photopeak", energyKeV, 20.0),
                1.0, 0.0, 200.0, 2_000_000L, 1L, 1);
    }

    /** A copy with another source distance, mm. */
    public CameraQcRequest withDistanceMm(double d) {
        return new CameraQcRequest(collimator, d, energyKeV, leadMuPerMm, intrinsicFwhmMm, resolution, window,
                photonsPerDecay, backGapMm, detectorHalfWidthMm, histories, seed, threads, collimatorModel,
                crystalThicknessMm, coverAluminiumMm, backscatterGlassMm, medium);
    }

    /** A copy with another history count, seed and thread count. */
    public CameraQcRequest withRun(long newHistories, long newSeed, int newThreads) {
        return new CameraQcRequest(collimator, distanceMm, energyKeV, leadMuPerMm, intrinsicFwhmMm, resolution,
                window, photonsPerDecay, backGapMm, detectorHalfWidthMm, newHistories, newSeed, newThreads,
                collimatorModel, crystalThicknessMm, coverAluminiumMm, backscatterGlassMm, medium);
    }

    /** A copy with another intrinsic FWHM, mm. */
    public CameraQcRequest withIntrinsicFwhmMm(double f) {
        return new CameraQcRequest(collimator, distanceMm, energyKeV, leadMuPerMm, f, resolution, window,
                photonsPerDecay, backGapMm, detectorHalfWidthMm, histories, seed, threads, collimatorModel,
                crystalThicknessMm, coverAluminiumMm, backscatterGlassMm, medium);
    }

    /** A copy with other detector layers: aluminium cover and backscatter glass, mm. */
    public CameraQcRequest withDetectorLayers(double newCoverAluminiumMm, double newBackscatterGlassMm) {
        return new CameraQcRequest(collimator, distanceMm, energyKeV, leadMuPerMm, intrinsicFwhmMm, resolution, window,
                photonsPerDecay, backGapMm, detectorHalfWidthMm, histories, seed, threads, collimatorModel,
                crystalThicknessMm, newCoverAluminiumMm, newBackscatterGlassMm, medium);
    }

    /** A copy with another medium around the source. */
    public CameraQcRequest withMedium(QcMedium newMedium) {
        return new CameraQcRequest(collimator, distanceMm, energyKeV, leadMuPerMm, intrinsicFwhmMm, resolution, window,
                photonsPerDecay, backGapMm, detectorHalfWidthMm, histories, seed, threads, collimatorModel,
                crystalThicknessMm, coverAluminiumMm, backscatterGlassMm, newMedium);
    }

    /** A copy with another collimator model. */
    public CameraQcRequest withCollimatorModel(CollimatorModel model) {
        return new CameraQcRequest(collimator, distanceMm, energyKeV, leadMuPerMm, intrinsicFwhmMm, resolution, window,
                photonsPerDecay, backGapMm, detectorHalfWidthMm, histories, seed, threads, model, crystalThicknessMm,
                coverAluminiumMm, backscatterGlassMm, medium);
    }
}
