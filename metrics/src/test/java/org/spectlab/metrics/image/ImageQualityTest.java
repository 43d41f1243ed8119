package org.spectlab.metrics.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.spectlab.core.grid.Grid3;
import org.spectlab.core.grid.LabelVolume;
import org.spectlab.core.grid.Volume;
import org.spectlab.metrics.detection.LesionKind;
import org.spectlab.metrics.detection.PointMm;
import org.spectlab.metrics.detection.TruthLesion;
import org.spectlab.metrics.profile.NemaProfileWidth;
import org.spectlab.metrics.roi.RoiWeights;

class ImageQualityTest {

    private static final Grid3 GRID = Grid3.centredCubic(64, 64, 16, 4.0);
    private static final double BG = 1000;

    private static List<PointMm> ring(int n, double radiusMm) {
        List<PointMm> p = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double a = 2 * Math.PI * i / n;
            p.add(PointMm.of(radiusMm * Math.cos(a), radiusMm * Math.sin(a), 0));
        }
        return p;
    }

    /** Adds (value - BG) * fraction on every slice: a cylinder whose in-plane voxelisation is the disc ROI. */
    private static void addExtrudedDisc(Volume v, PointMm c, double radiusMm, double value) {
        RoiWeights slice0 = RoiWeights.disc(GRID, PointMm.of(c.xMm(), c.yMm(), GRID.zMm(0)), radiusMm);
        int perSlice = GRID.nx() * GRID.ny();
        for (int k = 0; k < GRID.nz(); k++) {
            for (int n = 0; n < slice0.indices().length; n++) {
                v.data()[slice0.indices()[n] + k * perSlice] += (float) ((value - BG) * slice0.weights()[n]);
            }
        }
    }

    private static Volume uniform(double value) {
        Volume v = Volume.zeros(GRID, "Bq/mL");
        java.util.Arrays.fill(v.data(), (float) value);
        return v;
    }

    /**
     * A perfect image (hot inserts voxelised with the same area fractions as the ROI) gives
     * CRC = 1 - f exactly, f = sum w(1-w)/sum w being the ROI's partial-volume mixing: the mean of
     * B + (H - B) w under weights w is B + (H - B) sum w^2 / sum w. For the cold insert
     * Q_C = 100 (1 - f). The uniform background has zero variability.
     */
    @Test
    void perfectImageGivesCrcOneMinusPartialVolumeFraction() {
        double ratio = 4;
        Volume img = uniform(BG);
        NemaSphere hot = NemaSphere.of("22 mm", PointMm.of(-40, 10, 0), 22, true);
        NemaSphere big = NemaSphere.of("37 mm", PointMm.of(40, 10, 0), 37, true);
        NemaSphere cold = NemaSphere.of("28 mm", PointMm.of(0, -40, 0), 28, false);
        addExtrudedDisc(img, hot.centre(), 11, ratio * BG);
        addExtrudedDisc(img, big.centre(), 18.5, ratio * BG);
        addExtrudedDisc(img, cold.centre(), 14, 0);
        List<PointMm> bg = ring(12, 100);
        double[] slices = {-8, -4, 0, 4, 8};
        for (NemaSphere s : List.of(hot, big)) {
            SphereContrast c = NemaImageQuality.sphere(img, s, bg, slices, ratio);
            double f = RoiWeights.disc(GRID, s.centre(), 0.5 * s.diameterMm()).boundaryFraction();
            assertThat(c.contrastRecoveryCoefficient()).isCloseTo(1 - f, within(1e-6)); // float image
            assertThat(c.percentContrast()).isCloseTo(100 * (1 - f), within(1e-4));
            assertThat(c.backgroundVariabilityPercent()).isZero();
            assertThat(c.backgroundMeanBqPerMl()).isEqualTo(BG);
        }
        // the partial-volume term shrinks with size: under 10% for 37 mm on 4 mm voxels
        assertThat(RoiWeights.disc(GRID, big.centre(), 18.5).boundaryFraction()).isLessThan(0.10);
        SphereContrast c = NemaImageQuality.sphere(img, cold, bg, slices, ratio);
        double f = RoiWeights.disc(GRID, cold.centre(), 14).boundaryFraction();
        assertThat(c.percentContrast()).isCloseTo(100 * (1 - f), within(1e-4));
        assertThat(c.contrastRecoveryCoefficient()).isNull();
    }

    @Test
    void backgroundVariabilityMatchesHandComputation() {
        // Two background ROIs per slice, one slice: values 900 and 1100 -> mean 1000, SD (n-1) = 141.42
        Volume img = uniform(0);
        for (int k = 0; k < GRID.nz(); k++) {
            for (int j = 0; j < GRID.ny(); j++) {
                for (int i = 0; i < GRID.nx(); i++) {
                    img.set(i, j, k, GRID.xMm(i) < 0 ? 900f : 1100f);
                }
            }
        }
        SphereContrast c = NemaImageQuality.sphere(img, NemaSphere.of("s", PointMm.of(0, 80, 0), 10, true),
                List.of(PointMm.of(-60, 0, 0), PointMm.of(60, 0, 0)), new double[] {0}, 2);
        assertThat(c.backgroundMeanBqPerMl()).isCloseTo(1000, within(1e-9));
        assertThat(c.backgroundVariabilityPercent()).isCloseTo(100 * Math.sqrt(2 * 100.0 * 100.0) / 1000, within(1e-9));
        // lung residual on a zero region relative to the background is 0; on the 900 half it is 90%
        assertThat(NemaImageQuality.lungResidualPercent(img, PointMm.of(-60, 0, 0), new double[] {-4, 0, 4}, 1000))
                .isCloseTo(90, within(1e-9));
    }

    @Test
    void lesionRecoveryOfPerfectImageIsOneMinusPartialVolumeFraction() {
        TruthLesion l = TruthLesion.sphere("L", LesionKind.TUMOUR, "liver", PointMm.of(3.1, -5.2, 1.7), 16, 5e4);
        RoiWeights w = RoiWeights.sphere(GRID, l.centre(), l.radiusMm());
        Volume img = Volume.zeros(GRID, "Bq/mL");
        for (int n = 0; n < w.indices().length; n++) {
            img.data()[w.indices()[n]] = (float) (5e4 * w.weights()[n]);
        }
        LesionRecovery r = RecoveryAnalysis.lesion(img, l);
        assertThat(r.recoveryCoefficient()).isCloseTo(1 - w.boundaryFraction(), within(1e-6));
        // total activity of the voxelised sphere equals the sphere's activity within the ROI volume error (0.5%)
        assertThat(RecoveryAnalysis.totalActivityBq(img)).isCloseTo(l.activityMBq() * 1e6, within(0.005 * l.activityMBq() * 1e6));
    }

    @Test
    void organRecoveryTotalActivityAndCovOfScaledImage() {
        short[] lab = new short[GRID.voxelCount()];
        float[] truth = new float[GRID.voxelCount()];
        for (int n = 0; n < lab.length; n++) {
            lab[n] = (short) (n % 3 == 0 ? 1 : 2);
            truth[n] = lab[n] == 1 ? 2000f : 500f;
        }
        Volume t = Volume.of(GRID, truth, "Bq/mL");
        Volume img = Volume.of(GRID, truth.clone(), "Bq/mL");
        for (int n = 0; n < lab.length; n++) {
            img.data()[n] *= lab[n] == 1 ? 0.8f : 1.25f;
        }
        List<OrganRecovery> o = RecoveryAnalysis.organs(img, t,
                LabelVolume.of(GRID, lab, Map.of(1, "liver", 2, "soft tissue")));
        assertThat(o).hasSize(2);
        assertThat(o.get(0).organ()).isEqualTo("liver");
        assertThat(o.get(0).recoveryCoefficient()).isCloseTo(0.8, within(1e-6));
        assertThat(o.get(1).recoveryCoefficient()).isCloseTo(1.25, within(1e-6));
        assertThat(o.get(0).coefficientOfVariation()).isCloseTo(0, within(1e-6));
        Volume scaled = Volume.of(GRID, truth.clone(), "Bq/mL");
        for (int n = 0; n < lab.length; n++) {
            scaled.data()[n] *= 1.05f;
        }
        assertThat(RecoveryAnalysis.totalActivityError(scaled, RecoveryAnalysis.totalActivityBq(t)))
                .isCloseTo(0.05, within(1e-6));
    }

    @Test
    void nrmseOfKnownPerturbations() {
        Volume t = uniform(2);
        Volume scaled = uniform(2.2);
        assertThat(ImageSimilarity.nrmse(scaled, t, null)).isCloseTo(0.1, within(1e-6));
        Volume alt = uniform(2);
        for (int n = 0; n < alt.data().length; n++) {
            alt.data()[n] += n % 2 == 0 ? 1 : -1;
        }
        // sqrt(N * 1 / (N * 4)) = 0.5
        assertThat(ImageSimilarity.nrmse(alt, t, null)).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void ssimIsOneForIdenticalImagesAndDecreasesWithNoise() {
        Volume truth = uniform(BG);
        addExtrudedDisc(truth, PointMm.of(0, 0, 0), 40, 4 * BG);
        assertThat(Ssim3d.mean(truth, truth, null)).isCloseTo(1.0, within(1e-9));
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(9L);
        ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
        double previous = 1;
        for (double noise : new double[] {0.01, 0.05, 0.2, 0.5}) {
            Volume noisy = truth.copy();
            for (int n = 0; n < noisy.data().length; n++) {
                noisy.data()[n] += (float) (noise * BG * g.sample());
            }
            double s = Ssim3d.mean(noisy, truth, null);
            assertThat(s).isLessThan(previous);
            previous = s;
        }
        assertThat(previous).isLessThan(0.5);
    }

    @Test
    void gaussianSmoothingConservesSumAndHasTheRequestedWidth() {
        Grid3 g = Grid3.centredCubic(41, 41, 41, 2.0);
        Volume point = Volume.zeros(g, "Bq/mL");
        point.set(20, 20, 20, 1f);
        double fwhm = 9.0;
        Volume s = GaussianFilter3d.smooth(point, fwhm);
        // truncation at 4 sigma drops 6e-5 of each axis' kernel before renormalisation: sum exact to float precision
        assertThat(s.sum()).isCloseTo(1.0, within(1e-5));
        double var = 0;
        for (int i = 0; i < g.nx(); i++) {
            double xm = g.xMm(i);
            for (int j = 0; j < g.ny(); j++) {
                for (int k = 0; k < g.nz(); k++) {
                    var += s.get(i, j, k) * xm * xm;
                }
            }
        }
        double sigma = fwhm / 2.3548;
        // Sampling a Gaussian with sigma >= 1 voxel keeps its variance (Poisson summation, error < 1e-8);
        // truncating at >= 4 sigma and renormalising removes at most 2 (4 phi(4) + Q(4)) = 1.1e-3 of it.
        assertThat(var).isCloseTo(sigma * sigma, within(1.1e-3 * sigma * sigma));
        double[] profile = new double[g.nx()];
        for (int i = 0; i < g.nx(); i++) {
            profile[i] = s.get(i, 20, 20);
        }
        // NEMA width at spacing 2 mm = FWHM/4.5: interpolation bound (h^2/4)|u^2-1|/(sigma u) = 1.1%
        assertThat(NemaProfileWidth.measure(2.0, profile).fwhmMm()).isCloseTo(fwhm, within(0.011 * fwhm));
    }
}
