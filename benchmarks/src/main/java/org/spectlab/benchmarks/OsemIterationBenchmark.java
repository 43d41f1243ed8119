package org.spectlab.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.spectlab.core.grid.Grid3;
import org.spectlab.core.grid.Volume;
import org.spectlab.core.projection.AcquisitionGeometry;
import org.spectlab.core.projection.EnergyWindow;
import org.spectlab.core.projection.ProjectionSet;
import org.spectlab.core.projection.RotationDirection;
import org.spectlab.recon.algorithm.IterationListener;
import org.spectlab.recon.algorithm.Osem;
import org.spectlab.recon.metadata.ReconstructionGeometry;
import org.spectlab.recon.projector.ParallelLoops;
import org.spectlab.recon.projector.RotatedFrame;
import org.spectlab.recon.projector.RotationProjector;
import org.spectlab.recon.projector.ViewTransform;
import org.spectlab.recon.transform.attenuation.AttenuationTransform;
import org.spectlab.recon.transform.psf.CollimatorSpec;
import org.spectlab.recon.transform.psf.DepthDependentBlur;

/**
 * One full OSEM iteration (8 subsets of 15 views: forward and back projection of all 120 views and
 * the update) of a 128³ image of 4.42 mm voxels from 120 views of 128x128, on 2 threads, for three
 * models: attenuation and depth-dependent PSF (Siemens LEHR, 300 mm radius), attenuation only, and
 * neither. The subset sensitivities are computed once in the set-up (they cost about half an
 * iteration and are reused across iterations). The phantom is a water-filled elliptical cylinder
 * (34 x 24 cm) with uniform activity.
 *
 * <p>Memory: the fork runs with {@code -Xmx2g}, the limit, so a completed run proves that the
 * case fits in 2 GB of heap. It also prints two figures per trial (lines starting with {@code heap:}):
 * the used heap after the set-up, after a {@code System.gc()} (what the reconstruction keeps live:
 * projector tables, μ-map, sensitivities, data), and the peak heap over the trial, the sum of the
 * peak usages of the heap memory pools ({@link MemoryPoolMXBean#getPeakUsage}, reset at the start of
 * the set-up). The sum of per-pool peaks bounds the true simultaneous peak from above, and includes
 * garbage not yet collected, so it depends on the collector; the live figure does not. For the
 * allocation rate add JMH's {@code -prof gc}.
 *
 * <p>Run: {@code mvn -B -pl benchmarks -am package -DskipTests && java -jar benchmarks/target/benchmarks.jar
 * OsemIterationBenchmark -f 1 -wi 0 -i 2}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
@Warmup(iterations = 1)
@Measurement(iterations = 2)
public class OsemIterationBenchmark {
    private static final int N = 128;
    private static final int VIEWS = 120;
    private static final double PIXEL_MM = 4.42;
    private static final double RADIUS_MM = 300.0;
    /** Water at 140.5 keV, NIST XCOM (μ/ρ = 0.1538 cm²/g). */
    private static final double WATER_MU_PER_CM = 0.1538;
    /** Lead at 140.5 keV, NIST XCOM μ/ρ ≈ 2.39 cm²/g × 11.35 g/cm³. */
    private static final double LEAD_MU_PER_CM = 27.2;

    /** Which physical effects the system matrix models. */
    @Param({"attenuation+psf", "attenuation", "none"})
    public String model;

    private ParallelLoops loops;
    private RotationProjector projector;
    private ProjectionSet data;
    private float[][] sensitivities;
    private Osem osem;

    /** Builds the phantom, its projections with the chosen model, and the sensitivities. */
    @Setup(Level.Trial)
    public void setUp() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
        AcquisitionGeometry orbit = AcquisitionGeometry.circular(VIEWS, 0, 360, RotationDirection.CW, RADIUS_MM, 2);
        ProjectionSet empty = ProjectionSet.zeros(orbit, N, N, PIXEL_MM, PIXEL_MM,
                EnergyWindow.centred("photopeak", 140.5, 20), 15.0);
        ReconstructionGeometry g = ReconstructionGeometry.of(empty);
        Grid3 grid = g.imageGrid();
        float[] mu = new float[grid.voxelCount()];
        float[] activity = new float[grid.voxelCount()];
        for (int k = 0; k < N; k++) {
            for (int j = 0; j < N; j++) {
                for (int i = 0; i < N; i++) {
                    double ex = grid.xMm(i) / 170.0;
                    double ey = grid.yMm(j) / 120.0;
                    if (ex * ex + ey * ey <= 1) {
                        mu[grid.index(i, j, k)] = (float) WATER_MU_PER_CM;
                        activity[grid.index(i, j, k)] = 5f;
                    }
                }
            }
        }
        loops = ParallelLoops.of(2);
        RotatedFrame frame = RotatedFrame.of(g);
        List<ViewTransform> transforms = new ArrayList<>();
        if (model.contains("attenuation")) {
            transforms.add(AttenuationTransform.of(frame, Volume.of(grid, mu, "1/cm")));
        }
        if (model.contains("psf")) {
            transforms.add(DepthDependentBlur.of(frame, CollimatorSpec.siemensLehr(LEAD_MU_PER_CM)));
        }
        projector = RotationProjector.of(g, transforms, loops);
        data = empty.withData(projector.forward(activity));
        osem = Osem.of(1, 8);
        sensitivities = osem.sensitivities(projector);
        System.gc();
        long live = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        System.out.printf("%nheap: live after set-up %.0f MB (model %s, max heap %.0f MB)%n", live / 1048576.0,
                model, Runtime.getRuntime().maxMemory() / 1048576.0);
    }

    /** Prints the peak heap of the trial and releases the worker threads. */
    @TearDown(Level.Trial)
    public void tearDown() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.printf("%nheap: peak over the trial %.0f MB (sum of heap pool peaks, model %s)%n",
                peak / 1048576.0, model);
        loops.close();
    }

    /** One OSEM iteration over all subsets. */
    @Benchmark
    public Volume oneIteration() {
        return osem.reconstruct(projector, data, null, sensitivities, IterationListener.NONE);
    }
}
