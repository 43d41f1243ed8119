package org.spectlab.simulator.collimator;

import org.spectlab.simulator.run.BatchRange;
import org.spectlab.simulator.run.BatchRunner;

/**
 * Planar camera quality control by Monte Carlo, after NEMA NU 1 (Performance Measurements of Gamma
 * Cameras): system sensitivity, line-spread FWHM/FWTM and energy resolution of a collimator/detector
 * pair, from a point source in air at a given distance ({@link PointSourceSimulation}).
 *
 * <p>Differences from the NEMA procedure: the sensitivity source is a point (NEMA uses a 10 cm
 * dish; in air they agree for a source well inside the field of view); the LSF is the point-source
 * image summed along one axis (equal to the image of a line source in air); no background or dead
 * time. With {@link QcMedium#PMMA} the source sits in NEMA NU 1's "system spatial resolution with
 * scatter" medium ({@code ScatterSlab}: the 100 mm gap to the collimator filled with acrylic and 50
 * mm of acrylic behind the source; {@link QcMedium#WATER} is the same slab of water); the result then
 * also holds the scatter fraction in the window. With the {@link CollimatorModel#GEOMETRIC} model
 * collimator scatter is not modelled (reported as 0); with {@link CollimatorModel#MONTE_CARLO} penetration, septal scatter and lead x-rays come
 * from {@link CollimatorTransport} and the energy deposit from the crystal response. The energy
 * FWHM is measured on the spectrum inside the energy window (lead x-ray peaks lie outside). The image
 * pixel is 1/10 of the classical system FWHM (the NEMA limit: finer pixels hold fewer counts, and
 * the noisy maximum biases the parabolic peak up and the width down), over ±8 FWHM; a width whose
 * level the profile does not reach inside the image (heavy penetration) is reported as NaN.
 */
public final class CameraQc {
    private static final int MAX_BATCHES = 64;
    private static final int MIN_HISTORIES_PER_BATCH = 10_000;
    private static final int IMAGE_PIXELS = 161;

    private CameraQc() {
    }

    /** Runs the measurement. */
    public static CameraQcResult measure(CameraQcRequest r, BatchRunner.ProgressListener progress) {
        PointSourceSetup setup = setup(r);
        long batches = batches(r);
        PointSourceResult res = PointSourceSimulation.run(setup, r.seed(), BatchRange.of(0, batches), r.threads(),
                progress);
        double perMBq = 1e6 * r.photonsPerDecay();
        double[] lx = res.lsfX();
        double[] ly = res.lsfY();
        double px = setup.pixelMm();
        double fwhm = 0.5 * (Profiles.widthAtFractionOrNaN(lx, px, 0.5) + Profiles.widthAtFractionOrNaN(ly, px, 0.5));
        double fwtm = 0.5 * (Profiles.widthAtFractionOrNaN(lx, px, 0.1) + Profiles.widthAtFractionOrNaN(ly, px, 0.1));
        double windowTotal = res.windowGeometric() + res.windowPenetration() + res.windowCollimatorScatter();
        double fGeo = windowTotal > 0 ? res.windowGeometric() / windowTotal : 0;
        double fPen = windowTotal > 0 ? res.windowPenetration() / windowTotal : 0;
        double fSca = windowTotal > 0 ? res.windowCollimatorScatter() / windowTotal : 0;
        double fMed = windowTotal > 0 ? res.windowMediumScatter() / windowTotal : 0;
        double[] inWindow = res.spectrum().clone();
        for (int i = 0; i < inWindow.length; i++) {
            double centre = (i + 0.5) * setup.spectrumBinKeV();
            if (!r.window().contains(centre)) {
                inWindow[i] = 0;
            }
        }
        double eFwhm = Profiles.widthAtFractionOrNaN(inWindow, setup.spectrumBinKeV(), 0.5);
        double analytic = GeometricResponse.of(setup.holes(), r.backGapMm()).efficiency();
        return new CameraQcResult(res.windowEfficiency() * perMBq, res.windowEfficiencyStdError() * perMBq, fwhm, fwtm,
                fGeo, fPen, fSca, fMed, eFwhm, analytic, res.histories());
    }

    /**
     * In-window planar sensitivity of a source emitting several lines, cps/MBq, with the Monte Carlo
     * collimator model: for each line a point-source run as {@code base} describes it (window,
     * camera, distance, medium; its energy and yield are replaced by the line's), summed with the
     * line yields. Photons of a line above the window count in it through penetration, septal and
     * crystal scatter and lead x-rays; lines more than 5 σ of the energy resolution below the
     * window's lower edge cannot reach it and are skipped. Line l runs with seed
     * {@code base.seed() * 1000003 + l} and {@code base.histories()} photons.
     *
     * @param energiesKeV line energies, keV
     * @param yields      photons per decay of each line
     * @return {sensitivity, its Monte Carlo standard error}, cps/MBq
     */
    public static double[] lineSumSensitivityCpsPerMBq(CameraQcRequest base, double[] energiesKeV, double[] yields) {
        if (base.collimatorModel() != CollimatorModel.MONTE_CARLO) {
            throw new IllegalArgumentException("the line sum runs the monte-carlo collimator model (its lead tables "
                    + "hold at every line energy)");
        }
        double lower = base.window().lowerKeV();
        double sum = 0;
        double variance = 0;
        for (int l = 0; l < energiesKeV.length; l++) {
            double e = energiesKeV[l];
            if (e + 5 * base.resolution().sigmaKeV(e) < lower) {
                continue;
            }
            PointSourceSetup s = setup(base, e);
            PointSourceResult res = PointSourceSimulation.run(s, base.seed() * 1_000_003L + l,
                    BatchRange.of(0, batches(base)), base.threads(), BatchRunner.ProgressListener.NONE);
            sum += 1e6 * yields[l] * res.windowEfficiency();
            double se = 1e6 * yields[l] * res.windowEfficiencyStdError();
            variance += se * se;
        }
        return new double[] {sum, Math.sqrt(variance)};
    }

    /** The point-source setup a request runs (image and spectrum sampling chosen from the physics). */
    public static PointSourceSetup setup(CameraQcRequest r) {
        return setup(r, r.energyKeV());
    }

    /** The setup of a request with another photon energy, keV. */
    private static PointSourceSetup setup(CameraQcRequest r, double energyKeV) {
        HexagonalHoleArray holes = HexagonalHoleArray.of(r.collimator());
        GeometricResponse g = GeometricResponse.of(holes, r.backGapMm());
        double fwhm = g.formulaSystemFwhmMm(r.distanceMm(), r.intrinsicFwhmMm());
        double pixel = fwhm / 10.0;
        double spectrumBin = r.resolution().fwhmKeV(energyKeV) / 20.0;
        long batches = batches(r);
        boolean mc = r.collimatorModel() == CollimatorModel.MONTE_CARLO;
        PointSourceSetup s = PointSourceSetup.of(holes, r.backGapMm(), r.distanceMm(), energyKeV,
                r.leadMuPerMm(), r.intrinsicFwhmMm(), r.resolution(), r.window(), r.detectorHalfWidthMm(),
                IMAGE_PIXELS, pixel, spectrumBin, 1);
        if (mc) {
            s = s.withMonteCarlo(r.crystalThicknessMm(), true);
        }
        s = s.withDetectorLayers(r.coverAluminiumMm(), r.backscatterGlassMm()).withMedium(r.medium());
        int strata = PointSourceStrata.count(s);
        int perBatch = (int) Math.max(1, r.histories() / (batches * strata));
        return s.withHistoriesPerBatch(perBatch);
    }

    /** Number of batches of a request: up to 64, at least 10⁴ histories each. */
    public static long batches(CameraQcRequest r) {
        return Math.max(1, Math.min(MAX_BATCHES, r.histories() / MIN_HISTORIES_PER_BATCH));
    }
}
