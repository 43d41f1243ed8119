package org.spectlab.simulator.ct;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.spectlab.core.error.InputException;
import org.spectlab.core.material.Material;
import org.spectlab.core.material.MaterialLibrary;
import org.spectlab.simulator.xs.MaterialCrossSections;

class TubeSpectrumTest {
    private static final Material AL = MaterialLibrary.builtIn().get("aluminium");

    @Test
    void noPhotonsAboveTheTubeVoltage() {
        for (double kv : new double[] {80, 100, 120, 140}) {
            double[] e = TubeSpectrum.tasmip(kv).energiesKeV();
            assertThat(e[e.length - 1]).isLessThanOrEqualTo(kv);
            assertThat(e[0]).isGreaterThanOrEqualTo(10);
        }
    }

    @Test
    void tungstenKLinesStandOutAt120kV() {
        // W K-alpha 58.0/59.3 keV, K-beta 67.2/69.1 keV (NNDC W x-ray energies): TASMIP's measured spectra
        // show them, broadened by the spectrometer, peaking in the 60 and 68 keV bins, well above the
        // bremsstrahlung continuum 3-5 keV either side.
        TubeSpectrum s = TubeSpectrum.tasmip(120);
        double[] e = s.energiesKeV();
        double[] f = s.fluencePerMm2PerMAs();
        assertThat(at(e, f, 60)).isGreaterThan(1.5 * Math.max(at(e, f, 55), at(e, f, 65)));
        assertThat(at(e, f, 68)).isGreaterThan(1.3 * Math.max(at(e, f, 65), at(e, f, 71)));
    }

    @Test
    void monoenergeticHalfValueLayerIsLn2OverMu() {
        // Exact: a single energy has HVL = ln 2 / mu; the bisection converges far below 1e-6 relative.
        double mu = MaterialCrossSections.of(AL).muPerCm(60) / 10.0;
        TubeSpectrum s = TubeSpectrum.monoenergetic(60);
        assertThat(s.halfValueLayerMm(AL)).isCloseTo(Math.log(2) / mu, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(s.filtered(AL, 3).effectiveEnergyKeV(AL)).isEqualTo(60.0);
    }

    @Test
    void filtrationAndVoltageHardenTheBeam() {
        double hvl0 = TubeSpectrum.tasmip(120).halfValueLayerMm(AL);
        double hvl6 = TubeSpectrum.tasmip(120).filtered(AL, 6).halfValueLayerMm(AL);
        double hvl6at80 = TubeSpectrum.tasmip(80).filtered(AL, 6).halfValueLayerMm(AL);
        assertThat(hvl6).isGreaterThan(hvl0 + 1);
        assertThat(hvl6at80).isLessThan(hvl6 - 1);
        // Clinical CT beams at 120 kV have first HVLs of roughly 6-10 mm Al (Kruger, McCollough, Zink,
        // Med. Phys. 27 (2000) 1915); the default added filtration must land there.
        TubeSpectrum def = TubeSpectrum.tasmip(120).filtered(AL, CtProtocol.DEFAULT_ALUMINIUM_MM);
        assertThat(def.halfValueLayerMm(AL)).isBetween(6.0, 10.0);
        double eff = def.effectiveEnergyKeV(AL);
        assertThat(eff).isBetween(50.0, 70.0);
        assertThat(eff).isLessThan(def.meanEnergyKeV() + 1e-9);
    }

    @Test
    void rejectsVoltagesOutsideTheModel() {
        assertThatThrownBy(() -> TubeSpectrum.tasmip(150)).isInstanceOf(InputException.class)
                .hasMessageContaining("kVp");
    }

    private static double at(double[] e, double[] f, double energy) {
        for (int i = 0; i < e.length; i++) {
            if (e[i] == energy) {
                return f[i];
            }
        }
        throw new AssertionError("no bin at " + energy);
    }
}
