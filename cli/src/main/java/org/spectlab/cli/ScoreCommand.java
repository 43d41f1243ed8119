package org.spectlab.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.spectlab.core.error.InputException;
import org.spectlab.metrics.report.MetricsReport;
import org.spectlab.metrics.report.MetricsReportJson;
import org.spectlab.metrics.study.StudyScoring;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code spectlab score STUDY_DIR --out metrics.json}: scores an image and/or detections (ours or any
 * external algorithm's) against the study's ground truth ({@code truth/phantom.json} lesions,
 * {@code truth/activity.nii}, {@code truth/labels.nii} with {@code truth/labels.json}). The truth is
 * resampled onto the image grid when the grids differ (box average for activity, largest overlap for
 * labels). Defaults: image {@code recon/recon.nii}, detections {@code detections.json}, each used when
 * present; at least one of the two must exist. Detection intervals: percentile bootstrap over cases,
 * {@value #BOOTSTRAP_REPLICATES} replicates, 95%, seed {@value #BOOTSTRAP_SEED}; Hungarian matching.
 *
 * <p>{@code labels.json} names the labels as an object {@code {"1": "liver", ...}}, optionally under a
 * {@code "labels"} key. The work is done by {@link StudyScoring}.
 */
@Command(name = "score",
        mixinStandardHelpOptions = true,
        description = {"Score an image and/or detections against a study's ground truth; writes metrics.json.",
            "Units: mm, Bq/mL (the image should be calibrated; its unit is reported)."})
public final class ScoreCommand implements Callable<Integer> {
    static final int BOOTSTRAP_REPLICATES = StudyScoring.BOOTSTRAP_REPLICATES;
    static final long BOOTSTRAP_SEED = StudyScoring.BOOTSTRAP_SEED;

    @Parameters(index = "0", paramLabel = "STUDY_DIR", description = "Study folder with truth/.")
    private Path study;

    @Option(names = "--image", paramLabel = "F.nii|F.hv", description = "Image to score (default: recon/recon.nii if present).")
    private Path image;

    @Option(names = "--detections", paramLabel = "F.json|F.csv",
            description = "Detections to score (default: detections.json if present).")
    private Path detections;

    @Option(names = "--acceptance-mm", defaultValue = "10", paramLabel = "D",
            description = "A detection hits a lesion within max(lesion radius, D) mm of its centre. Default: ${DEFAULT-VALUE}.")
    private double acceptanceMm;

    @Option(names = "--smoothing-fwhm-mm", paramLabel = "F",
            description = "Also compare with the truth smoothed to this FWHM (mm).")
    private Double smoothingFwhmMm;

    @Option(names = "--out", required = true, paramLabel = "metrics.json", description = "Output file.")
    private Path out;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (!Files.isDirectory(study.resolve("truth"))) {
            throw InputException.field("STUDY_DIR", "no truth/ folder in " + study);
        }
        Path imageFile = chosen(image, study.resolve("recon").resolve("recon.nii"), "--image");
        Path detectionsFile = chosen(detections, study.resolve("detections.json"), "--detections");
        MetricsReport report = StudyScoring.score(study, imageFile, detectionsFile, acceptanceMm, smoothingFwhmMm);
        MetricsReportJson.write(out, report);
        spec.commandLine().getOut().println(out);
        spec.commandLine().getOut().flush();
        return 0;
    }

    private static Path chosen(Path given, Path fallback, String option) {
        if (given != null) {
            if (!Files.isRegularFile(given)) {
                throw InputException.field(option, "no such file: " + given);
            }
            return given;
        }
        return Files.isRegularFile(fallback) ? fallback : null;
    }
}
