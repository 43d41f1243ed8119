package org.spectlab.phantoms.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;
import org.spectlab.core.error.InputException;
import org.spectlab.core.grid.Grid3;
import org.spectlab.phantoms.library.PresetCatalog;

/** Every shipped example parses and renders; materials are checked against the core library. */
class ExampleConfigsTest {

    /**
     * The example with its grid replaced by a coarse one of the same extent (12 mm voxels) and minimal
     * sampling, so that every example renders in well under a second.
     */
    static String coarse(String exampleText) throws Exception {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        ObjectNode root = (ObjectNode) yaml.readTree(exampleText);
        JsonNode g = root.get("grid");
        ObjectNode ng = root.putObject("grid");
        JsonNode v = g.get("voxel_mm");
        for (int i = 0; i < 3; i++) {
            double vi = v.isNumber() ? v.asDouble() : v.get(i).asDouble();
            int n = (int) Math.ceil(g.get("size").get(i).asDouble() * vi / 12.0);
            if (i == 0) {
                ng.putArray("size");
            }
            ((com.fasterxml.jackson.databind.node.ArrayNode) ng.get("size")).add(n);
        }
        ng.put("voxel_mm", 12.0);
        if (g.has("origin_mm")) {
            ng.set("origin_mm", g.get("origin_mm"));
        }
        root.putObject("sampling").put("sub_samples", 2).put("boundary_refinement", 1).put("threads", 1);
        return new ObjectMapper().writeValueAsString(root);
    }

    @Test
    void everyPresetHasAnExampleThatParsesAndRendersWithActivity() throws Exception {
        assertThat(PresetCatalog.exampleNames()).hasSameSizeAs(PresetCatalog.names())
                .contains("iec-8to1.yaml", "torso-lesions.yaml", "jaszczak.yaml", "head-neck.yaml");
        for (PresetCatalog.Preset p : PresetCatalog.all()) {
            String text = PresetCatalog.exampleText(p.example());
            // the full-resolution example parses as shipped
            PhantomConfig full = PhantomConfig.parse(text, p.example());
            assertThat(full.grid().nx()).as(p.example()).isGreaterThan(40);
            // sources narrower than a coarse lattice are rendered on their shipped grid (0.5 mm sampling)
            boolean tiny = p.name().equals("point_source") || p.name().equals("line_source");
            PhantomConfig cfg = tiny ? full : PhantomConfig.parse(coarse(text), p.example());
            PhantomConfig.Rendered r = cfg.render();
            assertThat(r.phantom().totalActivityBq()).as(p.example()).isGreaterThan(0);
            // the grid keeps the whole activity: the voxel sum equals the region bookkeeping to float precision
            Grid3 g = cfg.grid();
            double voxelMl = g.voxelXMm() * g.voxelYMm() * g.voxelZMm() * 1e-3;
            assertThat(r.phantom().activity().sum() * voxelMl / r.phantom().totalActivityBq())
                    .as(p.example()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
        }
    }

    @Test
    void unknownMaterialNamesTheRegionAndListsTheKnownOnes() {
        String yaml = "grid: {size: [4, 4, 4], voxel_mm: 10}\n"
                + "regions:\n"
                + "  - {id: tank, shape: {type: sphere, centre_mm: [0, 0, 0], diameter_mm: 20}, material: water}\n"
                + "  - {id: insert, shape: {type: sphere, centre_mm: [0, 0, 0], diameter_mm: 10}, material: unobtainium}\n";
        assertThatThrownBy(() -> PhantomConfig.parse(yaml, "t.yaml")).isInstanceOf(InputException.class)
                .hasMessageStartingWith("'regions[1].material': unknown material 'unobtainium' for region 'insert'")
                .hasMessageContaining("known: air, water, soft_tissue");
        String bg = "grid: {size: [4, 4, 4], voxel_mm: 10}\nbackground_material: vacuum\n"
                + "regions:\n  - {id: tank, shape: {type: sphere, centre_mm: [0, 0, 0], diameter_mm: 20}, material: water}\n";
        assertThatThrownBy(() -> PhantomConfig.parse(bg, "t.yaml")).isInstanceOf(InputException.class)
                .hasMessageStartingWith("'background_material': unknown material 'vacuum'");
    }

    @Test
    void presetNamesAcceptHyphens() {
        PhantomConfig c = PhantomConfig.parse("grid: {size: [4, 4, 4], voxel_mm: 80}\npreset: {name: head-neck}\n", "t");
        assertThat(c.phantom().name()).isEqualTo("adult_head_neck_male");
    }
}
