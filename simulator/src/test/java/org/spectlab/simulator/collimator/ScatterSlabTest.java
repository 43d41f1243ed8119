package org.spectlab.simulator.collimator;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.spectlab.simulator.interaction.ScatteredPhoton;
import org.spectlab.simulator.run.BatchRandom;
import org.spectlab.simulator.source.Directions;

/**
 * The scattering medium's attenuation follows its material; its directional biasing changes the variance, not the expectation; it pays for the
 * in-window scatter the camera QC counts (low scatter orders, which it forces into the cone), less for
 * all scatter into the cone (the mixture's factor 1/(1 - q) on photons scattered outside the cone
 * grows with the scatter order).
 */
class ScatterSlabTest {

    @Test
    void biasedScatteringIntoTheConeAgreesWithAnalogScattering() {
        // Tc-99m 100 mm deep; cone of tan 0.15 (3 x a LEHR's acceptance)
        ScatterSlab analog = ScatterSlab.of("water", 100, 140.5, 0.15, 0.0);
        ScatterSlab biased = ScatterSlab.of("water", 100, 140.5, 0.15, ScatterSlab.FORCED_SHARE);
        double[] a = scatteredIntoCone(analog, 1_500_000, 1);
        double[] b = scatteredIntoCone(biased, 300_000, 2);
        for (int q = 0; q < 2; q++) {
            double z = (b[2 * q] - a[2 * q]) / Math.hypot(a[2 * q + 1], b[2 * q + 1]);
            System.out.printf("%s: analog %.3e ± %.1e, biased %.3e ± %.1e (z %.2f)%n",
                    q == 0 ? "scattered into the cone" : "... with energy >= 126 keV", a[2 * q], a[2 * q + 1], b[2 * q],
                    b[2 * q + 1], z);
            // independent streams: |z| < 3 (two-sided p 0.27 %) for equal expectations
            assertThat(Math.abs(z)).isLessThan(3.0);
        }
        // in-window scatter: from 5 times fewer photons a standard error at least 2 times smaller (a
        // 20-fold efficiency gain measured: 1.1e-5 vs 2.3e-5)
        assertThat(b[3]).isLessThan(a[3] / 2);
    }

    @Test
    void photonsCrossTheSlabUnscatteredWithTheMediumsXcomAttenuation() {
        // A photon sent straight at the collimator through 100 mm arrives unscattered with probability
        // exp(-mu d), mu the medium's total linear attenuation (incl. coherent) from its NIST XCOM tables:
        // 0.153 /cm for water, 0.177 /cm for NEMA NU 1's acrylic (PMMA, 1.19 g/cm^3). Binomial test on
        // 200 000 photons each (standard error ~0.0009); |z| < 4. The two media differ by ~20 standard
        // errors, so the test also fails if the slab ignored its material.
        var lib = org.spectlab.core.material.MaterialLibrary.builtIn();
        for (String material : new String[] {"water", "pmma"}) {
            double mu = org.spectlab.simulator.xs.MaterialCrossSections.of(lib.get(material)).muPerCm(140.5);
            double p = Math.exp(-mu * 10.0);
            ScatterSlab slab = ScatterSlab.of(material, 100, 140.5, 0.15);
            UniformRandomProvider rng = BatchRandom.stream(3, material.length());
            double[] pos = new double[3];
            double[] dir = new double[3];
            double[] state = new double[2];
            ScatteredPhoton scratch = new ScatteredPhoton();
            int n = 200_000;
            int unscattered = 0;
            for (int i = 0; i < n; i++) {
                dir[0] = 0;
                dir[1] = 0;
                dir[2] = 1;
                state[0] = 140.5;
                if (slab.transport(pos, dir, state, rng, scratch) == 0) {
                    unscattered++;
                    assertThat(state[1]).isEqualTo(1.0);
                }
            }
            double z = (unscattered / (double) n - p) / Math.sqrt(p * (1 - p) / n);
            assertThat(Math.abs(z)).as("%s: %d of %d unscattered, expected %.4f", material, unscattered, n, p)
                    .isLessThan(4.0);
        }
        assertThat(QcMedium.parse("Acrylic", "--medium")).isEqualTo(QcMedium.PMMA);
        assertThat(QcMedium.PMMA.materialName()).isEqualTo("pmma");
        assertThat(QcMedium.AIR.scatters()).isFalse();
    }

    /**
     * Per photon emitted isotropically: weight reaching the face scattered and inside the cone, and
     * of those with at least 126 keV (the 20 % window's lower edge), each with its standard error.
     */
    private static double[] scatteredIntoCone(ScatterSlab slab, int n, long seed) {
        UniformRandomProvider rng = BatchRandom.stream(seed, 0);
        double[] pos = new double[3];
        double[] dir = new double[3];
        double[] state = new double[2];
        ScatteredPhoton scratch = new ScatteredPhoton();
        double s1 = 0;
        double s2 = 0;
        double w1 = 0;
        double w2 = 0;
        for (int i = 0; i < n; i++) {
            Directions.isotropic(rng, dir);
            state[0] = 140.5;
            int scatters = slab.transport(pos, dir, state, rng, scratch);
            if (scatters > 0 && dir[2] >= slab.coneCos()) {
                double w = state[1];
                s1 += w;
                s2 += w * w;
                if (state[0] >= 126.45) {
                    w1 += w;
                    w2 += w * w;
                }
            }
        }
        return new double[] {s1 / n, Math.sqrt((s2 / n - (s1 / n) * (s1 / n)) / n), w1 / n,
            Math.sqrt((w2 / n - (w1 / n) * (w1 / n)) / n)};
    }
}
