package org.spectlab.phantoms.truth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spectlab.core.grid.Grid3;
import org.spectlab.phantoms.library.AdultTorso;
import org.spectlab.phantoms.lesion.Lesion;
import org.spectlab.phantoms.lesion.LesionInserter;
import org.spectlab.phantoms.lesion.LesionKind;
import org.spectlab.phantoms.lesion.Uptake;
import org.spectlab.phantoms.model.Phantom;
import org.spectlab.phantoms.voxel.VoxelisedPhantom;
import org.spectlab.phantoms.voxel.Voxeliser;

class PhantomTruthTest {
    @TempDir
    Path dir;

    @Test
    void jsonListsRegionsAndLesionsWithConsistentActivities() throws Exception {
        Phantom torso = AdultTorso.build(AdultTorso.Options.of(AdultTorso.Sex.MALE,
                Map.of("liver", 4000.0, "body", 500.0)));
        Lesion t = Lesion.sphere("tumour_1", LesionKind.TUMOUR, "liver", -70, 0, -40, 20, Uptake.ratioToHost(5))
                .withNecroticCore(0.5, 0.1);
        Lesion f = Lesion.sphere("focus_1", LesionKind.INFLAMMATION, "body", 90, -40, -240, 12,
                Uptake.absolute(6000));
        List<Lesion> lesions = List.of(t, f);
        Phantom p = LesionInserter.insert(torso, lesions, false);
        Grid3 g = Grid3.centredCubic(46, 30, 84, 8.0);
        VoxelisedPhantom vp = Voxeliser.withBoundaryRefinement(2, 4, 2).render(g, p);
        Path file = dir.resolve("truth/phantom.json");
        PhantomTruth.of(vp, lesions, 2.0).write(file);
        JsonNode root = new ObjectMapper().readTree(Files.readString(file));

        assertThat(root.get("phantom").asText()).isEqualTo("adult_torso_male");
        assertThat(root.get("regions")).hasSize(p.regions().size());
        JsonNode tj = root.get("lesions").get(0);
        assertThat(tj.get("kind").asText()).isEqualTo("tumour");
        assertThat(tj.get("organ").asText()).isEqualTo("liver");
        assertThat(tj.get("centre_mm").get(0).asDouble()).isEqualTo(-70.0);
        double vMl = Math.PI / 6 * 8 * 1e-3 * 1000; // (20 mm)^3 pi/6 = 4.18879 mL
        assertThat(tj.get("volume_ml").asDouble()).isCloseTo(vMl, offset(1e-9));
        // rim 20000 Bq/mL over 7/8 of the volume, core 2000 Bq/mL over 1/8
        double expectedMBq = (20000 * vMl * 7 / 8 + 2000 * vMl / 8) * 1e-6;
        assertThat(tj.get("activity_mbq").asDouble()).isCloseTo(expectedMBq, offset(1e-12));
        // the voxelised tumour (rim + core regions, label tumour_1) carries the same activity within
        // the sphere sampling accuracy (20 mm sphere, 8 mm voxels, 1 mm surface sampling: < 1%)
        double renderedMBq = (vp.regionActivityBq("tumour_1") + vp.regionActivityBq("tumour_1_necrotic_core")) * 1e-6;
        assertThat(renderedMBq / expectedMBq - 1).isBetween(-0.01, 0.01);
        JsonNode fj = root.get("lesions").get(1);
        assertThat(fj.get("kind").asText()).isEqualTo("inflammation");
        assertThat(fj.get("concentration_bq_per_ml").asDouble()).isEqualTo(6000.0);
        double sum = 0;
        for (JsonNode r : root.get("regions")) {
            sum += r.get("activity_mbq").asDouble();
        }
        assertThat(root.get("total_activity_mbq").asDouble()).isCloseTo(sum, offset(1e-9));
        assertThat(root.get("time_after_administration_h").asDouble()).isEqualTo(2.0);
        assertThat(root.get("labels").get(0).get("name").asText()).isEqualTo("background");
    }

    @Test
    void lesionEntriesCarryTheKeysTheMetricsModuleReads() {
        Phantom torso = AdultTorso.build(AdultTorso.Options.of(AdultTorso.Sex.FEMALE, Map.of("liver", 1000.0)));
        // an ellipsoid 10 x 20 x 40 mm: volume-equivalent diameter cbrt(10*20*40) = 20 mm
        Lesion e = new Lesion("ell", LesionKind.TUMOUR, "liver", -70, 0, -40, 10, 20, 40, Uptake.ratioToHost(3), 0, 0);
        Phantom p = LesionInserter.insert(torso, List.of(e), false);
        VoxelisedPhantom vp = Voxeliser.of(1).render(Grid3.centredCubic(10, 10, 10, 40.0), p);
        JsonNode l = PhantomTruth.of(vp, List.of(e), Double.NaN).toTree().get("lesions").get(0);
        for (String key : List.of("id", "kind", "organ", "centre_mm", "diameter_mm", "volume_ml",
                "concentration_bq_per_ml", "activity_mbq")) {
            assertThat(l.has(key)).as(key).isTrue();
        }
        assertThat(l.get("centre_mm")).hasSize(3);
        assertThat(l.get("diameter_mm").isNumber()).isTrue();
        assertThat(l.get("diameter_mm").asDouble()).isCloseTo(20.0, offset(1e-9));
        assertThat(l.get("diameters_mm").get(2).asDouble()).isEqualTo(40.0);
        assertThat(l.get("concentration_bq_per_ml").asDouble()).isEqualTo(3000.0);
        // 4/3 pi (5 * 10 * 20) mm^3 = 4.18879 mL at 3000 Bq/mL
        assertThat(l.get("activity_mbq").asDouble()).isCloseTo(4.0 / 3 * Math.PI * 1000 * 1e-3 * 3000 * 1e-6,
                offset(1e-12));
    }
}
