package org.spectlab.simulator.spect;

import java.util.List;
import org.spectlab.core.grid.Grid3;
import org.spectlab.core.grid.Volume;
import org.spectlab.core.material.MaterialLibrary;
import org.spectlab.core.nuclide.NuclideLibrary;
import org.spectlab.core.projection.AcquisitionGeometry;
import org.spectlab.core.projection.RotationDirection;
import org.spectlab.simulator.collimator.CollimatorModel;
import org.spectlab.simulator.run.BatchRunner;

/**
 * One forced-detection run with the Monte Carlo collimator and its analog reference on the same
 * scenario, and the statistics the tests compare them with: z-scores of window totals per
 * component and a chi-square over pixel blocks (see ForcedDetectionMonteCarloCollimatorTest).
 * Components, in this order: geometric primary, patient scatter (both through the holes alone),
 * penetration, collimator scatter, lead x-rays.
 */
final class SeptalComparison {
    static final String[] NAMES = {"geometric primary", "patient scatter", "penetration", "collimator scatter",
        "lead x-ray"};
    final SpectScenario scenario;
    final SpectResult analog;
    final SpectResult fd;
    /** First window's scatter per error group (each an estimate of the whole divided by the groups). */
    final double[][] scatterGroups;
    /** Weight of one analog count. */
    final double weight;
    final double analogSeconds;
    final double fdSeconds;
    final double geometricFdSeconds;

    private SeptalComparison(SpectScenario scenario, SpectResult analog, SpectResult fd, double[][] scatterGroups,
                             double weight, double analogSeconds, double fdSeconds, double geometricFdSeconds) {
        this.scenario = scenario;
        this.analog = analog;
        this.fd = fd;
        this.scatterGroups = scatterGroups;
        this.weight = weight;
        this.analogSeconds = analogSeconds;
        this.fdSeconds = fdSeconds;
        this.geometricFdSeconds = geometricFdSeconds;
    }

    /**
     * The test scenario: a 100 mm water cylinder (along z) on an 18 x 18 x 10 grid of 6 mm voxels,
     * one active voxel (1 MBq/mL) centred at (15, -27, 3) mm, 93 mm from the anterior collimator face
     * and 147 mm from the posterior one (views at 0 and 180°, radius 120 mm), projections of 24 x 24
     * pixels of 6 mm, lines of ≥ 1 % yield above 50 keV.
     */
    static SpectScenario pointInWaterCylinder(SpectCamera camera, String nuclide) {
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
        activity.set(11, 4, 5, 1.0e6f);
        MaterialLibrary lib = MaterialLibrary.builtIn();
        AcquisitionGeometry orbit = AcquisitionGeometry.circular(2, 0, 360, RotationDirection.CW, 120, 1);
        return SpectScenario.of(g, mat, List.of(lib.get("air"), lib.get("water")), activity,
                NuclideLibrary.get(nuclide), 0.01, 50.0, camera, orbit, 24, 24, 6.0, 1.0);
    }

    /** Runs both engines (forced detection with error groups) and forced detection once more with the geometric collimator, for its timing. */
    static SeptalComparison run(SpectScenario s, SimulationOptions analogOptions, SimulationOptions fdOptions) {
        int views = s.orbit().views();
        long t0 = System.nanoTime();
        SpectResult analog = AnalogSimulation.run(s, analogOptions, BatchRunner.ProgressListener.NONE);
        double analogSeconds = (System.nanoTime() - t0) * 1e-9;
        t0 = System.nanoTime();
        PartialResult part = ForcedDetectionSimulation.runViews(s, fdOptions, 0, views,
                BatchRunner.ProgressListener.NONE);
        SpectResult fd = part.finish(s, fdOptions, 0);
        double fdSeconds = (System.nanoTime() - t0) * 1e-9;
        t0 = System.nanoTime();
        ForcedDetectionSimulation.run(s, fdOptions.withCollimatorModel(CollimatorModel.GEOMETRIC),
                BatchRunner.ProgressListener.NONE);
        double geometricSeconds = (System.nanoTime() - t0) * 1e-9;
        int windows = s.camera().windows().size();
        double[][] groups = new double[fdOptions.errorGroups()][];
        for (int g = 0; g < groups.length; g++) {
            groups[g] = part.projections()[2 * windows + g];
        }
        double yield = 0;
        for (var l : s.lines()) {
            yield += l.yieldPerDecay();
        }
        double weight = s.activityBqPerMl().sum() * s.grid().voxelVolumeMl() * yield * views * s.timePerViewS()
                / analogOptions.scatterHistories();
        System.out.printf("%s: analog %d histories %.1f s; forced detection %.1f s (with the geometric collimator "
                + "%.1f s: the Monte Carlo kernels, tables and FFTs, cost %.1f s); analog / forced detection %.2f%n",
                s.nuclide().name(), analogOptions.scatterHistories(), analogSeconds, fdSeconds, geometricSeconds,
                fdSeconds - geometricSeconds, analogSeconds / fdSeconds);
        return new SeptalComparison(s, analog, fd, groups, weight, analogSeconds, fdSeconds, geometricSeconds);
    }

    /** The five component images of a window of a result. */
    static float[][] components(SpectResult r, int window) {
        return new float[][] {r.primary().get(window), r.scatter().get(window),
            r.collimator().penetration().get(window), r.collimator().collimatorScatter().get(window),
            r.collimator().leadXray().get(window)};
    }

    static double sum(float[] a) {
        double s = 0;
        for (float v : a) {
            s += v;
        }
        return s;
    }

    /** Analog counts of a component total. */
    double analogCounts(int window, int component) {
        return sum(components(analog, window)[component]) / weight;
    }

    /**
     * z of forced detection's window total of a component against the analog's: analog Poisson
     * variance, plus forced detection's, (tolerance x value)² or, for the first window's patient
     * scatter with a tolerance of 0, the spread of its error groups.
     */
    double z(int window, int component, double tolerance) {
        double sa = sum(components(analog, window)[component]);
        double sf = sum(components(fd, window)[component]);
        double var = weight * Math.max(sa, weight) + Math.pow(tolerance * sf, 2);
        if (component == 1 && window == 0 && tolerance == 0) {
            var += groupVarianceOfTotal(sf);
        }
        double z = (sf - sa) / Math.sqrt(var);
        System.out.printf("%s, window %s: analog %.1f counts, forced detection %.1f (z %.2f)%n", NAMES[component],
                scenario.camera().windows().get(window).name(), sa / weight, sf / weight, z);
        return z;
    }

    private double groupVarianceOfTotal(double mean) {
        double ss = 0;
        int groups = scatterGroups.length;
        for (double[] g : scatterGroups) {
            double t = 0;
            for (double v : g) {
                t += v;
            }
            double est = groups * t; // the group images carry the time factor already
            ss += (est - mean) * (est - mean);
        }
        return ss / ((double) groups * (groups - 1));
    }

    /**
     * {chi-square, bins} of block x block pixel blocks of every view of a window: analog total
     * against the sum of forced detection's components {@code fdComponents}, each with its relative
     * tolerance in the variance, over bins where forced detection expects ≥ 25 analog counts.
     */
    double[] chiSquare(int window, float[][] fdComponents, double[] tolerance, int block) {
        float[] analogImage = analog.total(window);
        int rows = scenario.rows();
        int cols = scenario.cols();
        double chi = 0;
        int bins = 0;
        for (int v = 0; v < scenario.orbit().views(); v++) {
            for (int r0 = 0; r0 + block <= rows; r0 += block) {
                for (int c0 = 0; c0 + block <= cols; c0 += block) {
                    double a = 0;
                    double[] fc = new double[fdComponents.length];
                    for (int r = r0; r < r0 + block; r++) {
                        for (int c = c0; c < c0 + block; c++) {
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
                        var += Math.pow(tolerance[k] * fc[k], 2);
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
    static double critical(int n) {
        double a = 2.0 / (9.0 * n);
        return n * Math.pow(1 - a + 3.0902 * Math.sqrt(a), 3);
    }
}
