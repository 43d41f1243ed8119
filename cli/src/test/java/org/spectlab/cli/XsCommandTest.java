package org.spectlab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class XsCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    /** Runs {@code spectlab xs ARGS} through the real root command (its exit-code mapping included). */
    private int run(String... args) {
        CommandLine cl = SpectlabCommand.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        String[] full = new String[args.length + 1];
        full[0] = "xs";
        System.arraycopy(args, 0, full, 1, args.length);
        return cl.execute(full);
    }

    @Test
    void jsonHasExactlyTheDocumentedKeysAndXcomValues() throws Exception {
        assertThat(run("water", "140.5", "--json")).isZero();
        JsonNode j = new ObjectMapper().readTree(out.toString());
        List<String> keys = new ArrayList<>();
        j.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactly("material", "energy_keV", "density_g_cm3", "photoelectric", "incoherent",
                "coherent", "total", "mu_per_cm");
        assertThat(j.get("material").asText()).isEqualTo("water");
        assertThat(j.get("energy_keV").asDouble()).isEqualTo(140.5);
        // Water at 140.5 keV: 0.1537 cm2/g, 0.154 /cm (XCOM); 0.5% tolerance as in the simulator tests.
        assertThat(j.get("total").asDouble()).isCloseTo(0.1537, within(0.1537 * 0.005));
        assertThat(j.get("mu_per_cm").asDouble()).isCloseTo(j.get("total").asDouble(), within(1e-12));
        double sum = j.get("photoelectric").asDouble() + j.get("incoherent").asDouble() + j.get("coherent").asDouble();
        assertThat(j.get("total").asDouble()).isCloseTo(sum, within(1e-12));
    }

    @Test
    void humanReadableOutputStatesUnits() {
        assertThat(run("lead", "140")).isZero();
        String s = out.toString();
        assertThat(s).contains("lead at 140 keV").contains("photoelectric").contains("cm^2/g")
                .contains("g/cm^3").contains("1/cm").contains("density                11.35 g/cm^3");
    }

    @Test
    void userMaterialsFileIsHonoured(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("m.yaml");
        Files.writeString(f, "materials:\n  - name: my_gel\n    density_g_cm3: 1.02\n"
                + "    composition: {H: 0.11, O: 0.85, C: 0.04}\n");
        assertThat(run("my_gel", "140.5", "--json", "--materials", f.toString())).isZero();
        JsonNode j = new ObjectMapper().readTree(out.toString());
        assertThat(j.get("density_g_cm3").asDouble()).isEqualTo(1.02);
        assertThat(j.get("total").asDouble()).isBetween(0.150, 0.156);
    }

    @Test
    void badInputIsExitTwoWithOneLine() {
        assertThat(run("unobtainium", "140")).isEqualTo(2);
        assertThat(err.toString().trim().lines().count()).isEqualTo(1);
        assertThat(err.toString()).contains("unknown material 'unobtainium'").contains("water");
        StringWriter e2 = err;
        e2.getBuffer().setLength(0);
        assertThat(run("water", "5000")).isEqualTo(2);
        assertThat(err.toString()).contains("energy 5000 keV is outside 1-3000 keV");
    }

    @Test
    void helpStatesUnits() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("keV").contains("cm^2/g").contains("1/cm").contains("g/cm^3");
    }
}
