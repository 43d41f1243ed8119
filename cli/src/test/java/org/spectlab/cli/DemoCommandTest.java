package org.spectlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Smoke tests of demo (coarse patient) and dataset (input checks); the full demo's run time is measured, not tested. */
class DemoCommandTest {
    @TempDir
    Path dir;

    private int run(StringWriter out, StringWriter err, String... args) {
        CommandLine root = SpectlabCommand.commandLine();
        if (!root.getSubcommands().containsKey("demo")) {
            root.addSubcommand("demo", new DemoCommand());
        }
        if (!root.getSubcommands().containsKey("dataset")) {
            root.addSubcommand("dataset", new DatasetCommand());
        }
        root.setOut(new PrintWriter(out));
        root.setErr(new PrintWriter(err));
        return root.execute(args);
    }

    @Test
    void quickDemoRunsEveryStageAndPrintsTheSummaryAndReport() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Path demo = dir.resolve("demo");
        int code = run(out, err, "demo", "--quick", "--out", demo.toString(), "--threads", "2");
        assertThat(code).as(err.toString()).isZero();
        String text = out.toString();
        assertThat(demo.resolve("report.html")).isRegularFile();
        assertThat(demo.resolve("study/recon/recon.nii")).isRegularFile();
        assertThat(demo.resolve("study/metrics.json")).isRegularFile();
        assertThat(text).contains("abscess_1").contains("TP abscess_1").contains("Report: ")
                .contains("simulate").contains("reconstruct").contains("localize").contains("score");
        assertThat(Files.readString(demo.resolve("report.html"))).contains("Findings");
    }

    @Test
    void badDatasetInputIsExitCodeTwoNamingTheOption() {
        StringWriter err = new StringWriter();
        String o = dir.resolve("ds").toString();
        assertThat(run(new StringWriter(), err, "dataset", "--cases", "2", "--seed", "1", "--out", o,
                "--preset", "head")).isEqualTo(2);
        assertThat(err.toString()).contains("--preset");
        assertThat(run(new StringWriter(), err, "dataset", "--cases", "0", "--seed", "1", "--out", o)).isEqualTo(2);
        assertThat(err.toString()).contains("--cases");
        assertThat(run(new StringWriter(), err, "demo", "--threads", "0", "--out", o)).isEqualTo(2);
        assertThat(err.toString()).contains("--threads");
    }

    @Test
    void datasetFanOutWritesSchedulerScriptsAndChecksItsOptions() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Path ds = dir.resolve("fan");
        assertThat(run(out, err, "dataset", "--cases", "5", "--seed", "3", "--out", ds.toString(), "--jobs", "3",
                "--scripts")).as(err.toString()).isZero();
        String slurm = Files.readString(ds.resolve("dataset-slurm.sh"));
        assertThat(slurm).contains("#SBATCH --array=0-2").contains("--jobs 3")
                .contains("--job-index \"$SLURM_ARRAY_TASK_ID\"").contains("--collect");
        assertThat(Files.readString(ds.resolve("dataset-job.sh"))).contains("JOB_COMPLETION_INDEX");
        assertThat(ds.resolve("dataset-job.sh").toFile().canExecute()).isTrue();
        String o = ds.toString();
        StringWriter e2 = new StringWriter();
        assertThat(run(new StringWriter(), e2, "dataset", "--cases", "5", "--seed", "3", "--out", o, "--job-index",
                "1")).isEqualTo(2);
        assertThat(e2.toString()).contains("--job-index").contains("needs --jobs");
        assertThat(run(new StringWriter(), e2, "dataset", "--cases", "5", "--seed", "3", "--out", o, "--jobs", "3",
                "--job-index", "3")).isEqualTo(2);
        assertThat(e2.toString()).contains("0 to 2");
        assertThat(run(new StringWriter(), e2, "dataset", "--cases", "5", "--seed", "3", "--out", o, "--collect"))
                .isEqualTo(2);
        assertThat(e2.toString()).contains("case_001").contains("missing");
    }
}
