package org.spectlab.validation.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.spectlab.core.grid.LabelVolume;
import org.spectlab.core.grid.Volume;
import org.spectlab.core.io.nifti.Nifti;
import org.spectlab.core.projection.ProjectionSet;
import org.spectlab.metrics.detection.TruthLesion;
import org.spectlab.metrics.image.LesionRecovery;
import org.spectlab.metrics.image.OrganRecovery;
import org.spectlab.metrics.image.Resampling;
import org.spectlab.metrics.io.TruthLesionsReader;
import org.spectlab.metrics.report.CaseSummary;
import org.spectlab.metrics.report.DetectionReport;
import org.spectlab.metrics.report.ImageReport;
import org.spectlab.metrics.study.StudyScoring;
import org.spectlab.recon.ct.GridResampler;
import org.spectlab.recon.study.ReconOptions;
import org.spectlab.validation.report.HtmlReport;
import org.spectlab.validation.report.LinePlot;
import org.spectlab.validation.report.Table;

/**
 * The HTML report of one pipeline run ({@link StudyPipeline.Result}), a single self-contained file:
 * summary, configuration, projection montage, fused SPECT/CT slices in three planes through each
 * lesion with detections marked, line profiles through the lesions, the energy spectrum by component,
 * the metrics (recovery, NRMSE/SSIM, hits and misses, localization error), the findings written as a
 * reading physician's report next to the truth, and the stage timings. Everything is read back from
 * the study folder, so the report shows what is on disk.
 */
public final class StudyReport {
    /** Lesions shown with their own slice figure and profile (the rest are still tabulated). */
    public static final int MAX_LESION_FIGURES = 4;

    private StudyReport() {
    }

    /** The reading of a result: detections and misses next to the truth. */
    public static List<ReadingFindings.Item> reading(StudyPipeline.Result r) {
        Path truth = r.studyDir().resolve("truth");
        List<TruthLesion> lesions = TruthLesionsReader.read(truth.resolve("phantom.json"));
        LabelVolume labels = truthLabels(truth);
        CaseSummary outcome = r.metrics().detection().perCase().get(0);
        return ReadingFindings.read(r.detections(), lesions, outcome, labels, r.recon().image().unit());
    }

    /**
     * Builds the report.
     *
     * @param title title of the document
     * @param intro paragraphs for the summary (e.g. what the study is and why it was set up so)
     */
    public static HtmlReport build(StudyPipeline.Result r, String title, List<String> intro) {
        Path dir = r.studyDir();
        Path truth = dir.resolve("truth");
        List<TruthLesion> lesions = TruthLesionsReader.read(truth.resolve("phantom.json"));
        List<ReadingFindings.Item> reading = reading(r);
        Volume image = r.recon().image();
        ProjectionSet photopeak = r.recon().inputs().photopeak();
        HtmlReport.Builder b = HtmlReport.builder().title(title).subtitle("spectlab " + r.recon().inputs().options()
                .softwareVersion() + " - study folder " + dir.toAbsolutePath().normalize());

        b.section("Summary");
        for (String p : intro) {
            b.paragraph(p);
        }
        long hits = reading.stream().filter(ReadingFindings.Item::isHit).count();
        b.paragraph(String.format(Locale.ROOT, "%d detection(s); %d of %d true lesion(s) found; total wall time "
                + "%.1f s.", r.detections().size(), hits, lesions.size(), r.totalSeconds()));

        b.section("Configuration").keyValues(configuration(r));

        b.section("Projections").image(String.format(Locale.ROOT, "Photopeak window (%.1f-%.1f keV), counts; "
                        + "views at the gantry angles shown, superior at the top", photopeak.window().lowerKeV(),
                photopeak.window().upperKeV()), StudyFigures.projectionMontage(photopeak, 12, 2));

        b.section("Reconstructed slices");
        b.paragraph("SPECT (hot) fused over the CT (grey, -160..240 HU) on the reconstruction grid; green circles: "
                + "true lesions, cyan circles: detections (marked on planes within 2 voxels of their centre). "
                + "Radiological display: the patient's right on the left of axial and coronal images.");
        Volume ctOnGrid = ctOnGrid(dir, image);
        Volume truthOnGrid = Resampling.boxAverage(Nifti.readVolume(truth.resolve("activity.nii")), image.grid());
        int shown = 0;
        for (TruthLesion l : lesions) {
            if (shown++ >= MAX_LESION_FIGURES) {
                break;
            }
            b.image(String.format(Locale.ROOT, "Through %s (%s, %s) at (%.0f, %.0f, %.0f) mm", l.id(),
                    l.kind().name().toLowerCase(Locale.ROOT), l.organ(), l.centre().xMm(), l.centre().yMm(),
                    l.centre().zMm()), StudyFigures.fusedPlanes(image, ctOnGrid, l.centre().xMm(), l.centre().yMm(),
                    l.centre().zMm(), r.detections(), lesions, 3));
        }
        if (lesions.isEmpty() && !r.detections().isEmpty()) {
            var d = r.detections().get(0);
            b.image("Through the most confident detection " + d.id(), StudyFigures.fusedPlanes(image, ctOnGrid,
                    d.xMm(), d.yMm(), d.zMm(), r.detections(), lesions, 3));
        }

        b.section("Line profiles");
        shown = 0;
        for (TruthLesion l : lesions) {
            if (shown++ >= MAX_LESION_FIGURES) {
                break;
            }
            b.plot(StudyFigures.profileX(image, truthOnGrid, l.centre().yMm(), l.centre().zMm(),
                    "Profile along x through " + l.id()));
        }
        if (lesions.isEmpty()) {
            b.paragraph("No lesions in this study.");
        }

        b.section("Energy spectrum");
        Path csv = dir.resolve("spect").resolve("spectrum.csv");
        if (Files.isRegularFile(csv)) {
            b.paragraph("Expected detected counts per keV over the whole acquisition, photons unscattered in the "
                    + "patient (primary) and scattered (scatter). The collimator is modelled geometrically, so there "
                    + "is no septal-penetration component.");
            b.plot(StudyFigures.spectrum(csv, photopeak));
        } else {
            b.paragraph("No spect/spectrum.csv in the study folder.");
        }

        b.section("Metrics");
        metrics(b, r);

        b.section("Detection and contrast recovery");
        LinePlot froc = StudyPerformanceFigures.froc(r.metrics().detection() == null ? null
                : r.metrics().detection().froc());
        if (froc != null) {
            b.paragraph("FROC of this study (one case): each point is a confidence threshold; a detection within the "
                    + "acceptance distance of a true lesion is a lesion localization, any other a false positive.");
            b.plot(froc);
        } else {
            b.paragraph("No FROC: the study has no scored detections.");
        }
        LinePlot recovery = StudyPerformanceFigures.recoveryVsIteration(r.recon().imageFile().getParent(), lesions);
        if (recovery != null) {
            b.paragraph("Mean reconstructed concentration inside each true lesion sphere over its true concentration, "
                    + "after each OSEM iteration (partial volume and noise included).");
            b.plot(recovery);
        } else {
            b.paragraph("No recovery-vs-iteration plot: the reconstruction kept no per-iteration snapshots "
                    + "(reconstruct --snapshots).");
        }

        b.section("Camera");
        camera(b, dir);

        b.section("Findings");
        b.findings("Reported (reconstruction + localizer, CT regions) next to the truth", ReadingFindings.rows(reading));
        for (ReadingFindings.Item i : reading) {
            b.paragraph(i.sentence());
        }

        b.section("Timings");
        Table.Builder t = Table.builder("Wall time per stage", "stage", "seconds");
        for (StudyPipeline.Stage s : r.stages()) {
            t.row(s.name(), String.format(Locale.ROOT, "%.1f", s.seconds()));
        }
        t.row("total", String.format(Locale.ROOT, "%.1f", r.totalSeconds()));
        b.table(t.build());
        return b.build();
    }

    private static Map<String, Object> configuration(StudyPipeline.Result r) {
        Map<String, Object> m = new LinkedHashMap<>();
        JsonNode cfg = readJson(r.studyDir().resolve("study.json")).path("config");
        JsonNode acq = cfg.path("acquisition");
        JsonNode sim = cfg.path("simulation");
        m.put("nuclide", cfg.path("nuclide").asText());
        m.put("scan time after administration (h)", cfg.path("scan_time_h").asText());
        m.put("phantom", cfg.path("phantom").path("preset").path("name").asText("custom") + ", grid "
                + cfg.path("phantom").path("grid").path("size") + " x " + cfg.path("phantom").path("grid")
                .path("voxel_mm") + " mm");
        m.put("collimator", cfg.path("camera").path("collimator").asText());
        m.put("acquisition", acq.path("views").asText() + " views over " + acq.path("arc_deg").asText() + " deg, "
                + acq.path("heads").asText() + " heads, radius " + acq.path("radius_mm").asText() + " mm, matrix "
                + acq.path("matrix") + " x " + acq.path("pixel_size_mm").asText() + " mm, "
                + acq.path("time_per_view_s").asText() + " s/view");
        m.put("simulation", sim.path("mode").asText() + ", " + sim.path("histories").asText() + " histories, seed "
                + sim.path("seed").asText());
        ReconOptions o = r.recon().inputs().options();
        m.put("reconstruction", o.algorithm().toUpperCase(Locale.ROOT) + " " + o.iterations() + " iterations x "
                + o.subsets() + " subsets; attenuation " + o.attenuation() + ", scatter " + o.scatter() + ", PSF "
                + (o.psf() ? "on (" + o.collimator() + ", intrinsic " + o.intrinsicFwhmMm() + " mm)" : "off")
                + ", filter " + o.filter());
        m.put("calibration (cps/MBq)", o.sensitivityCpsPerMBq() == null ? "none" : o.sensitivityCpsPerMBq());
        m.put("localizer", String.format(Locale.ROOT, "system FWHM %.1f mm (collimator at the orbit radius, on "
                + "the axis); CT regions lung / soft tissue / bone", r.systemFwhmMm()));
        return m;
    }

    private static void metrics(HtmlReport.Builder b, StudyPipeline.Result r) {
        ImageReport img = r.metrics().image();
        if (img != null) {
            Map<String, Object> kv = new LinkedHashMap<>();
            kv.put("NRMSE (vs truth on the image grid)", fmt(img.nrmse(), 3));
            kv.put("SSIM", fmt(img.ssim(), 3));
            kv.put("total activity error", String.format(Locale.ROOT, "%+.1f %%", 100 * img.totalActivityError()));
            b.keyValues(kv);
            Table.Builder t = Table.builder("Lesion recovery (mean in the lesion sphere / true concentration)",
                    "lesion", "diameter mm", "measured kBq/mL", "true kBq/mL", "recovery");
            for (LesionRecovery l : img.lesions()) {
                t.row(l.lesionId(), fmt(l.diameterMm(), 0), fmt(l.measuredMeanBqPerMl() * 1e-3, 2),
                        fmt(l.trueConcentrationBqPerMl() * 1e-3, 2), fmt(l.recoveryCoefficient(), 2));
            }
            b.table(t.build());
            if (img.organs() != null) {
                Table.Builder o = Table.builder("Organ recovery", "organ", "measured kBq/mL", "true kBq/mL",
                        "recovery", "COV");
                for (OrganRecovery or : img.organs()) {
                    o.row(or.organ(), fmt(or.measuredMeanBqPerMl() * 1e-3, 2), fmt(or.trueMeanBqPerMl() * 1e-3, 2),
                            fmt(or.recoveryCoefficient(), 2), fmt(or.coefficientOfVariation(), 2));
                }
                b.table(o.build());
            }
        }
        DetectionReport d = r.metrics().detection();
        if (d != null) {
            CaseSummary c = d.perCase().get(0);
            Table.Builder t = Table.builder("Detection: each true lesion", "lesion", "kind", "diameter mm", "result",
                    "detection", "localization error mm");
            for (var o : c.lesions()) {
                t.row(o.hit() ? Table.Status.PASS : Table.Status.FAIL, o.lesionId(),
                        o.kind().name().toLowerCase(Locale.ROOT), fmt(o.diameterMm(), 0), o.hit() ? "hit" : "miss",
                        o.hit() ? o.detectionId() : "-", o.hit() ? fmt(o.localizationErrorMm(), 1) : "-");
            }
            b.table(t.build());
            Map<String, Object> kv = new LinkedHashMap<>();
            kv.put("lesions found", c.lesions().stream().filter(x -> x.hit()).count() + " of " + c.lesions().size());
            kv.put("false positives", c.falsePositiveIds().size() + (c.falsePositiveIds().isEmpty() ? ""
                    : " " + c.falsePositiveIds()));
            kv.put("mean localization error (mm)", d.meanLocalizationErrorMm() == null ? "-"
                    : fmt(d.meanLocalizationErrorMm(), 1));
            kv.put("acceptance distance", "max(lesion radius, " + fmt(d.acceptanceMm(), 0) + " mm)");
            b.keyValues(kv);
        }
    }

    private static Volume ctOnGrid(Path dir, Volume image) {
        Path ct = dir.resolve("ct").resolve("ct.nii");
        if (!Files.isRegularFile(ct)) {
            float[] air = new float[image.grid().voxelCount()];
            java.util.Arrays.fill(air, -1000f);
            return Volume.of(image.grid(), air, "HU");
        }
        return GridResampler.boxAverage(Nifti.readVolume(ct), image.grid(), -1000);
    }

    private static LabelVolume truthLabels(Path truth) {
        Path f = truth.resolve("labels.nii");
        if (!Files.isRegularFile(f)) {
            return null;
        }
        LabelVolume raw = Nifti.readLabels(f);
        return LabelVolume.of(raw.grid(), raw.labels(), StudyScoring.labelNames(truth.resolve("labels.json")));
    }

    private static JsonNode readJson(Path f) {
        try {
            return new ObjectMapper().readTree(f.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + f, e);
        }
    }

    private static String fmt(double v, int digits) {
        return String.format(Locale.ROOT, "%." + digits + "f", v);
    }

    /** Resolution and sensitivity vs distance of the study's collimator, from study.json's camera. */
    private static void camera(HtmlReport.Builder b, Path dir) {
        JsonNode camera;
        try {
            camera = new ObjectMapper().readTree(dir.resolve("study.json").toFile())
                    .path("config").path("camera");
        } catch (java.io.IOException e) {
            b.paragraph("No camera figures: cannot read study.json (" + e.getMessage() + ").");
            return;
        }
        String preset = camera.path("collimator").asText("");
        if (preset.isEmpty() || !org.spectlab.core.camera.CollimatorLibrary.names().contains(preset)) {
            b.paragraph("No camera figures: study.json names no collimator preset.");
            return;
        }
        double intrinsic = camera.path("intrinsic_fwhm_mm").asDouble(3.8);
        double gap = camera.path("back_gap_mm").asDouble(6.4);
        b.paragraph(String.format(Locale.ROOT, "Collimator %s, intrinsic resolution %.1f mm, %.1f mm from the "
                + "collimator back face to the mean interaction depth. The simulation used the exact hexagonal-hole "
                + "response (points); the lines are the textbook references.", preset, intrinsic, gap));
        b.plot(StudyPerformanceFigures.resolutionVsDistance(preset, intrinsic, gap));
        b.plot(StudyPerformanceFigures.sensitivityVsDistance(preset, gap));
    }
}
