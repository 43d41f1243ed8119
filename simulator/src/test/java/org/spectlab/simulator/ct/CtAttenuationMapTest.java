package org.spectlab.simulator.ct;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.spectlab.core.grid.Grid3;
import org.spectlab.core.grid.LabelVolume;
import org.spectlab.core.grid.Volume;
import org.spectlab.core.material.Material;
import org.spectlab.recon.ct.BilinearHuConversion;
import org.spectlab.recon.ct.CtAttenuationMaps;
import org.spectlab.recon.ct.CtSegmentation;
import org.spectlab.recon.ct.TranslationRegistration;
import org.spectlab.simulator.xs.MaterialCrossSections;

/**
 * The SPECT/CT chain end to end: simulated CT (simulator) to attenuation maps and labels (recon), against
 * the true attenuation of the phantom's materials (NIST XCOM through the simulator's tables).
 */
class CtAttenuationMapTest {
    /**
     * Main photon lines (keV, ENSDF via NNDC NuDat): Tl-201 Hg K x-rays ~71 (mean of the 68.9-82.5 keV
     * group weighted to K-alpha), Ga-67 93.3/184.6/300.2, Tc-99m 140.5, I-123 159.0, Tl-201 167.4,
     * In-111 171.3/245.4, Ga-67 393.5, Lu-177 113.0/208.4, I-131 364.5/637.0, and the calibration and
     * check sources of the library: Co-57 122.1/136.5, Ba-133 81.0/356.0, Cs-137 661.7 (DDEP values, core's emission-lines.csv).
     */
    private static final double[] LINES_KEV = {71, 81.0, 93.3, 113.0, 122.1, 136.5, 140.5, 159.0, 167.4, 171.3,
        184.6, 208.4, 245.4, 300.2, 356.0, 364.5, 393.5, 637.0, 661.7};
    private static final Grid3 PHANTOM = Grid3.centred(128, 128, 4, 2, 2, 2);
    private static final Grid3 CT = Grid3.centred(128, 128, 4, 2, 2, 2);
    private static final Grid3 SPECT = Grid3.centred(64, 64, 2, 4, 4, 4);

    @Test
    void muMapsMatchTrueAttenuationAtEveryEmissionLine() {
        // Soft-tissue cylinder (20 cm) with a lung insert (r 35 mm) and a cortical-bone insert (r 20 mm).
        MaterialMap m = CtPhantoms.cylinder(PHANTOM, CtPhantoms.SOFT_TISSUE, 100, 35, -50, 20, 50);
        SimulatedCt ct = CtSimulator.simulate(m, CT, CtProtocol.defaults(2, 21).withSampling(200, 2.0));
        BilinearHuConversion conv = BilinearHuConversion.forKVp(120);
        for (double e : LINES_KEV) {
            Volume mu = CtAttenuationMaps.muMap(ct.hu(), conv, e, SPECT, 0);
            // ROIs keep 2 SPECT voxels (8 mm) from every edge, so resampling and CT blur do not enter.
            double tissue = mean(mu, 0, 50, 20);
            double lung = mean(mu, -50, 0, 25);
            double bone = mean(mu, 50, 0, 10);
            // Tolerances from the acceptance criteria: 3% soft tissue and lung (bilinear water scaling
            // misses composition differences of ~1-2%), 5% cortical bone (beam hardening moves bone HU).
            assertThat(rel(tissue, truth(m, CtPhantoms.SOFT_TISSUE, e))).as("soft tissue at %s keV", e).isLessThan(0.03);
            assertThat(rel(lung, truth(m, CtPhantoms.LUNG, e))).as("lung at %s keV", e).isLessThan(0.03);
            assertThat(rel(bone, truth(m, CtPhantoms.BONE, e))).as("bone at %s keV", e).isLessThan(0.05);
        }
    }

    @Test
    void segmentationFindsTheInserts() {
        MaterialMap m = CtPhantoms.cylinder(PHANTOM, CtPhantoms.SOFT_TISSUE, 100, 35, -50, 20, 50);
        SimulatedCt ct = CtSimulator.simulate(m, CT, CtProtocol.defaults(2, 22).withSampling(200, 2.0));
        LabelVolume labels = CtSegmentation.segment(ct.hu());
        // Away from edges every voxel of an insert gets its class: noise (~5 HU) is far from the thresholds.
        assertThat(labels.get(CT.nx() / 2 - 25, CT.ny() / 2, 1)).isEqualTo(CtSegmentation.LUNG);
        assertThat(labels.get(CT.nx() / 2 + 25, CT.ny() / 2, 1)).isEqualTo(CtSegmentation.BONE);
        assertThat(labels.get(CT.nx() / 2, CT.ny() / 2 + 25, 1)).isEqualTo(CtSegmentation.SOFT_TISSUE);
        assertThat(labels.get(2, 2, 1)).isEqualTo(CtSegmentation.AIR);
        assertThat(labels.nameOf(CtSegmentation.BONE)).isEqualTo("bone");
        // Insert areas within 10% (partial-volume edge voxels split between classes).
        // (Counted within 45 mm of the insert: the partial-volume ring at the body outline also reads as lung.)
        int lungVoxels = 0;
        for (int k = 0; k < CT.nz(); k++) {
            for (int j = 0; j < CT.ny(); j++) {
                for (int i = 0; i < CT.nx(); i++) {
                    if (Math.hypot(CT.xMm(i) + 50, CT.yMm(j)) < 45 && labels.get(i, j, k) == CtSegmentation.LUNG) {
                        lungVoxels++;
                    }
                }
            }
        }
        double lungArea = lungVoxels / (double) CT.nz() * 4.0;
        assertThat(lungArea).isCloseTo(Math.PI * 35 * 35, org.assertj.core.data.Percentage.withPercentage(10));
    }

    @Test
    void misregistrationIsMeasuredBackWithinOneMillimetre() {
        // CT acquired with the patient moved by (3.3, -2.4, 1.6) mm; registering it to the CT of the unmoved
        // patient (another noise seed) must recover the shift within 1 mm (acceptance criterion); the
        // parabolic peak fit on 2 mm voxels is good to a few tenths of a mm. The bone insert is 10 mm
        // long so that z is determined; the phantom is longer than the CT so that no CT slice leaves it.
        Grid3 g = Grid3.centred(128, 128, 16, 2, 2, 2);
        Grid3 ctGrid = Grid3.centred(128, 128, 10, 2, 2, 2);
        MaterialMap m = CtPhantoms.cylinder(g, CtPhantoms.SOFT_TISSUE, 100, 35, -50, 20, 40);
        short[] idx = m.indices();
        for (int k = 0; k < g.nz(); k++) {
            if (Math.abs(g.zMm(k)) > 5) {
                for (int v = g.nx() * g.ny() * k; v < g.nx() * g.ny() * (k + 1); v++) {
                    if (idx[v] == CtPhantoms.BONE) {
                        idx[v] = CtPhantoms.SOFT_TISSUE;
                    }
                }
            }
        }
        CtProtocol p = CtProtocol.defaults(2, 31).withSampling(200, 2.0);
        Volume truth = CtSimulator.simulate(m, ctGrid, p).hu();
        Volume moved = CtSimulator.simulate(m, ctGrid,
                p.withRun(32, 1).withMisregistration(Misregistration.of(3.3, -2.4, 1.6, 0))).hu();
        TranslationRegistration.Shift s = TranslationRegistration.register(truth, moved, 8);
        assertThat(s.dxMm()).isCloseTo(3.3, org.assertj.core.data.Offset.offset(1.0));
        assertThat(s.dyMm()).isCloseTo(-2.4, org.assertj.core.data.Offset.offset(1.0));
        assertThat(s.dzMm()).isCloseTo(1.6, org.assertj.core.data.Offset.offset(1.0));
    }

    private static double truth(MaterialMap m, int material, double e) {
        Material mat = m.materials().get(material);
        return MaterialCrossSections.of(mat).muPerCm(e);
    }

    private static double rel(double a, double b) {
        return Math.abs(a / b - 1);
    }

    private static double mean(Volume v, double xMm, double yMm, double rMm) {
        double s = 0;
        int n = 0;
        for (int k = 0; k < v.grid().nz(); k++) {
            double[] st = CtPhantoms.discStats(v, k, xMm, yMm, rMm);
            s += st[0] * st[2];
            n += (int) st[2];
        }
        return s / n;
    }
}
