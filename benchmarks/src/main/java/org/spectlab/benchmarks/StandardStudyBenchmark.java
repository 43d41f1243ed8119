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
        long t0 = System.nanoTime();
        SpectScenario s = standardStudy();
        long t1 = System.nanoTime();
        SpectResult r = ForcedDetectionSimulation.run(s, SimulationOptions.of(1, histories, threads),
                BatchRunner.ProgressListener.NONE);
        long t2 = System.nanoTime();
        System.out.printf("phantom %.1f s, simulation %.1f s (%d histories, %d sites, %d threads)%n", (t1 - t0) * 1e-9,
                (t2 - t1) * 1e-9, histories, r.interactionSites(), threads);
        System.out.printf("photopeak primary %.4g, scatter %.4g counts (S/P %.3f); mean relative SE %.4f%n",
                r.primarySum(0), r.scatterSum(0), r.scatterSum(0) / r.primarySum(0), r.meanRelativeStdError(0.1));
    }
}
