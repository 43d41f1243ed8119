package org.spectlab.recon.localization;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.spectlab.core.grid.Grid3;
import org.spectlab.core.grid.LabelVolume;
import org.spectlab.core.grid.Volume;

/**
 * Detection, localisation and volume of hot spheres in synthetic SPECT-like images: a 64³ grid of
 * 4 mm voxels, a uniform body cylinder (1000 Bq/mL, radius 110 mm), system FWHM 12 mm (3 voxels),
 * hot spheres at 4:1, blurred by the system Gaussian; "noisy" images get Poisson noise at 45 counts
 * per background voxel (15 % voxel CoV).
 */
class LesionLocalizerTest {
    static final double FWHM_MM = 12.0;
    static final double VOXEL_MM = 4.0;
    static final Grid3 GRID = Grid3.centredCubic(64, 64, 64, VOXEL_MM);
    static final double BACKGROUND = 1000.0;
    static final double COUNTS_PER_BQ_PER_ML = 0.045;

    /** Spheres {x, y, z, diameter} in mm: 2, 2, 2.7 and 3.3 FWHM in diameter, centres off the voxel grid. */
    static final double[][] SPHERES = {
        {-50.7, 1.3, 0.4, 24}, {-0.6, -60.4, 31.7, 24}, {51.1, -0.9, 10.6, 32}, {1.5, 50.2, -21.3, 40}};

    static Volume spheresImage() {
        Volume v = SyntheticImages.body(GRID, 110, BACKGROUND);
        for (double[] s : SPHERES) {
            SyntheticImages.addSphere(v, s[0], s[1], s[2], s[3], 3 * BACKGROUND);
        }
        return SyntheticImages.blur(v, FWHM_MM);
    }

    static Detection nearest(List<Detection> found, double x, double y, double z) {
        Detection best = null;
        for (Detection d : found) {
            if (best == null || d.distanceMm(x, y, z) < best.distanceMm(x, y, z)) {
                best = d;
            }
        }
        return best;
    }

    static double sphereVolumeMl(double diameterMm) {
        return Math.PI / 6 * Math.pow(diameterMm, 3) * 1e-3;
    }

    /**
     * Noise-free: every sphere found, nothing else; centre within half a voxel (the weighted centroid of
     * a symmetric blob is exact up to voxelisation of the region, measured ≈ 0.05 mm); volume within
     * 15 % of the sphere: a 42 % threshold on a sphere blurred by a 12 mm Gaussian encloses 0.88-0.96
     * of its volume for 24-40 mm diameters (analytic blurred-ball profile), the 7-voxel peak lowers
     * the threshold slightly (larger), and a one-voxel-thick surface layer is worth ±5 %.
     */
    @Test
    void findsEverySphereNoiseFreeToHalfAVoxel() {
        List<Detection> found = LesionLocalizer.of(LocalizationSettings.of(FWHM_MM)).localize(spheresImage());
        assertThat(found).hasSize(SPHERES.length);
        for (double[] s : SPHERES) {
            Detection d = nearest(found, s[0], s[1], s[2]);
            assertThat(d.distanceMm(s[0], s[1], s[2])).as("centre error, sphere %s", s[3]).isLessThanOrEqualTo(0.5 * VOXEL_MM);
            assertThat(d.volumeMl() / sphereVolumeMl(s[3])).as("volume ratio, %s mm", s[3]).isBetween(0.85, 1.15);
            assertThat(d.organ()).isEqualTo(RegionNames.UNKNOWN);
            // Contrast of the peak voxel: 4:1 spheres recover 2.4-3.0 after the 12 mm blur (≥ 0.8 of 3).
            assertThat(d.contrast()).isBetween(2.3, 3.05);
        }
        for (int a = 1; a < found.size(); a++) {
            assertThat(found.get(a).confidence()).isLessThanOrEqualTo(found.get(a - 1).confidence());
        }
    }

    /**
     * Noisy (three seeds): every sphere found and nothing else, centre within one voxel (a 24 mm
     * sphere holds ≈ 110 voxels, so the centroid's noise SD is well under a voxel), volume within 25 %
     * (the noise-free 15 % plus threshold noise: the 7-voxel peak has ≈ 6 % SD at this count level).
     */
    @Test
    void findsEverySphereInNoiseToOneVoxel() {
        Volume clean = spheresImage();
        for (long seed = 1; seed <= 3; seed++) {
            Volume img = SyntheticImages.poisson(clean, COUNTS_PER_BQ_PER_ML, RandomSource.XO_RO_SHI_RO_128_PP.create(seed));
            List<Detection> found = LesionLocalizer.of(LocalizationSettings.of(FWHM_MM)).localize(img);
            assertThat(found).as("seed %d", seed).hasSize(SPHERES.length);
            for (double[] s : SPHERES) {
                Detection d = nearest(found, s[0], s[1], s[2]);
                assertThat(d.distanceMm(s[0], s[1], s[2])).as("seed %d sphere %s", seed, s[3]).isLessThanOrEqualTo(VOXEL_MM);
                assertThat(d.volumeMl() / sphereVolumeMl(s[3])).as("seed %d volume %s", seed, s[3]).isBetween(0.75, 1.25);
                assertThat(d.confidence()).isGreaterThan(LocalizationSettings.DEFAULT_MIN_CONFIDENCE);
                assertThat(d.cnr()).isGreaterThan(5.0);
            }
        }
    }

    /** A compact hot "liver" (3:1 over the body, 80 x 64 x 90 mm) with labels: liver = 1, body = 2. */
    static LabelVolume liverLabels() {
        Volume body = SyntheticImages.body(GRID, 110, 1);
        Volume liver = Volume.zeros(GRID, "fraction");
        SyntheticImages.addEllipsoid(liver, -45, 10, 0, 40, 32, 45, 1);
        short[] lab = new short[GRID.voxelCount()];
        for (int p = 0; p < lab.length; p++) {
            lab[p] = (short) (liver.data()[p] > 0.5 ? 1 : body.data()[p] > 0.5 ? 2 : 0);
        }
        return LabelVolume.of(GRID, lab, Map.of(1, "liver", 2, "body"));
    }

    static Volume liverImage(boolean withLesion, long seed) {
        Volume v = SyntheticImages.body(GRID, 110, BACKGROUND);
        SyntheticImages.addEllipsoid(v, -45, 10, 0, 40, 32, 45, 3 * BACKGROUND);
        SyntheticImages.addSphere(v, 50.3, 18.1, 6.6, 24, 3 * BACKGROUND);
        if (withLesion) {
            // 4:1 against the liver (16000 Bq/mL).
            SyntheticImages.addSphere(v, -60.3, 18.1, 14.6, 24, 12 * BACKGROUND);
        }
        return SyntheticImages.poisson(SyntheticImages.blur(v, FWHM_MM), COUNTS_PER_BQ_PER_ML,
                RandomSource.XO_RO_SHI_RO_128_PP.create(seed));
    }

    static boolean insideLiver(Detection d) {
        double x = (d.xMm() + 45) / 40;
        double y = (d.yMm() - 10) / 32;
        double z = d.zMm() / 45;
        return x * x + y * y + z * z <= 1;
    }

    /**
     * Without labels the uniformly hot organ is itself reported as a blob (so the check below is not
     * vacuous); labelled as a hot organ it is not, while the body sphere still is and is named.
     */
    @Test
    void uniformHotOrganIsNotReportedWhenLabelledHot() {
        Volume img = liverImage(false, 11L);
        LocalizationSettings settings = LocalizationSettings.of(FWHM_MM);
        List<Detection> plain = LesionLocalizer.of(settings).localize(img);
        assertThat(plain).anyMatch(LesionLocalizerTest::insideLiver);

        List<Detection> aware = LesionLocalizer.of(settings.withHotOrgans(Set.of("Liver"))).localize(img, liverLabels());
        assertThat(aware).noneMatch(LesionLocalizerTest::insideLiver);
        assertThat(aware).hasSize(1);
        assertThat(aware.get(0).distanceMm(50.3, 18.1, 6.6)).isLessThanOrEqualTo(VOXEL_MM);
        assertThat(aware.get(0).organ()).isEqualTo("body");
    }

    /** A 4:1 lesion inside the hot organ is found (centre within one voxel, noisy) and named "liver". */
    @Test
    void lesionInsideHotOrganIsFound() {
        LocalizationSettings settings = LocalizationSettings.of(FWHM_MM).withHotOrgans(Set.of("liver"));
        List<Detection> found = LesionLocalizer.of(settings).localize(liverImage(true, 12L), liverLabels());
        assertThat(found).hasSize(2);
        Detection lesion = nearest(found, -60.3, 18.1, 14.6);
        assertThat(lesion.distanceMm(-60.3, 18.1, 14.6)).isLessThanOrEqualTo(VOXEL_MM);
        assertThat(lesion.organ()).isEqualTo("liver");
        // Contrast against the liver's own median: 4:1 recovered to ≥ 2.3 (as for the body spheres).
        assertThat(lesion.contrast()).isGreaterThan(2.3);
        List<Detection> inLiver = new ArrayList<>(found);
        inLiver.removeIf(d -> !insideLiver(d));
        assertThat(inLiver).containsExactly(lesion);
    }

    /**
     * With an organ label map and a CT region map the organ name comes from the labels and the CT
     * class is kept apart: the liver lesion is "liver" (the CT calls the same place "soft tissue"),
     * and the same localization without labels names it by the CT class.
     */
    @Test
    void organNameFromLabelsAndCtRegionKeptSeparately() {
        Volume img = liverImage(true, 12L);
        short[] ct = new short[GRID.voxelCount()];
        LabelVolume labels = liverLabels();
        for (int p = 0; p < ct.length; p++) {
            ct[p] = (short) (labels.labels()[p] != 0 ? CtRegions.SOFT_TISSUE_LABEL : 0);
        }
        LabelVolume ctRegions = LabelVolume.of(GRID, ct, Map.of(CtRegions.SOFT_TISSUE_LABEL, CtRegions.SOFT_TISSUE));
        LocalizationSettings settings = LocalizationSettings.of(FWHM_MM).withHotOrgans(Set.of("liver"));
        Detection both = nearest(LesionLocalizer.of(settings).localize(img, labels, ctRegions), -60.3, 18.1, 14.6);
        assertThat(both.organ()).isEqualTo("liver");
        assertThat(both.ctRegion()).isEqualTo(CtRegions.SOFT_TISSUE);
        Detection ctOnly = nearest(LesionLocalizer.of(settings).localize(img, null, ctRegions), -60.3, 18.1, 14.6);
        assertThat(ctOnly.organ()).isEqualTo(CtRegions.SOFT_TISSUE);
        assertThat(ctOnly.ctRegion()).isEqualTo(CtRegions.SOFT_TISSUE);
    }
}
