package org.spectlab.benchmarks;

import java.util.List;
import org.spectlab.core.camera.CollimatorLibrary;
import org.spectlab.core.grid.Grid3;
import org.spectlab.core.material.MaterialLibrary;
import org.spectlab.core.nuclide.EmissionLine;
import org.spectlab.core.nuclide.NuclideLibrary;
import org.spectlab.core.projection.AcquisitionGeometry;
import org.spectlab.core.projection.EnergyWindow;
import org.spectlab.core.projection.RotationDirection;
import org.spectlab.phantoms.library.SimpleSources;
import org.spectlab.phantoms.voxel.Voxeliser;
import org.spectlab.simulator.detector.EnergyResolution;
import org.spectlab.simulator.run.BatchRunner;
import org.spectlab.simulator.spect.AnalogSimulation;
import org.spectlab.simulator.spect.ForcedDetectionSimulation;
import org.spectlab.simulator.spect.PhantomScenarios;
import org.spectlab.simulator.spect.SimulationOptions;
import org.spectlab.simulator.spect.SpectCamera;
import org.spectlab.simulator.spect.SpectResult;
import org.spectlab.simulator.spect.SpectScenario;

/**
 * Efficiency gain of convolution-based forced detection over analog Monte Carlo, ε = 1/(σ² t),
 * on one problem: the 20 cm uniform water cylinder (200 mm diameter and length, Tc-99m), Siemens
 * LEHR, 32 views of 64 x 64 pixels of 4.42 mm at 150 mm radius, photopeak window 126.45-154.55 keV.
 * Both modes run with the same thread count; t is the wall time of the simulation alone (the
 * phantom is built once, before either).
 *
 * <p>σ² is the mean, over the pixels of every view whose expected photopeak total (primary +
 * scatter, from forced detection, whose expectation agrees with analog's: see the simulator's
 * ForcedDetectionVsAnalog tests) exceeds 10 % of its maximum, of the pixel's relative variance
 * var(p)/μ(p)²:
 * <ul>
 *   <li>analog: each count is an independent history of weight w = A·Y·views·T/N (A activity, Y
 *       photons per decay, T time per view, N histories), so the pixel's variance is estimated by
 *       Σ w² = w · value(p) (a batch per history; unbiased whatever the counts, so the mean over
 *       pixels is precise even at a fraction of a count per pixel); μ(p) is forced detection's
 *       expected value, as the analog's own is mostly 0 or 1 count;</li>
 *   <li>forced detection: primaries are deterministic (no variance); the scatter part's variance per
 *       pixel is the spread of 8 independent groups of batches ({@link SpectResult#scatterStdError()},
 *       squared), over the same μ(p).</li>
 * </ul>
 * For analog, σ² ∝ 1/N and t ∝ N, so ε does not depend on N; for forced detection t has a fixed
 * part (primaries and blurring of every view), so ε grows with the histories until that part is
 * small. The gain is therefore quoted with its history count.
 *
 * <p>Run (85 s on 2 cores shared with other jobs at load 8 with the defaults, less when quiet):
 * <pre>
 * mvn -B -o -pl benchmarks -am package -DskipTests
 * java -cp benchmarks/target/benchmarks.jar org.spectlab.benchmarks.ForcedDetectionEfficiencyBenchmark \
 *     [fdHistories=1000000] [analogHistories=40000000] [threads=2]
 * </pre>
 */
public final class ForcedDetectionEfficiencyBenchmark {
    private static final int VIEWS = 32;
    private static final double TIME_PER_VIEW_S = 20;
    private static final int ERROR_GROUPS = 8;

    private ForcedDetectionEfficiencyBenchmark() {
    }

    /** The problem: 20 cm uniform water cylinder, Tc-99m at 10 kBq/mL, LEHR, 32 views. */
    public static SpectScenario cylinderStudy() {
        Grid3 grid = Grid3.centredCubic(52, 52, 52, 4.42);
        SpectCamera camera = SpectCamera.of(CollimatorLibrary.get("siemens-lehr"), 6.4, 9.525, 3.8,
                EnergyResolution.sqrtLaw(0.099, 140.5), List.of(EnergyWindow.centred("photopeak", 140.5, 20)));
        AcquisitionGeometry orbit = AcquisitionGeometry.circular(VIEWS, 0, 360, RotationDirection.CW, 150, 2);
        return PhantomScenarios.of(Voxeliser.of(2, 2).render(grid,
                SimpleSources.uniformCylinder(SimpleSources.CYLINDER_20CM_DIAMETER_MM, 200, 1.0e4)),
                MaterialLibrary.builtIn(), NuclideLibrary.get("Tc-99m"), camera, orbit, 64, 64, 4.42,
                TIME_PER_VIEW_S);
    }

    /** Runs both modes and prints σ², t, ε for each and the gain. */
    public static void main(String[] args) {
        long fdHistories = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
        long analogHistories = args.length > 1 ? Long.parseLong(args[1]) : 40_000_000;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        SpectScenario s = cylinderStudy();

        long t0 = System.nanoTime();
        SpectResult fd = ForcedDetectionSimulation.run(s, new SimulationOptions(1, fdHistories, 2 * ERROR_GROUPS,
                threads, ERROR_GROUPS, 50, 10.0, 10_000), BatchRunner.ProgressListener.NONE);
        double fdSeconds = (System.nanoTime() - t0) * 1e-9;
        long t1 = System.nanoTime();
        SpectResult analog = AnalogSimulation.run(s, new SimulationOptions(2, analogHistories, 8, threads, 0, 50, 10.0,
                10_000), BatchRunner.ProgressListener.NONE);
        double analogSeconds = (System.nanoTime() - t1) * 1e-9;

        float[] expected = fd.total(0);
        float[] analogTotal = analog.total(0);
        float[] fdScatterSe = fd.scatterStdError();
        double max = 0;
        for (float v : expected) {
            max = Math.max(max, v);
        }
        double yield = 0;
        for (EmissionLine l : s.lines()) {
            yield += l.yieldPerDecay();
        }
        double weight = s.activityBqPerMl().sum() * s.grid().voxelVolumeMl() * yield * VIEWS * TIME_PER_VIEW_S
                / analogHistories;
        double fdVariance = 0;
        double analogVariance = 0;
        double analogSum = 0;
        double expectedSum = 0;
        int pixels = 0;
        for (int p = 0; p < expected.length; p++) {
            double mu = expected[p];
            if (mu > 0.1 * max) {
                double se = fdScatterSe[p];
                fdVariance += se * se / (mu * mu);
                analogVariance += weight * analogTotal[p] / (mu * mu);
                analogSum += analogTotal[p];
                expectedSum += mu;
                pixels++;
            }
        }
        fdVariance /= pixels;
        analogVariance /= pixels;
        double fdEfficiency = 1 / (fdVariance * fdSeconds);
        double analogEfficiency = 1 / (analogVariance * analogSeconds);
        System.out.printf("problem: 20 cm water cylinder, Tc-99m, siemens-lehr, %d views of 64x64 at 4.42 mm; "
                + "%d pixels above 10 %% of the maximum; %d threads%n", VIEWS, pixels, threads);
        System.out.printf("check: analog / forced-detection photopeak total over those pixels %.4f "
                + "(SE %.4f)%n", analogSum / expectedSum, Math.sqrt(weight * analogSum) / expectedSum);
        System.out.printf("forced detection: %d histories, %.2f s, mean relative variance %.4g (scatter only; "
                + "primaries deterministic), efficiency %.4g /s%n", fdHistories, fdSeconds, fdVariance, fdEfficiency);
        System.out.printf("analog: %d histories, %.2f s (%.3g histories/s), mean relative variance %.4g "
                + "(%.3g counts in those pixels), efficiency %.4g /s%n", analogHistories, analogSeconds,
                analogHistories / analogSeconds, analogVariance, analogSum / weight, analogEfficiency);
        System.out.printf("efficiency gain of forced detection over analog: %.4g%n", fdEfficiency / analogEfficiency);
    }
}
