package org.spectlab.simulator.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.spectlab.core.error.InputException;
import org.spectlab.phantoms.config.PhantomConfig;
import org.spectlab.simulator.spect.SpectScenario;

/**
 * Two-head acquisitions from the study configuration: which head sees which view at which angle
 * and when, and the physical decay of each view against exp(-λt) integrated numerically.
 */
class DualHeadAcquisitionTest {

    private static SpectScenario scenario(String acquisitionExtra, String nuclide, int views, double arcDeg,
                                          double timePerViewS) {
        String yaml = TinyStudy.yaml().replace("nuclide: Tc-99m", "nuclide: " + nuclide)
                .replace("acquisition: {views: 4,", "acquisition: {views: " + views + ", arc_deg: " + arcDeg + ","
                        + acquisitionExtra)
                .replace("time_per_view_s: 10}", "time_per_view_s: " + timePerViewS + "}")
                .replace("camera: {collimator: siemens-lehr}", "camera: {collimator: siemens-lehr, windows: "
                        + "[{name: photopeak, lower_keV: 100, upper_keV: 200}]}");
        StudyConfig c = StudyConfig.parse(yaml, "t", null);
        PhantomConfig.Rendered r = c.phantom().render();
        return SpectStudy.scenario(c, r);
    }

    @Test
    void opposedHeadsSeeViewsHalfAnOrbitApartAtTheSameTime() {
        SpectScenario s = scenario(" heads: 2, head_configuration: opposed,", "Tc-99m", 60, 360, 600);
        for (int v = 0; v < 30; v++) {
            assertThat(s.headOfView(v)).isZero();
            assertThat(s.headOfView(v + 30)).isEqualTo(1);
            assertThat(s.timeSlotOfView(v)).isEqualTo(v);
            assertThat(s.timeSlotOfView(v + 30)).isEqualTo(v);
            // the second head is 180° from the first: same slot, opposite side
            assertThat(s.orbit().angleDeg(v + 30) - s.orbit().angleDeg(v)).isCloseTo(180.0, within(1e-9));
            assertThat(s.viewDecayFactor(v + 30)).isEqualTo(s.viewDecayFactor(v));
        }
    }

    @Test
    void lModeHeadsSeeViewsNinetyDegreesApartOverA180DegreeArc() {
        SpectScenario s = scenario(" heads: 2, head_configuration: l-mode,", "Tc-99m", 32, 180, 20);
        for (int v = 0; v < 16; v++) {
            assertThat(s.headOfView(v + 16)).isEqualTo(1);
            assertThat(s.orbit().angleDeg(v + 16) - s.orbit().angleDeg(v)).isCloseTo(90.0, within(1e-9));
            assertThat(s.viewDecayFactor(v + 16)).isEqualTo(s.viewDecayFactor(v));
        }
        // the scan lasts 16 view times: the last slot starts at 15 x 20 s
        assertThat(s.timeSlotOfView(31)).isEqualTo(15);
    }

    @Test
    void decayPerViewIsTheMeanOfExpMinusLambdaTOverItsSlot() {
        // Tc-99m (T1/2 6.0067 h, DDEP) with long views so that decay matters: 60 views of 10 min on
        // two opposed heads = 5 h. Reference: Simpson's rule on exp(-ln2 t / T1/2) over the slot
        // (200 panels: error ~1e-12 relative); tolerance 1e-9 relative.
        SpectScenario s = scenario(" heads: 2,", "Tc-99m", 60, 360, 600);
        double lambda = Math.log(2) / s.nuclide().halfLifeS();
        for (int v = 0; v < 60; v++) {
            double t0 = s.timeSlotOfView(v) * 600.0;
            int n = 200;
            double h = 600.0 / n;
            double sum = 0;
            for (int i = 0; i <= n; i++) {
                double f = Math.exp(-lambda * (t0 + i * h));
                sum += f * (i == 0 || i == n ? 1 : i % 2 == 1 ? 4 : 2);
            }
            double mean = sum * h / 3 / 600.0;
            assertThat(s.viewDecayFactor(v)).as("view " + v).isCloseTo(mean, within(1e-9 * mean));
        }
        // the last slot (4 h 50 min to 5 h) has decayed to about 2^(-4.917/6.0067) = 0.567
        assertThat(s.viewDecayFactor(59)).isCloseTo(0.567, within(0.002));
    }

    @Test
    void inconsistentHeadConfigurationsAreRejectedNamingTheField() {
        assertThatThrownBy(() -> scenario(" heads: 2, head_configuration: l-mode,", "Tc-99m", 32, 360, 20))
                .isInstanceOf(InputException.class).hasMessageStartingWith("'acquisition.arc_deg': must be 180");
        assertThatThrownBy(() -> scenario(" heads: 2,", "Tc-99m", 33, 360, 20))
                .isInstanceOf(InputException.class).hasMessageStartingWith("'acquisition.views': must be even");
        assertThatThrownBy(() -> scenario(" heads: 2, head_configuration: v-mode,", "Tc-99m", 32, 360, 20))
                .isInstanceOf(InputException.class).hasMessageStartingWith("'acquisition.head_configuration'");
        assertThatThrownBy(() -> scenario(" head_configuration: opposed,", "Tc-99m", 32, 360, 20))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("'acquisition.head_configuration': applies to heads: 2 only");
    }
}
