package org.spectlab.benchmarks;

import java.util.List;
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
import org.spectlab.core.material.MaterialLibrary;
import org.spectlab.simulator.ct.CtProtocol;
import org.spectlab.simulator.ct.CtSimulator;
import org.spectlab.simulator.ct.MaterialMap;
import org.spectlab.simulator.ct.SimulatedCt;
import org.spectlab.simulator.ct.SpectrumMode;

/**
 * Seconds for one whole-bed CT: a torso-sized phantom (elliptic body 40 x 30 cm of soft tissue with two
 * lungs, a 3 cm cortical-bone spine and a sternum) on a 256 x 256 x 200 material grid of 2 mm voxels
 * (40 cm axial extent), simulated at 120 kV / 100 mAs with 360 views over 180 degrees and 1 mm detector
 * bins, reconstructed to 512 x 512 x 200 (1 mm pixels, 2 mm slices), 2 threads. Polyenergetic (2-keV bins)
 * against the effective-energy mode (the baseline) in the same run.
 *
 * <p>Run: {@code mvn -B -o -pl benchmarks -am package -DskipTests && java -jar benchmarks/target/benchmarks.jar
 * CtSimulationBenchmark -f 1 -wi 0 -i 1 -bm ss}
 *
 * <p>Measured (2 vCPUs, 2026-12-05): before the fast back projector and ray walk, 83.5 s polyenergetic on a
 * quiet machine. After, on the same machine shared with other jobs (load average 6-9 on 2 cores, so wall
 * times are 2-4x inflated and vary run to run): 163-169 s polyenergetic and 38-147 s effective-energy,
 * against 226-295 s and 232-297 s for the original jar in the same sessions. CPU seconds per CT slice
 * (independent of the waiting; 20-slice runs, 2 threads): 0.37-0.45 against 0.84 polyenergetic, 0.39
 * against 0.75 effective-energy, i.e. about 37-45 s and 39 s for the 200 slices on a quiet machine.
 * Profile of the original (JFR): back projection 73%, Siddon walk 20%, polyenergetic sums 4%, Poisson
 * 1.4%, FFT filter 0.5%.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CtSimulationBenchmark {

    /** Spectrum mode. */
    @Param({"POLYENERGETIC", "EFFECTIVE_ENERGY"})
    public String mode;

    private MaterialMap phantom;
    private Grid3 ctGrid;
    private CtProtocol protocol;

    /** Builds the torso material map. */
    @Setup
    public void setUp() {
        MaterialLibrary lib = MaterialLibrary.builtIn();
        Grid3 g = Grid3.centred(256, 256, 200, 2, 2, 2);
        short[] idx = new short[g.voxelCount()];
        for (int k = 0; k < g.nz(); k++) {
            for (int j = 0; j < g.ny(); j++) {
                for (int i = 0; i < g.nx(); i++) {
                    double x = g.xMm(i);
                    double y = g.yMm(j);
                    short m = 0;
                    if (Math.pow(x / 200, 2) + Math.pow(y / 150, 2) <= 1) {
                        m = 1;
                        if (Math.pow((Math.abs(x) - 80) / 55, 2) + Math.pow((y + 10) / 85, 2) <= 1) {
                            m = 2;
                        }
                        if (Math.hypot(x, y - 100) <= 15 || Math.abs(x) <= 10 && Math.abs(y + 135) <= 6) {
                            m = 3;
                        }
                    }
                    idx[g.index(i, j, k)] = m;
                }
            }
        }
        phantom = MaterialMap.of(g, idx, List.of(lib.get("air"), lib.get("soft_tissue"), lib.get("lung"),
                lib.get("cortical_bone")));
        ctGrid = Grid3.centred(512, 512, 200, 1, 1, 2);
        protocol = CtProtocol.defaults(2, 1).withRun(1, 2)
                .withSpectrum(SpectrumMode.valueOf(mode), Double.NaN);
    }

    /** One whole CT. */
    @Benchmark
    public SimulatedCt simulate() {
        return CtSimulator.simulate(phantom, ctGrid, protocol);
    }
}
