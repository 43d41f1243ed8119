package org.spectlab.benchmarks;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.spectlab.core.material.Material;
import org.spectlab.core.material.MaterialLibrary;
import org.spectlab.simulator.xs.MaterialCrossSections;
import org.spectlab.simulator.xs.MaterialXsTable;

/**
 * Nanoseconds per total-mu lookup: the transport's uniform-grid table ({@link MaterialXsTable}) against the
 * exact edge-aware log-log interpolation with the mixture rule ({@link MaterialCrossSections}), the baseline,
 * in the same run. Energies are random in 20-600 keV (SPECT range, fixed seed), cycling through 4096 of
 * them; the material is soft tissue (9 elements). Headline figure: exact / table time ratio.
 *
 * <p>Run: {@code mvn -B -pl benchmarks -am package -DskipTests && java -jar benchmarks/target/benchmarks.jar
 * CrossSectionLookupBenchmark -f 1 -wi 2 -w 1s -i 3 -r 1s}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class CrossSectionLookupBenchmark {

    private static final int N = 4096;

    private MaterialCrossSections exact;
    private MaterialXsTable table;
    private double[] energiesKeV;
    private int next;

    /** Builds the table and the energies. */
    @Setup
    public void setUp() {
        Material tissue = MaterialLibrary.builtIn().get("soft_tissue");
        exact = MaterialCrossSections.of(tissue);
        table = MaterialXsTable.of(List.of(tissue));
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(42L);
        energiesKeV = new double[N];
        for (int i = 0; i < N; i++) {
            energiesKeV[i] = 20 + 580 * rng.nextDouble();
        }
    }

    /** Baseline: exact log-log interpolation, mixture over the elements. */
    @Benchmark
    public double exactLogLog() {
        next = (next + 1) & (N - 1);
        return exact.muPerCm(energiesKeV[next]);
    }

    /** The transport's table: one multiply, a cast and a linear interpolation. */
    @Benchmark
    public double fastTable() {
        next = (next + 1) & (N - 1);
        return table.muTotalPerCm(0, energiesKeV[next]);
    }
}
