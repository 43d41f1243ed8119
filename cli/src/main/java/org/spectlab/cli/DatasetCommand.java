package org.spectlab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.spectlab.core.error.InputException;
import org.spectlab.validation.dataset.TeachingDataset;
import org.spectlab.validation.pipeline.StudyPipeline;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code spectlab dataset --cases N --seed S --out DIR}: a teaching dataset of N randomised torso
 * SPECT/CT patients ({@link TeachingDataset}): body scale, sex, scan time and 1-3 lesions (kind, site,
 * size, uptake) drawn from per-case seeds derived from S, lesions placed at random in their organs by
 * the phantom configuration. Each case is a full study folder with reconstruction (OSEM 4 x 10, CT
 * attenuation, TEW scatter, PSF), detections, metrics and report; {@code DIR/manifest.csv} and
 * {@code DIR/index.html} (thumbnails inline) list them. Same S, same cases, bit for bit.
 *
 * <p>Fan-out: {@code --jobs J --job-index K} generates only the cases of job K (case c, 0-based, with
 * {@code c % J == K}; K defaults to {@code SLURM_ARRAY_TASK_ID} or {@code JOB_COMPLETION_INDEX});
 * {@code --jobs J --scripts} writes {@code DIR/dataset-slurm.sh} (a SLURM array) and
 * {@code DIR/dataset-job.sh} (one job by index: HTCondor, GNU parallel, Kubernetes indexed Jobs);
 * {@code --collect} then writes the manifest and index a single run writes, refusing missing or
 * foreign case folders.
 */
@Command(name = "dataset",
        mixinStandardHelpOptions = true,
        description = {"Generate a teaching dataset of randomised torso SPECT/CT studies with ground truth.",
            "Writes DIR/case_NNN/ (study, recon/, detections.json, metrics.json, report.html), DIR/manifest.csv "
                + "and DIR/index.html. Units: mm, s."})
public final class DatasetCommand implements Callable<Integer> {

    @Option(names = "--cases", required = true, paramLabel = "N", description = "Number of patients (1-10000).")
    private int cases;

    @Option(names = "--seed", required = true, paramLabel = "S",
            description = "Dataset seed; every case's seed is derived from it (same S gives the same dataset).")
    private long seed;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Dataset folder (created).")
    private Path outDir;

    @Option(names = "--preset", defaultValue = "torso", paramLabel = "NAME",
            description = "Patient model: ${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}.",
            completionCandidates = Presets.class)
    private String preset;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads. Default: available processors.")
    private Integer threads;

    @Option(names = "--histories", paramLabel = "H",
            description = "Forced-detection histories per case (scatter precision). Default: the demo's 500000.")
    private Integer histories;

    @Option(names = "--force", description = "Replace existing case folders in DIR.")
    private boolean force;

    @Option(names = "--quick", hidden = true, description = "Coarse grid and few views (tests).")
    private boolean quick;

    @Option(names = "--jobs", paramLabel = "J",
            description = "Split the cases into J independent jobs (case c goes to job c mod J).")
    private Integer jobs;

    @Option(names = "--job-index", paramLabel = "K",
            description = "With --jobs: generate only job K's cases (0 to J-1). Default: SLURM_ARRAY_TASK_ID or "
                    + "JOB_COMPLETION_INDEX.")
    private Integer jobIndex;

    @Option(names = "--scripts", description = "With --jobs: write DIR/dataset-slurm.sh and DIR/dataset-job.sh "
            + "and exit (nothing is simulated).")
    private boolean scripts;

    @Option(names = "--collect", description = "Write DIR/manifest.csv and DIR/index.html from the case folders "
            + "the jobs wrote (checks that every case is there and belongs to this dataset).")
    private boolean collect;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /** The preset names, for the help text. */
    static final class Presets implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return TeachingDataset.PRESETS.iterator();
        }
    }

    @Override
    public Integer call() {
        if (!TeachingDataset.PRESETS.contains(preset)) {
            throw InputException.field("--preset", "unknown '" + preset + "'; allowed: "
                    + String.join(", ", TeachingDataset.PRESETS));
        }
        int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (n < 1 || n > 1024) {
            throw InputException.field("--threads", "must be 1 to 1024, got " + n);
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (collect) {
            if (jobs != null || jobIndex != null || scripts) {
                throw InputException.field("--collect", "takes no --jobs, --job-index or --scripts");
            }
            int n2 = TeachingDataset.collect(cases, seed, outDir, histories, quick, line -> { });
            out.printf(Locale.ROOT, "%d case(s) collected; %s, %s%n", n2, outDir.resolve("manifest.csv"),
                    outDir.resolve("index.html"));
            out.flush();
            return 0;
        }
        TeachingDataset.CaseSelection selection = selection();
        if (scripts) {
            writeScripts(selection.jobs());
            out.printf(Locale.ROOT, "wrote %s and %s (%d jobs); then: spectlab dataset --cases %d --seed %d --out %s "
                    + "--collect%n", outDir.resolve("dataset-slurm.sh"), outDir.resolve("dataset-job.sh"),
                    selection.jobs(), cases, seed, outDir);
            out.flush();
            return 0;
        }
        StudyPipeline.Settings settings = StudyPipeline.Settings.allCorrections(DemoCommand.ITERATIONS,
                quick ? 4 : DemoCommand.SUBSETS, n, VersionProvider.version());
        long t0 = System.nanoTime();
        List<TeachingDataset.GeneratedCase> made = TeachingDataset.generate(cases, seed, outDir, histories, quick, force,
                settings, line -> {
                    synchronized (err) {
                        err.println(line);
                        err.flush();
                    }
                }, selection);
        for (TeachingDataset.GeneratedCase c : made) {
            var det = c.result().metrics().detection().perCase().get(0);
            out.printf(Locale.ROOT, "%s  seed %d  %d lesion(s), %d found, %d false positive(s)  %.1f s%n",
                    c.plan().id(), c.plan().seed(), det.lesions().size(),
                    det.lesions().stream().filter(o -> o.hit()).count(), det.falsePositiveIds().size(),
                    c.result().totalSeconds());
        }
        if (selection.jobs() == 1) {
            out.printf(Locale.ROOT, "%d case(s) in %.1f s; %s, %s%n", made.size(), (System.nanoTime() - t0) * 1e-9,
                    outDir.resolve("manifest.csv"), outDir.resolve("index.html"));
        } else {
            out.printf(Locale.ROOT, "job %d of %d: %d case(s) in %.1f s; when every job is done: spectlab dataset "
                    + "--cases %d --seed %d --out %s --collect%n", selection.index(), selection.jobs(), made.size(),
                    (System.nanoTime() - t0) * 1e-9, cases, seed, outDir);
        }
        out.flush();
        return 0;
    }

    private TeachingDataset.CaseSelection selection() {
        if (jobs == null) {
            if (jobIndex != null || scripts) {
                throw InputException.field(jobIndex != null ? "--job-index" : "--scripts", "needs --jobs");
            }
            return TeachingDataset.CaseSelection.all();
        }
        if (scripts) {
            return TeachingDataset.CaseSelection.of(0, jobs);
        }
        int k = JobIndex.resolve(jobIndex);
        return TeachingDataset.CaseSelection.of(k, jobs);
    }

    /** Scheduler scripts for {@code j} jobs (absolute paths inside; $SPECTLAB overrides the launcher). */
    private void writeScripts(int j) {
        String d = outDir.toAbsolutePath().normalize().toString().replace("'", "'\\''");
        String common = "set -euo pipefail\nSPECTLAB=\"${SPECTLAB:-spectlab}\"\n";
        String args = String.format(Locale.ROOT, "dataset --cases %d --seed %d --out '%s' --jobs %d%s%s", cases, seed,
                d, j, histories == null ? "" : " --histories " + histories, quick ? " --quick" : "");
        String slurm = "#!/bin/bash\n#SBATCH --job-name=spectlab-dataset-" + seed + "\n#SBATCH --array=0-" + (j - 1)
                + "\n#SBATCH --output=" + d + "/dataset-slurm-%A_%a.out\n"
                + "# Submit: sbatch " + d + "/dataset-slurm.sh; when every task is done:\n"
                + "#   spectlab dataset --cases " + cases + " --seed " + seed + " --out " + d + " --collect\n"
                + common + "exec $SPECTLAB " + args + " --job-index \"$SLURM_ARRAY_TASK_ID\"\n";
        String job = "#!/bin/bash\n# Runs dataset job K (argument, else SLURM_ARRAY_TASK_ID or JOB_COMPLETION_INDEX).\n"
                + "# HTCondor: executable = this file, arguments = $(Process), queue " + j + "\n"
                + "# GNU parallel: seq 0 " + (j - 1) + " | parallel " + d + "/dataset-job.sh {}\n"
                + common + "K=\"${1:-${SLURM_ARRAY_TASK_ID:-${JOB_COMPLETION_INDEX:-}}}\"\n"
                + "if [ -z \"$K\" ]; then echo \"dataset-job.sh: give the job index (0-" + (j - 1) + ")\" >&2; exit 2; fi\n"
                + "exec $SPECTLAB " + args + " --job-index \"$K\"\n";
        try {
            java.nio.file.Files.createDirectories(outDir);
        } catch (java.io.IOException e) {
            throw InputException.field("--out", "cannot create " + outDir + ": " + e.getMessage());
        }
        for (String[] f : new String[][] {{"dataset-slurm.sh", slurm}, {"dataset-job.sh", job}}) {
            Path file = outDir.resolve(f[0]);
            org.spectlab.core.io.AtomicFiles.writeString(file, f[1]);
            if (!file.toFile().setExecutable(true, false)) {
                throw InputException.field("--out", "cannot make " + file + " executable");
            }
        }
    }
}
