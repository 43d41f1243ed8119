package org.spectlab.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.spectlab.core.error.InputException;
import org.spectlab.core.grid.LabelVolume;
import org.spectlab.core.grid.Volume;
import org.spectlab.core.io.nifti.Nifti;
import org.spectlab.recon.localization.CtRegions;
import org.spectlab.recon.localization.Detection;
import org.spectlab.recon.localization.DetectionsJson;
import org.spectlab.recon.localization.LabelNames;
import org.spectlab.recon.localization.LesionLocalizer;
import org.spectlab.recon.localization.LocalizationSettings;
import org.spectlab.recon.localization.NormalUptake;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code spectlab localize IMAGE.nii --system-fwhm-mm F --out detections.json}: hot spots in a
 * reconstructed image (multi-scale blob detection with local or organ-relative background), each with
 * its centre (mm), peak and mean uptake, volume (mL), contrast, CNR, confidence, organ name and CT
 * region, written as a detections file the {@code score} command reads. Organ names come from a label
 * map ({@code --labels} with {@code --label-names}, e.g. a simulated study's {@code truth/labels.nii})
 * when given, else from the coarse CT segmentation ({@code --ct}: lung, soft tissue, bone), which is also
 * each detection's {@code ct_region}. Hot organs are those given, or with {@code --tracer} the tracer's
 * normal uptake pattern ({@link NormalUptake}). Bad input exits with code 2 and a message naming the
 * option.
 */
@Command(name = "localize",
        mixinStandardHelpOptions = true,
        description = {"Find hot spots in a reconstructed image and name where they are.",
            "Writes {\"detections\": [{id, x_mm, y_mm, z_mm, confidence, organ, ct_region, "
                + "peak_uptake_bq_per_ml, mean_uptake_bq_per_ml, volume_ml, contrast, cnr}]} sorted by confidence "
                + "(the significance of the blob over its local background, in noise SDs). Uptake is in the "
                + "image's unit."})
public final class LocalizeCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "IMAGE", description = "Reconstructed image, NIfTI-1 (.nii or .nii.gz).")
    private Path image;

    @Option(names = "--system-fwhm-mm", required = true, paramLabel = "F",
            description = "Spatial resolution (FWHM) of the reconstructed image in mm; sets the blob scales "
                    + "(1-4 system sigma) and the background shell.")
    private double systemFwhmMm;

    @Option(names = "--out", required = true, paramLabel = "FILE.json", description = "Detections file to write.")
    private Path out;

    @Option(names = "--labels", paramLabel = "LABELS.nii",
            description = "Organ label map (NIfTI, whole numbers; any grid, resampled by nearest neighbour).")
    private Path labelsFile;

    @Option(names = "--label-names", paramLabel = "labels.json",
            description = "Names of the labels: {\"1\": \"liver\", ...} or {\"labels\": [{\"label\": 1, \"name\": "
                    + "\"liver\"}]}. Needs --labels.")
    private Path labelNamesFile;

    @Option(names = "--ct", paramLabel = "CT.nii",
            description = "CT in HU, segmented by threshold into lung (< -400 HU, enclosed), soft tissue and bone "
                    + "(>= 200 HU): each detection's ct_region, and its organ name when no label map is given.")
    private Path ctFile;

    @Option(names = "--hot-organs", split = ",", paramLabel = "NAME",
            description = "Organs with high physiological uptake (e.g. liver,spleen,kidney,bladder,marrow), matched "
                    + "to label names case-insensitively: background is the organ's own median and a contrast of "
                    + "at least 1.0 (2:1 over the organ) is required there. Needs --labels.")
    private List<String> hotOrgans = new ArrayList<>();

    @Option(names = "--tracer", paramLabel = "NAME",
            description = "Take the hot organs from this tracer's normal uptake pattern (label names matched "
                    + "ignoring case and side, e.g. kidney_left is a kidney, spine is red marrow): "
                    + "tc99m-hmpao-leukocytes, in111-oxine-leukocytes, tc99m-sestamibi, tc99m-mdp, "
                    + "in111-pentetreotide, none. Added to --hot-organs. Needs --labels.")
    private String tracer;

    @Option(names = "--max-detections", paramLabel = "N", defaultValue = "50",
            description = "Report at most N detections, the most confident (default: ${DEFAULT-VALUE}).")
    private int maxDetections;

    @Option(names = "--min-confidence", paramLabel = "Z", defaultValue = "5",
            description = "Least significance in noise SDs (default: ${DEFAULT-VALUE}).")
    private double minConfidence;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (!(systemFwhmMm > 0) || !Double.isFinite(systemFwhmMm)) {
            throw InputException.field("--system-fwhm-mm", "must be a positive number of mm, got " + systemFwhmMm);
        }
        if (maxDetections < 1) {
            throw InputException.field("--max-detections", "must be at least 1, got " + maxDetections);
        }
        if (!(minConfidence > 0) || !Double.isFinite(minConfidence)) {
            throw InputException.field("--min-confidence", "must be a positive number, got " + minConfidence);
        }
        if (labelNamesFile != null && labelsFile == null) {
            throw InputException.field("--label-names", "needs --labels (the label map the names belong to)");
        }
        if (!hotOrgans.isEmpty() && labelsFile == null) {
            throw InputException.field("--hot-organs", "needs --labels (an organ label map with --label-names)");
        }
        if (tracer != null && !NormalUptake.TRACERS.contains(tracer.trim().toLowerCase(Locale.ROOT))) {
            throw InputException.field("--tracer", "unknown tracer '" + tracer + "'; known: "
                    + String.join(", ", NormalUptake.TRACERS));
        }
        NormalUptake pattern = tracer == null ? null : NormalUptake.of(tracer);
        if (pattern != null && labelsFile == null) {
            throw InputException.field("--tracer", "needs --labels (an organ label map with --label-names)");
        }
        Volume img = Nifti.readVolume(existing(image, "IMAGE"));
        LabelVolume labels = null;
        if (labelsFile != null) {
            LabelVolume raw = Nifti.readLabels(existing(labelsFile, "--labels"));
            Map<Integer, String> names = labelNamesFile == null ? Map.of()
                    : LabelNames.read(existing(labelNamesFile, "--label-names"));
            labels = LabelVolume.of(raw.grid(), raw.labels(), names);
        }
        LabelVolume ctRegions = ctFile == null ? null : CtRegions.of(Nifti.readVolume(existing(ctFile, "--ct")));
        Set<String> hot = new LinkedHashSet<>();
        for (String h : hotOrgans) {
            if (h.isBlank()) {
                throw InputException.field("--hot-organs", "names must not be empty");
            }
            hot.add(h.trim());
        }
        PrintWriter err = spec.commandLine().getErr();
        if (pattern != null) {
            hot.addAll(pattern.hotLabelNames(labels.names().values()));
        }
        if (labels != null) {
            for (String h : hot) {
                boolean known = labels.names().values().stream().anyMatch(n -> n.equalsIgnoreCase(h));
                if (!known) {
                    err.println("spectlab localize: note: hot organ '" + h + "' is not a name in the label map");
                }
            }
            err.flush();
        }
        LocalizationSettings settings = LocalizationSettings.of(systemFwhmMm).withHotOrgans(hot)
                .withMaxDetections(maxDetections).withMinConfidence(minConfidence);
        List<Detection> found = LesionLocalizer.of(settings).localize(img, labels, ctRegions);
        DetectionsJson.write(found, out);
        PrintWriter o = spec.commandLine().getOut();
        o.printf(Locale.ROOT, "%d detection(s) in %s (system FWHM %s mm) written to %s%n", found.size(),
                image.getFileName(), fmt(systemFwhmMm), out);
        for (Detection d : found) {
            o.printf(Locale.ROOT, "  %-4s (%7.1f, %7.1f, %7.1f) mm  %-14s %-12s confidence %6.1f  "
                            + "volume %7.2f mL  peak %.4g %s%n", d.id(), d.xMm(), d.yMm(), d.zMm(), d.organ(),
                    d.ctRegion(), d.confidence(), d.volumeMl(), d.peakUptakeBqPerMl(), img.unit());
        }
        o.flush();
        return 0;
    }

    private static Path existing(Path file, String option) {
        if (!Files.isRegularFile(file)) {
            throw InputException.field(option, "file not found: " + file);
        }
        return file;
    }

    private static String fmt(double x) {
        return java.math.BigDecimal.valueOf(x).stripTrailingZeros().toPlainString();
    }
}
