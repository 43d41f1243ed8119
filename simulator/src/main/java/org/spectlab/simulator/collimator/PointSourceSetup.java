package org.spectlab.simulator.collimator;

import java.util.Objects;
import org.spectlab.core.error.InputException;
import org.spectlab.core.projection.EnergyWindow;
import org.spectlab.simulator.crystal.NaiCrystal;
import org.spectlab.simulator.detector.EnergyResolution;

/**
 * A planar acquisition of a monoenergetic point source in air in front of a parallel-hole
 * collimator (NEMA NU 1-style sensitivity and spread-function measurement).
 *
 * <p>The source lies on the collimator axis at {@code distanceMm} from the face; the lattice position
 * relative to the source is random per photon (the lattice-averaged response). The caller supplies
 * the linear attenuation coefficient of lead at the photon energy, e.g. from the XCOM tables
 * (μ/ρ = 2.33 cm²/g at 140.5 keV × 11.35 g/cm³ = 2.64 /mm); {@code Double.POSITIVE_INFINITY} models
 * ideal black septa.
 *
 * @param holes               collimator lattice
 * @param backGapMm           back face of the collimator to the image plane (mean interaction depth), mm
 * @param distanceMm          source to collimator face, mm
 * @param energyKeV           photon energy, keV
 * @param leadMuPerMm         linear attenuation coefficient of the septa at that energy, 1/mm (∞: ideal)
 * @param intrinsicFwhmMm     FWHM of the detector's intrinsic Gaussian blur, mm
 * @param resolution          energy resolution of the detector
 * @param window              the energy window counted in the image and sensitivity
 * @param detectorHalfWidthMm half side of the square useful field of view, mm (photons landing
 *                            outside are lost)
 * @param imagePixels         side of the square image tally, pixels (pixel i centred at
 *                            (i - (n-1)/2)·pixelMm from the source's projection)
 * @param pixelMm             image pixel size, mm
 * @param spectrumBinKeV      bin width of the energy spectrum tally (from 0 to 2 E), keV
 * @param historiesPerBatch   photons emitted per batch into each sampled solid-angle stratum
 * @param collimatorModel     {@link CollimatorModel#GEOMETRIC}: straight rays weighted by exp(-μL)
 *                            through lead, full-energy deposit; {@link CollimatorModel#MONTE_CARLO}:
 *                            {@link CollimatorTransport} through the septa (its own XCOM lead
 *                            tables; {@code leadMuPerMm} = ∞ selects the black-septa limit, a finite
 *                            value only says the septa are penetrable) and the deposited energy
 *                            sampled from a {@link org.spectlab.simulator.crystal.CrystalResponse}
 * @param crystalThicknessMm  NaI(Tl) thickness, mm (used by the Monte Carlo model)
 * @param leadFluorescence    whether the Monte Carlo model emits lead K x-rays
 * @param coverAluminiumMm    aluminium cover in front of the crystal, mm (Monte Carlo model; default
 *                            {@link NaiCrystal#DEFAULT_COVER_ALUMINIUM_MM})
 * @param backscatterGlassMm  glass-equivalent backscatter compartment behind the crystal, mm (Monte
 *                            Carlo model; default 0, none)
 * @param medium              around the source: {@link QcMedium#AIR} (default) or
 *                            {@link QcMedium#PMMA} / {@link QcMedium#WATER} (the scattering slab of
 *                            {@link QcMedium}; needs the Monte Carlo model)
 */
public record PointSourceSetup(HexagonalHoleArray holes, double backGapMm, double distanceMm, double energyKeV,
                               double leadMuPerMm, double intrinsicFwhmMm, EnergyResolution resolution,
                               EnergyWindow window, double detectorHalfWidthMm, int imagePixels, double pixelMm,
                               double spectrumBinKeV, int historiesPerBatch, CollimatorModel collimatorModel,
                               double crystalThicknessMm, boolean leadFluorescence, double coverAluminiumMm,
                               double backscatterGlassMm, QcMedium medium) {

    /** NaI(Tl) thickness of the default setup, 3/8 inch, mm. */
    public static final double DEFAULT_CRYSTAL_MM = 9.525;

    /** Validates every field (bad values throw {@link InputException} naming the field). */
    public PointSourceSetup {
        Objects.requireNonNull(holes, "holes");
        Objects.requireNonNull(collimatorModel, "collimatorModel");
        check("crystal thickness (mm)", crystalThicknessMm > 0 && crystalThicknessMm <= 100, crystalThicknessMm);
        Objects.requireNonNull(resolution, "resolution");
        Objects.requireNonNull(window, "window");
        check("back gap (mm)", backGapMm >= 0 && backGapMm < 1000, backGapMm);
        check("distance (mm)", distanceMm >= 0 && distanceMm < 10_000, distanceMm);
        check("energy (keV)", energyKeV > 0 && energyKeV <= 10_000, energyKeV);
        check("mu of lead (1/mm)", leadMuPerMm > 0, leadMuPerMm);
        check("intrinsic FWHM (mm)", intrinsicFwhmMm >= 0 && intrinsicFwhmMm < 100, intrinsicFwhmMm);
        check("detector half width (mm)", detectorHalfWidthMm > 0 && detectorHalfWidthMm < 10_000, detectorHalfWidthMm);
        check("image pixels", imagePixels >= 3 && imagePixels <= 4096, imagePixels);
        check("pixel size (mm)", pixelMm > 0 && pixelMm < 100, pixelMm);
        check("spectrum bin (keV)", spectrumBinKeV > 0 && spectrumBinKeV <= energyKeV, spectrumBinKeV);
        check("histories per batch", historiesPerBatch >= 1, historiesPerBatch);
        check("cover aluminium (mm)", coverAluminiumMm >= 0 && coverAluminiumMm <= 10, coverAluminiumMm);
        check("backscatter glass (mm)", backscatterGlassMm >= 0 && backscatterGlassMm <= 200, backscatterGlassMm);
        Objects.requireNonNull(medium, "medium");
        if (medium.scatters() && collimatorModel != CollimatorModel.MONTE_CARLO) {
            throw InputException.field("medium", medium.key() + " needs the monte-carlo collimator model (photons "
                    + "scattered in the medium reach the collimator from every direction)");
        }
    }

    /** A setup with the default detector layers (see the record components). */
    public PointSourceSetup(HexagonalHoleArray holes, double backGapMm, double distanceMm, double energyKeV,
                            double leadMuPerMm, double intrinsicFwhmMm, EnergyResolution resolution,
                            EnergyWindow window, double detectorHalfWidthMm, int imagePixels, double pixelMm,
                            double spectrumBinKeV, int historiesPerBatch, CollimatorModel collimatorModel,
                            double crystalThicknessMm, boolean leadFluorescence) {
        this(holes, backGapMm, distanceMm, energyKeV, leadMuPerMm, intrinsicFwhmMm, resolution, window,
                detectorHalfWidthMm, imagePixels, pixelMm, spectrumBinKeV, historiesPerBatch, collimatorModel,
                crystalThicknessMm, leadFluorescence, NaiCrystal.DEFAULT_COVER_ALUMINIUM_MM, 0.0, QcMedium.AIR);
    }

    /** A setup with the {@link CollimatorModel#GEOMETRIC} model (see the record components). */
    public static PointSourceSetup of(HexagonalHoleArray holes, double backGapMm, double distanceMm, double energyKeV,
                                      double leadMuPerMm, double intrinsicFwhmMm, EnergyResolution resolution,
                                      EnergyWindow window, double detectorHalfWidthMm, int imagePixels,
                                      double pixelMm, double spectrumBinKeV, int historiesPerBatch) {
        return new PointSourceSetup(holes, backGapMm, distanceMm, energyKeV, leadMuPerMm, intrinsicFwhmMm,
                resolution, window, detectorHalfWidthMm, imagePixels, pixelMm, spectrumBinKeV, historiesPerBatch,
                CollimatorModel.GEOMETRIC, DEFAULT_CRYSTAL_MM, true);
    }

    /** A copy that uses the Monte Carlo collimator model with this crystal and fluorescence choice. */
    public PointSourceSetup withMonteCarlo(double newCrystalThicknessMm, boolean newLeadFluorescence) {
        return new PointSourceSetup(holes, backGapMm, distanceMm, energyKeV, leadMuPerMm, intrinsicFwhmMm, resolution,
                window, detectorHalfWidthMm, imagePixels, pixelMm, spectrumBinKeV, historiesPerBatch,
                CollimatorModel.MONTE_CARLO, newCrystalThicknessMm, newLeadFluorescence, coverAluminiumMm,
                backscatterGlassMm, medium);
    }

    /** A copy with other detector layers (aluminium cover, backscatter glass), mm. */
    public PointSourceSetup withDetectorLayers(double newCoverAluminiumMm, double newBackscatterGlassMm) {
        return new PointSourceSetup(holes, backGapMm, distanceMm, energyKeV, leadMuPerMm, intrinsicFwhmMm, resolution,
                window, detectorHalfWidthMm, imagePixels, pixelMm, spectrumBinKeV, historiesPerBatch, collimatorModel,
                crystalThicknessMm, leadFluorescence, newCoverAluminiumMm, newBackscatterGlassMm, medium);
    }

    /** A copy with another number of photons per batch and stratum. */
    public PointSourceSetup withHistoriesPerBatch(int newHistoriesPerBatch) {
        return new PointSourceSetup(holes, backGapMm, distanceMm, energyKeV, leadMuPerMm, intrinsicFwhmMm, resolution,
                window, detectorHalfWidthMm, imagePixels, pixelMm, spectrumBinKeV, newHistoriesPerBatch,
                collimatorModel, crystalThicknessMm, leadFluorescence, coverAluminiumMm, backscatterGlassMm, medium);
    }

    /** A copy with the source at another distance from the collimator face, mm. */
    public PointSourceSetup withDistanceMm(double newDistanceMm) {
        return new PointSourceSetup(holes, backGapMm, newDistanceMm, energyKeV, leadMuPerMm, intrinsicFwhmMm,
                resolution, window, detectorHalfWidthMm, imagePixels, pixelMm, spectrumBinKeV, historiesPerBatch,
                collimatorModel, crystalThicknessMm, leadFluorescence, coverAluminiumMm, backscatterGlassMm, medium);
    }

    /** A copy with another medium around the source. */
    public PointSourceSetup withMedium(QcMedium newMedium) {
        return new PointSourceSetup(holes, backGapMm, distanceMm, energyKeV, leadMuPerMm, intrinsicFwhmMm, resolution,
                window, detectorHalfWidthMm, imagePixels, pixelMm, spectrumBinKeV, historiesPerBatch, collimatorModel,
                crystalThicknessMm, leadFluorescence, coverAluminiumMm, backscatterGlassMm, newMedium);
    }

    /** True when the source sits in a scattering medium (water or PMMA). */
    public boolean scatterMedium() {
        return medium.scatters();
    }

    /** The crystal with its cover and backscatter compartment (Monte Carlo model). */
    public NaiCrystal crystal() {
        return NaiCrystal.of(crystalThicknessMm, coverAluminiumMm, backscatterGlassMm);
    }

    /** True for the Monte Carlo collimator model. */
    public boolean monteCarlo() {
        return collimatorModel == CollimatorModel.MONTE_CARLO;
    }

    /** True when the septa are ideal black absorbers (μ = ∞). */
    public boolean idealSepta() {
        return leadMuPerMm == Double.POSITIVE_INFINITY;
    }

    /** Number of spectrum bins (0 to 2 E). */
    public int spectrumBins() {
        return (int) Math.ceil(2.0 * energyKeV / spectrumBinKeV);
    }

    /** Source-to-image-plane distance z + l + c, mm. */
    public double imageDistanceMm() {
        return distanceMm + holes.lengthMm() + backGapMm;
    }

    private static void check(String field, boolean ok, double value) {
        if (!ok || Double.isNaN(value)) {
            throw InputException.field(field, "out of range: " + value);
        }
    }
}
