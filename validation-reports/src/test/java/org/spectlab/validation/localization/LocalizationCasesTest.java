package org.spectlab.validation.localization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.spectlab.core.camera.CollimatorLibrary;
import org.spectlab.core.camera.CollimatorSpec;
import org.spectlab.recon.study.LeadAttenuation;
import org.spectlab.validation.dataset.CasePlan;

/** The random acceptance cases stay inside the envelope and are reproducible. */
class LocalizationCasesTest {

    @Test
    void conservativeFwhmIsTheAngerFormulaAtTheLargestOrbit() {
        // Independent route (as StudyPipelineTest): R_g = d (l_e + z + c) / l_e at z = 267 mm
        // (215 + 45 x 1.15, rounded), c = 9.525 / 2 mm, in quadrature with the intrinsic 3.8 mm.
        CollimatorSpec lehr = CollimatorLibrary.get("siemens-lehr");
        double g = lehr.geometricFwhmMm(267, 9.525 / 2, LeadAttenuation.muPerCm(140.5) / 10);
        double expected = Math.hypot(g, 3.8);
        assertThat(LocalizationCases.conservativeFwhmMm()).isCloseTo(expected, within(1e-9 * expected));
        assertThat(LocalizationCases.minDiameterMm()).isGreaterThanOrEqualTo(2 * expected)
                .isLessThan(2 * expected + 0.1);
    }

    @Test
    void everyLesionIsLargeHotAndWholeAndCasesRepeatForASeed() {
        long[] seeds = CasePlan.caseSeeds(7, 200);
        double dMin = LocalizationCases.minDiameterMm();
        int lesions = 0;
        for (int c = 0; c < seeds.length; c++) {
            CasePlan p = LocalizationCases.draw(c + 1, seeds[c]);
            assertThat(p).isEqualTo(LocalizationCases.draw(c + 1, seeds[c]));
            assertThat(p.timePerViewS()).isEqualTo(20);
            assertThat(p.lesions()).hasSizeBetween(1, 3);
            for (CasePlan.LesionPlan l : p.lesions()) {
                lesions++;
                assertThat(l.diameterMm()).isBetween(dMin, dMin + LocalizationCases.DIAMETER_SPAN_MM);
                assertThat(l.uptakeRatio()).isGreaterThanOrEqualTo(4.0);
                assertThat(l.necrotic()).isFalse();
            }
        }
        assertThat(lesions).isGreaterThan(300);
    }
}
