package org.spectlab.metrics.io;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.spectlab.core.error.InputException;

/** Reading typed fields from a JSON tree with errors that name the field. */
final class JsonFields {

    /** Accepts NaN/Infinity tokens so that they can be reported as such rather than as syntax errors. */
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    private JsonFields() {
    }

    static JsonNode readTree(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new InputException("'" + file + "': file not found");
        }
        try (JsonParser p = MAPPER.createParser(file.toFile())) {
            JsonNode n = MAPPER.readTree(p);
            if (n == null) {
                throw new InputException("'" + file + "': file is empty; expected a JSON object");
            }
            return n;
        } catch (IOException e) {
            throw new InputException("'" + file + "': not valid JSON: " + firstLine(e.getMessage()), e);
        }
    }

    static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    static JsonNode required(JsonNode entry, String key, String where) {
        JsonNode v = entry.get(key);
        if (v == null || v.isNull()) {
            throw InputException.field(where + "." + key, "is missing (required)");
        }
        return v;
    }

    /** A finite number; NaN, infinities, strings and other types are rejected. */
    static double finiteNumber(JsonNode v, String field) {
        if (!v.isNumber()) {
            throw InputException.field(field, "must be a number, got " + describe(v));
        }
        double d = v.doubleValue();
        if (Double.isNaN(d)) {
            throw InputException.field(field, "is NaN; a finite number is required");
        }
        if (Double.isInfinite(d)) {
            throw InputException.field(field, "is infinite; a finite number is required");
        }
        return d;
    }

    static double requiredNumber(JsonNode entry, String key, String where) {
        return finiteNumber(required(entry, key, where), where + "." + key);
    }

    static Double optionalNumber(JsonNode entry, String key, String where) {
        JsonNode v = entry.get(key);
        return v == null || v.isNull() ? null : finiteNumber(v, where + "." + key);
    }

    /** A string, or an integer taken as its decimal text. */
    static String idText(JsonNode v, String field) {
        if (v.isTextual()) {
            if (v.asText().isBlank()) {
                throw InputException.field(field, "must not be blank");
            }
            return v.asText();
        }
        if (v.isIntegralNumber()) {
            return v.asText();
        }
        throw InputException.field(field, "must be a string or an integer, got " + describe(v));
    }

    static String optionalText(JsonNode entry, String key, String where) {
        JsonNode v = entry.get(key);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw InputException.field(where + "." + key, "must be a string, got " + describe(v));
        }
        return v.asText();
    }

    static String describe(JsonNode v) {
        if (v.isTextual()) {
            return "\"" + v.asText() + "\"";
        }
        return v.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + " " + v;
    }
}
