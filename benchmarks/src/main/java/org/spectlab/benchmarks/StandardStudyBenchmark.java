package org.spectlab.benchmarks;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.spectlab.core.camera.CollimatorLibrary;
import org.spectlab.core.grid.Grid3;
import org.spectlab.core.material.MaterialLibrary;
import org.spectlab.core.nuclide.NuclideLibrary;
import org.spectlab.core.projection.AcquisitionGeometry;
import org.spectlab.core.projection.EnergyWindow;
import org.spectlab.core.projection.RotationDirection;
import org.spectlab.phantoms.library.NemaIecBodyPhantom;
import org.spectlab.phantoms.voxel.VoxelisedPhantom;
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
 * The standard study of the simulator issue: NEMA IEC body phantom (4:1 spheres), Tc-99m, Siemens
 * LEHR, 120 views of 128x128 at 4.42 mm, radius 250 mm, photopeak and TEW windows, all scatter
 * orders, noise-free expected projections by convolution-based forced detection. One shot per
 * iteration (it takes tens of seconds). {@link #main} runs it once and prints time and the mean
 * relative standard error over photopeak pixels above 10 % of the maximum.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Fork(value = 1, jvmArgs = {"-Xmx8g"})
public class StandardStudyBenchmark {

    @Param({"2000000"})
    long histories;

    @Param({"2"})
    int threads;

    private SpectScenario scenario;

    /** Builds the phantom and scenario (not timed). */
    @Setup(Level.Trial)
    public void setUp() {
        scenario = standardStudy();
    }

    /** One full simulation. */
    @Benchmark
    public SpectResult simulate() {
        return ForcedDetectionSimulation.run(scenario, SimulationOptions.of(1, histories, threads),
                BatchRunner.ProgressListener.NONE);
    }

    /** The standard study scenario. */
    public static SpectScenario standardStudy() {
        Grid3 grid = Grid3.centredCubic(128, 128, 64, 4.42);
        VoxelisedPhantom phantom = Voxeliser.of(2, 2).render(grid,
                NemaIecBodyPhantom.build(NemaIecBodyPhantom.Options.of(5000, 4)));
        SpectCamera camera = SpectCamera.of(CollimatorLibrary.get("siemens-lehr"), 6.4, 9.525, 3.8,
                EnergyResolution.sqrtLaw(0.099, 140.5),
                List.of(EnergyWindow.centred("photopeak", 140.5, 20), EnergyWindow.of("lower_scatter", 119.0, 126.45),
                        EnergyWindow.of("upper_scatter", 154.55, 162.0)));
        AcquisitionGeometry orbit = AcquisitionGeometry.circular(120, 0, 360, RotationDirection.CW, 250, 2);
        return PhantomScenarios.of(phantom, MaterialLibrary.builtIn(), NuclideLibrary.get("Tc-99m"), camera, orbit,
                128, 128, 4.42, 20);
    }

    /** Runs the study once and prints the figures of the closing note. */
    public static void main(String[] args) {
        long histories = args.length > 0 ? Long.parseLong(args[0]) : 2_000_000;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        boolean analog = args.length > 2 && args[2].equals("analog");
        long t0 = System.nanoTime();
        SpectScenario s = standardStudy();
        long t1 = System.nanoTime();
        SpectResult r = analog
                ? AnalogSimulation.run(s, SimulationOptions.of(1, histories, threads), BatchRunner.ProgressListener.NONE)
                : ForcedDetectionSimulation.run(s, SimulationOptions.of(1, histories, threads),
                        BatchRunner.ProgressListener.NONE);
        long t2 = System.nanoTime();
        if (analog) {
            // analog pixel counts are sums of equal weights w: relative SE = 1/sqrt(counts / w)
            double w = s.activityBqPerMl().sum() * s.grid().voxelVolumeMl() * 0.96 * 120 * 20 / histories;
            float[] t = r.total(0);
            double max = 0;
            for (float v : t) {
                max = Math.max(max, v);
            }
            double sum = 0;
            int n = 0;
            for (float v : t) {
                if (v > 0.1 * max) {
                    sum += 1.0 / Math.sqrt(v / w);
                    n++;
                }
            }
            System.out.printf("analog: mean relative SE %.4f over %d pixels (weight per count %.3g)%n", sum / n, n, w);
        }
        if (!analog && args.length > 2) {
            // Efficiency 1/(sigma^2 t) of analog for the same pixels, from a measured analog rate (histories/s):
            // an analog pixel's relative SE with N histories is sqrt(w1 / (N T_p)), w1 = A y views T.
            double rate = Double.parseDouble(args[2]);
            double w1 = s.activityBqPerMl().sum() * s.grid().voxelVolumeMl() * 0.96 * 120 * 20;
            float[] t = r.total(0);
            double max = 0;
            for (float v : t) {
                max = Math.max(max, v);
            }
            double sum = 0;
            int n = 0;
            for (float v : t) {
                if (v > 0.1 * max) {
                    sum += Math.sqrt(w1 / v);
                    n++;
                }
            }
            double mean = sum / n;
            double effAnalog = rate / (mean * mean);
            double sigma = r.meanRelativeStdError(0.1);
            double effForced = 1.0 / (sigma * sigma * ((t2 - t1) * 1e-9));
            System.out.printf("efficiency 1/(sigma^2 t): analog %.3g, forced detection %.3g, gain %.0f%n", effAnalog,
                    effForced, effForced / effAnalog);
        }
        System.out.printf("phantom %.1f s, simulation %.1f s (%d histories, %d sites, %d threads)%n", (t1 - t0) * 1e-9,
                (t2 - t1) * 1e-9, histories, r.interactionSites(), threads);
        System.out.printf("photopeak primary %.4g, scatter %.4g counts (S/P %.3f); mean relative SE %.4f%n",
                r.primarySum(0), r.scatterSum(0), r.scatterSum(0) / r.primarySum(0), r.meanRelativeStdError(0.1));
    }
}
