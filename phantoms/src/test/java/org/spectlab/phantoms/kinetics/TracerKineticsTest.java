package org.spectlab.phantoms.kinetics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.spectlab.core.error.InputException;
import org.spectlab.core.grid.Grid3;
import org.spectlab.core.nuclide.Nuclide;
import org.spectlab.core.nuclide.NuclideLibrary;
import org.spectlab.phantoms.library.AdultTorso;
import org.spectlab.phantoms.model.Phantom;
import org.spectlab.phantoms.voxel.VoxelisedPhantom;
import org.spectlab.phantoms.voxel.Voxeliser;

class TracerKineticsTest {
    private static final Nuclide TC99M = NuclideLibrary.get("Tc-99m");

    /** A made-up (not agent-specific) test model: uptake phases, clearance, permanent retention. */
    private static Map<String, Retention> model() {
        Map<String, Retention> m = new LinkedHashMap<>();
        m.put("liver", Retention.of(new double[] {0.30, -0.30, 0.10}, new double[] {8, 0.2, Double.POSITIVE_INFINITY}));
        m.put("spleen", Retention.monoExponential(0.05, 20));
        m.put("kidney_left", Retention.of(new double[] {0.04, -0.04}, new double[] {3, 0.5}));
        m.put("kidney_right", Retention.of(new double[] {0.04, -0.04}, new double[] {3, 0.5}));
        // the body (blood) feeds the liver and kidney uptake phases: its fast terms mirror them, so the
        // total body content only falls
        m.put("body", Retention.of(new double[] {0.45, 0.30, 0.08}, new double[] {2, 0.2, 0.5}));
        return m;
    }

    @Test
    void decayOnlySourceFollowsTheHalfLifeOfTheIndependentNuclideLibrary() {
        TracerKinetics k = TracerKinetics.of(740, Map.of("body", Retention.constant(1)), TC99M.halfLifeS());
        for (double tH : new double[] {0, 1, 6.0067, 24, 100}) {
            assertThat(k.activityMBqAt("body", tH) / (740 * TC99M.decayFactor(tH * 3600)) - 1)
                    .isBetween(-1e-12, 1e-12);
            double decays = k.decaysMBqSIn("body", tH, 1200);
            assertThat(decays / (740 * 1200 * TC99M.meanDecayFactorOver(tH * 3600, 1200)) - 1)
                    .isBetween(-1e-12, 1e-12);
        }
        // one half-life later exactly half is left
        assertThat(k.activityMBqAt("body", TC99M.halfLifeS() / 3600)).isCloseTo(370,
                org.assertj.core.data.Offset.offset(1e-9));
        assertThat(k.excretedFraction(30)).isCloseTo(0, org.assertj.core.data.Offset.offset(1e-15));
    }

    @Test
    void windowIntegralMatchesNumericalQuadrature() {
        TracerKinetics k = TracerKinetics.of(500, model(), TC99M.halfLifeS());
        for (String organ : k.compartments()) {
            double startH = 0.25;
            double durationS = 1800;
            // composite Simpson with 2000 intervals: error ~ (h^4) f'''' ~ 1e-12 relative here
            int n = 2000;
            double h = durationS / 3600.0 / n;
            double s = 0;
            for (int i = 0; i <= n; i++) {
                double w = i == 0 || i == n ? 1 : (i % 2 == 1 ? 4 : 2);
                s += w * k.activityMBqAt(organ, startH + i * h);
            }
            double numericMBqS = s * h / 3 * 3600;
            assertThat(k.decaysMBqSIn(organ, startH, durationS) / numericMBqS - 1).as(organ).isBetween(-1e-9, 1e-9);
        }
    }

    @Test
    void voxelisedActivityEqualsAdministeredMinusExcretedAfterDecay() {
        Phantom torso = AdultTorso.build(AdultTorso.Options.of(AdultTorso.Sex.MALE, Map.of()));
        Grid3 g = Grid3.centredCubic(46, 30, 84, 8.0);
        Voxeliser vox = Voxeliser.of(2, 2);
        VoxelisedPhantom volumes = vox.render(g, torso);
        TracerKinetics k = TracerKinetics.of(500, model(), TC99M.halfLifeS());
        for (double tH : new double[] {0.5, 3, 24}) {
            VoxelisedPhantom atT = vox.render(g, k.applyAt(volumes, tH));
            double expectedBq = (500 * k.decayFactor(tH) - k.excretedActivityMBqAt(tH)) * 1e6;
            // region tallies are exact integer counts x concentration: double rounding only
            assertThat(atT.totalActivityBq() / expectedBq - 1).isBetween(-1e-9, 1e-9);
            // the float image: ~1e-7 relative rounding per voxel, summed in double
            assertThat(atT.activity().sum() * g.voxelVolumeMl() / expectedBq - 1).isBetween(-1e-5, 1e-5);
            double organs = 0;
            for (String c : k.compartments()) {
                organs += k.activityMBqAt(c, tH);
            }
            assertThat(organs + k.excretedActivityMBqAt(tH)).isCloseTo(500 * TC99M.decayFactor(tH * 3600),
                    org.assertj.core.data.Offset.offset(1e-9));
        }
    }

    @Test
    void inconsistentModelsAreRejected() {
        assertThatThrownBy(() -> TracerKinetics.of(100, Map.of("a", Retention.constant(0.7), "b",
                Retention.constant(0.5)), 3600)).isInstanceOf(InputException.class)
                .hasMessageContaining("compartments");
        // growth without a matching loss elsewhere: body content would rise
        assertThatThrownBy(() -> TracerKinetics.of(100, Map.of("a", Retention.of(new double[] {0.5, -0.3},
                new double[] {Double.POSITIVE_INFINITY, 1})), 3600)).isInstanceOf(InputException.class)
                .hasMessageContaining("rises");
        assertThatThrownBy(() -> Retention.of(new double[] {1.2}, new double[] {5}))
                .isInstanceOf(InputException.class);
    }
}
