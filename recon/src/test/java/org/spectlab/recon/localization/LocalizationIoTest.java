package org.spectlab.recon.localization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spectlab.core.error.InputException;
import org.spectlab.core.grid.Grid3;
import org.spectlab.core.grid.LabelVolume;
import org.spectlab.core.grid.Volume;

/** The detections file, label-name files, the CT region map and the robust statistics. */
class LocalizationIoTest {

    @Test
    void detectionsJsonHasExactlyTheSchemaKeysInOrderAndNullForMissingFigures(@TempDir Path dir) throws Exception {
        List<Detection> ds = List.of(
                Detection.of("d1", 12.5, -40.0, 88.0, 9.3, "liver", "soft tissue", 5.2e4, 3.1e4, 4.2, 3.5, 12.0),
                Detection.of("d2", 1, 2, 3, 5.5, "outside body", 10, 8, 0.5, Double.NaN, Double.POSITIVE_INFINITY));
        Path f = dir.resolve("sub/detections.json");
        DetectionsJson.write(ds, f);
        JsonNode root = new ObjectMapper().readTree(f.toFile());
        List<String> top = new ArrayList<>();
        root.fieldNames().forEachRemaining(top::add);
        assertThat(top).containsExactly("detections");
        JsonNode a = root.get("detections");
        assertThat(a.size()).isEqualTo(2);
        List<String> keys = new ArrayList<>();
        a.get(0).fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactly("id", "x_mm", "y_mm", "z_mm", "confidence", "organ", "ct_region",
                "peak_uptake_bq_per_ml", "mean_uptake_bq_per_ml", "volume_ml", "contrast", "cnr");
        assertThat(keys).isEqualTo(DetectionsJson.KEYS);
        assertThat(a.get(0).get("id").asText()).isEqualTo("d1");
        assertThat(a.get(0).get("x_mm").asDouble()).isEqualTo(12.5);
        assertThat(a.get(0).get("peak_uptake_bq_per_ml").asDouble()).isEqualTo(5.2e4);
        assertThat(a.get(0).get("organ").asText()).isEqualTo("liver");
        assertThat(a.get(0).get("ct_region").asText()).isEqualTo("soft tissue");
        assertThat(a.get(1).get("ct_region").asText()).as("no CT given").isEqualTo(RegionNames.UNKNOWN);
        assertThat(a.get(1).get("contrast").isNull()).isTrue();
        assertThat(a.get(1).get("cnr").isNull()).isTrue();
        try (var files = Files.list(f.getParent())) {
            assertThat(files.count()).as("no temporary file left behind").isEqualTo(1);
        }
    }

    @Test
    void labelNamesInBothFormsAndErrorsNamingTheKey(@TempDir Path dir) throws Exception {
        Path flat = dir.resolve("labels.json");
        Files.writeString(flat, "{\"1\": \"liver\", \"2\": \" spleen \"}");
        assertThat(LabelNames.read(flat)).isEqualTo(Map.of(1, "liver", 2, "spleen"));
        Path list = dir.resolve("list.json");
        Files.writeString(list, "{\"labels\": [{\"label\": 3, \"name\": \"kidney\"}]}");
        assertThat(LabelNames.read(list)).isEqualTo(Map.of(3, "kidney"));
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"liver\": 1}");
        assertThatThrownBy(() -> LabelNames.read(bad)).isInstanceOf(InputException.class).hasMessageContaining("bad.json liver");
        Files.writeString(bad, "{\"labels\": [{\"label\": 1.5, \"name\": \"x\"}]}");
        assertThatThrownBy(() -> LabelNames.read(bad)).isInstanceOf(InputException.class)
                .hasMessageContaining("labels[0].label");
        assertThatThrownBy(() -> LabelNames.read(dir.resolve("none.json"))).isInstanceOf(InputException.class)
                .hasMessageContaining("not found");
    }

    /**
     * A CT slab: air around a soft-tissue cylinder (40 HU) holding an enclosed air-like ellipse (lung,
     * -800 HU) and a bone rod (+1000 HU); a fat layer (-100 HU) stays soft tissue.
     */
    @Test
    void ctRegionsSeparateOutsideLungSoftTissueAndBone() {
        Grid3 g = Grid3.centredCubic(40, 40, 4, 5.0);
        Volume ct = Volume.zeros(g, "HU");
        for (int k = 0; k < 4; k++) {
            for (int j = 0; j < 40; j++) {
                for (int i = 0; i < 40; i++) {
                    double x = g.xMm(i);
                    double y = g.yMm(j);
                    double r = Math.hypot(x, y);
                    float hu = r > 80 ? -1000f : r > 70 ? -100f : 40f;
                    if (Math.hypot(x + 30, y) < 20) {
                        hu = -800f;
                    }
                    if (Math.hypot(x - 30, y) < 8) {
                        hu = 1000f;
                    }
                    ct.set(i, j, k, hu);
                }
            }
        }
        LabelVolume l = CtRegions.of(ct);
        RegionNames n = RegionNames.of(l, 0);
        assertThat(n.nameAt(-30, 0, 0)).isEqualTo(CtRegions.LUNG);
        assertThat(n.nameAt(30, 0, 0)).isEqualTo(CtRegions.BONE);
        assertThat(n.nameAt(0, 40, 0)).isEqualTo(CtRegions.SOFT_TISSUE);
        assertThat(n.nameAt(0, 75, 0)).isEqualTo(CtRegions.SOFT_TISSUE);
        assertThat(n.nameAt(0, 95, 0)).isEqualTo(RegionNames.OUTSIDE_BODY);
    }

    @Test
    void medianAndRobustSdAgreeWithSorting() {
        var rng = org.apache.commons.rng.simple.RandomSource.XO_RO_SHI_RO_128_PP.create(5L);
        for (int n = 1; n < 60; n++) {
            float[] v = new float[n];
            for (int a = 0; a < n; a++) {
                v[a] = (float) Math.floor(rng.nextDouble() * 10);
            }
            float[] s = v.clone();
            java.util.Arrays.sort(s);
            double expected = (n & 1) == 1 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
            assertThat(RobustStats.median(v.clone(), n)).as("n=%d", n).isEqualTo(expected);
        }
        // Gaussian sample: 1.4826 MAD estimates σ = 2 within 5 % (its relative SE is 1.65/√n ≈ 0.7 % here,
        // so 5 % is about 7 SE).
        int n = 50_000;
        float[] v = new float[n];
        for (int a = 0; a < n; a += 2) {
            double u1 = 1 - rng.nextDouble();
            double u2 = rng.nextDouble();
            double r = 2.0 * Math.sqrt(-2 * Math.log(u1));
            v[a] = (float) (r * Math.cos(2 * Math.PI * u2));
            v[a + 1] = (float) (r * Math.sin(2 * Math.PI * u2));
        }
        double med = RobustStats.median(v, n);
        assertThat(RobustStats.robustSd(v, n, med)).isBetween(1.9, 2.1);
    }

    @Test
    void badSettingsAndImagesNameTheField() {
        assertThatThrownBy(() -> LocalizationSettings.of(0)).isInstanceOf(InputException.class)
                .hasMessageContaining("system FWHM");
        assertThatThrownBy(() -> LocalizationSettings.of(10).withMaxDetections(0)).isInstanceOf(InputException.class)
                .hasMessageContaining("maximum detections");
        Volume tiny = Volume.zeros(Grid3.centredCubic(4, 10, 10, 2), "Bq/mL");
        assertThatThrownBy(() -> LesionLocalizer.of(LocalizationSettings.of(10)).localize(tiny))
                .isInstanceOf(InputException.class).hasMessageContaining("'image'");
        Volume nan = Volume.zeros(Grid3.centredCubic(10, 10, 10, 2), "Bq/mL");
        nan.set(1, 2, 3, Float.NaN);
        assertThatThrownBy(() -> LesionLocalizer.of(LocalizationSettings.of(10)).localize(nan))
                .isInstanceOf(InputException.class).hasMessageContaining("not a finite number");
    }
}
