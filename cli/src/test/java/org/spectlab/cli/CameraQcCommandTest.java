package org.spectlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class CameraQcCommandTest {

    @Test
    void printsTheJsonKeys() {
        CommandLine cl = new CommandLine(new CameraQcCommand());
        StringWriter out = new StringWriter();
        cl.setOut(new PrintWriter(out));
        int code = cl.execute("--collimator", "siemens-lehr", "--mu-lead-per-mm", "2.64", "--histories", "40000",
                "--seed", "3", "--threads", "1", "--json");
        assertThat(code).isZero();
        String s = out.toString();
        for (String key : new String[] {"sensitivity_cps_per_MBq", "fwhm_mm", "fwtm_mm", "fraction_geometric",
            "fraction_penetration", "fraction_collimator_scatter", "energy_fwhm_keV"}) {
            assertThat(s).contains("\"" + key + "\": ");
        }
        assertThat(s).contains("\"fraction_collimator_scatter\": 0.00000");
    }

    private static String run(String... args) {
        CommandLine cl = new CommandLine(new CameraQcCommand());
        StringWriter out = new StringWriter();
        cl.setOut(new PrintWriter(out));
        assertThat(cl.execute(args)).isZero();
        return out.toString();
    }

    /** Runs and expects exit code 2 with an input error whose message starts with the quoted option. */
    private static void failsNaming(String option, String... args) {
        CommandLine cl = new CommandLine(new CameraQcCommand());
        cl.setErr(new PrintWriter(new StringWriter()));
        final String[] message = {null};
        cl.setExecutionExceptionHandler((ex, c, parsed) -> {
            message[0] = ex instanceof org.spectlab.core.error.InputException ? ex.getMessage() : null;
            return 2;
        });
        assertThat(cl.execute(args)).isEqualTo(2);
        assertThat(message[0]).startsWith("'" + option + "'");
    }

    @Test
    void aCustomCollimatorWithAPresetsNumbersGivesTheIdenticalResult() {
        // siemens-lehr: 1.11 mm holes, 0.16 mm septa, 24.05 mm long (CollimatorLibrary)
        String preset = run("--collimator", "siemens-lehr", "--histories", "40000", "--seed", "3", "--threads", "1",
                "--json");
        String custom = run("--collimator", "custom", "--hole-diameter-mm", "1.11", "--septal-thickness-mm", "0.16",
                "--hole-length-mm", "24.05", "--material", "lead", "--histories", "40000", "--seed", "3", "--threads",
                "1", "--json");
        assertThat(custom.replace("\"collimator\": \"custom\"", "\"collimator\": \"siemens-lehr\"")).isEqualTo(preset);
    }

    @Test
    void scatteringMediaReportTheScatterFraction() {
        for (String medium : new String[] {"water", "pmma"}) {
            String s = run("--collimator", "siemens-lehr", "--medium", medium, "--histories", "60000", "--seed", "3",
                    "--threads", "1", "--json");
            assertThat(s).contains("\"medium\": \"" + medium + "\"").contains("\"fraction_medium_scatter\": 0.");
            assertThat(s).doesNotContain("\"fraction_medium_scatter\": 0.00000");
        }
    }

    @Test
    void badCustomAndMediumOptionsNameTheOption() {
        failsNaming("--hole-length-mm", "--collimator", "custom", "--hole-diameter-mm", "1.1",
                "--septal-thickness-mm", "0.2");
        failsNaming("--septal-thickness-mm", "--collimator", "custom", "--hole-diameter-mm", "1.1",
                "--septal-thickness-mm", "-1", "--hole-length-mm", "24");
        failsNaming("--material", "--collimator", "custom", "--hole-diameter-mm", "1.1", "--septal-thickness-mm",
                "0.2", "--hole-length-mm", "24", "--material", "tungsten");
        failsNaming("--hole-diameter-mm", "--collimator", "siemens-lehr", "--hole-diameter-mm", "1.1");
        failsNaming("--medium", "--collimator", "siemens-lehr", "--medium", "oil");
        failsNaming("--medium", "--collimator", "siemens-lehr", "--medium", "water", "--ideal-septa");
        failsNaming("--medium", "--collimator", "siemens-lehr", "--medium", "pmma", "--ideal-septa");
        failsNaming("--backscatter-glass-mm", "--collimator", "siemens-lehr", "--backscatter-glass-mm", "-5");
    }

    @Test
    void unknownPresetIsAnInputError() {
        CommandLine cl = new CommandLine(new CameraQcCommand());
        cl.setErr(new PrintWriter(new StringWriter()));
        final boolean[] inputError = {false};
        cl.setExecutionExceptionHandler((ex, c, parsed) -> {
            inputError[0] = ex instanceof org.spectlab.core.error.InputException;
            return 2;
        });
        assertThat(cl.execute("--collimator", "nope")).isEqualTo(2);
        assertThat(inputError[0]).isTrue();
    }
}
