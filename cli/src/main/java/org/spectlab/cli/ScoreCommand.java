package org.spectlab.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.spectlab.core.error.InputException;
import org.spectlab.core.grid.LabelVolume;
import org.spectlab.core.grid.Volume;
import org.spectlab.core.io.interfile.Interfile;
import org.spectlab.core.io.nifti.Nifti;
import org.spectlab.metrics.detection.CaseData;
import org.spectlab.metrics.detection.Detection;
import org.spectlab.metrics.detection.LesionMatcher;
import org.spectlab.metrics.detection.MatchingMethod;
import org.spectlab.metrics.detection.TruthLesion;
import org.spectlab.metrics.image.Resampling;
import org.spectlab.metrics.io.DetectionsReader;
import org.spectlab.metrics.io.TruthLesionsReader;
import org.spectlab.metrics.report.DetectionReport;
import org.spectlab.metrics.report.ImageReport;
import org.spectlab.metrics.report.MetricsReport;
import org.spectlab.metrics.report.MetricsReportJson;
import org.spectlab.metrics.stats.CaseBootstrap;
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
 * {@code "labels"} key.
 */
@Command(name = "score",
        mixinStandardHelpOptions = true,
        description = {"Score an image and/or detections against a study's ground truth; writes metrics.json.",
            "Units: mm, Bq/mL (the image should be calibrated; its unit is reported)."})
public final class ScoreCommand implements Callable<Integer> {
    static final int BOOTSTRAP_REPLICATES = 1000;
    static final long BOOTSTRAP_SEED = 20240611L;

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
        Path truth = study.resolve("truth");
        if (!Files.isDirectory(truth)) {
            throw InputException.field("STUDY_DIR", "no truth/ folder in " + study);
        }
        if (!(acceptanceMm >= 0) || !Double.isFinite(acceptanceMm)) {
            throw InputException.field("--acceptance-mm", "must be a finite number >= 0, got " + acceptanceMm);
        }
        Path imageFile = chosen(image, study.resolve("recon").resolve("recon.nii"), "--image");
        Path detectionsFile = chosen(detections, study.resolve("detections.json"), "--detections");
        if (imageFile == null && detectionsFile == null) {
            throw InputException.field("--image", "nothing to score: give --image and/or --detections (no "
                    + "recon/recon.nii or detections.json in " + study + ")");
        }
        Path phantomJson = required(truth.resolve("phantom.json"));
        List<TruthLesion> lesions = TruthLesionsReader.read(phantomJson);

        DetectionReport detectionReport = null;
        if (detectionsFile != null) {
            List<Detection> found = DetectionsReader.read(detectionsFile);
            detectionReport = DetectionReport.compute(
                    List.of(CaseData.of(study.getFileName().toString(), lesions, found)),
                    LesionMatcher.of(MatchingMethod.HUNGARIAN, acceptanceMm),
                    CaseBootstrap.of(BOOTSTRAP_REPLICATES, 0.95, BOOTSTRAP_SEED));
        }
        ImageReport imageReport = null;
        if (imageFile != null) {
            String name = imageFile.getFileName().toString();
            Volume img = name.endsWith(".hv") ? Interfile.readImage(imageFile) : Nifti.readVolume(imageFile);
            Volume activity = Resampling.boxAverage(Nifti.readVolume(required(truth.resolve("activity.nii"))), img.grid());
            LabelVolume labels = null;
            Path labelsFile = truth.resolve("labels.nii");
            if (Files.isRegularFile(labelsFile)) {
                LabelVolume raw = Nifti.readLabels(labelsFile);
                Map<Integer, String> names = labelNames(truth.resolve("labels.json"));
                labels = Resampling.majorityLabels(LabelVolume.of(raw.grid(), raw.labels(), names), img.grid());
            }
            imageReport = ImageReport.compute(img, activity, labels, lesions, smoothingFwhmMm, null);
        }
        MetricsReportJson.write(out, MetricsReport.of(study.toString(), detectionReport, imageReport, List.of()));
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

    private static Path required(Path f) {
        if (!Files.isRegularFile(f)) {
            throw InputException.field("STUDY_DIR", "missing ground-truth file " + f);
        }
        return f;
    }

    /** Label names from labels.json ({@code {"1": "liver"}} or {@code {"labels": {...}}}); empty if absent. */
    static Map<Integer, String> labelNames(Path file) {
        Map<Integer, String> names = new TreeMap<>();
        if (!Files.isRegularFile(file)) {
            return names;
        }
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new InputException("'" + file + "': cannot read JSON: " + e.getMessage(), e);
        }
        JsonNode obj = root != null && root.has("labels") ? root.get("labels") : root;
        if (obj == null || !obj.isObject()) {
            throw InputException.field(file.getFileName().toString(), "must be an object of label number -> name");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = obj.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            try {
                names.put(Integer.parseInt(e.getKey().trim()), e.getValue().asText());
            } catch (NumberFormatException ex) {
                throw InputException.field(file.getFileName() + " key '" + e.getKey() + "'", "must be an integer label");
            }
        }
        return names;
    }
}
