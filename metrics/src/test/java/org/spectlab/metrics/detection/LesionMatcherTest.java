package org.spectlab.metrics.detection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LesionMatcherTest {

    private static TruthLesion lesion(String id, double x, double diameterMm) {
        return TruthLesion.sphere(id, LesionKind.TUMOUR, "liver", PointMm.of(x, 0, 0), diameterMm, 1e5);
    }

    @Test
    void shiftedDetectionGivesTheShiftAsError() {
        TruthLesion l = TruthLesion.sphere("L", LesionKind.TUMOUR, "liver", PointMm.of(10, -20, 30), 20, 1e5);
        Detection d = Detection.of("d", PointMm.of(13, -24, 30), 0.9, "Liver ");
        for (MatchingMethod m : MatchingMethod.values()) {
            CaseMatch cm = LesionMatcher.of(m, 5).match(CaseData.of("c", List.of(l), List.of(d)));
            LesionOutcome o = cm.lesions().get(0);
            assertThat(o.hit()).isTrue();
            assertThat(o.localizationErrorMm()).isEqualTo(5.0); // 3-4-5 triangle, exact in binary
            assertThat(o.organCorrect()).isTrue();
            assertThat(cm.falsePositives()).isEmpty();
        }
    }

    @Test
    void hitRadiusIsTheLargerOfLesionRadiusAndAcceptance() {
        TruthLesion big = lesion("big", 0, 30);      // radius 15
        TruthLesion small = lesion("small", 100, 6);  // radius 3 < acceptance 8
        Detection d1 = Detection.of("d1", PointMm.of(14.9, 0, 0), 1);
        Detection d2 = Detection.of("d2", PointMm.of(107.9, 0, 0), 1);
        CaseMatch hit = LesionMatcher.of(MatchingMethod.HUNGARIAN, 8).match(
                CaseData.of("c", List.of(big, small), List.of(d1, d2)));
        assertThat(hit.hits()).isEqualTo(2);
        Detection d3 = Detection.of("d3", PointMm.of(15.1, 0, 0), 1);
        Detection d4 = Detection.of("d4", PointMm.of(108.1, 0, 0), 1);
        CaseMatch miss = LesionMatcher.of(MatchingMethod.HUNGARIAN, 8).match(
                CaseData.of("c", List.of(big, small), List.of(d3, d4)));
        assertThat(miss.hits()).isZero();
        assertThat(miss.falsePositives()).hasSize(2);
        assertThat(miss.lesions().get(0).organCorrect()).isNull();
    }

    @Test
    void hungarianMaximisesHitsWhereGreedyDoesNot() {
        // Two lesions 10 mm apart, hit radius 8 mm. Detection A (confident) lies between them, nearer
        // lesion 2; detection B is only in range of lesion 2. Greedy lets A take lesion 2 and B is
        // wasted; the optimal assignment gives A lesion 1 and B lesion 2.
        TruthLesion l1 = lesion("L1", 0, 4);
        TruthLesion l2 = lesion("L2", 10, 4);
        Detection a = Detection.of("A", PointMm.of(6, 0, 0), 0.9);
        Detection b = Detection.of("B", PointMm.of(16, 0, 0), 0.5);
        CaseData c = CaseData.of("c", List.of(l1, l2), List.of(a, b));
        CaseMatch greedy = LesionMatcher.of(MatchingMethod.GREEDY_BY_CONFIDENCE, 8).match(c);
        assertThat(greedy.hits()).isEqualTo(1);
        assertThat(greedy.lesions().get(1).detectionId()).isEqualTo("A");
        assertThat(greedy.falsePositives()).extracting(Detection::id).containsExactly("B");
        CaseMatch optimal = LesionMatcher.of(MatchingMethod.HUNGARIAN, 8).match(c);
        assertThat(optimal.hits()).isEqualTo(2);
        assertThat(optimal.lesions().get(0).detectionId()).isEqualTo("A");
        assertThat(optimal.lesions().get(0).localizationErrorMm()).isEqualTo(6.0);
        assertThat(optimal.lesions().get(1).localizationErrorMm()).isEqualTo(6.0);
    }

    @Test
    void hungarianPrefersSmallerTotalDistanceAmongEqualHits() {
        TruthLesion l1 = lesion("L1", 0, 4);
        TruthLesion l2 = lesion("L2", 10, 4);
        Detection a = Detection.of("A", PointMm.of(1, 0, 0), 0.1);
        Detection b = Detection.of("B", PointMm.of(9, 0, 0), 0.9);
        CaseMatch m = LesionMatcher.of(MatchingMethod.HUNGARIAN, 20).match(CaseData.of("c", List.of(l1, l2), List.of(a, b)));
        assertThat(m.lesions().get(0).detectionId()).isEqualTo("A");
        assertThat(m.lesions().get(1).detectionId()).isEqualTo("B");
    }

    @Test
    void organMismatchIsReported() {
        TruthLesion l = lesion("L", 0, 10);
        CaseMatch m = LesionMatcher.of(MatchingMethod.HUNGARIAN, 5).match(
                CaseData.of("c", List.of(l), List.of(Detection.of("d", PointMm.of(1, 0, 0), 1, "spleen"))));
        assertThat(m.lesions().get(0).organCorrect()).isFalse();
    }
}
