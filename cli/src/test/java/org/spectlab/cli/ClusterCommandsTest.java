package org.spectlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spectlab.core.error.InputException;
import picocli.CommandLine;

/** split / run / merge and simulate --resume from the command line, against simulate. */
class ClusterCommandsTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private static final String YAML = "phantom:\n"
            + "  grid: {size: [16, 16, 8], voxel_mm: 6}\n"
            + "  sampling: {sub_samples: 2}\n"
            + "  preset: {name: uniform_cylinder, options: {diameter_mm: 60, length_mm: 36,"
            + " concentration_bq_per_ml: 200000}}\n"
            + "nuclide: Tc-99m\n"
            + "camera: {collimator: siemens-lehr}\n"
            + "acquisition: {views: 6, radius_mm: 120, matrix: [16, 16], pixel_size_mm: 6, time_per_view_s: 10}\n"
            + "simulation: {histories: 2000, batches: 4, seed: 5, crystal_histories_per_keV: 200}\n";

    /** Runs a command with the root command's mapping of InputException to exit code 2 and its message. */
    private int run(Callable<Integer> command, String... args) {
        CommandLine cl = new CommandLine(command);
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        cl.setExecutionExceptionHandler((ex, c, parsed) -> {
            c.getErr().println(ex.getMessage());
            return ex instanceof InputException ? 2 : 3;
        });
        return cl.execute(args);
    }

    @Test
    void splitRunMergeWritesTheStudySimulateWrites() throws Exception {
        Path cfg = dir.resolve("c.yaml");
        Files.writeString(cfg, YAML);
        Path single = dir.resolve("single");
        assertThat(run(new SimulateCommand(), cfg.toString(), "--out", single.toString(), "--threads", "1",
                "--no-progress")).isEqualTo(0);
        Path split = dir.resolve("split");
        assertThat(run(new SplitCommand(), cfg.toString(), "--jobs", "3", "--out", split.toString(),
                "--launcher", "java -jar /opt/spectlab.jar")).isEqualTo(0);
        assertThat(out.toString()).contains("3 jobs of 6 views").contains("job-2.yaml  views 4-5")
                .contains("sbatch " + split.toAbsolutePath().resolve("slurm.sh"));
        String slurm = Files.readString(split.resolve("slurm.sh"));
        assertThat(slurm).contains("#SBATCH --array=0-2")
                .contains("SPECTLAB=\"${SPECTLAB:-java -jar /opt/spectlab.jar}\"")
                .contains("/job-${SLURM_ARRAY_TASK_ID}.yaml");
        assertThat(Files.readString(split.resolve("condor.sub"))).contains("queue 3").contains("arguments = $(Process)");
        assertThat(Files.readString(split.resolve("k8s-job.yaml"))).contains("completionMode: Indexed")
                .contains("completions: 3");
        assertThat(split.resolve("run-job.sh").toFile().canExecute()).isTrue();
        // job 1 by folder and index, the others by file
        assertThat(run(new RunCommand(), split.toString(), "--index", "1", "--threads", "1", "--progress"))
                .isEqualTo(0);
        // 6 views in 3 jobs: job 1 transports all 4 batches and projects its 2 views
        assertThat(err.toString()).contains("run job-1.yaml transport: 4/4 batches (100%)")
                .contains("run job-1.yaml projection: 2/2 views (100%)").doesNotContain("\r");
        assertThat(run(new RunCommand(), split.resolve("job-0.yaml").toString(), "--threads", "2", "--no-progress"))
                .isEqualTo(0);
        // merge with a part missing: exit 2 naming the file and the command to run
        Path merged = dir.resolve("merged");
        assertThat(run(new MergeCommand(), split.toString(), "--out", merged.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("missing part part-2.bin").contains("job-2.yaml");
        assertThat(merged).doesNotExist();
        assertThat(run(new RunCommand(), split.resolve("job-2.yaml").toString(), "--no-progress")).isEqualTo(0);
        assertThat(run(new RunCommand(), split.resolve("job-2.yaml").toString(), "--no-progress")).isEqualTo(0);
        assertThat(out.toString()).contains("already done, kept");
        assertThat(run(new MergeCommand(), split.toString(), "--out", merged.toString(), "--threads", "2"))
                .isEqualTo(0);
        for (String f : List.of("spect/photopeak.s", "spect/lower_scatter.s", "spect/expected/photopeak.s",
                "spect/expected/photopeak_scatter.s", "spect/spectrum.csv", "ct/ct.nii", "truth/activity.nii")) {
            assertThat(Files.mismatch(single.resolve(f), merged.resolve(f))).as(f).isEqualTo(-1L);
        }
        // a folder without --index and without the scheduler's variables is bad input
        assertThat(run(new RunCommand(), split.toString(), "--no-progress"))
                .isEqualTo(System.getenv("SLURM_ARRAY_TASK_ID") == null
                        && System.getenv("JOB_COMPLETION_INDEX") == null ? 2 : 0);
    }

    @Test
    void simulateResumeWritesTheSameStudyAndRemovesItsCheckpoint() throws Exception {
        Path cfg = dir.resolve("c.yaml");
        Files.writeString(cfg, YAML.replace("batches: 4", "batches: 4, mode: analog, histories: 20000")
                .replace("histories: 2000, ", ""));
        Path single = dir.resolve("single");
        assertThat(run(new SimulateCommand(), cfg.toString(), "--out", single.toString(), "--no-progress"))
                .isEqualTo(0);
        Path resumed = dir.resolve("resumed");
        assertThat(run(new SimulateCommand(), cfg.toString(), "--out", resumed.toString(), "--resume",
                "--threads", "1", "--progress")).isEqualTo(0);
        assertThat(err.toString()).contains("checkpoint").contains("0 of 4 batches reused")
                .contains("simulate transport: 4/4 batches (100%)").doesNotContain("\r");
        assertThat(dir.resolve("resumed.checkpoint")).doesNotExist();
        for (String f : List.of("spect/photopeak.s", "spect/expected/photopeak.s", "spect/spectrum.csv")) {
            assertThat(Files.mismatch(single.resolve(f), resumed.resolve(f))).as(f).isEqualTo(-1L);
        }
        assertThat(Files.readString(resumed.resolve("study.json"))).contains(SimulateCommand.RESUMABLE_RUN);
    }
}
