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
        StudyPipeline.Settings settings = StudyPipeline.Settings.allCorrections(DemoCommand.ITERATIONS,
                quick ? 4 : DemoCommand.SUBSETS, n, VersionProvider.version());
        long t0 = System.nanoTime();
        List<TeachingDataset.GeneratedCase> made = TeachingDataset.generate(cases, seed, outDir, histories, quick, force,
                settings, line -> {
                    synchronized (err) {
                        err.println(line);
                        err.flush();
                    }
                });
        for (TeachingDataset.GeneratedCase c : made) {
            var det = c.result().metrics().detection().perCase().get(0);
            out.printf(Locale.ROOT, "%s  seed %d  %d lesion(s), %d found, %d false positive(s)  %.1f s%n",
                    c.plan().id(), c.plan().seed(), det.lesions().size(),
                    det.lesions().stream().filter(o -> o.hit()).count(), det.falsePositiveIds().size(),
                    c.result().totalSeconds());
        }
        out.printf(Locale.ROOT, "%d case(s) in %.1f s; %s, %s%n", made.size(), (System.nanoTime() - t0) * 1e-9,
                outDir.resolve("manifest.csv"), outDir.resolve("index.html"));
        out.flush();
        return 0;
    }
}
