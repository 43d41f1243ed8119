package org.spectlab.phantoms.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.spectlab.core.error.InputException;
import org.spectlab.core.grid.Grid3;
import org.spectlab.phantoms.model.Phantom;
import org.spectlab.phantoms.voxel.VoxelisedPhantom;
import org.spectlab.phantoms.voxel.Voxeliser;

class AdultHeadNeckTest {

    /**
     * Rendered organ masses (rendered volume x ICRU 46 sizing density) match the ICRP 89 targets.
     * Tolerance 2 %: the organs do not overlap, so the only error is partial-volume sampling of the
     * surface (4 mm voxels, 2 x 2 x 2 sub-samples, refined 4x at boundaries, i.e. 0.5 mm surface
     * sampling); for the smallest organ (submandibular, 10 x 14 x 20 mm semi-axes) that is ~1 %.
     * The analytic volumes themselves are checked exactly (1e-9).
     */
    @Test
    void renderedOrganMassesMatchIcrp89() {
        for (AdultTorso.Sex sex : AdultTorso.Sex.values()) {
            Phantom p = AdultHeadNeck.build(AdultHeadNeck.Options.of(sex, Map.of()));
            Grid3 g = Grid3.of(42, 51, 67, 4, 4, 4, -82, -100, -82);
            VoxelisedPhantom vp = Voxeliser.withBoundaryRefinement(2, 4, 2).render(g, p);
            for (Map.Entry<String, Double> e : AdultHeadNeck.referenceMassesG(sex).entrySet()) {
                String organ = e.getKey();
                double density = AdultHeadNeck.sizingDensityGPerCm3(organ);
                double analytic = p.region(organ).shape().volumeMm3() * 1e-3 * density;
                assertThat(analytic / e.getValue() - 1).as(sex + " analytic " + organ).isBetween(-1e-9, 1e-9);
                double rendered = vp.labelVolumeMl(organ) * density;
                assertThat(rendered / e.getValue() - 1).as(sex + " " + organ).isBetween(-0.02, 0.02);
            }
        }
    }

    @Test
    void referenceMassesAreIcrp89() {
        Map<String, Double> m = AdultHeadNeck.referenceMassesG(AdultTorso.Sex.MALE);
        assertThat(m.get("brain")).isEqualTo(1450.0);
        assertThat(m.get("thyroid_left") + m.get("thyroid_right")).isEqualTo(20.0);
        assertThat(m.get("parotid_left") + m.get("parotid_right")).isEqualTo(50.0);
        assertThat(m.get("submandibular_left") + m.get("submandibular_right")).isEqualTo(25.0);
        Map<String, Double> f = AdultHeadNeck.referenceMassesG(AdultTorso.Sex.FEMALE);
        assertThat(f.get("brain")).isEqualTo(1300.0);
        assertThat(f.get("thyroid_left") + f.get("thyroid_right")).isEqualTo(17.0);
    }

    @Test
    void brainIsInsideTheSkullAndTheLabelsAreTheDocumentedOnes() {
        Phantom p = AdultHeadNeck.build(AdultHeadNeck.Options.of(AdultTorso.Sex.MALE, Map.of("thyroid_left", 1.0)));
        assertThat(p.labelNames()).containsAll(AdultHeadNeck.ORGANS);
        // on the brain's axis: brain at its centre, bone just outside its top, soft tissue above that
        double top = p.region("brain").shape().bounds().maxZMm();
        assertThat(p.regions().get(p.regionIndexAt(0, 5, 110)).label()).isEqualTo("brain");
        assertThat(p.regions().get(p.regionIndexAt(0, 5, top + 3)).label()).isEqualTo("skull");
        assertThat(p.regions().get(p.regionIndexAt(0, 5, top + AdultHeadNeck.SKULL_MM + 2)).label()).isEqualTo("body");
        assertThat(p.regions().get(p.regionIndexAt(0, -15, -40)).material()).isEqualTo("air");
        assertThat(p.region("thyroid_left").concentrationBqPerMl()).isEqualTo(1.0);
        assertThatThrownBy(() -> AdultHeadNeck.Options.of(AdultTorso.Sex.MALE, Map.of("liver", 1.0)))
                .isInstanceOf(InputException.class).hasMessageContaining("liver");
        assertThat(List.of(PresetCatalog.canonicalName("Head-Neck"))).containsExactly("head_neck");
    }
}
