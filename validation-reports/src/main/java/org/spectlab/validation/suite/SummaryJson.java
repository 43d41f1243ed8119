package org.spectlab.validation.suite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.spectlab.core.error.InputException;
import org.spectlab.validation.report.LinePlot;

/**
 * The {@code summary.json} format of a suite run, and its reader (used for regression baselines).
 *
 * <pre>
 * { "format": "spectlab-validation-summary/1", "suite", "description", "software_version", "seed",
 *   "threads", "started_utc", "wall_time_s", "passed", "failed_cases",
 *   "cases": [ { "name", "description", "configuration": {..}, "wall_time_s", "passed", "error",
 *                "quantities": [ { "name", "unit", "value", "uncertainty",
 *                                  "reference": { "value", "uncertainty", "source" },
 *                                  "tolerance": { "kind": "absolute|relative|z_score", "bound", "rationale" },
 *                                  "deviation", "passed" } ],
 *                "figures": [ {plot, see LinePlot#toJson} ] } ],
 *   "part": { "index", "jobs", "suite_cases" }   (only for one job of a fanned-out run, see SuiteParts)
 *   "baseline": { .. }   (only with --baseline, see org.spectlab.validation.baseline) }
 * </pre>
 * Non-finite numbers are written as the strings {@code "NaN"}, {@code "Infinity"}.
 */
public final class SummaryJson {
    /** Format identifier written into every summary. */
    public static final String FORMAT = "spectlab-validation-summary/1";

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private SummaryJson() {
    }

    /** The shared mapper (indenting output). */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** The summary as a JSON tree (add a {@code baseline} member afterwards if needed). */
    public static ObjectNode toTree(SuiteResult r) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("suite", r.suite());
        root.put("description", r.description());
        root.put("software_version", r.softwareVersion());
        root.put("seed", r.seed());
        root.put("threads", r.threads());
        root.put("started_utc", r.startedUtc());
        root.put("wall_time_s", round(r.wallTimeS()));
        root.put("passed", r.passed());
        root.put("failed_cases", r.failedCases());
        ArrayNode cases = root.putArray("cases");
        for (CaseResult c : r.cases()) {
            ObjectNode cn = cases.addObject();
            cn.put("name", c.name());
            cn.put("description", c.description());
            cn.set("configuration", MAPPER.valueToTree(c.configuration()));
            cn.put("wall_time_s", round(c.wallTimeS()));
            cn.put("passed", c.passed());
            if (c.error() == null) {
                cn.putNull("error");
            } else {
                cn.put("error", c.error());
            }
            ArrayNode qs = cn.putArray("quantities");
            for (Quantity q : c.quantities()) {
                ObjectNode qn = qs.addObject();
                qn.put("name", q.name());
                qn.put("unit", q.unit());
                qn.put("value", q.value());
                qn.put("uncertainty", q.uncertainty());
                ObjectNode ref = qn.putObject("reference");
                ref.put("value", q.reference().value());
                ref.put("uncertainty", q.reference().standardUncertainty());
                ref.put("source", q.reference().source());
                ObjectNode tol = qn.putObject("tolerance");
                tol.put("kind", q.tolerance().kind().name().toLowerCase(Locale.ROOT));
                tol.put("bound", q.tolerance().bound());
                tol.put("rationale", q.tolerance().rationale());
                qn.put("deviation", q.deviation());
                qn.put("passed", q.passed());
            }
            if (!c.figures().isEmpty()) {
                ArrayNode figs = cn.putArray("figures");
                for (LinePlot f : c.figures()) {
                    figs.add(f.toJson());
                }
            }
        }
        return root;
    }

    /** Serialises a tree as indented JSON text. */
    public static String toText(JsonNode tree) {
        try {
            return MAPPER.writeValueAsString(tree) + System.lineSeparator();
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialise summary", e);
        }
    }

    /**
     * Reads a summary written by {@link #toTree}.
     *
     * @throws InputException naming the file and the missing or malformed member
     */
    public static SuiteResult read(Path file) {
        JsonNode root;
        try {
            root = MAPPER.readTree(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new InputException("cannot read validation summary " + file + ": " + e.getMessage(), e);
        }
        if (root == null || !FORMAT.equals(root.path("format").asText())) {
            throw new InputException("'" + file + "': not a validation summary (member 'format' must be '"
                    + FORMAT + "')");
        }
        List<CaseResult> cases = new ArrayList<>();
        for (JsonNode cn : required(file, root, "cases")) {
            List<Quantity> qs = new ArrayList<>();
            for (JsonNode qn : required(file, cn, "quantities")) {
                JsonNode ref = required(file, qn, "reference");
                JsonNode tol = required(file, qn, "tolerance");
                Tolerance.Kind kind;
                try {
                    kind = Tolerance.Kind.valueOf(required(file, tol, "kind").asText().toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    throw InputException.field(file + ": tolerance.kind", "must be absolute, relative or z_score");
                }
                qs.add(new Quantity(required(file, qn, "name").asText(), qn.path("unit").asText(""),
                        number(file, qn, "value"), number(file, qn, "uncertainty"),
                        Reference.of(number(file, ref, "value"), number(file, ref, "uncertainty"),
                                ref.path("source").asText("baseline")),
                        new Tolerance(kind, number(file, tol, "bound"), tol.path("rationale").asText("baseline"))));
            }
            Map<String, Object> config = new LinkedHashMap<>();
            cn.path("configuration").fields().forEachRemaining(e -> config.put(e.getKey(),
                    MAPPER.convertValue(e.getValue(), Object.class)));
            JsonNode err = cn.path("error");
            List<LinePlot> figures = new ArrayList<>();
            for (JsonNode fn : cn.path("figures")) {
                try {
                    figures.add(LinePlot.fromJson(fn));
                } catch (IllegalArgumentException e) {
                    throw InputException.field(file + ": figures", e.getMessage());
                }
            }
            cases.add(new CaseResult(required(file, cn, "name").asText(), cn.path("description").asText(""), config,
                    qs, cn.path("wall_time_s").asDouble(0), err.isMissingNode() || err.isNull() ? null : err.asText(),
                    figures));
        }
        return new SuiteResult(required(file, root, "suite").asText(), root.path("description").asText(""), cases,
                root.path("wall_time_s").asDouble(0), root.path("software_version").asText(""),
                root.path("seed").asLong(0), Math.max(1, root.path("threads").asInt(1)),
                root.path("started_utc").asText(""));
    }

    private static JsonNode required(Path file, JsonNode node, String member) {
        JsonNode n = node.get(member);
        if (n == null || n.isNull()) {
            throw InputException.field(file + ": " + member, "is missing");
        }
        return n;
    }

    private static double number(Path file, JsonNode node, String member) {
        JsonNode n = required(file, node, member);
        if (n.isNumber()) {
            return n.asDouble();
        }
        try {
            return Double.parseDouble(n.asText());
        } catch (NumberFormatException e) {
            throw InputException.field(file + ": " + member, "must be a number, got '" + n.asText() + "'");
        }
    }

    private static double round(double seconds) {
        return Math.round(seconds * 1000.0) / 1000.0;
    }
}
