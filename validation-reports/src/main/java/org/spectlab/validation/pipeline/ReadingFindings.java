package org.spectlab.validation.pipeline;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.spectlab.core.grid.Grid3;
import org.spectlab.core.grid.LabelVolume;
import org.spectlab.metrics.detection.LesionOutcome;
import org.spectlab.metrics.detection.TruthLesion;
import org.spectlab.metrics.report.CaseSummary;
import org.spectlab.recon.localization.Detection;
import org.spectlab.validation.report.Finding;
import org.spectlab.validation.report.FindingRow;

/**
 * The detections of one study read out like a nuclear-medicine report, each next to the truth: for
 * every detection its location (CT region, patient side and front/back, coordinates), size and
 * uptake, and what it really was (the matched lesion, or for a false positive the true organ at that
 * point, often physiological uptake); then every missed lesion.
 *
 * <p>Conventions: patient axes as in DICOM, so x &gt; 0 is the patient's <em>left</em> and y &lt; 0
 * anterior; within {@value #MIDLINE_MM} mm of x = 0 is "midline". A detection's size is the diameter of
 * the sphere with its segmented volume; its uptake is the mean over the segmented voxels (in kBq/mL
 * for a calibrated image). A lesion's size is its (volume-equivalent) diameter and its uptake its true
 * concentration.
 */
public final class ReadingFindings {
    /** Half-width of the band called "midline", mm. */
    public static final double MIDLINE_MM = 15;

    private ReadingFindings() {
    }

    /**
     * One line of the reading.
     *
     * @param detection      the detection, or null for a missed lesion
     * @param truth          the matched or missed lesion, or null for a false positive
     * @param truthAtPoint   the true organ (label name) at the detection's centre, or null
     * @param errorMm        distance detection-lesion, mm, or NaN
     * @param row            the findings-table row
     * @param sentence       the line in words
     */
    public record Item(Detection detection, TruthLesion truth, String truthAtPoint, double errorMm, FindingRow row,
                       String sentence) {
        /** True when the detection hit a lesion. */
        public boolean isHit() {
            return detection != null && truth != null;
        }
    }

    /**
     * The reading: detections in their order (most confident first), then the missed lesions.
     *
     * @param detections  the localizer's detections
     * @param lesions     the true lesions
     * @param outcome     the scoring's per-case summary (which detection hit which lesion)
     * @param truthLabels the truth label map (any grid), or null
     * @param imageUnit   unit of the image the uptakes were measured in
     */
    public static List<Item> read(List<Detection> detections, List<TruthLesion> lesions, CaseSummary outcome,
                                  LabelVolume truthLabels, String imageUnit) {
        Map<String, TruthLesion> lesionById = new HashMap<>();
        for (TruthLesion l : lesions) {
            lesionById.put(l.id(), l);
        }
        Map<String, LesionOutcome> byDetection = new HashMap<>();
        for (LesionOutcome o : outcome.lesions()) {
            if (o.hit()) {
                byDetection.put(o.detectionId(), o);
            }
        }
        boolean kbq = imageUnit.equalsIgnoreCase("Bq/mL");
        String unit = kbq ? "kBq/mL" : imageUnit;
        double scale = kbq ? 1e-3 : 1;
        List<Item> items = new ArrayList<>();
        int n = 1;
        for (Detection d : detections) {
            LesionOutcome o = byDetection.get(d.id());
            TruthLesion t = o == null ? null : lesionById.get(o.lesionId());
            String at = organAt(truthLabels, d.xMm(), d.yMm(), d.zMm());
            double sizeMm = 10 * Math.cbrt(6 * Math.max(d.volumeMl(), 0) / Math.PI);
            Finding reported = Finding.of(d.organ() + ", " + side(d.xMm(), d.yMm()), d.xMm(), d.yMm(), d.zMm(),
                    sizeMm, d.meanUptakeBqPerMl() * scale, unit);
            StringBuilder s = new StringBuilder(String.format(Locale.ROOT,
                    "%d. Focal uptake in %s, %s, at (%.0f, %.0f, %.0f) mm: about %.0f mm across, mean %.3g %s "
                            + "(peak %.3g), %.1f SD above its background.", n++, d.organ(), side(d.xMm(), d.yMm()),
                    d.xMm(), d.yMm(), d.zMm(), sizeMm, d.meanUptakeBqPerMl() * scale, unit,
                    d.peakUptakeBqPerMl() * scale, d.confidence()));
            double err = Double.NaN;
            String verdict;
            if (t != null) {
                err = o.localizationErrorMm();
                verdict = String.format(Locale.ROOT, "TP %s, %.1f mm off", t.id(), err);
                s.append(String.format(Locale.ROOT, " Truth: %s, %s in the %s, %.0f mm, %.3g %s; found %.1f mm from "
                                + "its centre.", t.id(), t.kind().name().toLowerCase(Locale.ROOT), t.organ(),
                        t.diameterMm(), t.concentrationBqPerMl() * scale, unit, err));
            } else {
                verdict = "FP" + (at == null ? "" : " (truth here: " + at + ")");
                s.append(" Truth: no lesion here").append(at == null ? "." : "; the point lies in the " + at
                        + " (uptake of a normal organ, or noise).");
            }
            items.add(new Item(d, t, at, err, FindingRow.of(reported, t == null ? null : truthFinding(t, scale, unit),
                    verdict), s.toString()));
        }
        for (LesionOutcome o : outcome.lesions()) {
            if (!o.hit()) {
                TruthLesion t = lesionById.get(o.lesionId());
                String sentence = String.format(Locale.ROOT, "Missed: %s, %s in the %s, %s, at (%.0f, %.0f, %.0f) mm, "
                                + "%.0f mm, %.3g %s: not reported.", t.id(), t.kind().name().toLowerCase(Locale.ROOT),
                        t.organ(), side(t.centre().xMm(), t.centre().yMm()), t.centre().xMm(), t.centre().yMm(),
                        t.centre().zMm(), t.diameterMm(), t.concentrationBqPerMl() * scale, unit);
                items.add(new Item(null, t, null, Double.NaN, FindingRow.of(null, truthFinding(t, scale, unit), "FN"),
                        sentence));
            }
        }
        return items;
    }

    /** The findings-table rows of a reading. */
    public static List<FindingRow> rows(List<Item> items) {
        List<FindingRow> rows = new ArrayList<>(items.size());
        for (Item i : items) {
            rows.add(i.row());
        }
        return rows;
    }

    /**
     * Side and depth in words: "patient left" (x &gt; {@value #MIDLINE_MM} mm), "patient right"
     * (x &lt; -{@value #MIDLINE_MM} mm) or "midline", then "anterior" (y &lt; 0) or "posterior".
     */
    public static String side(double xMm, double yMm) {
        String lr = xMm > MIDLINE_MM ? "patient left" : xMm < -MIDLINE_MM ? "patient right" : "midline";
        return lr + (yMm < 0 ? " anterior" : " posterior");
    }

    private static Finding truthFinding(TruthLesion t, double scale, String unit) {
        return Finding.of(t.kind().name().toLowerCase(Locale.ROOT) + " in " + t.organ() + ", "
                        + side(t.centre().xMm(), t.centre().yMm()), t.centre().xMm(), t.centre().yMm(), t.centre().zMm(),
                t.diameterMm(), t.concentrationBqPerMl() * scale, unit);
    }

    /** Name of the label at a point (nearest voxel), or null outside the map or unnamed. */
    static String organAt(LabelVolume labels, double xMm, double yMm, double zMm) {
        if (labels == null) {
            return null;
        }
        Grid3 g = labels.grid();
        int i = (int) Math.round(g.toVoxelX(xMm));
        int j = (int) Math.round(g.toVoxelY(yMm));
        int k = (int) Math.round(g.toVoxelZ(zMm));
        if (!g.contains(i, j, k)) {
            return null;
        }
        int label = labels.get(i, j, k);
        return label == 0 ? "outside the body" : labels.nameOf(label);
    }
}
