package org.spectlab.simulator.crystal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.spectlab.core.projection.EnergyWindow;
import org.spectlab.simulator.detector.EnergyResolution;
import org.spectlab.simulator.run.BatchRandom;

class CrystalResponseTest {

    private static final NaiCrystal CRYSTAL = NaiCrystal.of(9.525);

    @Test
    void depositsNeverExceedTheIncidentEnergyAndShowTheIodineEscapePeak() {
        UniformRandomProvider rng = BatchRandom.stream(3, 0);
        NaiCrystal.Scratch s = NaiCrystal.scratch();
        int n = 100_000;
        int photopeak = 0;
        int escape = 0;
        int interacted = 0;
        for (int i = 0; i < n; i++) {
            double d = CRYSTAL.depositKeV(140.5, rng, s);
            assertThat(d).isBetween(0.0, 140.5 + 1e-9);
            if (d > 0) {
                interacted++;
            }
            if (d > 139.5) {
                photopeak++;
            } else if (d > 140.5 - 32.4 && d < 140.5 - 28.2) {
                escape++;
            }
        }
        double pInteract = CRYSTAL.interactionProbability(140.5);
        double se = Math.sqrt(pInteract * (1 - pInteract) / n);
        // Events depositing energy: every interaction except a Rayleigh scatter followed by escape, so the
        // fraction lies between P(interact) x (1 - coherent share, 0.06 at 140 keV in NaI per XCOM) and P(interact).
        double fraction = interacted / (double) n;
        assertThat(fraction).isLessThan(pInteract + 4 * se).isGreaterThan(pInteract * 0.94 - 4 * se);
        // Intrinsic photopeak efficiency of 3/8" NaI(Tl) at 140 keV is about 0.85-0.9
        // (Cherry, Sorenson & Phelps, Physics in Nuclear Medicine 4th ed., Fig. 13-?/14-12 region):
        // the full-absorption fraction must lie in that band.
        assertThat(photopeak / (double) n).isBetween(0.80, 0.92);
        // The iodine K escape peak (E - 28.3..32.3 keV) holds a few percent of the events near the front face.
        assertThat(escape / (double) n).isBetween(0.01, 0.08);
    }

    @Test
    void windowAcceptanceFollowsThePhotopeakAndFallsBelowTheWindow() {
        CrystalResponse r = CrystalResponse.simulate(CRYSTAL, 20, 200, 1.0, 4_000, 7);
        EnergyResolution res = EnergyResolution.sqrtLaw(0.099, 140.5);
        WindowAcceptance a = r.windowAcceptance(res, List.of(EnergyWindow.centred("pp", 140.5, 20),
                EnergyWindow.of("lower", 108.5, 126.5)));
        double peak = a.acceptance(0, 140.5);
        // ~ photopeak fraction x 0.983 (the Gaussian fraction inside +-2.38 sigma) plus a little continuum.
        assertThat(peak).isCloseTo(r.photopeakFraction(140.5) * 0.983, within(0.03));
        assertThat(a.acceptance(0, 100)).isLessThan(1e-3);
        // A 140.5 keV photon lands in the lower scatter window only through crystal Compton/escape events.
        assertThat(a.acceptance(1, 140.5)).isBetween(0.005, 0.1);
        assertThat(a.acceptance(1, 117.5)).isGreaterThan(0.7);
    }
}
