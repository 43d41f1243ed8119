package org.spectlab.benchmarks;

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
import org.spectlab.core.camera.CollimatorLibrary;
import org.spectlab.simulator.collimator.GeometricResponse;
import org.spectlab.simulator.collimator.HexagonalHoleArray;
import org.spectlab.simulator.collimator.TransferTable;

/**
 * Cost per call of the collimator kernels on 1024 precomputed random directions (siemens-lehr):
 * closed-form transfer vs the bilinear table, the ideal ray test, and the septal lattice walk.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class CollimatorTransferBenchmark {
    private static final int N = 1024;
    private final double[] tan = new double[N];
    private final double[] phi = new double[N];
    private final double[] u = new double[N];
    private final double[] v = new double[N];
    private HexagonalHoleArray holes;
    private GeometricResponse response;
    private TransferTable table;

    /** Builds the lattice, table and inputs. */
    @Setup
    public void setup() {
        holes = HexagonalHoleArray.of(CollimatorLibrary.get("siemens-lehr"));
        response = GeometricResponse.of(holes, 0);
        table = TransferTable.ideal(response, 256, 64);
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(1L);
        for (int i = 0; i < N; i++) {
            tan[i] = holes.maxAcceptanceTan() * rng.nextDouble();
            phi[i] = 2 * Math.PI * rng.nextDouble();
            u[i] = 10 * rng.nextDouble();
            v[i] = 10 * rng.nextDouble();
        }
    }

    /** Closed-form transfer (with the cos/sin of the azimuth). */
    @Benchmark
    public double closedFormTransfer() {
        double s = 0;
        for (int i = 0; i < N; i++) {
            s += response.transfer(tan[i], phi[i]);
        }
        return s;
    }

    /** Bilinear table lookup. */
    @Benchmark
    public double tableTransfer() {
        double s = 0;
        for (int i = 0; i < N; i++) {
            s += table.value(tan[i], phi[i]);
        }
        return s;
    }

    /** Ideal-septa ray test. */
    @Benchmark
    public int rayTest() {
        int c = 0;
        for (int i = 0; i < N; i++) {
            if (holes.passesSameHole(u[i], v[i], tan[i], 0.3 * tan[i], 1.0)) {
                c++;
            }
        }
        return c;
    }

    /** Septal path by lattice walk at up to 10x the acceptance angle. */
    @Benchmark
    public double septalWalk() {
        double s = 0;
        for (int i = 0; i < N; i++) {
            s += holes.septalPathLengthMm(u[i], v[i], 10 * tan[i], 3 * tan[i], 1.0);
        }
        return s;
    }
}
