package org.spectlab.validation.physics;

import static org.spectlab.validation.suite.ValidationCase.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.rng.UniformRandomProvider;
import org.spectlab.core.grid.Grid3;
import org.spectlab.core.material.MaterialLibrary;
import org.spectlab.simulator.transport.AttenuationSource;
import org.spectlab.simulator.transport.MaterialTables;
import org.spectlab.simulator.transport.VoxelMedium;
import org.spectlab.simulator.transport.WoodcockTracker;
import org.spectlab.simulator.xs.MaterialCrossSections;
import org.spectlab.simulator.xs.Process;
import org.spectlab.validation.suite.CaseContext;
import org.spectlab.validation.suite.Quantity;
import org.spectlab.validation.suite.Reference;
import org.spectlab.validation.suite.Tolerance;
import org.spectlab.validation.suite.ValidationCase;

/**
 * Narrow-beam transmission through a slab by Monte Carlo: a pencil beam enters a voxelised slab
 * (one voxel column, several voxels thick) perpendicularly, the {@link WoodcockTracker} samples the
 * first real interaction from {@link MaterialTables} built from {@link MaterialCrossSections}, and
 * photons that leave without interacting are counted as transmitted. The fraction is compared with
 * Beer-Lambert {@code exp(-mu x)} (mu from the exact XCOM interpolation) as a z-score with the binomial
 * standard error of the run.
 */
public final class TransmissionCases {

    /** One slab: material, thickness, energy, photons. */
    record Slab(String material, double thicknessMm, double energyKeV) {
    }

    /** Slabs of the full suite (transmission 0.05-0.3: binomial error 0.3-0.8% at 200k photons). */
    static final List<Slab> SLABS = List.of(new Slab("water", 100, 140.5), new Slab("water", 150, 364.5),
            new Slab("lead", 1.0, 140.5), new Slab("lead", 10.0, 364.5));

    /** |z| <= 4: a correct tracker fails one quantity in 16 000. */
    static final Tolerance Z4 = Tolerance.zScore(4, "binomial standard error of the run; |z| <= 4 "
            + "has a false-alarm rate of 6e-5 per quantity");

    private TransmissionCases() {
    }

    /** The case with {@code photons} per slab. */
    public static ValidationCase narrowBeam(int photons) {
        return ValidationCase.of("transmission-narrow-beam",
                "Monte Carlo narrow-beam transmission (Woodcock tracking, voxelised slab) through water and lead "
                        + "at 140.5 and 364.5 keV vs exp(-mu x) with mu from XCOM.",
                config("photons_per_slab", photons, "slabs", slabDescriptions(), "voxels_per_slab", 10,
                        "table_step_keV", 0.5),
                ctx -> measure(ctx, photons));
    }

    private static List<String> slabDescriptions() {
        List<String> out = new ArrayList<>();
        for (Slab s : SLABS) {
            out.add(String.format(Locale.ROOT, "%s %.4g mm at %.1f keV", s.material(), s.thicknessMm(), s.energyKeV()));
        }
        return out;
    }

    static List<Quantity> measure(CaseContext ctx, int photons) {
        List<Quantity> q = new ArrayList<>();
        for (int s = 0; s < SLABS.size(); s++) {
            Slab slab = SLABS.get(s);
            MaterialCrossSections xs = MaterialCrossSections.of(MaterialLibrary.builtIn().get(slab.material()));
            MaterialTables tables = MaterialTables.build(1, (m, p, e) -> xs.muPerCm(process(p), e), 100, 400, 0.5);
            int nz = 10;
            double dz = slab.thicknessMm() / nz;
            Grid3 grid = Grid3.of(1, 1, nz, 10, 10, dz, 0, 0, 0.5 * dz);
            WoodcockTracker tracker = new WoodcockTracker(VoxelMedium.of(grid, new short[nz], tables));
            UniformRandomProvider rng = ctx.random(s);
            double[] pos = new double[3];
            double[] dir = {0, 0, 1};
            long transmitted = 0;
            for (int n = 0; n < photons; n++) {
                pos[0] = 0;
                pos[1] = 0;
                pos[2] = 0;
                if (tracker.nextInteraction(pos, dir, slab.energyKeV(), rng) == WoodcockTracker.ESCAPED) {
                    transmitted++;
                }
            }
            double p = (double) transmitted / photons;
            double se = Math.sqrt(Math.max(p * (1 - p), 1.0 / photons) / photons);
            double expected = Math.exp(-xs.muPerCm(slab.energyKeV()) * slab.thicknessMm() / 10.0);
            q.add(Quantity.of(String.format(Locale.ROOT, "T_%s_%smm_%skeV", slab.material(), plain(slab.thicknessMm()),
                    plain(slab.energyKeV())), "1", p, se,
                    Reference.exact(expected, "Beer-Lambert exp(-mu x), mu from NIST XCOM (log-log, mixture rule)"),
                    Z4));
        }
        return q;
    }

    private static Process process(int p) {
        return switch (p) {
            case AttenuationSource.PHOTOELECTRIC -> Process.PHOTOELECTRIC;
            case AttenuationSource.INCOHERENT -> Process.INCOHERENT;
            default -> Process.COHERENT;
        };
    }

    static String plain(double x) {
        return java.math.BigDecimal.valueOf(x).stripTrailingZeros().toPlainString().replace('.', 'p');
    }
}
