package org.spectlab.validation.localization;

import static org.spectlab.validation.suite.ValidationCase.config;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.spectlab.metrics.detection.CaseData;
import org.spectlab.metrics.detection.CaseMatch;
import org.spectlab.metrics.detection.Detection;
import org.spectlab.metrics.detection.LesionMatcher;
import org.spectlab.metrics.detection.LesionOutcome;
import org.spectlab.metrics.detection.MatchingMethod;
import org.spectlab.metrics.detection.TruthLesion;
import org.spectlab.metrics.froc.CurvePoint;
import org.spectlab.metrics.froc.FrocAnalysis;
import org.spectlab.metrics.io.DetectionsReader;
import org.spectlab.metrics.io.TruthLesionsReader;
import org.spectlab.metrics.stats.CaseBootstrap;
import org.spectlab.metrics.stats.ConfidenceInterval;
import org.spectlab.simulator.study.StudyConfig;
import org.spectlab.validation.dataset.CasePlan;
import org.spectlab.validation.dataset.TeachingDataset;
import org.spectlab.validation.pipeline.StudyPipeline;
import org.spectlab.validation.report.LinePlot;
import org.spectlab.validation.suite.CaseContext;
import org.spectlab.validation.suite.Quantity;
import org.spectlab.validation.suite.Reference;
import org.spectlab.validation.suite.SuiteContributor;
import org.spectlab.validation.suite.Tolerance;
import org.spectlab.validation.suite.ValidationCase;

/**
 * The {@code localization} suite: the localization acceptance of issue 7 over {@value #CASES} random
 * torso SPECT/CT cases ({@link LocalizationCases}).
 *
 * <p>Each case is simulated with the teaching dataset's template (the demo study, {@code spectlab
 * demo}: Tc-99m-HMPAO leukocytes at the demo's organ concentrations, Siemens LEHR, 60 views over 360°
 * with two heads, 20 s per view; {@value #HISTORIES} forced-detection histories for the scatter instead
 * of the demo's 500 000, see {@link #HISTORIES}) on a
 * {@value #GRID} grid of {@value #VOXEL_MM} mm voxels and projection pixels, coarser than the teaching
 * dataset's 4.8 mm so that 20 cases run in about an hour on two shared cores; 6.4 mm lies between the
 * 128² (about 4.8 mm) and 64² (about 9.6 mm) matrices used clinically for Tc-99m leukocyte SPECT, and
 * is under half the system FWHM (about 14 mm at the orbit). It is reconstructed with the demo's
 * default OSEM ({@value #ITERATIONS} iterations x {@value #SUBSETS} subsets, CT attenuation, TEW
 * scatter, resolution modelling), localized with the default thresholds, the phantom's organ labels
 * and the tracer's hot organs ({@link StudyPipeline}), in a temporary folder deleted afterwards. The
 * detections of all cases are pooled and matched to the truth lesions by the Hungarian rule within
 * max(lesion radius, {@value #ACCEPTANCE_MM} mm).
 *
 * <p>Quantities and bounds (the acceptance, written as distances from the ideal value so that
 * a one-sided bound is an absolute tolerance), at the operating threshold
 * {@link #OPERATING_CONFIDENCE} (chosen on another seed, see there): sensitivity (>= 0.90), false
 * positives per case (<= 0.25), median localization error in voxels (<= 1) and mm (<= one voxel),
 * organ accuracy of the hits (>= 0.90, same organ and same side,
 * {@link org.spectlab.metrics.detection.OrganNames}); over all detections the JAFROC figure of merit
 * (>= 0.65, which the acceptance implies: with threshold t meeting it, P(lesion rating > highest FP
 * rating of a case) >= P(lesion >= t) - P(any FP >= t) >= 0.90 - 0.25). Standard uncertainties are
 * the half-widths of percentile bootstrap 95 % intervals over cases / 1.96. The case seeds derive
 * from the suite's seed; progress lines (one per case, with every hit, miss and false positive) go
 * to standard error.
 */
public final class LocalizationSuite {
    /** Suite name. */
    public static final String NAME = "localization";
    /** Number of random cases. */
    public static final int CASES = 20;
    /** OSEM iterations (the demo's default). */
    public static final int ITERATIONS = 4;
    /** OSEM subsets (the demo's default). */
    public static final int SUBSETS = 10;
    /** Voxel and projection pixel size, mm. */
    public static final double VOXEL_MM = 6.4;
    /** Phantom and reconstruction grid. */
    public static final String GRID = "66 x 45 x 60";
    /** Projection columns. */
    public static final int MATRIX_X = 66;
    /** Projection rows. */
    public static final int MATRIX_Z = 60;
    /**
     * Forced-detection histories per case. They estimate only the scatter (the primaries are computed
     * deterministically, {@link org.spectlab.simulator.spect.ForcedDetectionSimulation}); the Poisson
     * noise of the clinical counts is applied on top and dominates.
     */
    public static final int HISTORIES = 150_000;
    /** Scoring acceptance distance, mm. */
    public static final double ACCEPTANCE_MM = StudyPipeline.DEFAULT_ACCEPTANCE_MM;
    /**
     * The operating threshold (detection confidence, noise SDs) at which the acceptance figures are
     * measured: the post-hoc FROC operating point of the pooled cases of suite seed 202 (z >= 12.59
     * gave 0.25 FP/case there), fixed before any other seed was run, so that a reported seed is not
     * the one the threshold was chosen on. The detections themselves are kept down to the localizer's
     * default z >= 5 for the FROC.
     */
    public static final double OPERATING_CONFIDENCE = 12.6;
    /** Largest false positives per case of the acceptance. */
    public static final double MAX_FP_PER_CASE = 0.25;
    /** Least sensitivity and organ accuracy of the acceptance. */
    public static final double MIN_FRACTION = 0.90;
    private static final String SOURCE = "spectlab issue 7 acceptance (torso, lesions >= 2x FWHM and >= 4:1, "
            + ">= 20 random cases)";

    private LocalizationSuite() {
    }

    /** Defines the suite. */
    public static SuiteContributor contributor() {
        return r -> r.define(NAME, "Lesion localization acceptance: " + CASES + " random torso SPECT/CT cases "
                + "simulated, reconstructed, localized and scored (sensitivity, FP/case, localization error, organ "
                + "naming, FROC).").addCases(NAME, () -> List.of(torso(CASES)));
    }

    /** The acceptance case over {@code cases} random torso studies. */
    public static ValidationCase torso(int cases) {
        return ValidationCase.of("torso-" + cases + "-cases",
                "Random torso cases (1-3 lesions each, diameter >= 2x system FWHM, uptake >= 4:1 over the host, "
                        + "no necrosis) simulated at the demo's activity, 60 views x 20 s, reconstructed with default "
                        + "OSEM, localized with organ labels and the leukocyte hot organs; pooled detection figures.",
                config("cases", cases, "preset", "adult_torso", "tracer", "Tc-99m-HMPAO leukocytes (demo activity)",
                        "collimator", LocalizationCases.COLLIMATOR, "views", "60 (2 heads, 360 deg)",
                        "time_per_view_s", LocalizationCases.TIME_PER_VIEW_S, "histories", HISTORIES, "grid", GRID + " x " + VOXEL_MM + " mm",
                        "min_lesion_diameter_mm", LocalizationCases.minDiameterMm(),
                        "conservative_fwhm_mm", round(LocalizationCases.conservativeFwhmMm()),
                        "min_uptake_ratio", LocalizationCases.MIN_UPTAKE_RATIO, "recon",
                        "OSEM " + ITERATIONS + "x" + SUBSETS + ", CT AC, TEW, PSF", "acceptance_mm", ACCEPTANCE_MM,
                        "matching", "hungarian"),
                ctx -> run(ctx, cases, line -> {
                    System.err.println("localization: " + line);
                    System.err.flush();
                }));
    }

    static List<Quantity> run(CaseContext ctx, int cases, Consumer<String> log) {
        long[] seeds = CasePlan.caseSeeds(ctx.random(0).nextLong(), cases);
        StudyPipeline.Settings settings = StudyPipeline.Settings.allCorrections(ITERATIONS, SUBSETS, ctx.threads(),
                "spectlab validate");
        List<CaseData> data = new ArrayList<>();
        double voxelMm = Double.NaN;
        Path work;
        try {
            work = Files.createTempDirectory("spectlab-localization-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a work folder", e);
        }
        try {
            for (int c = 0; c < cases; c++) {
                CasePlan plan = LocalizationCases.draw(c + 1, seeds[c]);
                StudyConfig cfg = TeachingDataset.config(plan, template());
                Path dir = work.resolve(plan.id());
                long t0 = System.nanoTime();
                StudyPipeline.Result r = StudyPipeline.run(cfg, dir, true, settings, line -> { });
                double smallest = Double.POSITIVE_INFINITY;
                for (CasePlan.LesionPlan l : plan.lesions()) {
                    smallest = Math.min(smallest, l.diameterMm());
                }
                if (smallest < 2 * r.systemFwhmMm()) {
                    throw new IllegalStateException(plan.id() + ": lesion of " + smallest + " mm is under twice the "
                            + "system FWHM " + r.systemFwhmMm() + " mm");
                }
                voxelMm = r.recon().image().grid().voxelXMm();
                List<TruthLesion> truth = TruthLesionsReader.read(dir.resolve("truth").resolve("phantom.json"));
                List<Detection> found = DetectionsReader.read(r.detectionsFile());
                CaseData cd = CaseData.of(plan.id(), truth, found);
                data.add(cd);
                log.accept(describe(cd, plan, r, (System.nanoTime() - t0) * 1e-9));
                delete(dir);
            }
        } finally {
            delete(work);
        }
        return score(ctx, data, voxelMm, OPERATING_CONFIDENCE, log);
    }

    /**
     * The teaching dataset's template (the demo patient and camera) on the suite's grid: {@value #GRID}
     * voxels of {@value #VOXEL_MM} mm (the same 422 x 288 x 384 mm extent as the dataset's 4.8 mm grid)
     * and {@value #MATRIX_X} x {@value #MATRIX_Z} projection pixels of {@value #VOXEL_MM} mm.
     */
    static ObjectNode template() {
        ObjectNode root = TeachingDataset.template(HISTORIES, false);
        ObjectNode grid = (ObjectNode) root.get("phantom").get("grid");
        grid.putArray("size").add(66).add(45).add(60);
        grid.put("voxel_mm", VOXEL_MM);
        ObjectNode acq = (ObjectNode) root.get("acquisition");
        acq.putArray("matrix").add(MATRIX_X).add(MATRIX_Z);
        acq.put("pixel_size_mm", VOXEL_MM);
        return root;
    }

    /**
     * The pooled quantities and the FROC figure. Sensitivity, FP/case, localization error and organ
     * accuracy are measured on the detections at or above the operating threshold: {@code
     * fixedThreshold}, or when null the most lenient FROC threshold with at most
     * {@value #MAX_FP_PER_CASE} false positives per case (post hoc); the JAFROC figure of merit on all
     * detections. The post-hoc operating point is logged either way.
     */
    static List<Quantity> score(CaseContext ctx, List<CaseData> data, double voxelMm, Double fixedThreshold,
                                Consumer<String> log) {
        LesionMatcher matcher = LesionMatcher.of(MatchingMethod.HUNGARIAN, ACCEPTANCE_MM);
        List<CaseMatch> all = matcher.matchAll(data);
        List<CurvePoint> froc = FrocAnalysis.froc(all);
        double postHoc = operatingThreshold(froc);
        log.accept(String.format(Locale.ROOT, "post-hoc FROC operating point (most lenient z with <= %.2f FP/case): "
                + "z >= %.2f, LLF %.3f", MAX_FP_PER_CASE, postHoc, FrocAnalysis.sensitivityAt(all, MAX_FP_PER_CASE)));
        double threshold = fixedThreshold != null ? fixedThreshold : postHoc;
        List<CaseData> kept = new ArrayList<>();
        for (CaseData c : data) {
            List<Detection> d = new ArrayList<>();
            for (Detection x : c.detections()) {
                if (x.confidence() >= threshold) {
                    d.add(x);
                }
            }
            kept.add(CaseData.of(c.caseId(), c.lesions(), d));
        }
        List<CaseMatch> m = matcher.matchAll(kept);
        CaseBootstrap boot = CaseBootstrap.of(1000, 0.95, ctx.random(1).nextLong());
        ConfidenceInterval sens = boot.interval(m, FrocAnalysis::sensitivity);
        ConfidenceInterval fp = boot.interval(m, FrocAnalysis::falsePositivesPerCase);
        ConfidenceInterval med = boot.interval(m, FrocAnalysis::medianLocalizationErrorMm);
        ConfidenceInterval organ = boot.interval(m, FrocAnalysis::organAccuracy);
        ConfidenceInterval fom = boot.interval(all, FrocAnalysis::jafrocFigureOfMerit);
        StringBuilder pts = new StringBuilder("FROC (threshold: FP/case, LLF):");
        for (CurvePoint p : froc) {
            pts.append(String.format(Locale.ROOT, " [%s: %.3f, %.3f]", p.threshold() == null ? "-"
                    : String.format(Locale.ROOT, "%.2f", p.threshold()), p.x(), p.y()));
        }
        log.accept(pts.toString());
        log.accept(String.format(Locale.ROOT, "all detections: sensitivity %.3f, FP/case %.3f; FROC area to 1 "
                        + "FP/case (normalised) %.3f", FrocAnalysis.sensitivity(all),
                FrocAnalysis.falsePositivesPerCase(all), FrocAnalysis.normalisedFrocArea(all, 1.0)));
        log.accept(String.format(Locale.ROOT, "operating point z >= %.2f: %d cases, %d lesions, sensitivity %.3f "
                        + "[%.3f, %.3f], FP/case %.3f, median error %.2f mm (%.2f voxels of %.2f mm), organ accuracy "
                        + "%.3f, JAFROC FOM %.3f", threshold, data.size(), FrocAnalysis.lesionCount(m), sens.estimate(),
                sens.lower(), sens.upper(), fp.estimate(), med.estimate(), med.estimate() / voxelMm, voxelMm,
                organ.estimate(), fom.estimate()));
        ctx.figure(frocPlot(froc));
        String why = "issue 7 acceptance bound";
        List<Quantity> q = new ArrayList<>();
        q.add(Quantity.of("sensitivity", "1", sens.estimate(), u(sens), Reference.exact(1, SOURCE),
                Tolerance.absolute(1 - MIN_FRACTION, why + ": sensitivity >= 0.90 at the operating threshold z >= "
                        + threshold)));
        q.add(Quantity.of("false_positives_per_case", "1", fp.estimate(), u(fp), Reference.exact(0, SOURCE),
                Tolerance.absolute(MAX_FP_PER_CASE, why + ": <= 0.25 false positives per case")));
        q.add(Quantity.of("median_localization_error_voxels", "voxel", med.estimate() / voxelMm, u(med) / voxelMm,
                Reference.exact(0, SOURCE), Tolerance.absolute(1, why + ": median error <= one SPECT voxel")));
        q.add(Quantity.of("median_localization_error_mm", "mm", med.estimate(), u(med), Reference.exact(0, SOURCE),
                Tolerance.absolute(voxelMm, why + ": one SPECT voxel is " + voxelMm + " mm")));
        q.add(Quantity.of("organ_accuracy", "1", organ.estimate(), u(organ), Reference.exact(1, SOURCE),
                Tolerance.absolute(1 - MIN_FRACTION, why + ": organ (and side) named correctly for >= 90% of hits")));
        q.add(Quantity.of("jafroc_figure_of_merit", "1", fom.estimate(), u(fom), Reference.exact(1, SOURCE),
                Tolerance.absolute(0.35, "implied by the acceptance: FOM >= P(lesion >= t) - P(any FP >= t) >= "
                        + "0.90 - 0.25")));
        return q;
    }

    /** The lowest threshold of a FROC point with at most {@value #MAX_FP_PER_CASE} FP per case (+inf if none). */
    static double operatingThreshold(List<CurvePoint> froc) {
        double t = Double.POSITIVE_INFINITY;
        for (CurvePoint p : froc) {
            if (p.threshold() != null && p.x() <= MAX_FP_PER_CASE) {
                t = Math.min(t, p.threshold());
            }
        }
        return t;
    }

    private static LinePlot frocPlot(List<CurvePoint> froc) {
        double[] x = new double[froc.size()];
        double[] y = new double[froc.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = froc.get(i).x();
            y[i] = froc.get(i).y();
        }
        return LinePlot.of("FROC over the pooled cases", "false positives per case", "lesion localization fraction")
                .line("FROC", x, y)
                .points("acceptance corner (0.25 FP/case, 0.90)", new double[] {MAX_FP_PER_CASE},
                        new double[] {MIN_FRACTION});
    }

    private static String describe(CaseData cd, CasePlan plan, StudyPipeline.Result r, double seconds) {
        CaseMatch m = LesionMatcher.of(MatchingMethod.HUNGARIAN, ACCEPTANCE_MM).match(cd);
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%s (%.0f s:", plan.id(), seconds));
        for (StudyPipeline.Stage st : r.stages()) {
            s.append(String.format(Locale.ROOT, " %s %.0f", st.name(), st.seconds()));
        }
        s.append(String.format(Locale.ROOT, "; FWHM %.2f mm, %s scale %.3f):", r.systemFwhmMm(),
                plan.male() ? "male" : "female", plan.bodyScale()));
        for (LesionOutcome o : m.lesions()) {
            String named = null;
            for (Detection d : cd.detections()) {
                if (d.id().equals(o.detectionId())) {
                    named = d.organ();
                }
            }
            s.append(String.format(Locale.ROOT, " %s[%s %.1fmm] %s", o.lesionId(), o.organ(), o.diameterMm(),
                    o.hit() ? String.format(Locale.ROOT, "HIT %s err %.1fmm z %.1f named %s", o.detectionId(),
                            o.localizationErrorMm(), o.confidence(), named) : "MISS"));
        }
        for (Detection d : m.falsePositives()) {
            s.append(String.format(Locale.ROOT, " FP %s(%.0f,%.0f,%.0f) %s z %.1f", d.id(), d.centre().xMm(),
                    d.centre().yMm(), d.centre().zMm(), d.organ(), d.confidence()));
        }
        return s.toString();
    }

    private static double u(ConfidenceInterval ci) {
        double h = 0.5 * (ci.upper() - ci.lower());
        return Double.isFinite(h) && h >= 0 ? h / 1.96 : 0;
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    private static void delete(Path p) {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> s = Files.walk(p)) {
            for (Path f : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(f);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + p, e);
        }
    }
}
