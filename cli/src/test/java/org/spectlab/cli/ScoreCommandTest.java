package org.spectlab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spectlab.core.grid.Grid3;
import org.spectlab.core.io.nifti.Nifti;
import picocli.CommandLine;

class ScoreCommandTest {
    @TempDir
    Path dir;

    private final StringWriter err = new StringWriter();

    private int runRoot(String... args) {
        CommandLine root = SpectlabCommand.commandLine();
        if (!root.getSubcommands().containsKey("score")) {
            root.addSubcommand("score", new ScoreCommand());
        }
        root.setErr(new PrintWriter(err));
        root.setOut(new PrintWriter(new StringWriter()));
        String[] full = new String[args.length + 1];
        full[0] = "score";
        System.arraycopy(args, 0, full, 1, args.length);
        return root.execute(full);
    }

    @Test
    void aPerfectImageAndDetectionOnAnotherGridScorePerfectly() throws Exception {
        Path study = dir.resolve("study");
        Grid3 grid = TinyStudy.write(study);
        // An external "algorithm" whose image is the truth on the (coarser) image grid.
        Path image = dir.resolve("ext.nii");
        Nifti.writeVolume(TinyStudy.disc(grid, TinyStudy.CONCENTRATION_BQ_PER_ML, "Bq/mL"), image);
        Path det = dir.resolve("det.json");
        Files.writeString(det, "{\"detections\": [{\"id\": \"d1\", \"x_mm\": 0.0, \"y_mm\": 0.0, \"z_mm\": 0.0, "
                + "\"confidence\": 0.9, \"organ\": \"body\"}]}");
        Path out = dir.resolve("metrics.json");
        int code = new CommandLine(new ScoreCommand()).execute(study.toString(), "--image", image.toString(),
                "--detections", det.toString(), "--out", out.toString());
        assertThat(code).isZero();
        JsonNode m = new ObjectMapper().readTree(out.toFile());
        JsonNode d = m.get("detection");
        assertThat(d.get("lesions").asInt()).isEqualTo(1);
        assertThat(d.get("mean_localization_error_mm").asDouble()).isEqualTo(0.0);
        assertThat(d.get("sensitivity").get("estimate").asDouble()).isEqualTo(1.0);
        JsonNode img = m.get("image");
        // The fine truth disc box-averaged onto the coarse grid differs from the coarse disc only at the
        // rim (partial volume), so the totals agree within the rim's share (~15 % of a 13-voxel disc).
        assertThat(img.get("total_activity_error").asDouble()).isCloseTo(0.0, within(0.15));
        assertThat(img.get("unit").asText()).isEqualTo("Bq/mL");
        assertThat(img.get("organs")).isNotNull();
    }

    @Test
    void badDetectionsFileIsExitCodeTwoNamingTheField() throws Exception {
        Path study = dir.resolve("study");
        TinyStudy.write(study);
        Path det = dir.resolve("bad.json");
        Files.writeString(det, "{\"detections\": [{\"id\": \"d1\", \"y_mm\": 0.0, \"z_mm\": 0.0, \"confidence\": 1}]}");
        Path out = dir.resolve("metrics.json");
        assertThat(runRoot(study.toString(), "--detections", det.toString(), "--out", out.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("x_mm");
        assertThat(out).doesNotExist();
        assertThat(runRoot(study.toString(), "--out", out.toString())).isEqualTo(2);
        assertThat(runRoot(study.toString(), "--detections", det.toString(), "--acceptance-mm", "-1",
                "--out", out.toString())).isEqualTo(2);
    }
}
