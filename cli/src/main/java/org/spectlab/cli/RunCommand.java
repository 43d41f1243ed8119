package org.spectlab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.spectlab.core.error.InputException;
import org.spectlab.simulator.cluster.ClusterJobs;
import org.spectlab.simulator.cluster.JobSpec;
import org.spectlab.simulator.run.BatchRunner;
import org.spectlab.simulator.study.StudyConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code spectlab run DIR/job-<k>.yaml} (or {@code spectlab run DIR --index K}): one job of a split
 * ({@link ClusterJobs#run}), writing {@code DIR/part-<k>.bin} atomically. Re-running a finished job
 * does nothing. The index of a folder comes from {@code --index}, else {@code SLURM_ARRAY_TASK_ID},
 * else {@code JOB_COMPLETION_INDEX} (Kubernetes indexed Jobs).
 */
@Command(name = "run",
        mixinStandardHelpOptions = true,
        description = {"Run one job of a split (spectlab split) and write its part, DIR/part-<k>.bin (binary, "
                + "written atomically). Safe to re-run: a valid part of the same configuration is kept.",
                "JOB is a job file, or the split folder with --index K (else the index is taken from "
                + "SLURM_ARRAY_TASK_ID or JOB_COMPLETION_INDEX)."})
public final class RunCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "JOB", description = "A job file DIR/job-<k>.yaml, or the split folder DIR.")
    private Path job;

    @Option(names = "--index", paramLabel = "K", description = "Job index when JOB is a folder.")
    private Integer index;

    @Option(names = "--threads", paramLabel = "N",
            description = "Worker threads (results do not depend on it). Default: SLURM_CPUS_PER_TASK when set, "
                    + "else the available processors.")
    private Integer threads;

    @Option(names = "--force", description = "Recompute even when a valid part is already there.")
    private boolean force;

    @Option(names = "--no-progress", description = "Do not print the progress line on stderr.")
    private boolean noProgress;

    @Option(names = "--progress", description = "Print progress even when not on a terminal (for batch-system logs: "
            + "a plain line at most every " + ProgressLine.PLAIN_INTERVAL_S + " s and one per finished phase).")
    private boolean forceProgress;

    /** Whether the command runs on a terminal; tests replace it. */
    java.util.function.BooleanSupplier terminal = ProgressLine::onTerminal;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        int n = threads != null ? threads : defaultThreads();
        if (n < 1 || n > 1024) {
            throw InputException.field("--threads", "must be 1 to 1024, got " + n);
        }
        if (index != null && index < 0) {
            throw InputException.field("--index", "must be >= 0, got " + index);
        }
        Path file = ClusterJobs.jobFile(job, index, System.getenv());
        PrintWriter err = spec.commandLine().getErr();
        ProgressLine line = ProgressLine.of(err, "run " + file.getFileName(),
                ProgressLine.Mode.choose(noProgress, forceProgress, terminal.getAsBoolean()));
        BatchRunner.ProgressListener progress = BatchRunner.ProgressListener.NONE;
        if (line.mode() != ProgressLine.Mode.OFF) {
            StudyConfig cfg = JobSpec.read(file).config();
            progress = SimulationProgress.of(line, cfg.simulation().histories(), cfg.simulation().batches());
        }
        ClusterJobs.RunOutcome o;
        try {
            o = ClusterJobs.run(file, n, force, progress);
        } finally {
            line.close();
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "job %d of %d (%s): %s %s, %.1f s%n", o.job().index(), o.job().jobs(), o.job().part(),
                o.skipped() ? "already done, kept" : "wrote", o.part(), o.seconds());
        out.flush();
        return 0;
    }

    private static int defaultThreads() {
        String slurm = System.getenv("SLURM_CPUS_PER_TASK");
        if (slurm != null) {
            try {
                return Integer.parseInt(slurm.strip());
            } catch (NumberFormatException e) {
                throw InputException.field("SLURM_CPUS_PER_TASK", "must be an integer, got '" + slurm + "'");
            }
        }
        return Runtime.getRuntime().availableProcessors();
    }
}
