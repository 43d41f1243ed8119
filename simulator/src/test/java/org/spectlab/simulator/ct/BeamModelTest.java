package org.spectlab.simulator.ct;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.spectlab.core.material.MaterialLibrary;

class BeamModelTest {
    private static BeamModel beam() {
        return BeamModel.of(TubeSpectrum.tasmip(120).filtered(MaterialLibrary.builtIn().get("aluminium"), 6),
                CtPhantoms.materials(), 2);
    }

    @Test
    void oneMaterialGivesTheSpectralBeerLambertSum() {
        // transmissionThrough evaluates sum_b w_E(b) exp(-mu_m(E_b) L) straight from the bin-major table; the
        // ray path reads the material-major copy. Same terms in the same order: equal to the last bit
        // (tolerance 0), for every material (a wrong transposition would mix up materials or bins).
        BeamModel beam = beam();
        double[] lengthCm = new double[beam.materialCount()];
        int[] present = new int[1];
        double[] scratch = new double[beam.binCount()];
        double[] out = new double[2];
        for (int m = 0; m < beam.materialCount(); m++) {
            for (double l : new double[] {0.1, 1, 7.3, 30}) {
                java.util.Arrays.fill(lengthCm, 0);
                lengthCm[m] = l;
                present[0] = m;
                beam.transmission(lengthCm, present, 1, scratch, out);
                assertThat(out[0]).as("material %d, %s cm", m, l).isEqualTo(beam.transmissionThrough(m, l));
            }
        }
    }

    @Test
    void mixtureAttenuatesMoreThanEitherPartAndPhotonCountHardensLess() {
        // 10 cm water + 1 cm bone: below each part alone. The photon-count transmission T_N weights low
        // energies more than T_E (w_N ∝ N, w_E ∝ N E), and low energies are attenuated more, so T_N < T_E.
        BeamModel beam = beam();
        double[] lengthCm = new double[beam.materialCount()];
        lengthCm[CtPhantoms.WATER] = 10;
        lengthCm[CtPhantoms.BONE] = 1;
        double[] out = new double[2];
        beam.transmission(lengthCm, new int[] {CtPhantoms.WATER, CtPhantoms.BONE}, 2,
                new double[beam.binCount()], out);
        assertThat(out[0]).isLessThan(beam.transmissionThrough(CtPhantoms.WATER, 10))
                .isLessThan(beam.transmissionThrough(CtPhantoms.BONE, 1)).isPositive();
        assertThat(out[1]).isLessThan(out[0]).isPositive();
    }
}
