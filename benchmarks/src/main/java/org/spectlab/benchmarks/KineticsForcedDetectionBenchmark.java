package org.spectlab.benchmarks;

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
import org.spectlab.phantoms.config.PhantomConfig;
import org.spectlab.simulator.run.BatchRunner;
import org.spectlab.simulator.spect.ForcedDetectionSimulation;
import org.spectlab.simulator.spect.SpectResult;
import org.spectlab.simulator.spect.SpectScenario;
import org.spectlab.simulator.study.SpectStudy;
import org.spectlab.simulator.study.StudyConfig;

/**
 * What tracer kinetics during the scan cost in forced detection: a Tc-99m MDP torso (8 mm voxels, scan
 * 30 min after injection, bladder, blood and skeleton as kinetic groups), 32 views of 48x85 on two
 * heads, 100 000 scatter histories, run with its kinetics ({@code kinetics = true}) and with the same
 * scan-start activity under physical decay only ({@code false}). The ratio of the two is the figure;
 * both are measured in the same run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgs = {"-Xmx4g"})
public class KineticsForcedDetectionBenchmark {
    static final String CONFIG = "phantom:\n"
            + "  grid: {size: [48, 32, 85], voxel_mm: 8}\n"
            + "  sampling: {sub_samples: 2, boundary_refinement: 1}\n"
            + "  preset: {name: adult_torso, options: {sex: male}}\n"
            + "  kinetics: {agent: tc99m-mdp, administered_mbq: 740, time_h: 0.5, acquisition_s: 1200}\n"
            + "nuclide: Tc-99m\n"
            + "camera: {collimator: siemens-lehr}\n"
            + "acquisition: {views: 32, heads: 2, radius_mm: 280, matrix: [48, 85], pixel_size_mm: 8,"
            + " time_per_view_s: 75}\n"
            + "simulation: {mode: forced-detection, histories: 100000, batches: 8, seed: 3, noise_realisations: 1,"
            + " crystal_histories_per_keV: 200}\n"
            + "ct: {enabled: false}\n";

    @Param({"false", "true"})
    boolean kinetics;

    @Param({"2"})
    int threads;

    private StudyConfig config;
    private SpectScenario scenario;

    /** Renders the phantom and builds the scenario (not timed). */
    @Setup(Level.Trial)
    public void setUp() {
        config = StudyConfig.parse(CONFIG, "kinetics-benchmark", null);
        PhantomConfig.Rendered rendered = config.phantom().render();
        SpectScenario s = SpectStudy.scenario(config, rendered);
        scenario = kinetics ? s : s.withKinetics(null);
    }

    /** One forced-detection simulation. */
    @Benchmark
    public SpectResult simulate() {
        return ForcedDetectionSimulation.run(scenario, config.options(threads), BatchRunner.ProgressListener.NONE);
    }
}
