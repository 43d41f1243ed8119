package org.spectlab.validation.dataset;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.spectlab.core.error.InputException;
import org.spectlab.core.grid.Grid3;
import org.spectlab.core.io.AtomicFiles;
import org.spectlab.phantoms.lesion.Lesion;
import org.spectlab.simulator.study.StudyConfig;
import org.spectlab.validation.pipeline.DemoStudy;
import org.spectlab.validation.pipeline.StudyFigures;
import org.spectlab.validation.pipeline.StudyPipeline;
import org.spectlab.validation.pipeline.StudyReport;
import org.spectlab.validation.report.HtmlReport;
import org.spectlab.validation.report.SliceRenderer;
import org.spectlab.validation.report.Table;

/**
 * A teaching dataset: {@code cases} randomised patients ({@link CasePlan}) derived from one seed, each
 * simulated, reconstructed (OSEM with CT attenuation, TEW scatter and PSF), localized, scored and
 * reported in its own study folder {@code case_NNN/}, with {@code manifest.csv} (case, seed, patient,
 * lesions with their placed centres, files) and {@code index.html} (one inline thumbnail per case: a
 * coronal maximum-intensity projection of the reconstruction). The same seed gives the same cases, the
 * same manifest and bit-identical projections, whatever the thread count.
 *
 * <p>The patient template is the demo's ({@link DemoStudy}: Tc-99m leukocytes, LEHR, 60 views) on a
 * grid widened to 88 x 60 voxels in-plane so that the largest body scale fits. A lesion must lie
 * inside the axial field of view (its sphere within the grid's z range): when the phantom's random
 * placement puts one outside, the placement is redrawn with the next placement seed
 * ({@code case seed + attempt}), deterministically. The {@code quick} variant (tests only) uses
 * 14.4 mm voxels and pixels, 24 views and 10 000 histories.
 */
public final class TeachingDataset {
    /** Presets a dataset can be drawn from. */
    public static final List<String> PRESETS = List.of("torso");
    /** Placement seeds tried before a case is given up. */
    static final int MAX_PLACEMENT_ATTEMPTS = 200;

    private TeachingDataset() {
    }

    /**
     * One generated case.
     *
     * @param plan   what was drawn
     * @param config the study configuration as run
     * @param result the pipeline result
     */
    public record GeneratedCase(CasePlan plan, StudyConfig config, StudyPipeline.Result result) {
    }

    /**
     * The study configuration of a case: the template with the plan applied and a placement that keeps
     * every lesion in the field of view.
     *
     * @param histories forced-detection histories, or null for the template's
     * @param quick     coarse grid and few views (tests)
     */
    public static StudyConfig config(CasePlan plan, Integer histories, boolean quick) {
        return config(plan, template(histories, quick));
    }

    /**
     * The study configuration of a case on a given template (a study tree such as {@link #template}'s):
     * the plan applied and a placement that keeps every lesion in the field of view.
     */
    public static StudyConfig config(CasePlan plan, ObjectNode template) {
        for (int attempt = 0; attempt < MAX_PLACEMENT_ATTEMPTS; attempt++) {
            ObjectNode tree = template.deepCopy();
            plan.applyTo(tree, plan.seed() + attempt);
            StudyConfig cfg = parse(tree, plan.id());
            if (inFieldOfView(cfg)) {
                return cfg;
            }
        }
        throw InputException.field(plan.id(), "no lesion placement inside the field of view in "
                + MAX_PLACEMENT_ATTEMPTS + " attempts");
    }

    /**
     * Generates the dataset into {@code outDir}.
     *
     * @param force replace existing case folders
     * @param log   progress lines
     */
    public static List<GeneratedCase> generate(int cases, long seed, Path outDir, Integer histories, boolean quick,
                                               boolean force, StudyPipeline.Settings settings, Consumer<String> log) {
        if (cases < 1 || cases > 10_000) {
            throw InputException.field("--cases", "must be 1 to 10000, got " + cases);
        }
        if (histories != null && histories < 1) {
            throw InputException.field("--histories", "must be at least 1, got " + histories);
        }
        try {
            Files.createDirectories(outDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + outDir, e);
        }
        long[] seeds = CasePlan.caseSeeds(seed, cases);
        List<GeneratedCase> out = new ArrayList<>();
        for (int c = 0; c < cases; c++) {
            CasePlan plan = CasePlan.draw(c + 1, seeds[c]);
            StudyConfig cfg = config(plan, histories, quick);
            log.accept(plan.id() + ": " + plan.lesionSummary());
            Path dir = outDir.resolve(plan.id());
            StudyPipeline.Result r = StudyPipeline.run(cfg, dir, force, settings, line -> log.accept("  " + line));
            StudyReport.build(r, "spectlab teaching case " + plan.id(), List.of(String.format(Locale.ROOT,
                    "Randomised teaching case %s (dataset seed %d, case seed %d): %s torso, scale %.3f, %.1f s per "
                            + "view; lesions: %s.", plan.id(), seed, plan.seed(), plan.male() ? "male" : "female",
                    plan.bodyScale(), plan.timePerViewS(), plan.lesionSummary()))).write(dir.resolve("report.html"));
            out.add(new GeneratedCase(plan, cfg, r));
        }
        AtomicFiles.writeString(outDir.resolve("manifest.csv"), manifest(out));
        index(out, seed).write(outDir.resolve("index.html"));
        return out;
    }

    /** The manifest: one row per case; nothing in it depends on timing or threads. */
    static String manifest(List<GeneratedCase> cases) {
        StringBuilder s = new StringBuilder("case,seed,sex,body_scale,time_per_view_s,lesions,files\n");
        for (GeneratedCase c : cases) {
            CasePlan p = c.plan();
            List<String> ls = new ArrayList<>();
            for (Lesion l : c.config().phantom().lesions()) {
                ls.add(String.format(Locale.ROOT, "%s:%s:%s:%.1fmm@(%.1f %.1f %.1f)", l.id(),
                        l.kind().name().toLowerCase(Locale.ROOT), l.organ(), l.equivalentDiameterMm(), l.centreXMm(),
                        l.centreYMm(), l.centreZMm()));
            }
            String files = String.join(";", p.id() + "/study.json", p.id() + "/spect/photopeak.hs",
                    p.id() + "/ct/ct.nii", p.id() + "/truth/activity.nii", p.id() + "/recon/recon.nii",
                    p.id() + "/detections.json", p.id() + "/metrics.json", p.id() + "/report.html");
            s.append(String.format(Locale.ROOT, "%s,%d,%s,%.3f,%.1f,\"%s\",\"%s\"%n", p.id(), p.seed(),
                    p.male() ? "male" : "female", p.bodyScale(), p.timePerViewS(), String.join(";", ls), files));
        }
        return s.toString();
    }

    private static HtmlReport index(List<GeneratedCase> cases, long seed) {
        HtmlReport.Builder b = HtmlReport.builder().title("spectlab teaching dataset (seed " + seed + ")")
                .subtitle(cases.size() + " randomised torso SPECT/CT studies with ground truth");
        b.section("Cases");
        b.paragraph("Each case folder holds the study (study.json, truth/, ct/, spect/), the reconstruction "
                + "(recon/), detections.json, metrics.json and report.html. manifest.csv lists the same.");
        Table.Builder t = Table.builder("Cases", "case", "seed", "patient", "lesions", "found", "false positives");
        for (GeneratedCase c : cases) {
            var det = c.result().metrics().detection().perCase().get(0);
            long hits = det.lesions().stream().filter(o -> o.hit()).count();
            t.row(c.plan().id(), Long.toString(c.plan().seed()), String.format(Locale.ROOT, "%s, scale %.2f",
                    c.plan().male() ? "male" : "female", c.plan().bodyScale()), c.plan().lesionSummary(),
                    hits + " / " + det.lesions().size(), Integer.toString(det.falsePositiveIds().size()));
        }
        b.table(t.build());
        b.section("Thumbnails");
        for (GeneratedCase c : cases) {
            b.png(c.plan().id() + ": coronal maximum-intensity projection of the reconstruction; "
                    + c.plan().lesionSummary(), SliceRenderer.toPng(StudyFigures.coronalMip(
                    c.result().recon().image(), 3)));
        }
        return b.build();
    }

    private static boolean inFieldOfView(StudyConfig cfg) {
        Grid3 g = cfg.phantom().grid();
        double zMin = g.originZMm() - 0.5 * g.voxelZMm();
        double zMax = zMin + g.nz() * g.voxelZMm();
        for (Lesion l : cfg.phantom().lesions()) {
            if (l.centreZMm() - l.maxRadiusMm() < zMin || l.centreZMm() + l.maxRadiusMm() > zMax) {
                return false;
            }
        }
        return true;
    }

    /**
     * The dataset's study tree: the demo's, widened to 88 x 60 x 80 voxels (80 x 80 projections) of
     * 4.8 mm, or the coarse test grid.
     *
     * @param histories forced-detection histories, or null for the demo's
     * @param quick     coarse grid and few views (tests)
     */
    public static ObjectNode template(Integer histories, boolean quick) {
        try {
            ObjectNode root = (ObjectNode) new ObjectMapper(new YAMLFactory()).readTree(DemoStudy.resourceText());
            ObjectNode grid = (ObjectNode) ((ObjectNode) root.get("phantom")).get("grid");
            ObjectNode acq = (ObjectNode) root.get("acquisition");
            if (quick) {
                DemoStudy.coarsen(root);
                grid.putArray("size").add(30).add(20).add(27);
                grid.put("voxel_mm", 14.4);
                acq.putArray("matrix").add(30).add(27);
                acq.put("pixel_size_mm", 14.4);
            } else {
                grid.putArray("size").add(88).add(60).add(80);
                acq.putArray("matrix").add(88).add(80);
            }
            if (histories != null) {
                ((ObjectNode) root.get("simulation")).put("histories", histories);
            }
            return root;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("demo configuration is not valid YAML", e);
        }
    }

    private static StudyConfig parse(ObjectNode tree, String caseId) {
        try {
            return StudyConfig.parse(new ObjectMapper().writeValueAsString(tree), caseId, null);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise the case configuration", e);
        }
    }
}
