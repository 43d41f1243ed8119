package org.spectlab.phantoms.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.spectlab.core.error.InputException;

/**
 * A configuration node with its path, for typed access whose errors name the field
 * ({@code "'lesions[1].diameter_mm': must be a number"}).
 */
final class Node {
    private final JsonNode node;
    private final String path;

    /**
     * The top-level mapping of YAML (or JSON) text.
     *
     * @param source   names the text in error messages
     * @param contents what the mapping must hold, for the error message (e.g. "'labels'")
     * @throws InputException when the text is not YAML/JSON or not a mapping
     */
    static Node parseMapping(String text, String source, String contents) {
        JsonNode root;
        try {
            root = new com.fasterxml.jackson.databind.ObjectMapper(
                    new com.fasterxml.jackson.dataformat.yaml.YAMLFactory()).readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new InputException(source + ": not valid YAML/JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new InputException(source + ": must be a mapping with " + contents);
        }
        return new Node(root, "");
    }

    Node(JsonNode node, String path) {
        this.node = node;
        this.path = path;
    }

    String path() {
        return path;
    }

    private String at(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    boolean has(String key) {
        return node.has(key) && !node.get(key).isNull();
    }

    /** Fails on keys outside the allowed set. */
    Node allowOnly(String... keys) {
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

    Node child(String key) {
        if (!has(key)) {
            throw InputException.field(at(key), "is required");
        }
        return new Node(node.get(key), at(key));
    }

    List<Node> list(String key) {
        List<Node> out = new ArrayList<>();
        if (!has(key)) {
            return out;
        }
        JsonNode n = node.get(key);
        if (!n.isArray()) {
            throw InputException.field(at(key), "must be a list");
        }
        for (int i = 0; i < n.size(); i++) {
            out.add(new Node(n.get(i), at(key) + "[" + i + "]"));
        }
        return out;
    }

    double number(String key) {
        if (!has(key)) {
            throw InputException.field(at(key), "is required");
        }
        JsonNode n = node.get(key);
        if (!n.isNumber()) {
            throw InputException.field(at(key), "must be a number, got '" + n.asText() + "'");
        }
        return n.asDouble();
    }

    double number(String key, double dflt) {
        return has(key) ? number(key) : dflt;
    }

    double nonNegative(String key, double dflt) {
        double v = number(key, dflt);
        if (!(v >= 0) || !Double.isFinite(v)) {
            throw InputException.field(at(key), "must be a finite number >= 0, got " + v);
        }
        return v;
    }

    double positive(String key) {
        double v = number(key);
        if (!(v > 0) || !Double.isFinite(v)) {
            throw InputException.field(at(key), "must be a positive number, got " + v);
        }
        return v;
    }

    int integer(String key, int dflt) {
        if (!has(key)) {
            return dflt;
        }
        JsonNode n = node.get(key);
        if (!n.canConvertToInt() || !n.isIntegralNumber()) {
            throw InputException.field(at(key), "must be an integer, got '" + n.asText() + "'");
        }
        return n.asInt();
    }

    long longValue(String key, long dflt) {
        if (!has(key)) {
            return dflt;
        }
        JsonNode n = node.get(key);
        if (!n.isIntegralNumber()) {
            throw InputException.field(at(key), "must be an integer, got '" + n.asText() + "'");
        }
        return n.asLong();
    }

    boolean bool(String key, boolean dflt) {
        if (!has(key)) {
            return dflt;
        }
        JsonNode n = node.get(key);
        if (!n.isBoolean()) {
            throw InputException.field(at(key), "must be true or false");
        }
        return n.asBoolean();
    }

    String text(String key) {
        if (!has(key)) {
            throw InputException.field(at(key), "is required");
        }
        JsonNode n = node.get(key);
        if (!n.isTextual() || n.asText().isBlank()) {
            throw InputException.field(at(key), "must be a non-empty string");
        }
        return n.asText();
    }

    String text(String key, String dflt) {
        return has(key) ? text(key) : dflt;
    }

    /** A list of exactly {@code len} numbers. */
    double[] numbers(String key, int len) {
        if (!has(key)) {
            throw InputException.field(at(key), "is required (" + len + " numbers)");
        }
        JsonNode n = node.get(key);
        if (!n.isArray() || n.size() != len) {
            throw InputException.field(at(key), "must be a list of " + len + " numbers");
        }
        double[] out = new double[len];
        for (int i = 0; i < len; i++) {
            if (!n.get(i).isNumber()) {
                throw InputException.field(at(key) + "[" + i + "]", "must be a number");
            }
            out[i] = n.get(i).asDouble();
        }
        return out;
    }

    /** A single number (used for all three axes) or a list of three. */
    double[] oneOrThree(String key) {
        if (has(key) && node.get(key).isNumber()) {
            double v = number(key);
            return new double[] {v, v, v};
        }
        return numbers(key, 3);
    }

    /** Keys of a mapping, in order. */
    List<String> keys() {
        List<String> out = new ArrayList<>();
        node.fieldNames().forEachRemaining(out::add);
        return out;
    }
}
