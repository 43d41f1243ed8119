package org.spectlab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class NuclideCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(CommandLine cl, String... args) {
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    private int run(String... args) {
        return run(new CommandLine(new NuclideCommand()), args);
    }

    @Test
    void tableShowsHalfLifeSourceAndLines() {
        assertThat(run("99mTc")).isZero();
        String text = out.toString();
        assertThat(text).startsWith("Tc-99m: IT decay to Tc-99");
        assertThat(text).contains("half-life: 6.0067 h (uncertainty 0.001 h) = 6.00670 h = 21624.1 s");
        assertThat(text).contains("evaluation LNHB/KRI 2004");
        assertThat(text).containsPattern("140\\.511 +88\\.5 +gamma +Tc-99 1->0");
        assertThat(text).containsPattern("18\\.3672 +4\\.21 +xray +Tc Kα1");
        assertThat(text).contains("7 lines with yield >= 0 per decay");
    }

    @Test
    void minYieldFiltersTheTable() {
        assertThat(run("I-123", "--min-yield", "0.01")).isZero();
        String text = out.toString();
        assertThat(text).contains("7 lines with yield >= 0.01 per decay");
        assertThat(text).contains("528.96").doesNotContain("440.02");
    }

    @Test
    void jsonHasTheDocumentedFields() throws Exception {
        assertThat(run("in111", "--json", "--min-yield", "0.5")).isZero();
        JsonNode root = new ObjectMapper().readTree(out.toString());
        assertThat(root.get("nuclide").asText()).isEqualTo("In-111");
        assertThat(root.get("half_life_h").asDouble()).isCloseTo(67.3176, within(1e-12));
        assertThat(root.get("half_life_s").asDouble()).isEqualTo(242343.36);
        assertThat(root.get("source").asText()).contains("KRI 2006");
        assertThat(root.get("half_life_as_evaluated").get("unit").asText()).isEqualTo("d");
        JsonNode lines = root.get("lines");
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).get("energy_keV").asDouble()).isEqualTo(171.28);
        assertThat(lines.get(0).get("yield").asDouble()).isEqualTo(0.9061);
        assertThat(lines.get(1).get("kind").asText()).isEqualTo("gamma");
        assertThat(lines.get(1).get("label").asText()).isEqualTo("Cd-111 1->0");
    }

    @Test
    void listNamesTheNuclides() throws Exception {
        assertThat(run("--list")).isZero();
        assertThat(out.toString()).contains("Tc-99m").contains("Lu-177   B-  6.647 d");
        out.getBuffer().setLength(0);
        assertThat(run("--list", "--json")).isZero();
        JsonNode root = new ObjectMapper().readTree(out.toString());
        assertThat(root.get("nuclides").get(0).asText()).isEqualTo("Tc-99m");
    }

    @Test
    void unknownNuclideIsBadInputUnderTheRootCommand() {
        CommandLine root = SpectlabCommand.commandLine();
        assertThat(run(root, "nuclide", "F-18")).isEqualTo(SpectlabCommand.EXIT_BAD_INPUT);
        assertThat(err.toString()).contains("unknown name 'F-18'").contains("Tc-99m, I-123")
                .doesNotContain("Exception");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void missingNameAndNegativeYieldAreBadInput() {
        CommandLine root = SpectlabCommand.commandLine();
        assertThat(run(root, "nuclide")).isEqualTo(SpectlabCommand.EXIT_BAD_INPUT);
        assertThat(err.toString()).contains("'NAME'");
        assertThat(run(root, "nuclide", "I-131", "--min-yield", "-1")).isEqualTo(SpectlabCommand.EXIT_BAD_INPUT);
        assertThat(run(root, "nuclide", "I-131", "--min-yield", "abc")).isEqualTo(SpectlabCommand.EXIT_BAD_INPUT);
    }
}
