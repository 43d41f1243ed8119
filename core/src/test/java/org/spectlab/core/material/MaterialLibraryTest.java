package org.spectlab.core.material;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spectlab.core.error.InputException;

class MaterialLibraryTest {

    private static double fraction(Material m, String symbol) {
        int z = Element.bySymbol(symbol).atomicNumber();
        for (Constituent c : m.composition()) {
            if (c.atomicNumber() == z) {
                return c.massFraction();
            }
        }
        return 0;
    }

    @Test
    void builtInsHaveThePublishedDensitiesAndCompositions() {
        MaterialLibrary lib = MaterialLibrary.builtIn();
        assertThat(lib.names()).contains("air", "water", "soft_tissue", "adipose", "muscle", "lung",
                "lung_deflated", "cortical_bone", "trabecular_bone", "blood", "pmma", "nai", "lead", "glass",
                "aluminium");
        // Densities (g/cm3) from ICRU-44 / NIST; exact as tabulated.
        assertThat(lib.get("air").densityGPerCm3()).isEqualTo(0.001205);
        assertThat(lib.get("soft_tissue").densityGPerCm3()).isEqualTo(1.06);
        assertThat(lib.get("lung").densityGPerCm3()).isEqualTo(0.26);
        assertThat(lib.get("lung_deflated").densityGPerCm3()).isEqualTo(1.05);
        assertThat(lib.get("cortical_bone").densityGPerCm3()).isEqualTo(1.92);
        assertThat(lib.get("lead").densityGPerCm3()).isEqualTo(11.35);
        assertThat(lib.get("nai").densityGPerCm3()).isEqualTo(3.667);
        // Water is H2O: hydrogen mass fraction 2*1.008/18.015 = 0.1119 (tolerance: atomic-weight rounding).
        assertThat(fraction(lib.get("water"), "H")).isCloseTo(2 * 1.008 / (2 * 1.008 + 15.999), within(1e-4));
        // NaI by stoichiometry: w_I = 126.90 / (22.990 + 126.90).
        assertThat(fraction(lib.get("nai"), "I")).isCloseTo(126.90 / (22.990 + 126.90), within(1e-5));
        // Cortical bone (ICRU-44): 22.5% Ca, 10.3% P.
        assertThat(fraction(lib.get("cortical_bone"), "Ca")).isCloseTo(0.225, within(1e-9));
        assertThat(fraction(lib.get("cortical_bone"), "P")).isCloseTo(0.103, within(1e-9));
        for (String name : lib.names()) {
            double sum = 0;
            for (Constituent c : lib.get(name).composition()) {
                sum += c.massFraction();
            }
            assertThat(sum).as(name).isCloseTo(1.0, within(1e-12));
        }
    }

    @Test
    void aliasesAndSpellingVariantsFindTheSameMaterial() {
        MaterialLibrary lib = MaterialLibrary.builtIn();
        assertThat(lib.get("Soft-Tissue")).isSameAs(lib.get("soft_tissue"));
        assertThat(lib.get("tissue")).isSameAs(lib.get("soft_tissue"));
        assertThat(lib.get("aluminum")).isSameAs(lib.get("aluminium"));
        assertThat(lib.get("PYREX")).isSameAs(lib.get("glass"));
        assertThat(lib.contains("bone")).isTrue();
        assertThat(lib.contains("unobtainium")).isFalse();
    }

    @Test
    void unknownMaterialListsTheKnownNames() {
        assertThatThrownBy(() -> MaterialLibrary.builtIn().get("unobtainium"))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("'unobtainium'").hasMessageContaining("soft_tissue")
                .hasMessageContaining("lead");
    }

    @Test
    void userMaterialsAreReadFromYamlAndAddedToTheBuiltIns(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("m.yaml");
        Files.writeString(f, "materials:\n"
                + "  - name: my_gel\n"
                + "    density_g_cm3: 1.02\n"
                + "    composition: {H: 0.11, O: 0.85, C: 0.04}\n"
                + "  - name: Steel-ish\n"
                + "    density_g_cm3: 7.9\n"
                + "    composition:\n"
                + "      fe: 0.7\n"
                + "      Cr: 0.3\n");
        MaterialLibrary lib = MaterialLibrary.builtInPlus(f);
        Material gel = lib.get("my_gel");
        assertThat(gel.densityGPerCm3()).isEqualTo(1.02);
        assertThat(fraction(gel, "O")).isCloseTo(0.85, within(1e-12));
        assertThat(lib.get("steel_ish").name()).isEqualTo("Steel-ish");
        assertThat(fraction(lib.get("steel-ish"), "Fe")).isCloseTo(0.7, within(1e-12));
        assertThat(lib.get("water")).isSameAs(MaterialLibrary.builtIn().get("water"));
    }

    @Test
    void jsonIsAcceptedToo() {
        List<Material> m = MaterialFileReader.parse(
                "{\"materials\": [{\"name\": \"h2o\", \"density_g_cm3\": 1.0, "
                        + "\"composition\": {\"H\": 0.111898, \"O\": 0.888102}}]}", "x.json");
        assertThat(m).hasSize(1);
        assertThat(m.get(0).atomicNumbers()).containsExactly(1, 8);
    }

    @Test
    void parsingErrorsNameTheFieldAndWhatIsAllowed() {
        assertBad("materials:\n  - name: a\n    density_g_cm3: -1\n    composition: {H: 1}\n",
                "materials[0].density_g_cm3: must be > 0");
        assertBad("materials:\n  - name: a\n    density_g_cm3: 1\n    composition: {Xq: 1}\n",
                "materials[0].composition.Xq: unknown element symbol 'Xq'");
        assertBad("materials:\n  - name: a\n    density_g_cm3: 1\n    composition: {H: 0.5, O: 0.3}\n",
                "materials[0].composition: mass fractions sum to 0.8000");
        assertBad("materials:\n  - name: a\n    density_g_cm3: 1\n  - name: b\n", "materials[0].composition: missing");
        assertBad("materials:\n  - density_g_cm3: 1\n    composition: {H: 1}\n", "materials[0].name: missing");
        assertBad("materials:\n  - name: a\n    density: 1\n    composition: {H: 1}\n",
                "materials[0].density: unknown key");
        assertBad("stuff: 1\n", "'materials': missing");
        assertBad("materials: [\n", "not valid YAML/JSON");
        assertBad("materials:\n  - name: water\n    density_g_cm3: 1\n    composition: {H: 1}\n",
                "'water' is already defined");
    }

    @Test
    void missingFileIsAnInputError(@TempDir Path dir) {
        assertThatThrownBy(() -> MaterialLibrary.builtInPlus(dir.resolve("none.yaml")))
                .isInstanceOf(InputException.class).hasMessageContaining("does not exist");
    }

    private static void assertBad(String yaml, String expected) {
        assertThatThrownBy(() -> MaterialLibrary.builtIn().with(MaterialFileReader.parse(yaml, "m.yaml")))
                .isInstanceOf(InputException.class).hasMessageContaining(expected);
    }
}
