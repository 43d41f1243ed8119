package org.spectlab.simulator.spect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.spectlab.core.camera.CollimatorLibrary;
import org.spectlab.core.projection.EnergyWindow;
import org.spectlab.simulator.collimator.CollimatorModel;
import org.spectlab.simulator.collimator.CollimatorTransport;
import org.spectlab.simulator.collimator.PointSourceSetup;
import org.spectlab.simulator.collimator.ResponseKernelTable;
import org.spectlab.simulator.detector.EnergyResolution;
import org.spectlab.simulator.run.BatchRange;
import org.spectlab.simulator.run.BatchRunner;

/**
 * Forced detection with the Monte Carlo collimator ({@link SeptalResponse}) against the analog
 * engine with the same collimator model: I-131 (lines of ≥ 1 % yield above 50 keV from the
 * nuclide data, DDEP: 80.2, 284.3, 364.5, 637.0, 722.9 keV) from one 6 mm voxel 24 mm off the axis
 * of a 100 mm water cylinder, the Siemens high-energy collimator (septal penetration and
 * collimator scatter are ~50 % and ~35 % of the geometric counts in the photopeak window here:
 * the 637 and 723 keV lines penetrate and scatter into it), anterior and posterior views (source
 * 93 and 147 mm from the face) of 24 x 24 pixels of 6 mm, 20 % window at 364.5 keV.
 *
 * <p>Statistics: the analog run (60 million histories, ~2700 window counts) gives every count the
 * same weight w, so the variance of a sum of counts is w times it. Forced detection's variance:
 * for patient scatter the spread over 8 error groups; for the other components a relative
 * tolerance per component ({@link #TOLERANCE}: kernel noise and model approximations, stated
 * there) in quadrature. Pass: |z| &lt; 3.29 per component total (a false alarm in one in a
 * thousand) and the block chi-square below its 0.1 % critical value.
 */
class ForcedDetectionMonteCarloCollimatorTest {
    private static final long ANALOG_HISTORIES = 60_000_000;
    private static final int GROUPS = 8;
    private static final long KERNEL_PHOTONS = 2_000_000;
    /**
     * Relative tolerance of forced detection's component totals, in quadrature with the analog's
     * Poisson error (relative SE here: geometric 3 %, penetration 5 %, collimator scatter 6 %).
     * Geometric primary: 2 %, the model tolerance of ForcedDetectionVsAnalogImagesTest (attenuation
     * along the hole axis), plus the crystal matrix's 1.3 % (10 000 photons per keV) in
     * quadrature: 3 %. Patient scatter: 0 (its error groups carry its variance). Penetration 7 %
     * and collimator scatter 11 %: the kernel tables' Monte Carlo noise (a common factor of every
     * view), measured at 364.5 keV over four seeds of 10^6 photons as 8 % and 14 % relative
     * standard deviations, i.e. 5.7 % and 10 % at 2 x 10^6, plus 3 % for the model
     * approximations of {@link SeptalResponse}, in quadrature.
     */
    private static final double[] TOLERANCE = {0.03, 0.0, 0.07, 0.11};
    private static final int CRYSTAL = 10_000;

    private static SeptalComparison run;

    /** The scenario of the class comment. */
    static SpectScenario iodineInWater() {
        SpectCamera camera = SpectCamera.of(CollimatorLibrary.get("siemens-he"), 6.4, 9.525, 3.8,
                EnergyResolution.sqrtLaw(0.099, 140.5), List.of(EnergyWindow.centred("photopeak", 364.5, 20)));
        return SeptalComparison.pointInWaterCylinder(camera, "I-131");
    }

    static SimulationOptions fdOptions(long seed, int threads) {
        return new SimulationOptions(seed, 200_000, GROUPS, threads, GROUPS, 10, 10.0, CRYSTAL)
                .withCollimatorModel(CollimatorModel.MONTE_CARLO).withKernelPhotons(KERNEL_PHOTONS);
    }

    @BeforeAll
    static void simulate() {
        run = SeptalComparison.run(iodineInWater(), new SimulationOptions(31, ANALOG_HISTORIES, 8, 2, 0, 10, 10.0,
                CRYSTAL).withCollimatorModel(CollimatorModel.MONTE_CARLO), fdOptions(32, 2));
    }

    /**
     * Window totals per component, z-scores with the analog's Poisson variance plus forced
     * detection's ({@link #TOLERANCE}; patient scatter: its error groups). Lead K x-rays cannot be
     * measured in this window: both engines must give exactly 0.
     */
    @Test
    void windowTotalsAgreePerComponent() {
        for (int c = 0; c < 4; c++) {
            assertThat(run.analogCounts(0, c)).as(SeptalComparison.NAMES[c] + " analog counts")
                    .isGreaterThan(c == 1 ? 50 : 200);
            assertThat(Math.abs(run.z(0, c, TOLERANCE[c]))).as(SeptalComparison.NAMES[c] + " |z|").isLessThan(3.29);
        }
        assertThat(SeptalComparison.sum(run.analog.collimator().leadXray().get(0))).isZero();
        assertThat(SeptalComparison.sum(run.fd.collimator().leadXray().get(0))).isZero();
    }

    /**
     * The photopeak-window images (sum of the components) in 4 x 4 pixel blocks (24 mm, as
     * ForcedDetectionVsAnalogImagesTest), bins where forced detection expects ≥ 25 analog counts:
     * chi-square below its 0.1 % critical value. The same comparison without forced detection's
     * penetration image must fail it (the test sees the septal components).
     */
    @Test
    void photopeakImagesAgreeInBlocks() {
        float[][] f = java.util.Arrays.copyOf(SeptalComparison.components(run.fd, 0), 4);
        float[][] noPenetration = f.clone();
        noPenetration[2] = new float[f[2].length];
        double[] chi = run.chiSquare(0, f, TOLERANCE, 4);
        double[] broken = run.chiSquare(0, noPenetration, TOLERANCE, 4);
        double critical = SeptalComparison.critical((int) chi[1]);
        System.out.printf("photopeak image blocks: chi2 %.1f over %d (0.1 %% critical %.1f); without penetration "
                + "%.1f over %d%n", chi[0], (int) chi[1], critical, broken[0], (int) broken[1]);
        assertThat(chi[1]).isGreaterThanOrEqualTo(6);
        assertThat(chi[0]).isLessThan(critical);
        assertThat(broken[0]).isGreaterThan(SeptalComparison.critical((int) broken[1]));
    }

    /**
     * The geometric component of the Monte Carlo tables (photons through one hole) agrees with
     * what forced detection uses for it, g x window acceptance, at 364.5 keV: the table's own
     * standard error of its whole window efficiency bounds that of its geometric part (weight-1
     * counts, a subset of the window's), |z| &lt; 3.29.
     */
    @Test
    void tableGeometricComponentMatchesGTimesAcceptance() {
        SimulationOptions o = fdOptions(5, 2);
        PreparedPhysics physics = new PreparedPhysics(run.scenario, o);
        SpectCamera camera = run.scenario.camera();
        PointSourceSetup base = PointSourceSetup.of(physics.holes, camera.backGapMm(), 100.0, 364.489, 1.0,
                camera.intrinsicFwhmMm(), camera.energyResolution(), camera.windows().get(0), 0.5 * 47 * 6.0, 47, 6.0,
                1.0, 100_000).withMonteCarlo(camera.crystalThicknessMm(), true);
        ResponseKernelTable t = ResponseKernelTable.tabulateWithCrystalTransport(base, new double[] {100.0}, 77L,
                BatchRange.of(0, 4), 2);
        double expected = physics.efficiency * physics.acceptance.acceptance(0, 364.489);
        double z = (t.windowGeometric(0) - expected) / t.windowEfficiencyStdErrorAt(100.0);
        System.out.printf("geometric component of the table %.4g, g x acceptance %.4g (z %.2f)%n", t.windowGeometric(0),
                expected, z);
        assertThat(Math.abs(z)).isLessThan(3.29);
        double[] k = new double[47 * 47];
        t.componentKernelAt(100.0, CollimatorTransport.PENETRATION, k);
        assertThat(k).isNotEqualTo(new double[k.length]);
    }
}
