package org.spectlab.validation.suite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.spectlab.core.error.InputException;

/**
 * A suite fanned out over independent jobs (cluster array tasks, separate machines): job {@code k} of
 * {@code J} runs the cases whose position {@code c} in the suite has {@code c % J == k}, and writes an
 * ordinary {@code summary.json} with a {@code part} member; {@link #merge} reads the parts back and
 * gives the result a single run gives (same cases in suite order, same quantities, figures and verdicts;
 * only wall times and start time differ). Every case seeds its random streams from (run seed, case
 * name), not from its position, so where a case runs does not change its numbers.
 */
public final class SuiteParts {
    private SuiteParts() {
    }

    /**
     * Which cases one job runs.
     *
     * @param index this job, 0 to {@code jobs - 1}
     * @param jobs  number of jobs
     */
    public record Selection(int index, int jobs) {
        /** Job {@code index} of {@code jobs}; checked (names the command-line options). */
        public static Selection of(int index, int jobs) {
            if (jobs < 1 || jobs > 10_000) {
                throw InputException.field("--jobs", "must be 1 to 10000, got " + jobs);
            }
            if (index < 0 || index >= jobs) {
                throw InputException.field("--job-index", "must be 0 to " + (jobs - 1) + " for " + jobs
                        + " jobs, got " + index);
            }
            return new Selection(index, jobs);
        }

        /** Whether the case at position {@code c} (0-based) of the suite belongs to this job. */
        public boolean includes(int c) {
            return c % jobs == index;
        }
    }

    /** The part of {@code suite} that job {@code selection} runs (the same suite name and description). */
    public static Suite select(Suite suite, Selection selection) {
        if (selection.jobs() > suite.cases().size()) {
            throw InputException.field("--jobs", "must be at most the suite's " + suite.cases().size()
                    + " cases, got " + selection.jobs());
        }
        List<ValidationCase> mine = new ArrayList<>();
        for (int c = 0; c < suite.cases().size(); c++) {
            if (selection.includes(c)) {
                mine.add(suite.cases().get(c));
            }
        }
        return Suite.of(suite.name(), suite.description(), mine);
    }

    /** Marks a part's summary tree with its job index, job count and the suite's case count. */
    public static void markPart(ObjectNode summary, Selection selection, Suite suite) {
        ObjectNode part = summary.putObject("part");
        part.put("index", selection.index());
        part.put("jobs", selection.jobs());
        part.put("suite_cases", suite.cases().size());
    }

    /**
     * Merges the parts written into {@code partDirs} (each holding a {@code summary.json}) into the
     * result of the whole {@code suite}. The merged wall time is that of the slowest part (the parts
     * run side by side), the start time that of the earliest.
     *
     * @throws InputException naming the folder, when a part is missing, duplicated, of another suite,
     *                        seed or software version, or holds cases that are not its own
     */
    public static SuiteResult merge(Suite suite, List<Path> partDirs) {
        if (partDirs.isEmpty()) {
            throw InputException.field("--merge", "needs at least one part folder");
        }
        Map<Integer, SuiteResult> byIndex = new LinkedHashMap<>();
        Map<Integer, Path> dirOf = new LinkedHashMap<>();
        Integer jobs = null;
        SuiteResult first = null;
        for (Path dir : partDirs) {
            Path file = dir.resolve("summary.json");
            if (!Files.isRegularFile(file)) {
                throw InputException.field("--merge", "missing " + file + " (has that job run?)");
            }
            JsonNode part;
            try {
                part = SummaryJson.mapper().readTree(Files.readAllBytes(file)).path("part");
            } catch (IOException e) {
                throw InputException.field("--merge", "cannot read " + file + ": " + e.getMessage());
            }
            if (!part.isObject()) {
                throw InputException.field("--merge", file + " is not a part of a fanned-out run (no 'part' "
                        + "member; it was written without --jobs)");
            }
            SuiteResult r = SummaryJson.read(file);
            int index = part.path("index").asInt(-1);
            int n = part.path("jobs").asInt(-1);
            if (!r.suite().equals(suite.name())) {
                throw InputException.field("--merge", file + " is of suite '" + r.suite() + "', not '"
                        + suite.name() + "'");
            }
            if (part.path("suite_cases").asInt(-1) != suite.cases().size()) {
                throw InputException.field("--merge", file + " was split from a suite of "
                        + part.path("suite_cases").asInt(-1) + " cases; '" + suite.name() + "' has "
                        + suite.cases().size() + " (another software version?)");
            }
            if (jobs == null) {
                jobs = n;
                first = r;
            } else if (jobs != n) {
                throw InputException.field("--merge", file + " is part of a " + n + "-job split, the others of a "
                        + jobs + "-job split");
            }
            if (r.seed() != first.seed() || !r.softwareVersion().equals(first.softwareVersion())) {
                throw InputException.field("--merge", file + " ran with seed " + r.seed() + " and version "
                        + r.softwareVersion() + ", " + dirOf.values().iterator().next() + " with seed "
                        + first.seed() + " and version " + first.softwareVersion() + " (a foreign part)");
            }
            if (index < 0 || index >= n) {
                throw InputException.field("--merge", file + ": part index " + index + " is outside 0-" + (n - 1));
            }
            if (byIndex.containsKey(index)) {
                throw InputException.field("--merge", dirOf.get(index) + " and " + dir + " are both part " + index
                        + " of " + n + " (a duplicated part)");
            }
            Selection sel = Selection.of(index, n);
            List<String> expected = new ArrayList<>();
            for (ValidationCase c : select(suite, sel).cases()) {
                expected.add(c.name());
            }
            List<String> got = new ArrayList<>();
            for (CaseResult c : r.cases()) {
                got.add(c.name());
            }
            if (!expected.equals(got)) {
                throw InputException.field("--merge", file + " holds cases " + got + ", but part " + index + " of "
                        + n + " of suite '" + suite.name() + "' is " + expected);
            }
            byIndex.put(index, r);
            dirOf.put(index, dir);
        }
        for (int k = 0; k < jobs; k++) {
            if (!byIndex.containsKey(k)) {
                throw InputException.field("--merge", "part " + k + " of " + jobs + " is missing (give every part "
                        + "folder, 0 to " + (jobs - 1) + ")");
            }
        }
        List<CaseResult> cases = new ArrayList<>();
        double wall = 0;
        String started = null;
        for (int c = 0; c < suite.cases().size(); c++) {
            SuiteResult r = byIndex.get(c % jobs);
            cases.add(r.caseNamed(suite.cases().get(c).name()));
        }
        for (SuiteResult r : byIndex.values()) {
            wall = Math.max(wall, r.wallTimeS());
            if (started == null || r.startedUtc().compareTo(started) < 0) {
                started = r.startedUtc();
            }
        }
        return new SuiteResult(suite.name(), suite.description(), cases, wall, first.softwareVersion(), first.seed(),
                first.threads(), started);
    }
}
