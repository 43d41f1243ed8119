package org.spectlab.simulator.study;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.spectlab.core.error.InputException;

/**
 * One node of a study configuration together with its dotted path from the top, so that every
 * typed read fails with an {@link InputException} naming the field, e.g.
 * {@code 'acquisition.views': must be 1 to 1000, got 0}.
 */
final class ConfigNode {
    private final JsonNode node;
    private final String path;

    ConfigNode(JsonNode node, String path) {
        this.node = node;
        this.path = path;
    }

    JsonNode raw() {
        return node;
    }

    String path() {
        return path;
    }

    String at(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    boolean has(String key) {
        return node.has(key) && !node.get(key).isNull();
    }

    /** Fails on keys outside {@code keys}, naming the first unknown one and the allowed set. */
    ConfigNode allowOnly(String... keys) {
        if (!node.isObject()) {
            throw InputException.field(path.isEmpty() ? "(top level)" : path, "must be a mapping of keys to values");
        }
        Set<String> allowed = new TreeSet<>(List.of(keys));
        Iterator<String> it = node.fieldNames();
        while (it.hasNext()) {
            String k = it.next();
            if (!allowed.contains(k)) {
                throw InputException.field(at(k), "unknown key; allowed here: " + String.join(", ", allowed));
            }
        }
        return this;
    }

    /** A required mapping. */
    ConfigNode child(String key) {
        if (!has(key)) {
            throw InputException.field(at(key), "is required");
        }
        return new ConfigNode(node.get(key), at(key));
    }

    /** The child or an empty node when absent (all defaults). */
    ConfigNode optionalChild(String key) {
        if (!has(key)) {
            return new ConfigNode(com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode(), at(key));
        }
        return new ConfigNode(node.get(key), at(key));
    }

    double number(String key, double dflt) {
        if (!has(key)) {
            if (Double.isNaN(dflt)) {
                throw InputException.field(at(key), "is required");
            }
            return dflt;
        }
        JsonNode n = node.get(key);
        if (!n.isNumber()) {
            throw InputException.field(at(key), "must be a number, got '" + n.asText() + "'");
        }
        double v = n.asDouble();
        if (!Double.isFinite(v)) {
            throw InputException.field(at(key), "must be a finite number, got " + v);
        }
        return v;
    }

    /** A number in [lo, hi] (bounds inclusive unless {@code openLow}), described in the error. */
    double numberIn(String key, double dflt, double lo, double hi, boolean openLow) {
        double v = number(key, dflt);
        if ((openLow ? !(v > lo) : !(v >= lo)) || v > hi) {
            throw InputException.field(at(key), "must be in " + (openLow ? "(" : "[") + fmt(lo) + ", " + fmt(hi)
                    + "], got " + fmt(v));
        }
        return v;
    }

    long longValue(String key, long dflt, boolean required) {
        if (!has(key)) {
            if (required) {
                throw InputException.field(at(key), "is required");
            }
            return dflt;
        }
        JsonNode n = node.get(key);
        if (!n.isIntegralNumber() || !n.canConvertToLong()) {
            throw InputException.field(at(key), "must be an integer, got '" + n.asText() + "'");
        }
        return n.asLong();
    }

    /** An integer in [lo, hi]. */
    int intIn(String key, int dflt, int lo, int hi, boolean required) {
        long v = longValue(key, dflt, required);
        if (v < lo || v > hi) {
            throw InputException.field(at(key), "must be " + lo + " to " + hi + ", got " + v);
        }
        return (int) v;
    }

    boolean bool(String key, boolean dflt) {
        if (!has(key)) {
            return dflt;
        }
        JsonNode n = node.get(key);
        if (!n.isBoolean()) {
            throw InputException.field(at(key), "must be true or false, got '" + n.asText() + "'");
        }
        return n.asBoolean();
    }

    String text(String key, String dflt) {
        if (!has(key)) {
            if (dflt == null) {
                throw InputException.field(at(key), "is required");
            }
            return dflt;
        }
        JsonNode n = node.get(key);
        if (!n.isTextual() || n.asText().isBlank()) {
            throw InputException.field(at(key), "must be a non-empty string, got '" + n.asText() + "'");
        }
        return n.asText().strip();
    }

    /** A list of exactly {@code size} numbers (or any length when size &lt; 0). */
    double[] numbers(String key, int size) {
        if (!has(key)) {
            throw InputException.field(at(key), "is required");
        }
        JsonNode n = node.get(key);
        if (!n.isArray() || size >= 0 && n.size() != size) {
            throw InputException.field(at(key), size >= 0 ? "must be a list of " + size + " numbers"
                    : "must be a list of numbers");
        }
        double[] out = new double[n.size()];
        for (int i = 0; i < out.length; i++) {
            JsonNode e = n.get(i);
            if (!e.isNumber() || !Double.isFinite(e.asDouble())) {
                throw InputException.field(at(key) + "[" + i + "]", "must be a finite number, got '" + e.asText() + "'");
            }
            out[i] = e.asDouble();
        }
        return out;
    }

    static String fmt(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }
}
