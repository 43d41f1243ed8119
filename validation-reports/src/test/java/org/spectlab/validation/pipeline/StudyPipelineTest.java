package org.spectlab.validation.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spectlab.core.camera.CollimatorLibrary;
import org.spectlab.core.camera.CollimatorSpec;
import org.spectlab.metrics.detection.LesionOutcome;
import org.spectlab.metrics.image.LesionRecovery;
import org.spectlab.recon.study.LeadAttenuation;
import org.spectlab.validation.report.HtmlChecks;

/** The whole chain on the coarse demo patient: files, stages, scores, reading and report. */
class StudyPipelineTest {
    @TempDir
    static Path dir;

    private static StudyPipeline.Result result;

    @BeforeAll
    static void run() {
        result = StudyPipeline.run(DemoStudy.config(true), dir.resolve("study"), false,
                StudyPipeline.Settings.allCorrections(4, 4, 2, "test"), line -> { });
    }

    @Test
    void everyStageWritesItsFilesAndIsTimed() {
        Path s = result.studyDir();
        for (String f : List.of("study.json", "ct/ct.nii", "spect/photopeak.hs", "spect/lower_scatter.hs",
                "recon/recon.nii", "recon/recon.json", "detections.json", "metrics.json")) {
            assertThat(s.resolve(f)).as(f).isRegularFile();
        }
        assertThat(result.stages()).extracting(StudyPipeline.Stage::name)
                .containsExactly("simulate", "reconstruct", "localize", "score");
        assertThat(result.stages()).allSatisfy(st -> assertThat(st.seconds()).isPositive());
        // All corrections, with the camera read back from study.json by the reconstruction.
        var o = result.recon().inputs().options();
        assertThat(o.attenuation()).isEqualTo("ct");
        assertThat(o.scatter()).isEqualTo("tew");
        assertThat(o.psf()).isTrue();
        assertThat(o.collimator()).isEqualTo("siemens-lehr");
        assertThat(result.recon().image().unit()).isEqualTo("Bq/mL");
    }

    @Test
    void localizerResolutionIsTheCollimatorFormulaAtTheOrbitRadius() {
        // Independent route: core's Anger formula R_g = d (l_e + z + c) / l_e at z = 260 mm (the orbit),
        // c = 9.525 / 2 mm, l_e with lead mu at the photopeak window's centre (about 26.9 /cm at 140.5 keV,
        // XCOM), in quadrature with the study's intrinsic 3.8 mm. Same formula, different code: 1e-9 relative.
        CollimatorSpec lehr = CollimatorLibrary.get("siemens-lehr");
        double centreKeV = result.recon().inputs().photopeak().window().centreKeV();
        assertThat(centreKeV).isCloseTo(140.5, within(0.1));
        double geometric = lehr.geometricFwhmMm(260, 9.525 / 2, LeadAttenuation.muPerCm(centreKeV) / 10);
        double expected = Math.hypot(geometric, 3.8);
        assertThat(result.systemFwhmMm()).isCloseTo(expected, within(1e-9 * expected));
    }

    @Test
    void scoresBothLesionsAndFindsTheAbscess() {
        var image = result.metrics().image();
        assertThat(image.lesions()).extracting(LesionRecovery::lesionId).containsExactlyInAnyOrder("abscess_1",
                "tumour_1");
        assertThat(image.nrmse()).isFinite().isPositive();
        var outcomes = result.metrics().detection().perCase().get(0).lesions();
        LesionOutcome abscess = outcomes.stream().filter(l -> l.lesionId().equals("abscess_1")).findFirst().orElseThrow();
        // A 20 mm focus at 40:1 is far above noise even on the 9.6 mm grid; the centre must be within one voxel.
        assertThat(abscess.hit()).isTrue();
        assertThat(abscess.localizationErrorMm()).isLessThan(9.6);
        // Named from the phantom's organ labels, the lesion's own label given back to its host organ:
        // the abscess lies in "body" (the CT calls it soft tissue), and no detection is named after a lesion.
        assertThat(abscess.organCorrect()).isTrue();
        assertThat(result.detections()).extracting(d -> d.organ()).doesNotContain("abscess_1", "tumour_1");
        org.spectlab.recon.localization.Detection found = result.detections().stream()
                .filter(d -> d.id().equals(abscess.detectionId())).findFirst().orElseThrow();
        assertThat(found.ctRegion()).isEqualTo("soft tissue");
        // The reading lists every detection once and every missed lesion once.
        List<ReadingFindings.Item> reading = StudyReport.reading(result);
        long misses = outcomes.stream().filter(l -> !l.hit()).count();
        assertThat(reading).hasSize(result.detections().size() + (int) misses);
        ReadingFindings.Item first = reading.stream().filter(i -> i.truth() != null && i.truth().id().equals("abscess_1"))
                .findFirst().orElseThrow();
        // The abscess is at x = -60 mm: the patient's right; y = -60 mm: anterior.
        assertThat(first.row().reported().location()).contains("patient right anterior");
        assertThat(first.sentence()).contains("abscess_1").contains("kBq/mL");
    }

    @Test
    void reportIsSelfContainedWithTheNamedSectionsAndInlineImages() throws Exception {
        Path file = dir.resolve("report.html");
        StudyReport.build(result, "test report", DemoStudy.INTRO).write(file);
        String html = Files.readString(file);
        assertThat(HtmlChecks.hasExternalLinks(html)).isFalse();
        assertThat(html).doesNotContain("http://").doesNotContain("https://").doesNotContain("<script");
        for (String h : List.of("Configuration", "Projections", "Reconstructed slices", "Line profiles",
                "Energy spectrum", "Metrics", "Detection and contrast recovery", "Camera", "Findings", "Timings")) {
            assertThat(html).contains("<h2>" + h + "</h2>");
        }
        // Montage, two fused plane figures, two profiles, the spectrum, the FROC, camera FWHM and sensitivity
        // vs distance (no recovery-vs-iteration plot: this pipeline keeps no per-iteration snapshots).
        assertThat(HtmlChecks.inlinePngs(html)).hasSize(9);
        assertThat(html).contains("No recovery-vs-iteration plot");
        assertThat(HtmlChecks.nestingProblems(html)).isEmpty();
        assertThat(html).contains("abscess_1").contains("tumour_1");
    }
}
