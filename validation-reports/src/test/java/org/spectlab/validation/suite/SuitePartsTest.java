package org.spectlab.validation.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spectlab.core.error.InputException;
import org.spectlab.core.io.AtomicFiles;
import org.spectlab.validation.output.ValidationOutput;
import org.spectlab.validation.report.HtmlChecks;

/** The quick suite fanned out as two jobs (run in reverse order) merges to the single run's result. */
class SuitePartsTest {
    @TempDir
    static Path dir;
    static Suite quick;
    static SuiteResult single;
    static Path part0;
    static Path part1;

    @BeforeAll
    static void runWholeAndInParts() {
        quick = SuiteRegistry.defaults().suite("quick");
        single = SuiteRunner.of(1, 2, "test", null).run(quick);
        part0 = dir.resolve("part0");
        part1 = dir.resolve("part1");
        for (int k : new int[] {1, 0}) {
            SuiteParts.Selection sel = SuiteParts.Selection.of(k, 2);
            SuiteResult r = SuiteRunner.of(1, 2, "test", null).run(SuiteParts.select(quick, sel));
            ObjectNode tree = ValidationOutput.summary(r, null);
            SuiteParts.markPart(tree, sel, quick);
            ValidationOutput.write(k == 0 ? part0 : part1, r, null, tree);
        }
    }

    /** The summary without what depends on the clock (wall times, start time). */
    private static JsonNode timeless(SuiteResult r) {
        ObjectNode t = SummaryJson.toTree(r);
        t.remove("wall_time_s");
        t.remove("started_utc");
        for (JsonNode c : t.get("cases")) {
            ((ObjectNode) c).remove("wall_time_s");
        }
        return t;
    }

    /** JSON paths where two trees differ (first 10), for a readable failure message. */
    static List<String> differences(JsonNode a, JsonNode b, String path) {
        List<String> out = new java.util.ArrayList<>();
        if (a.isObject() && b.isObject()) {
            java.util.Set<String> names = new java.util.TreeSet<>();
            a.fieldNames().forEachRemaining(names::add);
            b.fieldNames().forEachRemaining(names::add);
            for (String n : names) {
                if (!a.has(n) || !b.has(n)) {
                    out.add(path + "." + n + " only in " + (a.has(n) ? "first" : "second"));
                } else {
                    out.addAll(differences(a.get(n), b.get(n), path + "." + n));
                }
            }
        } else if (a.isArray() && b.isArray() && a.size() == b.size()) {
            for (int i = 0; i < a.size(); i++) {
                out.addAll(differences(a.get(i), b.get(i), path + "[" + i + "]"));
            }
        } else if (a.isNumber() && b.isNumber()) {
            // a long read back as an int is the same number in the file
            if (a.decimalValue().compareTo(b.decimalValue()) != 0) {
                out.add(path + ": " + abbreviate(a) + " vs " + abbreviate(b));
            }
        } else if (!a.equals(b)) {
            out.add(path + ": " + abbreviate(a) + " vs " + abbreviate(b));
        }
        return out.size() > 10 ? out.subList(0, 10) : out;
    }

    private static String abbreviate(JsonNode n) {
        String s = n.getNodeType() + " " + n;
        return s.length() > 80 ? s.substring(0, 80) + "..." : s;
    }

    @Test
    void mergedPartsEqualTheSingleRunCaseByCaseWithTheirFigures() {
        SuiteResult merged = SuiteParts.merge(quick, List.of(part1, part0));
        assertThat(merged.cases()).hasSize(quick.cases().size());
        assertThat(differences(timeless(merged), timeless(single), "")).isEmpty();
        assertThat(merged.passed()).isEqualTo(single.passed());
        int figures = 0;
        for (CaseResult c : merged.cases()) {
            figures += c.figures().size();
        }
        int singleFigures = 0;
        for (CaseResult c : single.cases()) {
            singleFigures += c.figures().size();
        }
        assertThat(figures).isEqualTo(singleFigures);
        Path out = dir.resolve("merged");
        ValidationOutput.write(out, merged, null);
        assertThat(HtmlChecks.inlinePngs(readString(out.resolve(ValidationOutput.REPORT)))).hasSize(
                HtmlChecks.inlinePngs(readReport(single)).size());
    }

    private static String readReport(SuiteResult r) {
        Path out = dir.resolve("single-" + System.nanoTime());
        ValidationOutput.write(out, r, null);
        return readString(out.resolve(ValidationOutput.REPORT));
    }

    private static String readString(Path p) {
        try {
            return Files.readString(p);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void missingDuplicatedForeignAndUnmarkedPartsAreRefused() throws Exception {
        assertThatThrownBy(() -> SuiteParts.merge(quick, List.of(part0))).isInstanceOf(InputException.class)
                .hasMessageContaining("part 1 of 2 is missing");
        assertThatThrownBy(() -> SuiteParts.merge(quick, List.of(part0, part0, part1)))
                .isInstanceOf(InputException.class).hasMessageContaining("duplicated");
        Path foreign = dir.resolve("foreign");
        ObjectNode t = (ObjectNode) SummaryJson.mapper().readTree(Files.readString(part1.resolve("summary.json")));
        t.put("seed", 2);
        AtomicFiles.writeString(foreign.resolve("summary.json"), SummaryJson.toText(t));
        assertThatThrownBy(() -> SuiteParts.merge(quick, List.of(part0, foreign))).isInstanceOf(InputException.class)
                .hasMessageContaining("foreign").hasMessageContaining(foreign.toString());
        Path whole = dir.resolve("whole");
        ValidationOutput.write(whole, single, null);
        assertThatThrownBy(() -> SuiteParts.merge(quick, List.of(whole))).isInstanceOf(InputException.class)
                .hasMessageContaining("no 'part'");
        assertThatThrownBy(() -> SuiteParts.merge(quick, List.of(part0, dir.resolve("nowhere"))))
                .isInstanceOf(InputException.class).hasMessageContaining("missing");
        assertThatThrownBy(() -> SuiteParts.Selection.of(2, 2)).isInstanceOf(InputException.class)
                .hasMessageContaining("--job-index");
    }

    @Test
    void figuresSurviveTheSummaryRoundTrip() throws Exception {
        Path out = dir.resolve("roundtrip");
        ValidationOutput.write(out, single, null);
        SuiteResult back = SummaryJson.read(out.resolve("summary.json"));
        assertThat(differences(timeless(back), timeless(single), "")).isEmpty();
    }
}
