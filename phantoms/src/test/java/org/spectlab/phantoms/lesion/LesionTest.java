package org.spectlab.phantoms.lesion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.util.List;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.spectlab.core.error.InputException;
import org.spectlab.phantoms.library.AdultTorso;
import org.spectlab.phantoms.model.Phantom;
import org.spectlab.phantoms.model.Region;

class LesionTest {
    private static final Phantom TORSO = AdultTorso.build(AdultTorso.Options.of(AdultTorso.Sex.MALE,
            Map.of("liver", 4000.0, "body", 500.0, "spleen", 3000.0)));

    private static List<Lesion> templates() {
        return List.of(
                Lesion.sphere("t1", LesionKind.TUMOUR, "liver", 0, 0, 0, 20, Uptake.ratioToHost(4)),
                Lesion.sphere("t2", LesionKind.TUMOUR, "liver", 0, 0, 0, 15, Uptake.ratioToHost(4))
                        .withNecroticCore(0.5, 0),
                new Lesion("i1", LesionKind.INFLAMMATION, "spleen", 0, 0, 0, 12, 10, 14, Uptake.absolute(9000), 0, 0));
    }

    @Test
    void placementIsReproducibleForASeedAndDiffersForAnother() {
        LesionPlacer.Rules rules = LesionPlacer.Rules.of(5, 10);
        List<Lesion> a = LesionPlacer.place(TORSO, templates(), rules, 42);
        List<Lesion> b = LesionPlacer.place(TORSO, templates(), rules, 42);
        List<Lesion> c = LesionPlacer.place(TORSO, templates(), rules, 43);
        assertThat(a).isEqualTo(b);
        assertThat(a.get(0).centreXMm()).isNotEqualTo(c.get(0).centreXMm());
    }

    @Test
    void placedLesionsLieInsideTheirOrganWithTheMarginAndApart() {
        LesionPlacer.Rules rules = LesionPlacer.Rules.of(5, 10);
        List<Lesion> placed = LesionPlacer.place(TORSO, templates(), rules, 7);
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(99L);
        // independent check: 5000 random points inside each lesion inflated by 4.9 mm (just under the
        // margin) all lie in the organ; the probe-based placer would fail this if its check were wrong
        for (Lesion l : placed) {
            for (int n = 0; n < 5000; n++) {
                double u = 2 * rng.nextDouble() - 1;
                double v = 2 * rng.nextDouble() - 1;
                double w = 2 * rng.nextDouble() - 1;
                if (u * u + v * v + w * w > 1) {
                    continue;
                }
                double x = l.centreXMm() + u * (0.5 * l.diameterXMm() + 4.9);
                double y = l.centreYMm() + v * (0.5 * l.diameterYMm() + 4.9);
                double z = l.centreZMm() + w * (0.5 * l.diameterZMm() + 4.9);
                assertThat(TORSO.regions().get(TORSO.regionIndexAt(x, y, z)).label()).isEqualTo(l.organ());
            }
        }
        double d = Math.hypot(Math.hypot(placed.get(0).centreXMm() - placed.get(1).centreXMm(),
                placed.get(0).centreYMm() - placed.get(1).centreYMm()),
                placed.get(0).centreZMm() - placed.get(1).centreZMm());
        assertThat(d).isGreaterThanOrEqualTo(10 + 7.5 + 10);
    }

    @Test
    void insertedLesionsTakeUptakeRelativeToTheHost() {
        List<Lesion> placed = LesionPlacer.place(TORSO, templates(), LesionPlacer.Rules.of(5, 10), 7);
        Phantom p = LesionInserter.insert(TORSO, placed, false);
        assertThat(p.region("t1").concentrationBqPerMl()).isCloseTo(16000, offset(1e-9));
        assertThat(p.region("t1").material()).isEqualTo("soft_tissue");
        assertThat(p.region("t2_necrotic_core").concentrationBqPerMl()).isZero();
        assertThat(p.region("t2_necrotic_core").label()).isEqualTo("t2");
        assertThat(p.region("i1").concentrationBqPerMl()).isCloseTo(9000, offset(1e-9));
        Region core = p.region("t2_necrotic_core");
        assertThat(core.shape().volumeMm3()).isCloseTo(Math.PI / 6 * 7.5 * 7.5 * 7.5, offset(1e-9));
    }

    @Test
    void lesionOutsideTheBodyOrInTheWrongOrganOrOverlappingIsRejected() {
        Lesion outside = Lesion.sphere("far", LesionKind.TUMOUR, "body", 400, 0, 0, 10, Uptake.ratioToHost(3));
        assertThatThrownBy(() -> LesionInserter.insert(TORSO, List.of(outside), false))
                .isInstanceOf(InputException.class).hasMessageContaining("'far'").hasMessageContaining("outside");
        // centre in the adipose layer 5 mm inside the body's x edge at 175 mm: partly outside
        Lesion edge = Lesion.sphere("edge", LesionKind.TUMOUR, "adipose", 170, 0, 0, 20, Uptake.ratioToHost(3));
        assertThatThrownBy(() -> LesionInserter.insert(TORSO, List.of(edge), false))
                .isInstanceOf(InputException.class).hasMessageContaining("partly outside");
        Lesion wrongOrgan = Lesion.sphere("w", LesionKind.TUMOUR, "spleen", -70, 0, -40, 10, Uptake.ratioToHost(3));
        assertThatThrownBy(() -> LesionInserter.insert(TORSO, List.of(wrongOrgan), false))
                .isInstanceOf(InputException.class).hasMessageContaining("'liver'");
        Lesion a = Lesion.sphere("a", LesionKind.TUMOUR, "liver", -70, 0, -40, 20, Uptake.ratioToHost(3));
        Lesion b = Lesion.sphere("b", LesionKind.TUMOUR, "liver", -55, 0, -40, 20, Uptake.ratioToHost(3));
        assertThatThrownBy(() -> LesionInserter.insert(TORSO, List.of(a, b), false))
                .isInstanceOf(InputException.class).hasMessageContaining("overlaps lesion 'a'");
        assertThat(LesionInserter.insert(TORSO, List.of(a, b), true).regions()).hasSize(TORSO.regions().size() + 2);
        assertThatThrownBy(() -> LesionPlacer.place(TORSO,
                List.of(Lesion.sphere("big", LesionKind.TUMOUR, "spleen", 0, 0, 0, 60, Uptake.ratioToHost(2))),
                new LesionPlacer.Rules(2, 0, 2000), 1))
                .isInstanceOf(InputException.class).hasMessageContaining("cannot be placed inside 'spleen'");
        assertThatThrownBy(() -> LesionPlacer.place(TORSO,
                List.of(Lesion.sphere("x", LesionKind.TUMOUR, "pancreas", 0, 0, 0, 6, Uptake.ratioToHost(2))),
                LesionPlacer.Rules.of(2, 0), 1))
                .isInstanceOf(InputException.class).hasMessageContaining("unknown organ 'pancreas'");
    }
}
