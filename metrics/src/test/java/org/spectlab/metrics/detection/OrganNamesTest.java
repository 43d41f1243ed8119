package org.spectlab.metrics.detection;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The organ-naming rule: same organ and same side, spelling of case and separators free. */
class OrganNamesTest {

    @Test
    void sideMustMatchForPairedOrgans() {
        assertThat(OrganNames.sameOrgan("lung_left", "Left lung")).isTrue();
        assertThat(OrganNames.sameOrgan("lung_left", "lung-left")).isTrue();
        assertThat(OrganNames.sameOrgan("kidney_right", "KIDNEY RIGHT")).isTrue();
        assertThat(OrganNames.sameOrgan("lung_left", "lung_right")).isFalse();
        assertThat(OrganNames.sameOrgan("lung_left", "lung")).as("side missing").isFalse();
        assertThat(OrganNames.sameOrgan("liver", "liver_left")).as("side on an unpaired organ").isFalse();
    }

    @Test
    void noSynonymsAndNoCtClassForAnOrgan() {
        assertThat(OrganNames.sameOrgan("liver", " Liver ")).isTrue();
        assertThat(OrganNames.sameOrgan("liver", "soft tissue")).isFalse();
        assertThat(OrganNames.sameOrgan("lung_left", "lung")).isFalse();
        assertThat(OrganNames.sameOrgan("urinary_bladder", "bladder")).isFalse();
    }

    @Test
    void aHitIsScoredWithTheRule() {
        TruthLesion l = TruthLesion.sphere("L", LesionKind.TUMOUR, "lung_left", PointMm.of(0, 0, 0), 20, 1e5);
        LesionMatcher m = LesionMatcher.of(MatchingMethod.HUNGARIAN, 10);
        CaseMatch left = m.match(CaseData.of("c", java.util.List.of(l),
                java.util.List.of(Detection.of("d", PointMm.of(1, 0, 0), 5, "Left lung"))));
        CaseMatch right = m.match(CaseData.of("c", java.util.List.of(l),
                java.util.List.of(Detection.of("d", PointMm.of(1, 0, 0), 5, "lung_right"))));
        assertThat(left.lesions().get(0).organCorrect()).isTrue();
        assertThat(right.lesions().get(0).organCorrect()).isFalse();
    }
}
