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
