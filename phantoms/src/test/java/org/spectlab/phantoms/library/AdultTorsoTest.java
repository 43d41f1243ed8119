package org.spectlab.phantoms.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.spectlab.core.error.InputException;
import org.spectlab.core.grid.Grid3;
import org.spectlab.core.grid.LabelVolume;
import org.spectlab.phantoms.model.Phantom;
import org.spectlab.phantoms.voxel.VoxelisedPhantom;
import org.spectlab.phantoms.voxel.Voxeliser;

class AdultTorsoTest {

    /**
     * ICRP Publication 89 (2002) Table 2.8 adult reference masses (g), male then female, written here
     * independently of the code's table: liver, spleen, each kidney (half of both), each lung (half of
     * both, with blood), heart wall, blood in the heart, stomach wall + contents, small intestine wall +
     * contents, colon (right, left, rectosigmoid) wall + contents.
     */
    private static Map<String, double[]> icrp89MassesG() {
        Map<String, double[]> m = new LinkedHashMap<>();
        m.put("liver", new double[] {1800, 1400});
        m.put("spleen", new double[] {150, 130});
        m.put("kidney_left", new double[] {310 / 2.0, 275 / 2.0});
        m.put("kidney_right", new double[] {310 / 2.0, 275 / 2.0});
        m.put("lung_left", new double[] {1200 / 2.0, 950 / 2.0});
        m.put("lung_right", new double[] {1200 / 2.0, 950 / 2.0});
        m.put("myocardium", new double[] {330, 250});
        m.put("heart_blood", new double[] {510, 370});
        m.put("stomach", new double[] {150 + 250, 140 + 230});
        m.put("small_intestine", new double[] {650 + 350, 600 + 280});
        m.put("colon", new double[] {370 + 300, 360 + 320});
        return m;
    }

    /** ICRU Report 46 densities (g/cm^3) the organs are rendered at. */
    private static double densityGPerCm3(String organ) {
        switch (organ) {
            case "liver", "spleen", "heart_blood":
                return 1.06;
            case "lung_left", "lung_right":
                return 0.26;
            case "stomach", "small_intestine", "colon":
                return 1.04;
            default:
                return 1.05;
        }
    }

    /**
     * Rendered organ mass (voxelised volume x ICRU 46 density) against the ICRP 89 reference mass.
     * 5 mm voxels with 2^3 samples refined to 6^3 at surfaces (0.83 mm): for the smallest organ
     * (spleen, 141 mL) the lattice-counting error is below 0.5%; the 1% tolerance catches an organ
     * overridden by an overlapping neighbour (an overlap removes several mL) or a wrong table.
     * The myocardium (a 16 mm shell around the blood pool) gets 2% for its larger surface.
     */
    @Test
    void renderedOrganMassesMatchIcrp89() {
        for (AdultTorso.Sex sex : AdultTorso.Sex.values()) {
            int col = sex == AdultTorso.Sex.MALE ? 0 : 1;
            Phantom p = AdultTorso.build(AdultTorso.Options.of(sex, Map.of()));
            Grid3 g = Grid3.centredCubic(74, 48, 134, 5.0);
            VoxelisedPhantom vp = Voxeliser.withBoundaryRefinement(2, 3, 2).render(g, p);
            for (Map.Entry<String, double[]> e : icrp89MassesG().entrySet()) {
                String organ = e.getKey();
                double rendered = vp.labelVolumeMl(organ) * densityGPerCm3(organ);
                double tol = organ.equals("myocardium") ? 0.02 : 0.01;
                assertThat(rendered / e.getValue()[col] - 1).as(sex + " " + organ).isBetween(-tol, tol);
            }
        }
    }

    /** Every issue-named label is present in the rendered label map with a non-zero volume. */
    @Test
    void everyNamedOrganIsRendered() {
        Phantom p = AdultTorso.build(AdultTorso.Options.of(AdultTorso.Sex.FEMALE, Map.of()));
        VoxelisedPhantom vp = Voxeliser.of(1).render(Grid3.centredCubic(90, 60, 170, 4.0), p);
        LabelVolume labels = vp.labels();
        for (String organ : new String[] {"skin", "adipose", "muscle", "body", "ribs", "pelvis", "femoral_head_left",
            "femoral_head_right", "red_marrow", "small_intestine", "colon", "kidney_left", "kidney_right", "spine",
            "lung_left", "lung_right", "myocardium", "heart_blood", "liver", "spleen", "stomach", "urinary_bladder"}) {
            int index = p.labelNames().indexOf(organ);
            assertThat(index).as(organ).isPositive();
            assertThat(labels.count(index)).as(organ).isGreaterThan(0);
        }
        // femoral_head_left is on the patient's left (+x)
        assertThat(p.region("femoral_head_left_cortical").shape().bounds().minXMm()).isGreaterThan(0);
    }

    /**
     * Documented outline: elliptic body 350 x 220 mm, 660 mm long at reference size, skin 1.6 mm,
     * subcutaneous adipose 10.1 mm, muscle 14.5 mm, then the 8 mm rib band (male; whole-body ICRP 89 masses over 1.90 m^2).
     * Probed point by point just inside and outside each documented surface (0.05 mm).
     */
    @Test
    void bodyOutlineAndLayersHaveTheDocumentedDimensions() {
        Phantom p = AdultTorso.build(AdultTorso.Options.of(AdultTorso.Sex.MALE, Map.of()));
        double e = 0.05;
        assertThat(labelAt(p, 175 - e, 0, 0)).isEqualTo("skin");
        assertThat(labelAt(p, 175 + e, 0, 0)).isEqualTo("background");
        assertThat(labelAt(p, 0, -110 + e, 0)).isEqualTo("skin");
        assertThat(labelAt(p, 0, -110 - e, 0)).isEqualTo("background");
        assertThat(labelAt(p, 0, -50, 330 - e)).isNotEqualTo("background");
        assertThat(labelAt(p, 0, -50, 330 + e)).isEqualTo("background");
        assertThat(labelAt(p, 0, -50, -330 + e)).isNotEqualTo("background");
        double skin = 3300 / 1.09 / 19000 * 10;
        double fat = 18200 / 0.95 / 19000 * 10;
        double muscle = 29000 / 1.05 / 19000 * 10;
        assertThat(skin).isCloseTo(1.6, offset(0.05));
        assertThat(labelAt(p, 0, -110 + skin + e, 0)).isEqualTo("adipose");
        assertThat(labelAt(p, 0, -110 + skin + fat - e, 0)).isEqualTo("adipose");
        assertThat(labelAt(p, 0, -110 + skin + fat + e, 0)).isEqualTo("muscle");
        // below the ribs (z = 0) the 8 mm rib band is intercostal muscle, then the body
        assertThat(labelAt(p, 0, -110 + skin + fat + muscle + e, 0)).isEqualTo("muscle");
        assertThat(labelAt(p, 0, -110 + skin + fat + muscle + 8 - e, 0)).isEqualTo("muscle");
        assertThat(labelAt(p, 0, -110 + skin + fat + muscle + 8 + e, 0)).isEqualTo("body");
        // at the first rib (z = 40 mm): cortex 1.5 mm, marrow, inner cortex
        assertThat(labelAt(p, 0, -110 + skin + fat + muscle + 1, 40)).isEqualTo("ribs");
        assertThat(labelAt(p, 0, -110 + skin + fat + muscle + 4, 40)).isEqualTo("red_marrow");
        assertThat(labelAt(p, 0, -110 + skin + fat + muscle + 7, 40)).isEqualTo("ribs");
    }

    private static String labelAt(Phantom p, double x, double y, double z) {
        int i = p.regionIndexAt(x, y, z);
        return i < 0 ? Phantom.BACKGROUND_LABEL : p.regions().get(i).label();
    }

    /** Height scales z lengths; weight scales every volume (organ volume proportional to weight). */
    @Test
    void heightScalesLengthsAndWeightScalesVolumes() {
        AdultTorso.Options ref = AdultTorso.Options.of(AdultTorso.Sex.MALE, Map.of());
        Phantom p = AdultTorso.build(ref);
        Phantom tall = AdultTorso.build(ref.withHeightAndWeight(176 * 1.1, 73));
        Phantom heavy = AdultTorso.build(ref.withHeightAndWeight(176, 73 * 1.2));
        double liver = p.region("liver").shape().volumeMm3();
        assertThat(tall.region("liver").shape().volumeMm3() / liver).isCloseTo(1.0, offset(1e-9));
        assertThat(heavy.region("liver").shape().volumeMm3() / liver).isCloseTo(1.2, offset(1e-9));
        assertThat(tall.region("skin").shape().bounds().maxZMm()).isCloseTo(330 * 1.1, offset(1e-9));
        assertThat(heavy.region("skin").shape().bounds().maxZMm()).isCloseTo(330, offset(1e-9));
        assertThat(heavy.region("skin").shape().bounds().maxXMm()).isCloseTo(175 * Math.sqrt(1.2), offset(1e-9));
        // height alone: weight at the reference body-mass index, so volumes grow by the square
        Phantom h = AdultTorso.build(ref.withHeightCm(176 * 1.1));
        assertThat(h.region("spleen").shape().volumeMm3() / p.region("spleen").shape().volumeMm3())
                .isCloseTo(1.21, offset(1e-9));
    }

    @Test
    void isotropicScaleKeepsItsFormerMeaning() {
        // Options(sex, scale, ...): lengths by scale in every direction, so volumes by its cube
        Phantom small = AdultTorso.build(new AdultTorso.Options(AdultTorso.Sex.FEMALE, 0.7, Map.of()));
        Phantom ref = AdultTorso.build(AdultTorso.Options.of(AdultTorso.Sex.FEMALE, Map.of()));
        assertThat(small.region("liver").shape().volumeMm3() / ref.region("liver").shape().volumeMm3())
                .isCloseTo(0.343, offset(1e-9));
        assertThat(small.region("skin").shape().bounds().maxXMm()).isCloseTo(175 * 0.7, offset(1e-9));
    }

    @Test
    void unknownOrganIsAnInputError() {
        assertThatThrownBy(() -> AdultTorso.Options.of(AdultTorso.Sex.MALE, Map.of("pancreas", 10.0)))
                .isInstanceOf(InputException.class).hasMessageContaining("pancreas");
    }

    @Test
    void bodyWallLayersTakeTheBodyConcentrationUnlessGiven() {
        Phantom p = AdultTorso.build(AdultTorso.Options.of(AdultTorso.Sex.MALE, Map.of("body", 100.0, "skin", 7.0)));
        assertThat(p.region("adipose").concentrationBqPerMl()).isEqualTo(100.0);
        assertThat(p.region("muscle").concentrationBqPerMl()).isEqualTo(100.0);
        assertThat(p.region("skin").concentrationBqPerMl()).isEqualTo(7.0);
        assertThat(p.region("liver").concentrationBqPerMl()).isEqualTo(0.0);
    }
}
