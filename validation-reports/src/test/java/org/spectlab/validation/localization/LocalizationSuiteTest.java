package org.spectlab.validation.localization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.spectlab.metrics.detection.CaseData;
import org.spectlab.metrics.detection.Detection;
import org.spectlab.metrics.detection.LesionKind;
import org.spectlab.metrics.detection.PointMm;
import org.spectlab.metrics.detection.TruthLesion;
import org.spectlab.validation.suite.CaseContext;
import org.spectlab.validation.suite.Quantity;
import org.spectlab.validation.suite.SuiteRegistry;

/**
 * The pooled scoring of the suite on hand-made detections (the simulation itself is the slow suite
 * run; here the arithmetic and the pass/fail bounds are checked).
 */
class LocalizationSuiteTest {
    private static final double VOXEL_MM = 4.8;

    /**
     * Twenty cases, one 20 mm lesion each in the left lung: 19 found 3 mm off (organ named in 18 of
     * them, the 19th with the wrong side), one missed; one false positive in case 1 and one in case 2
     * rated below every hit. Sensitivity 19/20 = 0.95, FP/case 2/20 = 0.1, LLF at 0.25 FP/case 0.95,
     * median error 3 mm = 0.625 voxel, organ accuracy 18/19; JAFROC FOM over (case, lesion) pairs:
     * every hit beats every case's highest FP (5 or -infinity), the miss (-infinity) ties the 18
     * cases without FP: (19 x 20 + 0.5 x 18) / 400 = 389/400.
     */
    static List<CaseData> cases(boolean wrongSides) {
        List<CaseData> out = new ArrayList<>();
        for (int c = 0; c < 20; c++) {
            TruthLesion l = TruthLesion.sphere("L", LesionKind.TUMOUR, "lung_left", PointMm.of(0, 0, 10 * c), 20, 4e3);
            List<Detection> d = new ArrayList<>();
            if (c < 19) {
                String organ = wrongSides || c == 18 ? "lung_right" : "lung_left";
                d.add(new Detection("d1", PointMm.of(3, 0, 10 * c), 10 + c, organ, null, null, null, null, null));
            }
            if (c < 2) {
                d.add(new Detection("d2", PointMm.of(200, 0, 0), 5, "body", null, null, null, null, null));
            }
            out.add(CaseData.of("case_" + c, List.of(l), d));
        }
        return out;
    }

    static Map<String, Quantity> score(List<CaseData> cases) {
        CaseContext ctx = new CaseContext(1, 1, "torso-20-cases");
        Map<String, Quantity> q = new HashMap<>();
        for (Quantity x : LocalizationSuite.score(ctx, cases, VOXEL_MM, null, line -> { })) {
            q.put(x.name(), x);
        }
        assertThat(ctx.figures()).as("FROC plot").hasSize(1);
        return q;
    }

    @Test
    void pooledFiguresByHandAndAllPass() {
        Map<String, Quantity> q = score(cases(false));
        assertThat(q.get("sensitivity").value()).isCloseTo(0.95, within(1e-12));
        assertThat(q.get("false_positives_per_case").value()).isCloseTo(0.1, within(1e-12));
        assertThat(q.get("median_localization_error_mm").value()).isCloseTo(3, within(1e-9));
        assertThat(q.get("median_localization_error_voxels").value()).isCloseTo(3 / VOXEL_MM, within(1e-9));
        assertThat(q.get("organ_accuracy").value()).isCloseTo(18.0 / 19, within(1e-12));
        assertThat(q.get("jafroc_figure_of_merit").value()).isCloseTo(389.0 / 400, within(1e-12));
        assertThat(q.values()).allMatch(Quantity::passed);
    }

    /**
     * Thirty more false positives at confidence 1 (1.6 FP per case with them): the operating point
     * (most lenient threshold with <= 0.25 FP/case) is 5, so the figures there are those above.
     */
    @Test
    void operatingPointDropsTheLowRatedFalsePositives() {
        List<CaseData> cases = new ArrayList<>();
        for (CaseData c : cases(false)) {
            List<Detection> d = new ArrayList<>(c.detections());
            for (int k = 0; k < 3 && cases.size() < 10; k++) {
                d.add(new Detection("n" + k, PointMm.of(-200, 50 * k, 0), 1, "body", null, null, null, null, null));
            }
            cases.add(CaseData.of(c.caseId(), c.lesions(), d));
        }
        Map<String, Quantity> q = score(cases);
        assertThat(q.get("false_positives_per_case").value()).isCloseTo(0.1, within(1e-12));
        assertThat(q.get("sensitivity").value()).isCloseTo(0.95, within(1e-12));
        assertThat(q.values()).allMatch(Quantity::passed);
    }

    /**
     * A fixed operating threshold is honoured: at z >= 12 the hits rated 10 and 11 (cases 0 and 1)
     * and both false positives (5) drop out: sensitivity 17/20 = 0.85 fails, FP/case 0 passes.
     */
    @Test
    void fixedOperatingThresholdIsHonoured() {
        CaseContext ctx = new CaseContext(1, 1, "torso-20-cases");
        Map<String, Quantity> q = new HashMap<>();
        for (Quantity x : LocalizationSuite.score(ctx, cases(false), VOXEL_MM, 12.0, line -> { })) {
            q.put(x.name(), x);
        }
        assertThat(q.get("sensitivity").value()).isCloseTo(0.85, within(1e-12));
        assertThat(q.get("sensitivity").passed()).isFalse();
        assertThat(q.get("false_positives_per_case").value()).isZero();
    }

    @Test
    void wrongSidesFailOrganAccuracyOnly() {
        Map<String, Quantity> q = score(cases(true));
        assertThat(q.get("organ_accuracy").value()).isZero();
        assertThat(q.get("organ_accuracy").passed()).isFalse();
        assertThat(q.get("sensitivity").passed()).isTrue();
    }

    @Test
    void theSuiteIsRegisteredWithTwentyCasesOrMore() {
        var suite = SuiteRegistry.defaults().suite("localization");
        assertThat(suite.cases()).hasSize(1);
        assertThat(suite.cases().get(0).configuration().get("cases")).isEqualTo(LocalizationSuite.CASES);
        assertThat(LocalizationSuite.CASES).isGreaterThanOrEqualTo(20);
    }
}
