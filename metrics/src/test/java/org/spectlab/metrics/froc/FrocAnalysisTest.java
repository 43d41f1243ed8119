package org.spectlab.metrics.froc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.spectlab.core.error.InputException;
import org.spectlab.metrics.detection.CaseData;
import org.spectlab.metrics.detection.CaseMatch;
import org.spectlab.metrics.detection.Detection;
import org.spectlab.metrics.detection.LesionKind;
import org.spectlab.metrics.detection.LesionMatcher;
import org.spectlab.metrics.detection.MatchingMethod;
import org.spectlab.metrics.detection.PointMm;
import org.spectlab.metrics.detection.TruthLesion;

class FrocAnalysisTest {

    private static final LesionMatcher MATCHER = LesionMatcher.of(MatchingMethod.HUNGARIAN, 10);
    private static final double EXACT = 1e-12; // rational arithmetic on a handful of values

    static TruthLesion lesion(String id, double x) {
        return TruthLesion.sphere(id, LesionKind.TUMOUR, null, PointMm.of(x, 0, 0), 10, 1e5);
    }

    static Detection at(String id, double x, double conf) {
        return Detection.of(id, PointMm.of(x, 0, 0), conf);
    }

    /** The hand-worked data set of the class comment. */
    static List<CaseMatch> handCases() {
        // case 1: lesions at 0 and 100; hit on the first (0.9), FP far away (0.7)
        CaseData c1 = CaseData.of("c1", List.of(lesion("L1", 0), lesion("L2", 100)),
                List.of(at("a", 1, 0.9), at("b", 500, 0.7)));
        // case 2: one lesion hit at 0.6, FP at 0.8
        CaseData c2 = CaseData.of("c2", List.of(lesion("L3", 0)), List.of(at("c", 2, 0.6), at("d", 300, 0.8)));
        // case 3: normal, one FP at 0.5
        CaseData c3 = CaseData.of("c3", List.of(), List.of(at("e", 0, 0.5)));
        return MATCHER.matchAll(List.of(c1, c2, c3));
    }

    @Test
    void perfectDetectorHasZeroFalsePositivesAndFullLocalization() {
        List<CaseData> cases = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            cases.add(CaseData.of("c" + i, List.of(lesion("L", 0)), List.of(at("d", 0, 1.0))));
        }
        List<CaseMatch> m = MATCHER.matchAll(cases);
        assertThat(FrocAnalysis.sensitivity(m)).isEqualTo(1.0);
        assertThat(FrocAnalysis.falsePositivesPerCase(m)).isZero();
        List<CurvePoint> froc = FrocAnalysis.froc(m);
        assertThat(froc).hasSize(2);
        assertThat(froc.get(1).x()).isZero();
        assertThat(froc.get(1).y()).isEqualTo(1.0);
        assertThat(FrocAnalysis.afrocArea(m)).isEqualTo(1.0);
        assertThat(FrocAnalysis.jafrocFigureOfMerit(m)).isEqualTo(1.0);
    }

    @Test
    void knownFalsePositivesGiveHandComputedFrocPoints() {
        List<CaseMatch> m = handCases();
        assertThat(FrocAnalysis.sensitivity(m)).isCloseTo(2.0 / 3, within(EXACT));
        assertThat(FrocAnalysis.falsePositivesPerCase(m)).isEqualTo(1.0);
        double[][] expected = {{0, 0}, {0, 1.0 / 3}, {1.0 / 3, 1.0 / 3}, {2.0 / 3, 1.0 / 3}, {2.0 / 3, 2.0 / 3},
            {1, 2.0 / 3}};
        List<CurvePoint> froc = FrocAnalysis.froc(m);
        assertThat(froc).hasSize(expected.length);
        for (int i = 0; i < expected.length; i++) {
            assertThat(froc.get(i).x()).isCloseTo(expected[i][0], within(EXACT));
            assertThat(froc.get(i).y()).isCloseTo(expected[i][1], within(EXACT));
        }
        assertThat(froc.get(3).threshold()).isEqualTo(0.7);
    }

    @Test
    void afrocAreaOfHandCaseIsFourNinths() {
        List<CaseMatch> m = handCases();
        List<CurvePoint> afroc = FrocAnalysis.afroc(m);
        assertThat(afroc.get(afroc.size() - 1).x()).isEqualTo(1.0);
        assertThat(afroc.get(afroc.size() - 1).y()).isEqualTo(1.0);
        assertThat(FrocAnalysis.afrocArea(m)).isCloseTo(4.0 / 9, within(EXACT));
        assertThat(FrocAnalysis.jafrocFigureOfMerit(m)).isCloseTo(4.0 / 9, within(EXACT));
    }

    @Test
    void trapezoidalAfrocAreaEqualsWilcoxonFigureOfMeritOnRandomData() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(7L);
        for (int trial = 0; trial < 200; trial++) {
            List<CaseData> cases = new ArrayList<>();
            int n = 1 + rng.nextInt(8);
            for (int c = 0; c < n; c++) {
                List<TruthLesion> ls = new ArrayList<>();
                List<Detection> ds = new ArrayList<>();
                int nl = rng.nextInt(3);
                for (int l = 0; l < nl; l++) {
                    ls.add(lesion("L" + l, 1000 * l));
                    if (rng.nextBoolean()) {
                        ds.add(at("h" + l, 1000 * l + 1, rng.nextInt(5) / 4.0)); // coarse ratings: many ties
                    }
                }
                for (int f = rng.nextInt(3); f > 0; f--) {
                    ds.add(at("f" + f, 500 + 1000 * f, rng.nextInt(5) / 4.0));
                }
                cases.add(CaseData.of("c" + c, ls, ds));
            }
            List<CaseMatch> m = MATCHER.matchAll(cases);
            if (FrocAnalysis.lesionCount(m) == 0) {
                continue;
            }
            assertThat(FrocAnalysis.afrocArea(m)).isCloseTo(FrocAnalysis.jafrocFigureOfMerit(m), within(1e-12));
        }
    }

    @Test
    void lrocOfHandCaseIsOneHalf() {
        List<CaseData> cases = List.of(
                CaseData.of("n1", List.of(), List.of(at("x", 0, 0.4))),
                CaseData.of("n2", List.of(), List.of()),
                CaseData.of("a1", List.of(lesion("L", 0)), List.of(at("t", 1, 0.9), at("u", 400, 0.2))),
                CaseData.of("a2", List.of(lesion("L", 0)), List.of(at("t", 400, 0.5), at("u", 0, 0.1))),
                CaseData.of("a3", List.of(lesion("L", 0)), List.of(at("t", 0, 0.3))));
        List<CurvePoint> c = LrocAnalysis.curve(cases, MATCHER);
        double[][] expected = {{0, 0}, {0, 1.0 / 3}, {0.5, 1.0 / 3}, {0.5, 2.0 / 3}, {1, 2.0 / 3}};
        assertThat(c).hasSize(expected.length);
        for (int i = 0; i < expected.length; i++) {
            assertThat(c.get(i).x()).isCloseTo(expected[i][0], within(EXACT));
            assertThat(c.get(i).y()).isCloseTo(expected[i][1], within(EXACT));
        }
        assertThat(LrocAnalysis.area(cases, MATCHER)).isCloseTo(0.5, within(EXACT));
    }

    @Test
    void lrocRejectsCasesWithTwoLesions() {
        List<CaseData> cases = List.of(CaseData.of("n", List.of(), List.of()),
                CaseData.of("a", List.of(lesion("L1", 0), lesion("L2", 100)), List.of()));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> LrocAnalysis.curve(cases, MATCHER))
                .isInstanceOf(InputException.class).hasMessageContaining("case a lesions");
    }

    /**
     * On the hand-worked cases (FROC points (0, 1/3), (1/3, 1/3), (2/3, 1/3), (2/3, 2/3), (1, 2/3);
     * hits 1 mm and 2 mm off): median error 1.5 mm, LLF 1/3 up to 0.25 FP/case and 2/3 at 2/3,
     * step area to 1 FP/case (1/3)(1/3) + (1/3)(1/3) + (1/3)(2/3) = 4/9, to 0.5 FP/case
     * ((1/3)(1/3) + (1/6)(1/3)) / 0.5 = 1/3.
     */
    @Test
    void medianErrorOperatingPointAndPartialFrocAreaByHand() {
        List<CaseMatch> m = handCases();
        assertThat(FrocAnalysis.medianLocalizationErrorMm(m)).isCloseTo(1.5, within(EXACT));
        assertThat(FrocAnalysis.sensitivityAt(m, 0.25)).isCloseTo(1.0 / 3, within(EXACT));
        assertThat(FrocAnalysis.sensitivityAt(m, 2.0 / 3)).isCloseTo(2.0 / 3, within(EXACT));
        assertThat(FrocAnalysis.normalisedFrocArea(m, 1.0)).isCloseTo(4.0 / 9, within(EXACT));
        assertThat(FrocAnalysis.normalisedFrocArea(m, 0.5)).isCloseTo(1.0 / 3, within(EXACT));
    }
}
