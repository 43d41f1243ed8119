package org.spectlab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.spectlab.validation.suite.ValidationCase.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spectlab.core.error.InputException;
import org.spectlab.validation.suite.Quantity;
import org.spectlab.validation.suite.Reference;
import org.spectlab.validation.suite.SuiteRegistry;
import org.spectlab.validation.suite.Tolerance;
import org.spectlab.validation.suite.ValidationCase;
import picocli.CommandLine;

class ValidateCommandTest {
    /** The stored baseline of the quick suite (tests run in the cli module directory). */
    private static final Path QUICK_BASELINE = Path.of("..", "validation-reports", "baselines", "quick");

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(ValidateCommand command, String... args) {
        CommandLine cl = new CommandLine(command);
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        cl.setExecutionExceptionHandler((ex, c, parsed) -> {
            if (ex instanceof InputException) {
                c.getErr().println("spectlab validate: " + ex.getMessage());
                c.getErr().flush();
                return SpectlabCommand.EXIT_BAD_INPUT;
            }
            throw ex;
        });
        return cl.execute(args);
    }

    @Test
    void quickSuitePassesAgainstItsBaseline(@TempDir Path dir) throws Exception {
        int code = run(new ValidateCommand(), "--suite", "quick", "--out", dir.toString(), "--baseline",
                QUICK_BASELINE.toString(), "--json");
        assertThat(code).as(err.toString()).isZero();
        JsonNode summary = new ObjectMapper().readTree(dir.resolve("summary.json").toFile());
        assertThat(summary.get("passed").asBoolean()).isTrue();
        assertThat(summary.get("seed").asLong()).isEqualTo(1);
        assertThat(summary.get("baseline").get("drifted").asInt()).isZero();
        JsonNode q = summary.get("cases").get(0).get("quantities").get(0);
        assertThat(q.fieldNames()).toIterable().contains("value", "uncertainty", "reference", "tolerance", "passed");
        assertThat(q.get("reference").get("source").asText()).contains("NISTIR 5632");
        assertThat(Files.readString(dir.resolve("report.html"))).contains("data:image/png;base64,");
        assertThat(new ObjectMapper().readTree(out.toString()).get("suite").asText()).isEqualTo("quick");
        assertThat(err.toString()).contains("[1/", "attenuation-water", "PASSED");
    }

    @Test
    void aDeliberatelyWrongReferenceFailsWithExitCodeOne(@TempDir Path dir) throws Exception {
        SuiteRegistry registry = SuiteRegistry.empty().define("broken", "test");
        // Tc-99m decay after one half-life against a wrong reference (0.6 instead of 0.5)
        registry.addCases("broken", () -> List.of(ValidationCase.of("wrong-reference", "deliberately wrong",
                config(), ctx -> List.of(Quantity.of("half", "1",
                        org.spectlab.core.nuclide.NuclideLibrary.get("Tc-99m").decayFactor(21624.12),
                        Reference.exact(0.6, "deliberately wrong"), Tolerance.relative(1e-9, "closed form"))))));
        int code = run(new ValidateCommand(registry), "--suite", "broken", "--out", dir.toString());
        assertThat(code).isEqualTo(SpectlabCommand.EXIT_VALIDATION_FAILED);
        assertThat(err.toString()).contains("FAIL", "FAILED");
        assertThat(Files.readString(dir.resolve("summary.json"))).contains("\"passed\" : false");
        assertThat(Files.exists(dir.resolve("report.html"))).isTrue();
    }

    @Test
    void unknownSuiteIsBadInput(@TempDir Path dir) {
        assertThat(run(new ValidateCommand(), "--suite", "nope", "--out", dir.toString()))
                .isEqualTo(SpectlabCommand.EXIT_BAD_INPUT);
        assertThat(err.toString()).contains("unknown suite 'nope'", "physics");
    }

    @Test
    void aSuiteFannedOutOverJobsMergesIntoOneSummary(@TempDir Path dir) throws Exception {
        SuiteRegistry registry = SuiteRegistry.empty().define("decay", "three closed-form decay checks");
        List<ValidationCase> cases = new java.util.ArrayList<>();
        for (int k = 1; k <= 3; k++) {
            double halves = k;
            cases.add(ValidationCase.of("half-lives-" + k, "Tc-99m after " + k + " half-lives", config(),
                    ctx -> List.of(Quantity.of("fraction", "1",
                            org.spectlab.core.nuclide.NuclideLibrary.get("Tc-99m").decayFactor(21624.12 * halves),
                            Reference.exact(Math.pow(0.5, halves), "2^-n (DDEP half-life 6.0067 h)"),
                            Tolerance.relative(1e-9, "closed form")))));
        }
        registry.addCases("decay", () -> cases);
        Path p0 = dir.resolve("p0");
        Path p1 = dir.resolve("p1");
        assertThat(run(new ValidateCommand(registry), "--suite", "decay", "--out", p1.toString(), "--jobs", "2",
                "--job-index", "1")).as(err.toString()).isZero();
        assertThat(run(new ValidateCommand(registry), "--suite", "decay", "--out", p0.toString(), "--jobs", "2",
                "--job-index", "0")).as(err.toString()).isZero();
        JsonNode part1 = new ObjectMapper().readTree(p1.resolve("summary.json").toFile());
        assertThat(part1.get("cases")).hasSize(1);
        assertThat(part1.get("part").get("jobs").asInt()).isEqualTo(2);
        Path merged = dir.resolve("merged");
        assertThat(run(new ValidateCommand(registry), "--suite", "decay", "--out", merged.toString(), "--merge",
                p0.toString(), p1.toString())).as(err.toString()).isZero();
        JsonNode summary = new ObjectMapper().readTree(merged.resolve("summary.json").toFile());
        assertThat(summary.get("cases")).hasSize(3);
        assertThat(summary.has("part")).isFalse();
        assertThat(summary.get("cases").get(1).get("name").asText()).isEqualTo("half-lives-2");
        assertThat(run(new ValidateCommand(registry), "--suite", "decay", "--out", merged.toString(), "--merge",
                p0.toString())).isEqualTo(SpectlabCommand.EXIT_BAD_INPUT);
        assertThat(err.toString()).contains("part 1 of 2 is missing");
        assertThat(run(new ValidateCommand(registry), "--suite", "decay", "--out", merged.toString(), "--job-index",
                "0")).isEqualTo(SpectlabCommand.EXIT_BAD_INPUT);
        assertThat(err.toString()).contains("--job-index").contains("needs --jobs");
    }
}
