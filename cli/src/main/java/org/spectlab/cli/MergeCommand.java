package org.spectlab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.spectlab.core.error.InputException;
import org.spectlab.simulator.cluster.ClusterJobs;
import org.spectlab.simulator.study.SpectStudy;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code spectlab merge DIR --out STUDY}: checks that every part of a split is present, of the same
 * configuration and seed and not duplicated (else exit code 2 with a message naming the file), and
 * writes the study folder exactly as {@code spectlab simulate} does ({@link ClusterJobs#merge}).
 */
@Command(name = "merge",
        mixinStandardHelpOptions = true,
        description = {"Merge the parts of a split (spectlab split, spectlab run) into the study folder "
                + "spectlab simulate writes: data files (spect/, spect/expected/, truth/, ct/) bit-identical; "
                + "study.json differs only in threads, timings_s and provenance.execution.",
                "Missing, duplicated or foreign parts (another configuration or seed) are refused naming the file."})
public final class MergeCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "DIR", description = "The split folder (job-<k>.yaml, part-<k>.bin).")
    private Path dir;

    @Option(names = "--out", required = true, paramLabel = "STUDY", description = "Study folder to write.")
    private Path outDir;

    @Option(names = "--threads", paramLabel = "N",
            description = "Threads for the CT simulation (results do not depend on it). Default: available processors.")
    private Integer threads;

    @Option(names = "--force", description = "Replace STUDY if it exists and is not empty.")
    private boolean force;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (n < 1 || n > 1024) {
            throw InputException.field("--threads", "must be 1 to 1024, got " + n);
        }
        SpectStudy.Outcome o = ClusterJobs.merge(dir, outDir, n, VersionProvider.version(), force);
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "%s: merged %s; phantom %.1f s, reading parts %.1f s, CT %.1f s, writing %.1f s%n",
                o.folder(), o.result().mode(), o.phantomSeconds(), o.simulationSeconds(), o.ctSeconds(),
                o.writeSeconds());
        out.flush();
        return 0;
    }
}
