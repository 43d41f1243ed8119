package org.spectlab.validation.dataset;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
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
import org.spectlab.core.grid.Volume;
import org.spectlab.core.io.AtomicFiles;
import org.spectlab.core.io.nifti.Nifti;
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
     * Which cases of a dataset one process generates: all of them, or job {@code index} of {@code jobs}
     * (0-based), which takes the cases {@code c} (0-based) with {@code c % jobs == index}. Every case is a
     * pure function of (dataset seed, case number), so jobs run in any order, on any machine, and
     * {@link #collect} then writes the manifest and index a single run writes.
     *
     * @param index this job's index, 0 to {@code jobs - 1}
     * @param jobs  number of jobs the dataset is split into (1 = all cases, manifest and index written)
     */
    public record CaseSelection(int index, int jobs) {
        /** Every case, in one process. */
        public static CaseSelection all() {
            return new CaseSelection(0, 1);
        }

        /** Job {@code index} of {@code jobs}; checked. */
        public static CaseSelection of(int index, int jobs) {
            if (jobs < 1 || jobs > 10_000) {
                throw InputException.field("--jobs", "must be 1 to 10000, got " + jobs);
            }
            if (index < 0 || index >= jobs) {
                throw InputException.field("--job-index", "must be 0 to " + (jobs - 1) + " for " + jobs
                        + " jobs, got " + index);
            }
            return new CaseSelection(index, jobs);
        }

        boolean includes(int caseIndex) {
            return caseIndex % jobs == index;
        }

        boolean isAll() {
            return jobs == 1;
        }
    }

    /**
     * Generates the dataset into {@code outDir}.
     *
     * @param force replace existing case folders
     * @param log   progress lines
     */
    public static List<GeneratedCase> generate(int cases, long seed, Path outDir, Integer histories, boolean quick,
                                               boolean force, StudyPipeline.Settings settings, Consumer<String> log) {
        return generate(cases, seed, outDir, histories, quick, force, settings, log, CaseSelection.all());
    }

    /**
     * Generates the cases of {@code selection} into {@code outDir}; with every case selected, also the
     * manifest and index (otherwise {@link #collect} writes them once every job is done).
     */
    public static List<GeneratedCase> generate(int cases, long seed, Path outDir, Integer histories, boolean quick,
                                               boolean force, StudyPipeline.Settings settings, Consumer<String> log,
                                               CaseSelection selection) {
        checkSize(cases, histories);
        if (selection.jobs() > cases) {
            throw InputException.field("--jobs", "must be at most the number of cases (" + cases + "), got "
                    + selection.jobs());
        }
        try {
            Files.createDirectories(outDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + outDir, e);
        }
        long[] seeds = CasePlan.caseSeeds(seed, cases);
        List<GeneratedCase> out = new ArrayList<>();
        for (int c = 0; c < cases; c++) {
            if (!selection.includes(c)) {
                continue;
            }
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
        if (selection.isAll()) {
            List<CaseRow> rows = new ArrayList<>();
            for (GeneratedCase g : out) {
                rows.add(CaseRow.of(g));
            }
            writeManifestAndIndex(rows, seed, outDir);
        } else {
            log.accept("job " + selection.index() + " of " + selection.jobs() + ": " + out.size()
                    + " case(s) written; when every job is done: spectlab dataset --collect (same --cases, --seed)");
        }
        return out;
    }

    /**
     * Writes {@code manifest.csv} and {@code index.html} of a dataset whose cases were generated by
     * separate jobs ({@link CaseSelection}), reading each case folder back; the files are those a single
     * run writes. Refuses, naming the folder, a case that is missing or incomplete, or whose
     * {@code study.json} is not the configuration this dataset's seed gives it (a foreign case).
     *
     * @return the number of cases collected
     */
    public static int collect(int cases, long seed, Path outDir, Integer histories, boolean quick,
                              Consumer<String> log) {
        checkSize(cases, histories);
        ObjectMapper json = new ObjectMapper();
        long[] seeds = CasePlan.caseSeeds(seed, cases);
        List<CaseRow> rows = new ArrayList<>();
        for (int c = 0; c < cases; c++) {
            CasePlan plan = CasePlan.draw(c + 1, seeds[c]);
            StudyConfig cfg = config(plan, histories, quick);
            Path dir = outDir.resolve(plan.id());
            Path study = dir.resolve("study.json");
            Path metrics = dir.resolve("metrics.json");
            Path recon = dir.resolve("recon").resolve("recon.nii");
            for (Path required : List.of(study, metrics, recon, dir.resolve("report.html"))) {
                if (!Files.isRegularFile(required)) {
                    throw InputException.field(plan.id(), "missing " + outDir.relativize(required)
                            + ": case not generated yet, or its job failed (run it again)");
                }
            }
            try {
                JsonNode manifest = json.readTree(study.toFile());
                String expected = json.writeValueAsString(cfg.toTree());
                String actual = json.writeValueAsString(manifest.path("config"));
                if (!expected.equals(actual)) {
                    throw InputException.field(plan.id(), outDir.relativize(study) + " is not case " + (c + 1)
                            + " of the dataset with seed " + seed + ", " + cases + " cases"
                            + (histories == null ? "" : ", " + histories + " histories")
                            + " (a foreign or outdated case folder)");
                }
                JsonNode perCase = json.readTree(metrics.toFile()).path("detection").path("per_case").path(0);
                if (!perCase.path("lesions").isArray() || !perCase.path("false_positive_ids").isArray()) {
                    throw InputException.field(plan.id(), outDir.relativize(metrics)
                            + " has no detection.per_case[0] with lesions and false_positive_ids");
                }
                int hits = 0;
                for (JsonNode l : perCase.path("lesions")) {
                    hits += l.path("hit").asBoolean(false) ? 1 : 0;
                }
                rows.add(new CaseRow(plan, cfg, perCase.path("lesions").size(), hits,
                        perCase.path("false_positive_ids").size(), Nifti.readVolume(recon)));
            } catch (IOException e) {
                throw InputException.field(plan.id(), "cannot read " + e.getMessage());
            }
            log.accept(plan.id() + ": collected");
        }
        writeManifestAndIndex(rows, seed, outDir);
        return rows.size();
    }

    private static void checkSize(int cases, Integer histories) {
        if (cases < 1 || cases > 10_000) {
            throw InputException.field("--cases", "must be 1 to 10000, got " + cases);
        }
        if (histories != null && histories < 1) {
            throw InputException.field("--histories", "must be at least 1, got " + histories);
        }
    }

    /**
     * What the manifest and index say of one case.
     *
     * @param plan           what was drawn
     * @param config         the study configuration as run
     * @param lesions        number of truth lesions
     * @param hits           lesions found
     * @param falsePositives detections that matched no lesion
     * @param recon          the reconstructed image (Bq/mL)
     */
    record CaseRow(CasePlan plan, StudyConfig config, int lesions, int hits, int falsePositives, Volume recon) {
        static CaseRow of(GeneratedCase g) {
            var det = g.result().metrics().detection().perCase().get(0);
            int hits = (int) det.lesions().stream().filter(o -> o.hit()).count();
            return new CaseRow(g.plan(), g.config(), det.lesions().size(), hits, det.falsePositiveIds().size(),
                    g.result().recon().image());
        }
    }

    private static void writeManifestAndIndex(List<CaseRow> rows, long seed, Path outDir) {
        AtomicFiles.writeString(outDir.resolve("manifest.csv"), manifest(rows));
        index(rows, seed).write(outDir.resolve("index.html"));
    }

    /** The manifest: one row per case; nothing in it depends on timing or threads. */
    static String manifest(List<CaseRow> cases) {
        StringBuilder s = new StringBuilder("case,seed,sex,body_scale,time_per_view_s,lesions,files\n");
        for (CaseRow c : cases) {
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

    private static HtmlReport index(List<CaseRow> cases, long seed) {
        HtmlReport.Builder b = HtmlReport.builder().title("spectlab teaching dataset (seed " + seed + ")")
                .subtitle(cases.size() + " randomised torso SPECT/CT studies with ground truth");
        b.section("Cases");
        b.paragraph("Each case folder holds the study (study.json, truth/, ct/, spect/), the reconstruction "
                + "(recon/), detections.json, metrics.json and report.html. manifest.csv lists the same.");
        Table.Builder t = Table.builder("Cases", "case", "seed", "patient", "lesions", "found", "false positives");
        for (CaseRow c : cases) {
            t.row(c.plan().id(), Long.toString(c.plan().seed()), String.format(Locale.ROOT, "%s, scale %.2f",
                    c.plan().male() ? "male" : "female", c.plan().bodyScale()), c.plan().lesionSummary(),
                    c.hits() + " / " + c.lesions(), Integer.toString(c.falsePositives()));
        }
        b.table(t.build());
        b.section("Thumbnails");
        for (CaseRow c : cases) {
            b.png(c.plan().id() + ": coronal maximum-intensity projection of the reconstruction; "
                    + c.plan().lesionSummary(), SliceRenderer.toPng(StudyFigures.coronalMip(c.recon(), 3)));
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
