package org.spectlab.metrics.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spectlab.metrics.detection.CaseData;
import org.spectlab.metrics.detection.Detection;
import org.spectlab.metrics.detection.LesionKind;
import org.spectlab.metrics.detection.LesionMatcher;
import org.spectlab.metrics.detection.MatchingMethod;
import org.spectlab.metrics.detection.PointMm;
import org.spectlab.metrics.detection.TruthLesion;
import org.spectlab.metrics.stats.CaseBootstrap;
import org.spectlab.metrics.stats.HistogramComparison;
import org.spectlab.metrics.stats.RelativeDifference;

class MetricsReportJsonTest {

    @TempDir
    Path dir;

    @Test
    void writesSnakeCaseJsonThatReadsBack() throws Exception {
        TruthLesion l = TruthLesion.sphere("L1", LesionKind.TUMOUR, "liver", PointMm.of(0, 0, 0), 20, 5e4);
        List<CaseData> cases = List.of(
                CaseData.of("c1", List.of(l), List.of(Detection.of("d1", PointMm.of(3, 4, 0), 0.9, "liver"),
                        Detection.of("fp", PointMm.of(200, 0, 0), 0.4))),
                CaseData.of("c2", List.of(), List.of()));
        DetectionReport det = DetectionReport.compute(cases, LesionMatcher.of(MatchingMethod.HUNGARIAN, 10),
                CaseBootstrap.of(200, 0.95, 1));
        MetricsReport r = MetricsReport.of("study-1", det, null, List.of(ComparisonEntry.of("sensitivity (cps/MBq)",
                "hand value", RelativeDifference.of(101, 1, 100, 1),
                HistogramComparison.poissonCounts(new long[] {10, 20, 30}, new long[] {11, 19, 31}))));
        Path f = dir.resolve("metrics.json");
        MetricsReportJson.write(f, r);
        JsonNode n = MetricsReportJson.mapper().readTree(f.toFile());
        assertThat(n.get("format").asText()).isEqualTo(MetricsReport.FORMAT);
        assertThat(n.has("image")).isFalse();
        JsonNode d = n.get("detection");
        assertThat(d.get("sensitivity").get("estimate").asDouble()).isEqualTo(1.0);
        assertThat(d.get("false_positives_per_case").get("estimate").asDouble()).isEqualTo(0.5);
        assertThat(d.get("lroc_area").asDouble()).isEqualTo(1.0); // the only normal case has no mark
        JsonNode lesion = d.get("per_case").get(0).get("lesions").get(0);
        assertThat(lesion.get("kind").asText()).isEqualTo("tumour");
        assertThat(lesion.get("localization_error_mm").asDouble()).isEqualTo(5.0);
        assertThat(lesion.get("organ_correct").asBoolean()).isTrue();
        assertThat(d.get("per_case").get(0).get("false_positive_ids").get(0).asText()).isEqualTo("fp");
        assertThat(n.get("comparisons").get(0).get("difference").get("z_score").asDouble())
                .isCloseTo(1 / Math.sqrt(2), org.assertj.core.data.Offset.offset(1e-12));
        assertThat(n.get("comparisons").get(0).get("test").get("degrees_of_freedom").asInt()).isEqualTo(2);
    }
}
