package org.spectlab.benchmarks;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.spectlab.core.grid.Grid3;
import org.spectlab.phantoms.library.AdultTorso;
import org.spectlab.phantoms.model.Phantom;
import org.spectlab.phantoms.voxel.VoxelisedPhantom;
import org.spectlab.phantoms.voxel.Voxeliser;

/**
 * Voxelising the adult male torso onto a 128^3 grid of 5.2 mm voxels (666 mm field) with 4^3
 * sub-samples per voxel, single-threaded; {@code refine = 2} adds boundary refinement (8^3 at surfaces)
 * for comparison with the plain 4^3 baseline in the same run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class VoxeliseTorsoBenchmark {
    @Param({"1", "2"})
    public int refine;

    private Phantom torso;
    private Grid3 grid;
    private Voxeliser voxeliser;

    @Setup
    public void setUp() {
        torso = AdultTorso.build(AdultTorso.Options.of(AdultTorso.Sex.MALE, Map.of("liver", 5000.0, "body", 500.0)));
        grid = Grid3.centredCubic(128, 128, 128, 5.2);
        voxeliser = Voxeliser.withBoundaryRefinement(4, refine, 1);
    }

    @Benchmark
    public VoxelisedPhantom voxelise() {
        return voxeliser.render(grid, torso);
    }
}
