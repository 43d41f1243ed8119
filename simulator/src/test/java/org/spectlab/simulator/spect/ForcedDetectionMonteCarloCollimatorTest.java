package org.spectlab.simulator.spect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.spectlab.core.camera.CollimatorLibrary;
import org.spectlab.core.grid.Grid3;
import org.spectlab.core.grid.Volume;
import org.spectlab.core.material.MaterialLibrary;
import org.spectlab.core.nuclide.NuclideLibrary;
import org.spectlab.core.projection.AcquisitionGeometry;
import org.spectlab.core.projection.EnergyWindow;
import org.spectlab.core.projection.RotationDirection;
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

    private static SpectScenario scenario;
    private static SpectResult analog;
    private static SpectResult fd;
    private static double[][] scatterGroups;
    private static double weight;
    private static double analogSeconds;
    private static double fdSeconds;

    /** The scenario of the class comment. */
    static SpectScenario iodineInWater() {
        Grid3 g = Grid3.centredCubic(18, 18, 10, 6.0);
        short[] mat = new short[g.voxelCount()];
        Volume activity = Volume.zeros(g, "Bq/mL");
        for (int k = 0; k < g.nz(); k++) {
            for (int j = 0; j < g.ny(); j++) {
                for (int i = 0; i < g.nx(); i++) {
                    if (Math.hypot(g.xMm(i), g.yMm(j)) < 50) {
                        mat[g.index(i, j, k)] = 1;
                    }
                }
            }
        }
        // voxel (12, 5, 5): centre (15, -27, 3) mm, 93 mm from the anterior face and 147 mm from the posterior
        activity.set(11, 4, 5, 1.0e6f);
        MaterialLibrary lib = MaterialLibrary.builtIn();
        SpectCamera camera = SpectCamera.of(CollimatorLibrary.get("siemens-he"), 6.4, 9.525, 3.8,
                EnergyResolution.sqrtLaw(0.099, 140.5), List.of(EnergyWindow.centred("photopeak", 364.5, 20)));
        AcquisitionGeometry orbit = AcquisitionGeometry.circular(2, 0, 360, RotationDirection.CW, 120, 1);
        return SpectScenario.of(g, mat, List.of(lib.get("air"), lib.get("water")), activity,
                NuclideLibrary.get("I-131"), 0.01, 50.0, camera, orbit, 24, 24, 6.0, 1.0);
    }

    static SimulationOptions fdOptions(long seed, int threads) {
        return new SimulationOptions(seed, 200_000, GROUPS, threads, GROUPS, 10, 10.0, CRYSTAL)
                .withCollimatorModel(CollimatorModel.MONTE_CARLO).withKernelPhotons(KERNEL_PHOTONS);
    }

    @BeforeAll
    static void simulate() {
        scenario = iodineInWater();
        long t0 = System.nanoTime();
        analog = AnalogSimulation.run(scenario, new SimulationOptions(31, ANALOG_HISTORIES, 8, 2, 0, 10, 10.0, CRYSTAL)
                .withCollimatorModel(CollimatorModel.MONTE_CARLO), BatchRunner.ProgressListener.NONE);
        analogSeconds = (System.nanoTime() - t0) * 1e-9;
        t0 = System.nanoTime();
        SimulationOptions o = fdOptions(32, 2);
        PartialResult part = ForcedDetectionSimulation.runViews(scenario, o, 0, 2, BatchRunner.ProgressListener.NONE);
        fd = part.finish(scenario, o, 0);
        fdSeconds = (System.nanoTime() - t0) * 1e-9;
        t0 = System.nanoTime();
        SimulationOptions geometric = o.withCollimatorModel(CollimatorModel.GEOMETRIC);
        ForcedDetectionSimulation.run(scenario, geometric, BatchRunner.ProgressListener.NONE);
        double geometricSeconds = (System.nanoTime() - t0) * 1e-9;
        System.out.printf("forced detection with the geometric collimator %.1f s: the Monte Carlo kernels (tables "
                + "and FFTs) cost %.1f s%n", geometricSeconds, fdSeconds - geometricSeconds);
        scatterGroups = new double[GROUPS][];
        for (int g = 0; g < GROUPS; g++) {
            scatterGroups[g] = part.projections()[2 + g];
        }
        double yield = 0;
        for (var l : scenario.lines()) {
            yield += l.yieldPerDecay();
        }
        weight = scenario.activityBqPerMl().sum() * scenario.grid().voxelVolumeMl() * yield * 2
                * scenario.timePerViewS() / ANALOG_HISTORIES;
        System.out.printf("I-131 HE: analog %d histories %.1f s, forced detection (200 000 histories, kernel "
                + "tables of %d photons per line node) %.1f s: analog / forced detection %.2f%n", ANALOG_HISTORIES, analogSeconds, KERNEL_PHOTONS,
                fdSeconds, analogSeconds / fdSeconds);
    }

    private static double sum(float[] a) {
        double s = 0;
        for (float v : a) {
            s += v;
        }
        return s;
    }

    /** The four components' window-0 images of a result: geometric primary, patient scatter, penetration, collimator scatter. */
    private static float[][] components(SpectResult r) {
        return new float[][] {r.primary().get(0), r.scatter().get(0), r.collimator().penetration().get(0),
            r.collimator().collimatorScatter().get(0)};
    }

    private static final String[] NAMES = {"geometric primary", "patient scatter", "penetration", "collimator scatter"};

    /**
     * Window totals per component, z-scores with the analog's Poisson variance plus forced
     * detection's: none for the deterministic primaries (their model tolerance is that of
     * ForcedDetectionVsAnalogImagesTest, 2 %), the error groups for patient scatter, the model
     * tolerance for the septal components. Lead K x-rays cannot be measured in this window: both
     * engines must give exactly 0.
     */
    @Test
    void windowTotalsAgreePerComponent() {
        float[][] a = components(analog);
        float[][] f = components(fd);
        for (int c = 0; c < 4; c++) {
            double sa = sum(a[c]);
            double sf = sum(f[c]);
            double var = weight * sa + Math.pow(TOLERANCE[c] * sf, 2) + (c == 1 ? groupVarianceOfTotal() : 0);
            double z = (sf - sa) / Math.sqrt(var);
            System.out.printf("%s: analog %.1f counts, forced detection %.1f (z %.2f)%n", NAMES[c], sa / weight,
                    sf / weight, z);
            assertThat(sa / weight).as(NAMES[c] + " analog counts").isGreaterThan(c == 1 ? 50 : 200);
            assertThat(Math.abs(z)).as(NAMES[c] + " |z|").isLessThan(3.29);
        }
        assertThat(sum(analog.collimator().leadXray().get(0))).isZero();
        assertThat(sum(fd.collimator().leadXray().get(0))).isZero();
    }

    /** Variance of the total of the scatter image from the error groups. */
    private static double groupVarianceOfTotal() {
        double mean = sum(fd.scatter().get(0));
        double ss = 0;
        for (double[] g : scatterGroups) {
            double t = 0;
            for (int v = 0; v < 2; v++) {
                int plane = scenario.rows() * scenario.cols();
                for (int p = v * plane; p < (v + 1) * plane; p++) {
                    t += g[p];
                }
            }
            double est = GROUPS * t; // group images carry the time factor already
            ss += (est - mean) * (est - mean);
        }
        return ss / ((double) GROUPS * (GROUPS - 1));
    }

    /**
     * The photopeak-window images (sum of the four components) in 4 x 4 pixel blocks (24 mm, as
     * ForcedDetectionVsAnalogImagesTest), bins where forced detection expects ≥ 25 analog counts:
     * chi-square below its 0.1 % critical value. The same comparison without forced detection's
     * penetration image must fail it (the test sees the septal components).
     */
    @Test
    void photopeakImagesAgreeInBlocks() {
        float[][] f = components(fd);
        float[][] noPenetration = f.clone();
        noPenetration[2] = new float[f[2].length];
        float[] a = analog.total(0);
        double[] chi = chiSquare(a, f);
        double[] broken = chiSquare(a, noPenetration);
        double critical = critical((int) chi[1]);
        System.out.printf("photopeak image blocks: chi2 %.1f over %d (0.1 %% critical %.1f); without penetration "
                + "%.1f over %d%n", chi[0], (int) chi[1], critical, broken[0], (int) broken[1]);
        assertThat(chi[1]).isGreaterThanOrEqualTo(6);
        assertThat(chi[0]).isLessThan(critical);
        assertThat(broken[0]).isGreaterThan(critical((int) broken[1]));
    }

    /**
     * {chi-square, bins} of 4 x 4 blocks of both views: analog total against the sum of forced
     * detection's components, each with its relative tolerance in the variance.
     */
    private static double[] chiSquare(float[] analogImage, float[][] fdComponents) {
        int rows = scenario.rows();
        int cols = scenario.cols();
        double chi = 0;
        int bins = 0;
        for (int v = 0; v < 2; v++) {
            for (int r0 = 0; r0 < rows; r0 += 4) {
                for (int c0 = 0; c0 < cols; c0 += 4) {
                    double a = 0;
                    double[] fc = new double[fdComponents.length];
                    for (int r = r0; r < r0 + 4; r++) {
                        for (int c = c0; c < c0 + 4; c++) {
                            int idx = c + cols * (r + rows * v);
                            a += analogImage[idx];
                            for (int k = 0; k < fc.length; k++) {
                                fc[k] += fdComponents[k][idx];
                            }
                        }
                    }
                    double f = 0;
                    double var = weight * Math.max(a, weight);
                    for (int k = 0; k < fc.length; k++) {
                        f += fc[k];
                        var += Math.pow(TOLERANCE[k] * fc[k], 2);
                    }
                    if (f / weight < 25) {
                        continue;
                    }
                    chi += (a - f) * (a - f) / var;
                    bins++;
                }
            }
        }
        return new double[] {chi, bins};
    }

    /** The 0.1 % upper critical value of chi-square with n degrees of freedom (Wilson-Hilferty). */
    private static double critical(int n) {
        double a = 2.0 / (9.0 * n);
        return n * Math.pow(1 - a + 3.0902 * Math.sqrt(a), 3);
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
        PreparedPhysics physics = new PreparedPhysics(scenario, o);
        SpectCamera camera = scenario.camera();
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
