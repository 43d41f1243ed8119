package org.spectlab.recon.ct;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;
import org.spectlab.core.error.InputException;
import org.spectlab.core.grid.Grid3;
import org.spectlab.core.grid.LabelVolume;
import org.spectlab.core.grid.Volume;
import org.spectlab.core.nuclide.EmissionKind;
import org.spectlab.core.nuclide.EmissionLine;
import org.spectlab.core.nuclide.NuclideLibrary;

class CtConversionTest {

    @Test
    void referenceTableAgreesWithPublishedNistValues() {
        // Hubbell & Seltzer, NISTIR 5632, Table 4 (water, liquid; bone, cortical ICRU-44), mu/rho cm^2/g,
        // printed to 4 digits: tolerance 0.1% is their rounding.
        assertThat(ReferenceAttenuation.waterMuPerCm(60)).isCloseTo(0.2059, offset(0.0002));
        assertThat(ReferenceAttenuation.waterMuPerCm(150)).isCloseTo(0.1505, offset(0.0002));
        assertThat(ReferenceAttenuation.corticalBoneMuPerCm(60) / 1.92).isCloseTo(0.3148, offset(0.0003));
        assertThat(ReferenceAttenuation.corticalBoneMuPerCm(150) / 1.92).isCloseTo(0.1480, offset(0.0002));
        // Log-log interpolation between 150 and 200 keV against NIST at 159 keV is exact (159 is a node);
        // between nodes it is smooth: 155 keV lies between its neighbours.
        double m155 = ReferenceAttenuation.waterMuPerCm(155);
        assertThat(m155).isBetween(ReferenceAttenuation.waterMuPerCm(159), ReferenceAttenuation.waterMuPerCm(150));
    }

    @Test
    void tableCoversEveryMainLineOfTheNuclideLibrary() {
        // Every gamma line of >= 5 % yield above the CT range's 30 keV (e.g. Cs-137 661.7, I-131 637.0,
        // Ba-133 356.0, Co-57 122.1 keV) converts; above the last node the conversion refuses clearly.
        for (String name : NuclideLibrary.names()) {
            for (EmissionLine l : NuclideLibrary.get(name).linesAbove(0.05)) {
                if (l.kind() == EmissionKind.GAMMA && l.energyKeV() >= 30) {
                    assertThat(l.energyKeV()).as("%s %s keV", name, l.energyKeV())
                            .isBetween(ReferenceAttenuation.minEnergyKeV(), ReferenceAttenuation.maxEnergyKeV());
                    assertThat(BilinearHuConversion.forKVp(120).muPerCm(0, l.energyKeV()))
                            .isEqualTo(ReferenceAttenuation.waterMuPerCm(l.energyKeV()));
                }
            }
        }
        // NISTIR 5632 Table 4, water at 800 keV: 0.07865 cm^2/g (4 digits: tolerance is the rounding).
        assertThat(ReferenceAttenuation.waterMuPerCm(800)).isCloseTo(0.07865, offset(0.00002));
        assertThatThrownBy(() -> ReferenceAttenuation.waterMuPerCm(1001)).isInstanceOf(InputException.class)
                .hasMessageContaining("energy (keV)").hasMessageContaining("800");
    }

    @Test
    void bilinearSegmentsPassThroughAirWaterAndBone() {
        BilinearHuConversion c = BilinearHuConversion.of(70);
        double e = 140.5;
        assertThat(c.muPerCm(-1000, e)).isEqualTo(0.0);
        assertThat(c.muPerCm(-1500, e)).isEqualTo(0.0);
        assertThat(c.muPerCm(0, e)).isCloseTo(ReferenceAttenuation.waterMuPerCm(e), offset(1e-12));
        assertThat(c.muPerCm(-500, e)).isCloseTo(0.5 * ReferenceAttenuation.waterMuPerCm(e), offset(1e-12));
        // Bone seen at E_CT has HU_b = 1000 (mu_b/mu_w - 1) there; it must map to bone's mu at E exactly.
        double huBone = 1000 * (ReferenceAttenuation.corticalBoneMuPerCm(70) / ReferenceAttenuation.waterMuPerCm(70) - 1);
        assertThat(c.muPerCm(huBone, e)).isCloseTo(ReferenceAttenuation.corticalBoneMuPerCm(e), offset(1e-9));
        // Continuous at the break point.
        assertThat(c.muPerCm(1e-6, e)).isCloseTo(c.muPerCm(-1e-6, e), offset(1e-9));
        // The nominal table interpolates linearly in kV.
        assertThat(BilinearHuConversion.forKVp(110).ctEffectiveEnergyKeV()).isCloseTo(68.0, offset(1e-9));
        assertThatThrownBy(() -> BilinearHuConversion.forKVp(70)).isInstanceOf(InputException.class);
    }

    @Test
    void boxAverageIsExactOnAlignedGridsAndConservesTheIntegral() {
        Grid3 fine = Grid3.centred(8, 8, 4, 1, 1, 1);
        float[] d = new float[fine.voxelCount()];
        for (int i = 0; i < d.length; i++) {
            d[i] = (float) ((i * 37) % 11);
        }
        Volume v = Volume.of(fine, d, "1/cm");
        Grid3 coarse = Grid3.centred(4, 4, 2, 2, 2, 2);
        Volume r = GridResampler.boxAverage(v, coarse, 0);
        double expected = (v.get(0, 0, 0) + v.get(1, 0, 0) + v.get(0, 1, 0) + v.get(1, 1, 0)
                + v.get(0, 0, 1) + v.get(1, 0, 1) + v.get(0, 1, 1) + v.get(1, 1, 1)) / 8.0;
        assertThat((double) r.get(0, 0, 0)).isCloseTo(expected, offset(1e-5));
        assertThat(r.sum() * 8).isCloseTo(v.sum(), offset(1e-3));
        // A non-aligned target (1.5 mm voxels, half outside): outside counts as the given value.
        Grid3 odd = Grid3.of(3, 1, 1, 1.5, 1, 1, 3.25, -3.5, -1.5);
        Volume q = GridResampler.boxAverage(v, odd, -7);
        // Voxel 0 covers x in [2.5, 4.0]: source columns 6 (edges 2..3) half and 7 (3..4) fully.
        double want = (0.5 * v.get(6, 0, 0) + v.get(7, 0, 0)) / 1.5;
        assertThat((double) q.get(0, 0, 0)).isCloseTo(want, offset(1e-5));
        // Voxel 2 covers [5.5, 7.0]: entirely outside the source (x edges -4..4).
        assertThat((double) q.get(2, 0, 0)).isCloseTo(-7, offset(1e-6));
    }

    @Test
    void segmentationUsesTheCitedThresholds() {
        Grid3 g = Grid3.centred(6, 1, 1, 1, 1, 1);
        Volume hu = Volume.of(g, new float[] {-1000, -951, -900, -401, -399, 250}, "HU");
        LabelVolume l = CtSegmentation.segment(hu);
        assertThat(l.labels()).containsExactly(CtSegmentation.AIR, CtSegmentation.AIR, CtSegmentation.LUNG,
                CtSegmentation.LUNG, CtSegmentation.SOFT_TISSUE, CtSegmentation.BONE);
        assertThat(l.nameOf(CtSegmentation.LUNG)).isEqualTo("lung");
    }

    @Test
    void registrationRecoversASubVoxelShiftOfASmoothBlob() {
        // Gaussian blob (sigma 4 voxels) shifted by (1.3, -2.6, 0.7) voxels of 2 mm: the three-point
        // parabola on a Gaussian peak of this width is biased by < 0.1 voxel, so 0.3 mm tolerance.
        Grid3 g = Grid3.centred(32, 32, 24, 2, 2, 2);
        Volume ref = blob(g, 0, 0, 0);
        Volume mov = blob(g, 2.6, -5.2, 1.4);
        TranslationRegistration.Shift s = TranslationRegistration.register(ref, mov, 10);
        assertThat(s.dxMm()).isCloseTo(2.6, offset(0.3));
        assertThat(s.dyMm()).isCloseTo(-5.2, offset(0.3));
        assertThat(s.dzMm()).isCloseTo(1.4, offset(0.3));
        assertThat(s.correlation()).isGreaterThan(0.99);
    }

    private static Volume blob(Grid3 g, double cx, double cy, double cz) {
        float[] d = new float[g.voxelCount()];
        for (int k = 0; k < g.nz(); k++) {
            for (int j = 0; j < g.ny(); j++) {
                for (int i = 0; i < g.nx(); i++) {
                    double r2 = Math.pow(g.xMm(i) - 3 - cx, 2) + Math.pow(g.yMm(j) + 2 - cy, 2)
                            + Math.pow(g.zMm(k) - 1 - cz, 2);
                    d[g.index(i, j, k)] = (float) Math.exp(-r2 / (2 * 64.0));
                }
            }
        }
        return Volume.of(g, d, "HU");
    }
}
