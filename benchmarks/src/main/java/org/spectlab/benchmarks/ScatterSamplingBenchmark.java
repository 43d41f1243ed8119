package org.spectlab.benchmarks;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.spectlab.core.material.Constituent;
import org.spectlab.core.material.Material;
import org.spectlab.simulator.interaction.ComptonSampler;
import org.spectlab.simulator.interaction.KleinNishinaSampler;
import org.spectlab.simulator.interaction.RayleighSampler;
import org.spectlab.simulator.interaction.ScatteredPhoton;

/**
 * Nanoseconds per scattering sample: free-electron Klein-Nishina (the baseline), bound Compton
 * (Klein-Nishina x S rejection) and Rayleigh (F^2 cumulative inversion + Thomson rejection), in water
 * and lead at SPECT energies. Also a bare RNG draw, as the unit the others are compared to.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ScatterSamplingBenchmark {
    @Param({"water", "lead"})
    public String material;

    @Param({"30", "140.5", "364.5"})
    public double energyKeV;

    private UniformRandomProvider rng;
    private KleinNishinaSampler kleinNishina;
    private ComptonSampler compton;
    private RayleighSampler rayleigh;
    private final ScatteredPhoton out = new ScatteredPhoton();

    /** Builds the samplers (tables per material) and a seeded stream. */
    @Setup
    public void setUp() {
        Material m = material.equals("water")
                ? Material.of("water", 1.0, List.of(Constituent.of(1, 0.111894), Constituent.of(8, 0.888106)))
                : Material.of("lead", 11.35, List.of(Constituent.of(82, 1.0)));
        rng = RandomSource.XO_RO_SHI_RO_128_PP.create(12345L);
        kleinNishina = KleinNishinaSampler.of();
        compton = ComptonSampler.of(m);
        rayleigh = RayleighSampler.of(m);
    }

    /** One uniform double: the cost unit. */
    @Benchmark
    public double uniformDouble() {
        return rng.nextDouble();
    }

    /** Free-electron Klein-Nishina (Butcher-Messel). */
    @Benchmark
    public double kleinNishina() {
        kleinNishina.sample(rng, energyKeV, out);
        return out.cosTheta();
    }

    /** Bound Compton: Klein-Nishina x S_mix/S_bound rejection. */
    @Benchmark
    public double comptonWithBinding() {
        compton.sample(rng, energyKeV, out);
        return out.cosTheta();
    }

    /** Rayleigh: F^2 cumulative inversion with Thomson rejection. */
    @Benchmark
    public double rayleigh() {
        rayleigh.sample(rng, energyKeV, out);
        return out.cosTheta();
    }
}
