package org.spectlab.metrics.io;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.spectlab.core.error.InputException;
import org.spectlab.metrics.detection.Detection;
import org.spectlab.metrics.detection.PointMm;

/**
 * Reads detections files in the JSON or CSV form documented in the package documentation.
 */
public final class DetectionsReader {

    /** Required keys / columns. */
    public static final List<String> REQUIRED = List.of("id", "x_mm", "y_mm", "z_mm", "confidence");
    /** Optional numeric keys / columns. */
    public static final List<String> OPTIONAL_NUMBERS = List.of("peak_uptake_bq_per_ml", "mean_uptake_bq_per_ml",
            "volume_ml", "contrast", "cnr");

    private DetectionsReader() {
    }

    /** Reads a {@code .json} or {@code .csv} file (chosen by extension, case-insensitive). */
    public static List<Detection> read(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".json")) {
            return readJson(file);
        }
        if (name.endsWith(".csv")) {
            return readCsv(file);
        }
        throw new InputException("'" + file + "': unknown detections file type; allowed: .json, .csv");
    }

    /** Reads the JSON form. */
    public static List<Detection> readJson(Path file) {
        JsonNode root = JsonFields.readTree(file);
        String src = file.getFileName().toString();
        if (!root.isObject()) {
            throw new InputException("'" + src + "': top level must be an object with a \"detections\" array");
        }
        JsonNode arr = root.get("detections");
        if (arr == null || !arr.isArray()) {
            throw InputException.field(src + " detections", arr == null ? "is missing (required array)"
                    : "must be an array, got " + JsonFields.describe(arr));
        }
        List<Detection> out = new ArrayList<>(arr.size());
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < arr.size(); i++) {
            String where = src + " detections[" + i + "]";
            JsonNode e = arr.get(i);
            if (!e.isObject()) {
                throw InputException.field(where, "must be an object, got " + JsonFields.describe(e));
            }
            String id = JsonFields.idText(JsonFields.required(e, "id", where), where + ".id");
            double x = JsonFields.requiredNumber(e, "x_mm", where);
            double y = JsonFields.requiredNumber(e, "y_mm", where);
            double z = JsonFields.requiredNumber(e, "z_mm", where);
            double conf = JsonFields.requiredNumber(e, "confidence", where);
            String organ = JsonFields.optionalText(e, "organ", where);
            Double[] opt = new Double[OPTIONAL_NUMBERS.size()];
            for (int k = 0; k < opt.length; k++) {
                opt[k] = JsonFields.optionalNumber(e, OPTIONAL_NUMBERS.get(k), where);
            }
            requireUnique(ids, id, where + ".id");
            out.add(new Detection(id, PointMm.of(x, y, z), conf, organ, opt[0], opt[1], opt[2], opt[3], opt[4]));
        }
        return out;
    }

    /** Reads the CSV form. */
    public static List<Detection> readCsv(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new InputException("'" + file + "': file not found");
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InputException("'" + file + "': cannot read: " + e.getMessage(), e);
        }
        String src = file.getFileName().toString();
        Map<String, Integer> col = null;
        List<Detection> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int ln = 0; ln < lines.size(); ln++) {
            String line = lines.get(ln);
            if (ln == 0 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            if (line.isBlank() || line.stripLeading().startsWith("#")) {
                continue;
            }
            List<String> cells = splitCsv(line, src + " line " + (ln + 1));
            if (col == null) {
                col = header(cells, src);
                continue;
            }
            String where = src + " line " + (ln + 1) + " (detection " + out.size() + ")";
            String id = cell(cells, col, "id", where);
            if (id == null) {
                throw InputException.field(where + " id", "is missing (required)");
            }
            double x = requiredCsvNumber(cells, col, "x_mm", where);
            double y = requiredCsvNumber(cells, col, "y_mm", where);
            double z = requiredCsvNumber(cells, col, "z_mm", where);
            double conf = requiredCsvNumber(cells, col, "confidence", where);
            String organ = cell(cells, col, "organ", where);
            Double[] opt = new Double[OPTIONAL_NUMBERS.size()];
            for (int k = 0; k < opt.length; k++) {
                String t = cell(cells, col, OPTIONAL_NUMBERS.get(k), where);
                opt[k] = t == null ? null : parseNumber(t, where + " " + OPTIONAL_NUMBERS.get(k));
            }
            requireUnique(ids, id, where + " id");
            out.add(new Detection(id, PointMm.of(x, y, z), conf, organ, opt[0], opt[1], opt[2], opt[3], opt[4]));
        }
        if (col == null) {
            throw new InputException("'" + src + "': no header line; expected columns " + String.join(",", REQUIRED));
        }
        return out;
    }

    private static Map<String, Integer> header(List<String> cells, String src) {
        Map<String, Integer> col = new HashMap<>();
        for (int c = 0; c < cells.size(); c++) {
            String h = cells.get(c).trim().toLowerCase(Locale.ROOT);
            if (col.put(h, c) != null) {
                throw InputException.field(src + " header", "column '" + h + "' appears twice");
            }
        }
        for (String r : REQUIRED) {
            if (!col.containsKey(r)) {
                throw InputException.field(src + " header", "required column '" + r + "' is missing; the header must name "
                        + String.join(",", REQUIRED) + " (optional: organ," + String.join(",", OPTIONAL_NUMBERS) + ")");
            }
        }
        return col;
    }

    /** Trimmed cell text, or null when the column is absent or the cell empty. */
    private static String cell(List<String> cells, Map<String, Integer> col, String name, String where) {
        Integer c = col.get(name);
        if (c == null) {
            return null;
        }
        if (c >= cells.size()) {
            return null;
        }
        String t = cells.get(c).trim();
        return t.isEmpty() ? null : t;
    }

    private static double requiredCsvNumber(List<String> cells, Map<String, Integer> col, String name, String where) {
        String t = cell(cells, col, name, where);
        if (t == null) {
            throw InputException.field(where + " " + name, "is missing (required)");
        }
        return parseNumber(t, where + " " + name);
    }

    private static double parseNumber(String t, String field) {
        double d;
        try {
            d = Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw InputException.field(field, "must be a number, got \"" + t + "\"");
        }
        if (Double.isNaN(d)) {
            throw InputException.field(field, "is NaN; a finite number is required");
        }
        if (Double.isInfinite(d)) {
            throw InputException.field(field, "is infinite; a finite number is required");
        }
        return d;
    }

    private static void requireUnique(Set<String> ids, String id, String field) {
        if (!ids.add(id)) {
            throw InputException.field(field, "duplicate id '" + id + "'; ids must be unique");
        }
    }

    /** Splits one CSV line with RFC 4180 double quotes (a doubled quote inside quotes is a literal quote). */
    static List<String> splitCsv(String line, String where) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"') {
                    if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        cur.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    cur.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(ch);
            }
        }
        if (quoted) {
            throw new InputException("'" + where + "': unterminated double quote");
        }
        out.add(cur.toString());
        return out;
    }
}
