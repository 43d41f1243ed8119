package org.spectlab.metrics.study;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
import org.spectlab.metrics.stats.CaseBootstrap;

/**
 * Scores an image and/or a detections file (ours or any external algorithm's) against a study
 * folder's ground truth ({@code truth/phantom.json} lesions, {@code truth/activity.nii},
 * {@code truth/labels.nii} with {@code truth/labels.json}). The truth is resampled onto the image grid
 * when the grids differ (box average for activity, largest overlap for labels). Detections are
 * matched to lesions by the Hungarian method within the acceptance distance; intervals are
 * percentile bootstrap over cases ({@value #BOOTSTRAP_REPLICATES} replicates, 95 %, seed
 * {@value #BOOTSTRAP_SEED}). Errors name the {@code score} command's arguments.
 */
public final class StudyScoring {
    /** Bootstrap replicates of the detection intervals. */
    public static final int BOOTSTRAP_REPLICATES = 1000;
    /** Seed of the bootstrap (fixed, so a score is reproducible). */
    public static final long BOOTSTRAP_SEED = 20240611L;

    private StudyScoring() {
    }

    /**
     * Scores one study.
     *
     * @param study           study folder with truth/
     * @param imageFile       image (NIfTI or Interfile .hv), or null
     * @param detectionsFile  detections (JSON or CSV), or null
     * @param acceptanceMm    a detection hits a lesion within max(lesion radius, this) of its centre, mm
     * @param smoothingFwhmMm also compare with the truth smoothed to this FWHM, mm, or null
     */
    public static MetricsReport score(Path study, Path imageFile, Path detectionsFile, double acceptanceMm,
                                      Double smoothingFwhmMm) {
        Path truth = study.resolve("truth");
        if (!Files.isDirectory(truth)) {
            throw InputException.field("STUDY_DIR", "no truth/ folder in " + study);
        }
        if (!(acceptanceMm >= 0) || !Double.isFinite(acceptanceMm)) {
            throw InputException.field("--acceptance-mm", "must be a finite number >= 0, got " + acceptanceMm);
        }
        if (imageFile == null && detectionsFile == null) {
            throw InputException.field("--image", "nothing to score: give --image and/or --detections (no "
                    + "recon/recon.nii or detections.json in " + study + ")");
        }
        List<TruthLesion> lesions = TruthLesionsReader.read(required(truth.resolve("phantom.json")));
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
            Volume activity = Resampling.boxAverage(Nifti.readVolume(required(truth.resolve("activity.nii"))),
                    img.grid());
            LabelVolume labels = truthLabels(truth, img);
            imageReport = ImageReport.compute(img, activity, labels, lesions, smoothingFwhmMm, null);
        }
        return MetricsReport.of(study.toString(), detectionReport, imageReport, List.of());
    }

    /** The truth label map with its names, on the image's grid (majority vote), or null without one. */
    public static LabelVolume truthLabels(Path truthDir, Volume image) {
        Path labelsFile = truthDir.resolve("labels.nii");
        if (!Files.isRegularFile(labelsFile)) {
            return null;
        }
        LabelVolume raw = Nifti.readLabels(labelsFile);
        Map<Integer, String> names = labelNames(truthDir.resolve("labels.json"));
        return Resampling.majorityLabels(LabelVolume.of(raw.grid(), raw.labels(), names), image.grid());
    }

    /** Label names from labels.json ({@code {"1": "liver"}} or {@code {"labels": {...}}}); empty if absent. */
    public static Map<Integer, String> labelNames(Path file) {
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

    private static Path required(Path f) {
        if (!Files.isRegularFile(f)) {
            throw InputException.field("STUDY_DIR", "missing ground-truth file " + f);
        }
        return f;
    }
}
