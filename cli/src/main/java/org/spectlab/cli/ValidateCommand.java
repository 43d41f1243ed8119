package org.spectlab.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.spectlab.core.error.InputException;
import org.spectlab.validation.baseline.BaselineComparison;
import org.spectlab.validation.baseline.Drift;
import org.spectlab.validation.output.ValidationOutput;
import org.spectlab.validation.suite.SuiteParts;
import org.spectlab.validation.suite.SuiteRegistry;
import org.spectlab.validation.suite.SuiteResult;
import org.spectlab.validation.suite.SuiteRunner;
import org.spectlab.validation.suite.SummaryJson;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code spectlab validate --suite NAME --out DIR [--baseline DIR] [--json]}: runs a validation suite,
 * writes {@code DIR/summary.json} and {@code DIR/report.html}, prints one progress line per case on
 * stderr, and exits with 0 when every quantity is within tolerance (and, with a baseline, none
 * drifted), {@link SpectlabCommand#EXIT_VALIDATION_FAILED} otherwise.
 *
 * <p>Fan-out ({@link SuiteParts}): {@code --jobs J --job-index K} runs only job K's cases (K defaults to
 * {@code SLURM_ARRAY_TASK_ID} or {@code JOB_COMPLETION_INDEX}) and marks its summary as a part;
 * {@code --merge PART_DIR...} then writes the summary and report of the whole suite, refusing missing,
 * duplicated or foreign parts. The exit code of a part is that of its own cases.
 */
@Command(name = "validate",
        mixinStandardHelpOptions = true,
        description = {"Runs a validation suite against published references and writes summary.json and report.html.",
            "Suites: physics (cross sections vs NIST/XCOM, transport, Klein-Nishina, decay), camera (collimator "
                + "presets), patient (transport in water), reconstruction (OSEM/FBP quantitative accuracy), "
                + "quick (fast subset), localization (issue 7 acceptance: 20 random torso studies through the whole pipeline, "
                + "about 1-3 min each).",
            "Exit code 0: all quantities within tolerance; 1: something failed or drifted from the baseline."})
public final class ValidateCommand implements Callable<Integer> {

    @Option(names = "--suite", required = true, paramLabel = "NAME",
            description = "Suite to run: physics, camera, patient, reconstruction, quick or localization.")
    private String suite;

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "Output directory for summary.json and report.html (created if needed).")
    private Path out;

    @Option(names = "--baseline", paramLabel = "DIR",
            description = "Directory with a baseline summary.json of the same suite; fail when a quantity drifted "
                    + "from it beyond its tolerance (e.g. validation-reports/baselines/quick).")
    private Path baseline;

    @Option(names = "--json", description = "Also print summary.json to stdout.")
    private boolean json;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "SEED",
            description = "Seed of every random stream (default: ${DEFAULT-VALUE}; the baselines use 1).")
    private long seed;

    @Option(names = "--jobs", paramLabel = "J",
            description = "Run only one of J jobs of the suite (case c goes to job c mod J); merge with --merge.")
    private Integer jobs;

    @Option(names = "--job-index", paramLabel = "K",
            description = "With --jobs: this job, 0 to J-1. Default: SLURM_ARRAY_TASK_ID or JOB_COMPLETION_INDEX.")
    private Integer jobIndex;

    @Option(names = "--merge", arity = "1..*", paramLabel = "PART_DIR",
            description = "Merge the --out folders of every job of a fanned-out run into --out (runs nothing).")
    private java.util.List<Path> merge;

    @Option(names = "--threads", defaultValue = "2", paramLabel = "N",
            description = "Worker threads per case (default: ${DEFAULT-VALUE}).")
    private int threads;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    private final SuiteRegistry registry;

    /** The command with the built-in suites. */
    public ValidateCommand() {
        this(null);
    }

    /** The command with another registry (tests, extensions); null means {@link SuiteRegistry#defaults()}. */
    public ValidateCommand(SuiteRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Integer call() {
        if (threads < 1 || threads > 256) {
            throw InputException.field("--threads", "must be 1 to 256, got " + threads);
        }
        SuiteRegistry reg = registry != null ? registry : SuiteRegistry.defaults();
        PrintWriter err = spec.commandLine().getErr();
        var whole = reg.suite(suite);
        SuiteParts.Selection selection = selection();
        if (merge != null && selection != null) {
            throw InputException.field("--merge", "takes no --jobs or --job-index");
        }
        var s = selection == null ? whole : SuiteParts.select(whole, selection);
        SuiteResult result;
        if (merge != null) {
            result = SuiteParts.merge(whole, merge);
            err.printf(Locale.ROOT, "validate: merged %d part(s) of suite %s, %d cases, seed %d%n", merge.size(),
                    whole.name(), result.cases().size(), result.seed());
        } else {
            err.printf(Locale.ROOT, "validate: suite %s, %d cases%s, seed %d%n", s.name(), s.cases().size(),
                    selection == null ? "" : " (job " + selection.index() + " of " + selection.jobs() + ")", seed);
            err.flush();
            result = SuiteRunner.of(seed, threads, VersionProvider.version(), err).run(s);
        }
        BaselineComparison comparison = baseline == null ? null : BaselineComparison.against(baseline, result);
        ObjectNode summary;
        if (selection == null) {
            summary = ValidationOutput.write(out, result, comparison);
        } else {
            summary = ValidationOutput.summary(result, comparison);
            SuiteParts.markPart(summary, selection, whole);
            ValidationOutput.write(out, result, comparison, summary);
        }
        if (comparison != null) {
            for (Drift d : comparison.failures()) {
                err.printf(Locale.ROOT, "drift: %s/%s = %.6g, baseline %.6g (%s): %s%n", d.caseName(), d.quantity(),
                        d.value(), d.baselineValue(), d.tolerance(), d.note());
            }
        }
        boolean ok = result.passed() && (comparison == null || comparison.passed());
        err.printf(Locale.ROOT, "validate: suite %s %s (%d of %d cases failed%s) in %.1f s; wrote %s and %s%n",
                result.suite(), ok ? "PASSED" : "FAILED", result.failedCases(), result.cases().size(),
                comparison == null ? "" : ", " + comparison.failures().size() + " quantities drifted",
                result.wallTimeS(), out.resolve(ValidationOutput.SUMMARY), out.resolve(ValidationOutput.REPORT));
        err.flush();
        if (json) {
            PrintWriter o = spec.commandLine().getOut();
            o.print(SummaryJson.toText(Objects.requireNonNull(summary)));
            o.flush();
        }
        return ok ? 0 : SpectlabCommand.EXIT_VALIDATION_FAILED;
    }

    private SuiteParts.Selection selection() {
        if (jobs == null) {
            if (jobIndex != null) {
                throw InputException.field("--job-index", "needs --jobs");
            }
            return null;
        }
        int k = JobIndex.resolve(jobIndex);
        return SuiteParts.Selection.of(k, jobs);
    }
}
