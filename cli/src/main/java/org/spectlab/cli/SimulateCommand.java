package org.spectlab.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.spectlab.core.error.InputException;
import org.spectlab.simulator.cluster.Checkpoint;
import org.spectlab.simulator.run.BatchRunner;
import org.spectlab.simulator.spect.SpectResult;
import org.spectlab.simulator.study.SpectStudy;
import org.spectlab.simulator.study.StudyConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code spectlab simulate CONFIG.yaml --out DIR}: one Monte Carlo SPECT study from a study
 * configuration ({@link StudyConfig}; {@code example:NAME} for a shipped example), written as the
 * study folder of {@link SpectStudy} (study.json, truth/, spect/) whole or not at all. Progress
 * ({@link ProgressLine}: transport batches, then projection views, with rate and ETA) goes to stderr
 * when it is a terminal or with {@code --progress}; bad configurations are {@link InputException}s naming the field
 * (exit code 2 under the root command).
 */
@Command(name = "simulate",
        mixinStandardHelpOptions = true,
        description = {"Simulate one SPECT study (Monte Carlo, forced detection or analog) from a YAML/JSON "
                + "configuration and write DIR/: study.json, truth/ (activity in Bq/mL, labels, materials, "
                + "mu_<E>keV.nii in 1/cm), spect/<window>.hs (Poisson counts, Interfile), spect/expected/ "
                + "(noise-free total, primary, scatter counts), spect/spectrum.csv (counts per keV), ct/ct.nii (HU).",
                "Examples: " + "example:iec-tc99m, example:iec-tc99m-contour (body-contour orbit), "
                + "example:torso-in111-leukocytes, example:point-source-water."})
public final class SimulateCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "CONFIG",
            description = "Study configuration (YAML or JSON), or example:NAME for a shipped example.")
    private String config;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Study folder to write.")
    private Path outDir;

    @Option(names = "--threads", paramLabel = "N",
            description = "Worker threads (results do not depend on it). Default: available processors.")
    private Integer threads;

    @Option(names = "--force", description = "Replace DIR if it exists and is not empty.")
    private boolean force;

    @Option(names = "--json", description = "Print a JSON summary (folder, files, counts per window, timings in s).")
    private boolean json;

    @Option(names = "--dicom", description = "Also write DICOM (NM projections, CT series) into DIR/dicom.")
    private boolean dicom;

    @Option(names = "--no-progress", description = "Do not print the progress line on stderr.")
    private boolean noProgress;

    @Option(names = "--progress", description = "Print progress even when not on a terminal (for logs: a plain line "
            + "at most every " + ProgressLine.PLAIN_INTERVAL_S + " s and one per finished phase). On a terminal, "
            + "progress is shown unless --no-progress.")
    private boolean forceProgress;

    /** Whether the command runs on a terminal; tests replace it. */
    java.util.function.BooleanSupplier terminal = ProgressLine::onTerminal;

    @Option(names = "--resume", description = "Checkpoint the run into DIR.checkpoint/ (a part file per chunk of views "
            + "or batches, written as each completes) and, when that folder holds chunks of the same configuration "
            + "from an interrupted run, compute only what is missing. The study is bit-identical to an uninterrupted "
            + "run; the folder is deleted once the study is written.")
    private boolean resume;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /** What study.json's provenance.execution says for a run with --resume. */
    static final String RESUMABLE_RUN = "single run with checkpoints (simulate --resume)";

    @Override
    public Integer call() throws JsonProcessingException {
        int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (n < 1 || n > 1024) {
            throw InputException.field("--threads", "must be 1 to 1024, got " + n);
        }
        StudyConfig cfg = StudyConfig.load(config);
        PrintWriter err = spec.commandLine().getErr();
        ProgressLine line = ProgressLine.of(err, "simulate",
                ProgressLine.Mode.choose(noProgress, forceProgress, terminal.getAsBoolean()));
        BatchRunner.ProgressListener progress = SimulationProgress.of(line, cfg.simulation().histories(),
                cfg.simulation().batches());
        SpectStudy.Outcome o;
        try {
            if (resume) {
                Path checkpoint = Checkpoint.folderFor(outDir);
                o = SpectStudy.run(cfg, n, Checkpoint.stage(checkpoint, progress, text -> {
                    synchronized (line) {
                        line.close();
                        err.println("simulate: " + text);
                        err.flush();
                    }
                }), RESUMABLE_RUN, VersionProvider.version(), outDir, force);
                Checkpoint.delete(checkpoint);
            } else {
                o = SpectStudy.run(cfg, n, progress, VersionProvider.version(), outDir, force);
            }
        } finally {
            line.close();
        }
        SpectResult r = o.result();
        PrintWriter out = spec.commandLine().getOut();
        if (dicom) {
            try {
                ExportDicomCommand.export(o.folder(), o.folder().resolve("dicom"), cfg.simulation().seed(),
                        json ? new PrintWriter(java.io.Writer.nullWriter()) : out);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("cannot write DICOM into " + o.folder(), e);
            }
        }
        if (json) {
            ObjectMapper mapper = new ObjectMapper();
            ObjectNode root = mapper.createObjectNode();
            root.put("folder", o.folder().toString());
            root.put("mode", r.mode());
            root.put("histories", r.histories());
            ArrayNode ws = root.putArray("windows");
            for (int w = 0; w < r.windows().size(); w++) {
                ws.addObject().put("name", r.windows().get(w).name()).put("expected_primary", r.primarySum(w))
                        .put("expected_scatter", r.scatterSum(w));
            }
            root.putObject("timings_s").put("phantom", o.phantomSeconds()).put("simulation", o.simulationSeconds())
                    .put("ct", o.ctSeconds()).put("writing", o.writeSeconds());
            ArrayNode fa = root.putArray("files");
            o.files().forEach(fa::add);
            out.println(mapper.writeValueAsString(root));
        } else {
            out.printf(Locale.ROOT, "%s: %s, %d histories, %d threads; phantom %.1f s, simulation %.1f s, CT %.1f s, "
                            + "writing %.1f s%n", o.folder(), r.mode(), r.histories(), n, o.phantomSeconds(),
                    o.simulationSeconds(), o.ctSeconds(), o.writeSeconds());
            for (int w = 0; w < r.windows().size(); w++) {
                double p = r.primarySum(w);
                double s = r.scatterSum(w);
                out.printf(Locale.ROOT, "  %-16s %7.2f-%7.2f keV  expected counts %.4g (scatter %.1f %%)%n",
                        r.windows().get(w).name(), r.windows().get(w).lowerKeV(), r.windows().get(w).upperKeV(),
                        p + s, p + s > 0 ? 100 * s / (p + s) : 0.0);
            }
            out.println("  reconstruct: spectlab reconstruct " + o.folder() + " --out " + o.folder().resolve("recon")
                    + (o.ctSeconds() > 0 ? " --attenuation ct" : "")
                    + (r.windows().stream().anyMatch(w -> w.name().equals("lower_scatter")) ? " --scatter tew" : ""));
        }
        out.flush();
        return 0;
    }
}
