package org.spectlab.simulator.collimator;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.spectlab.core.camera.CollimatorLibrary;
import org.spectlab.core.projection.EnergyWindow;
import org.spectlab.simulator.crystal.CrystalResponse;
import org.spectlab.simulator.crystal.NaiCrystal;
import org.spectlab.simulator.detector.EnergyResolution;
import org.spectlab.simulator.run.BatchRange;
import org.spectlab.simulator.run.BatchRunner;
import org.spectlab.simulator.run.TallySet;

/** The Monte Carlo collimator model in the planar point-source measurement. */
class PointSourceMonteCarloTest {
    private static final EnergyResolution RES = EnergyResolution.sqrtLaw(0.099, 140.5);

    private static PointSourceSetup setup(String preset, double energyKeV, double mu, int perBatch) {
        return PointSourceSetup.of(HexagonalHoleArray.of(CollimatorLibrary.get(preset)), 0.0, 100.0, energyKeV, mu,
                3.6, RES, EnergyWindow.centred("pp", energyKeV, 20), 200.0, 41, 1.0, RES.fwhmKeV(energyKeV) / 10,
                perBatch).withMonteCarlo(9.525, true);
    }

    @Test
    void blackSeptaLimitGivesTheExactGeometricEfficiency() {
        // μ → ∞ through the transport: the fraction reaching the crystal is the lattice-averaged
        // geometric efficiency (GeometricResponse, exact integral); z-test with the run's own SE
        PointSourceSetup s = setup("ge-legp", 140.5, Double.POSITIVE_INFINITY, 50_000);
        PointSourceResult r = PointSourceSimulation.run(s, 21L, BatchRange.of(0, 8), 2, BatchRunner.ProgressListener.NONE);
        double exact = GeometricResponse.of(s.holes(), 0).efficiency();
        double z = (r.detectedEfficiency() - exact) / r.detectedEfficiencyStdError();
        assertThat(Math.abs(z)).isLessThan(4.0);
        assertThat(r.detectedEfficiencyStdError() / exact).isLessThan(0.01);
        assertThat(r.windowPenetration()).isZero();
        assertThat(r.windowCollimatorScatter()).isZero();
    }

    @Test
    void talliesAreBitIdenticalForOneAndTwoThreads() {
        PointSourceSetup s = setup("siemens-me", 245.0, 1.0, 1_500);
        TallySet one = PointSourceSimulation.runTallies(s, 99L, BatchRange.of(0, 4), 1);
        TallySet two = PointSourceSimulation.runTallies(s, 99L, BatchRange.of(0, 4), 2);
        assertThat(one.sameAs(two)).isTrue();
    }

    @Test
    void fractionsAreOrderedByCollimatorDesignAndAddUp() {
        // published Monte Carlo values were not available to us (see report); sanity: the geometric
        // share dominates for LEHR at 140.5 keV (~95 % geometric reported for a Tc-99m LEHR by Cot
        // et al., IEEE NSS 2000, whose collimator differs), the HE collimator at 364.5 keV keeps more
        // non-geometric counts than LEHR at 140.5, collimator scatter is present wherever there is
        // penetration, and the three shares sum to 1
        CameraQcResult lehr = CameraQc.measure(CameraQcRequest.defaults(CollimatorLibrary.get("siemens-lehr"), 140.5,
                2.64).withRun(150_000, 5L, 2).withCollimatorModel(CollimatorModel.MONTE_CARLO),
                BatchRunner.ProgressListener.NONE);
        CameraQcResult he = CameraQc.measure(CameraQcRequest.defaults(CollimatorLibrary.get("siemens-he"), 364.5,
                0.315).withRun(150_000, 5L, 2).withCollimatorModel(CollimatorModel.MONTE_CARLO),
                BatchRunner.ProgressListener.NONE);
        for (CameraQcResult q : new CameraQcResult[] {lehr, he}) {
            assertThat(q.fractionGeometric() + q.fractionPenetration() + q.fractionCollimatorScatter())
                    .isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(q.fractionPenetration()).isPositive();
            assertThat(q.fractionCollimatorScatter()).isPositive();
        }
        assertThat(lehr.fractionGeometric()).isGreaterThan(0.85);
        assertThat(he.fractionGeometric()).isLessThan(lehr.fractionGeometric());
    }

    @Test
    void independentRunsAgreeWithinTheirStandardErrorsIncludingTheCrystalMatrix() {
        // I-131 364.5 keV through siemens-he: the window efficiency's standard error includes the
        // crystal response matrix's sampling error (a common factor of the run; in ResponseKernelTable's
        // set-up, 6.4e5 photons per run with 4000 photons per matrix row, two seeds differed by 6.1
        // combined transport-only standard errors). Three seed pairs, each with its own matrix:
        // |z| < 3.5 per pair (two-sided p 5e-4). The matrix part is small since the rows at the line
        // get CRYSTAL_HISTORIES_AT_LINE photons: ((1 - a)/(a n))^1/2 = 0.4 % for a window acceptance
        // a ~ 0.2 (measured 0.39-0.47 %), below 0.6 % (2.4 % with 4000 photons per row). These runs'
        // transport errors (2-4 %) dominate; the composition is checked exactly below.
        PointSourceSetup s = setup("siemens-he", 364.5, 0.315, 20_000); // lead μ at 364.5 keV, /mm (as CameraQcRequest)
        for (long seed : new long[] {41L, 51L, 61L}) {
            PointSourceResult a = PointSourceSimulation.run(s, seed, BatchRange.of(0, 4), 2,
                    BatchRunner.ProgressListener.NONE);
            PointSourceResult b = PointSourceSimulation.run(s, seed + 1, BatchRange.of(0, 4), 2,
                    BatchRunner.ProgressListener.NONE);
            double z = (a.windowEfficiency() - b.windowEfficiency())
                    / Math.hypot(a.windowEfficiencyStdError(), b.windowEfficiencyStdError());
            System.out.printf("seeds %d/%d: window efficiency %.4e +- %.2e (crystal matrix %.2e) vs %.4e +- %.2e, z %.2f%n",
                    seed, seed + 1, a.windowEfficiency(), a.windowEfficiencyStdError(),
                    a.windowEfficiencyCrystalStdError(), b.windowEfficiency(), b.windowEfficiencyStdError(), z);
            assertThat(Math.abs(z)).isLessThan(3.5);
            assertThat(a.windowEfficiencyCrystalStdError()).isPositive();
            assertThat(a.windowEfficiencyCrystalStdError() / a.windowEfficiency()).isLessThan(0.006);
            assertThat(a.windowEfficiencyStdError()).isGreaterThan(a.windowEfficiencyCrystalStdError());
        }
    }

    @Test
    void rareWideStrataArePilotedUntilSeenAndSeedsAgree() {
        // I-131 through siemens-he, camera-qc's default 2 M photons: photons 40-60 deg off axis reach
        // the field of view only after scattering in the septa (~1e-4 per photon, ~1e-5 in the
        // window). A 4000-photon pilot never saw them, so their stratum got the 10 % floor and a single
        // window hit then weighed ~9 % of the efficiency: over seeds 1-8 the old allocation gave
        // 35.4-40.3 cps/MBq (SD 4.2 %), reported errors 0.55-3.2; with pilot rounds 36.6-37.9 (SD
        // 1.3 %), errors 0.72-0.83. Here: the stratum holding 45 deg gets more than 5x the floor,
        // and four seeds agree by chi-square about their inverse-variance mean (3 dof, below the
        // 0.1 % critical value 16.27) with a spread below 3 % of the mean (measured 1.78 %).
        double[] eff = new double[4];
        double[] se = new double[4];
        for (int i = 0; i < 4; i++) {
            long seed = 101L + i;
            CameraQcRequest r = CameraQcRequest.defaults(CollimatorLibrary.get("siemens-he"), 364.5, 0.315)
                    .withRun(2_000_000, seed, 2).withCollimatorModel(CollimatorModel.MONTE_CARLO);
            PointSourceSetup s = CameraQc.setup(r);
            if (i == 0) {
                int[] n = PointSourceSimulation.Prepared.of(s, seed).historiesPerStratum();
                int floor = Math.max(1, (int) (0.10 * s.historiesPerBatch()));
                double cos45 = Math.sqrt(0.5);
                for (int k = 0; k < n.length; k++) {
                    double[] c = PointSourceStrata.cosines(s, k);
                    if (c[0] <= cos45 && cos45 < c[1]) {
                        assertThat(n[k]).as("photons per batch in stratum %d (floor %d)", k, floor)
                                .isGreaterThan(5 * floor);
                    }
                }
            }
            PointSourceResult res = PointSourceSimulation.run(s, seed, BatchRange.of(0, CameraQc.batches(r)), 2,
                    BatchRunner.ProgressListener.NONE);
            eff[i] = res.windowEfficiency();
            se[i] = res.windowEfficiencyStdError();
        }
        double sw = 0;
        double swx = 0;
        for (int i = 0; i < 4; i++) {
            sw += 1 / (se[i] * se[i]);
            swx += eff[i] / (se[i] * se[i]);
        }
        double mean = swx / sw;
        double chi2 = 0;
        double m = 0;
        for (int i = 0; i < 4; i++) {
            chi2 += Math.pow((eff[i] - mean) / se[i], 2);
            m += eff[i] / 4;
        }
        double ss = 0;
        for (int i = 0; i < 4; i++) {
            ss += (eff[i] - m) * (eff[i] - m);
        }
        double spread = Math.sqrt(ss / 3) / m;
        System.out.printf("HE I-131, 4 seeds: %s, SE %s, chi2 %.2f/3, spread %.2f %%%n",
                java.util.Arrays.toString(eff), java.util.Arrays.toString(se), chi2, 100 * spread);
        assertThat(chi2).isLessThan(16.27);
        assertThat(spread).isLessThan(0.03);
    }

    @Test
    void crystalMatrixErrorIsTheLineRowsErrorTimesTheWeightReachingTheCrystal() {
        // LEHR at 140.5 keV in air: nearly every photon reaching the crystal is geometric or
        // penetrating at the line energy, on one matrix row, so the matrix part of the window
        // efficiency's error is sqrt(var_row) x (fraction of the detected efficiency on that row):
        // between 0.85 and 1 times sqrt(var_row) x detected efficiency (measured 0.907: collimator
        // scatter and lead x-rays reaching the crystal at any energy, ~9 % of the reached weight, sit
        // on other rows whose window acceptance is near 0 or 1 and add almost nothing). Weighting the
        // rows by the in-window instead of the reached weight would give ~0.75 and fail.
        PointSourceSetup s = setup("siemens-lehr", 140.5, 2.64, 20_000);
        long seed = 71L;
        PointSourceResult r = PointSourceSimulation.run(s, seed, BatchRange.of(0, 2), 2,
                BatchRunner.ProgressListener.NONE);
        CrystalResponse crystal = PointSourceSimulation.Prepared.of(s, seed).crystal();
        double rowSd = Math.sqrt(crystal.windowAcceptanceVariance(RES, s.window())[crystal.energyIndex(140.5)]);
        double ratio = r.windowEfficiencyCrystalStdError() / (rowSd * r.detectedEfficiency());
        System.out.printf("LEHR 140.5 keV: crystal-matrix SE %.3e, row SD x detected efficiency %.3e, ratio %.4f%n",
                r.windowEfficiencyCrystalStdError(), rowSd * r.detectedEfficiency(), ratio);
        assertThat(ratio).isBetween(0.85, 1.0 + 1e-9);
    }

    @Test
    void leadKxRayPeaksAppearInTheI131SpectrumThroughAHighEnergyCollimator() {
        // I-131 364.5 keV from a point source at 100 mm through siemens-he, directions within 4x the
        // geometric acceptance cone, lattice shifted per photon; detected with the NaI response and
        // the energy resolution (FWHM ~10 keV at 75 keV).
        double e0 = 364.5;
        HexagonalHoleArray holes = HexagonalHoleArray.of(CollimatorLibrary.get("siemens-he"));
        CrystalResponse crystal = CrystalResponse.simulate(NaiCrystal.of(9.525), 5.0, e0 + 2, 1.0, 3000, 7L);
        double[] xrayLines = new double[2];
        double[][] spectra = spectrum(CollimatorTransport.of(holes, e0 + 1, true), crystal, e0, xrayLines);
        double[] total = spectra[0];
        double[] xray = spectra[1];
        // Robust peak tests (the maximum bin alone once wandered to 71 keV), all with Pearson weights
        // from the run's own counts. (1) The detected lead x-rays alone, fitted by the Kα doublet and
        // the Kβ group at their tabulated energies with the camera's resolution: each amplitude above
        // 3 of its standard errors (one-sided p < 0.0014 that a missing group would pass).
        LeadXrayPeakFit component = LeadXrayPeakFit.fit(xray, 60, 100, RES, false);
        double zAlpha = component.params[3] / component.stdErrors[3];
        double zBeta = component.params[4] / component.stdErrors[4];
        // (2) The total spectrum from 55 to 110 keV, fitted by a quadratic background (the crystal's
        // Compton continuum of 364.5 keV photons, septal scatter) plus both groups: their summed
        // amplitude stands out (z > 3) and agrees with the x-ray-only fit (|z| < 3, conservative since
        // both estimates share the x-ray counts); chi-square below its 0.1 % critical value (dof 50).
        LeadXrayPeakFit seen = LeadXrayPeakFit.fit(total, 55, 110, RES);
        double[] seenSum = seen.sumAndStdError();
        double[] componentSum = component.sumAndStdError();
        System.out.printf("HE I-131: x-rays alone Kα %.0f ± %.0f (z %.1f), Kβ %.0f ± %.0f (z %.1f); total spectrum"
                + " Kα+Kβ %.0f ± %.0f, chi2 %.1f/%d; unscattered x-rays leaving the collimator: Kα %.0f, Kβ %.0f%n",
                component.params[3], component.stdErrors[3], zAlpha, component.params[4], component.stdErrors[4],
                zBeta, seenSum[0], seenSum[1], seen.chiSquare, seen.dof, xrayLines[0], xrayLines[1]);
        assertThat(zAlpha).isGreaterThan(3.0);
        assertThat(zBeta).isGreaterThan(3.0);
        assertThat(seenSum[0] / seenSum[1]).isGreaterThan(3.0);
        assertThat(Math.abs(seenSum[0] - componentSum[0]) / Math.hypot(seenSum[1], componentSum[1])).isLessThan(3.0);
        assertThat(seen.chiSquare).isLessThan(86.7);
        // Kβ lines leave the collimator too: emitted share 0.215 (43.8/203.4); less self-absorbed
        // than Kα (lower μ of lead at 85-87 keV), so the escaping share is higher, below 0.4
        double kbShare = xrayLines[1] / (xrayLines[0] + xrayLines[1]);
        assertThat(xrayLines[0]).isGreaterThan(30);
        assertThat(kbShare).isBetween(0.15, 0.40);
    }

    /**
     * Measured spectra (1 keV bins) of all detected photons and of the lead x-rays among them;
     * {@code lines} counts unscattered Kα and Kβ x-rays leaving the back face.
     */
    private static double[][] spectrum(CollimatorTransport t, CrystalResponse crystal, double e0, double[] lines) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(31L);
        EnergyResolution.Sampler energy = RES.sampler(rng);
        CollimatorTransport.Photon p = CollimatorTransport.photon();
        double tanMax = 4 * t.holes().maxAcceptanceTan();
        double cosMin = 1 / Math.sqrt(1 + tanMax * tanMax);
        double[] a = new double[2];
        double[] b = new double[2];
        t.holes().latticeVector(0, a);
        t.holes().latticeVector(1, b);
        double[] spec = new double[400];
        double[] xray = new double[400];
        for (int h = 0; h < 2_000_000; h++) {
            double dz = cosMin + (1 - cosMin) * rng.nextDouble();
            double sin = Math.sqrt(1 - dz * dz);
            double phi = 2 * Math.PI * rng.nextDouble();
            double r1 = rng.nextDouble();
            double r2 = rng.nextDouble();
            double dx = sin * Math.cos(phi);
            double dy = sin * Math.sin(phi);
            p.startAtFrontFace(r1 * a[0] + r2 * b[0] + 100 * dx / dz, r1 * a[1] + r2 * b[1] + 100 * dy / dz, dx, dy,
                    dz, e0);
            if (t.transport(p, rng) != CollimatorTransport.EXIT_BACK) {
                continue;
            }
            double ex = p.energyKeV();
            if (p.leadXray() && !p.scattered()) {
                lines[ex > 80 ? 1 : 0]++;
            }
            double d = crystal.sampleDepositKeV(ex, rng);
            if (d > 0) {
                int bin = (int) energy.measuredKeV(d);
                if (bin >= 0 && bin < spec.length) {
                    spec[bin]++;
                    if (p.leadXray()) {
                        xray[bin]++;
                    }
                }
            }
        }
        return new double[][] {spec, xray};
    }
}
