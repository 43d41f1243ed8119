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
import org.spectlab.core.grid.Volume;
import org.spectlab.core.material.MaterialLibrary;
import org.spectlab.core.nuclide.NuclideLibrary;
import org.spectlab.core.projection.AcquisitionGeometry;
import org.spectlab.core.projection.EnergyWindow;
import org.spectlab.core.projection.RotationDirection;
import org.spectlab.simulator.detector.EnergyResolution;
import org.spectlab.simulator.run.BatchRunner;
import org.spectlab.simulator.spect.AnalogSimulation;
import org.spectlab.simulator.spect.SimulationOptions;
import org.spectlab.simulator.spect.SpectCamera;
import org.spectlab.simulator.spect.SpectResult;
import org.spectlab.simulator.spect.SpectScenario;

/**
 * Analog photon transport rate, one thread: Tc-99m uniformly in a 20 cm water cylinder on a 128³ grid
 * (3.125 mm voxels), every history followed through the patient (delta tracking, photoabsorption,
 * bound Compton, Rayleigh) and, when it leaves towards the camera, through the collimator and
 * crystal. Baseline in the same run: the same grid filled with air, where photons stream out
 * without interacting — the ratio isolates the cost of the physics. Score: seconds per
 * {@code histories}; histories/s/core = histories / score.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgs = {"-Xmx4g"})
public class AnalogTransportBenchmark {

    @Param({"4000000"})
    long histories;

    private SpectScenario water;
    private SpectScenario air;

    /** Builds both scenarios (not timed). */
    @Setup(Level.Trial)
    public void setUp() {
        water = cylinder("water");
        air = cylinder("air");
    }

    private static SpectScenario cylinder(String material) {
        Grid3 g = Grid3.centredCubic(128, 128, 128, 3.125);
        short[] mat = new short[g.voxelCount()];
        Volume activity = Volume.zeros(g, "Bq/mL");
        for (int k = 0; k < g.nz(); k++) {
            for (int j = 0; j < g.ny(); j++) {
                for (int i = 0; i < g.nx(); i++) {
                    if (Math.hypot(g.xMm(i), g.yMm(j)) < 100) {
                        mat[g.index(i, j, k)] = 1;
                        activity.set(i, j, k, 1000f);
                    }
                }
            }
        }
        MaterialLibrary lib = MaterialLibrary.builtIn();
        SpectCamera camera = SpectCamera.of(CollimatorLibrary.get("siemens-lehr"), 6.4, 9.525, 3.8,
                EnergyResolution.sqrtLaw(0.099, 140.5), List.of(EnergyWindow.centred("photopeak", 140.5, 20)));
        AcquisitionGeometry orbit = AcquisitionGeometry.circular(60, 0, 360, RotationDirection.CW, 250, 2);
        return SpectScenario.of(g, mat, List.of(lib.get("air"), lib.get(material)), activity,
                NuclideLibrary.get("Tc-99m"), 1e-3, 15.0, camera, orbit, 128, 128, 4.42, 10);
    }

    /** Water cylinder: the measured rate. */
    @Benchmark
    public SpectResult waterCylinder() {
        return AnalogSimulation.run(water, new SimulationOptions(1, histories, 8, 1, 0, 50, 10, 100),
                BatchRunner.ProgressListener.NONE);
    }

    /** Air: the baseline (no interactions). */
    @Benchmark
    public SpectResult airBaseline() {
        return AnalogSimulation.run(air, new SimulationOptions(1, histories, 8, 1, 0, 50, 10, 100),
                BatchRunner.ProgressListener.NONE);
    }
}
