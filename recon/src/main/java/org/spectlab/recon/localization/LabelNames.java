package org.spectlab.recon.localization;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import org.spectlab.core.error.InputException;

/**
 * Reads a label-name table ({@code labels.json}) in either of two forms:
 * <pre>{@code
 * {"1": "liver", "2": "spleen"}
 * {"labels": [{"label": 1, "name": "liver"}, {"label": 2, "name": "spleen"}]}
 * }</pre>
 * Labels are whole numbers in the int16 range, names non-empty strings; a label may appear once.
 */
public final class LabelNames {

    private LabelNames() {
    }

    /** The label-to-name table of a file; errors name the file and the key. */
    public static Map<Integer, String> read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new InputException("'" + file + "': label-name file not found");
        }
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new InputException("'" + file + "': not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new InputException("'" + file + "': cannot read: " + e.getMessage(), e);
        }
        String src = file.getFileName().toString();
        Map<Integer, String> out = new TreeMap<>();
        if (root != null && root.isObject() && root.has("labels")) {
            JsonNode arr = root.get("labels");
            if (!arr.isArray()) {
                throw InputException.field(src + " labels", "must be an array of {\"label\": n, \"name\": \"...\"}");
            }
            for (int i = 0; i < arr.size(); i++) {
                JsonNode e = arr.get(i);
                String where = src + " labels[" + i + "]";
                JsonNode l = e.get("label");
                JsonNode n = e.get("name");
                if (l == null || !l.canConvertToInt() || !l.isIntegralNumber()) {
                    throw InputException.field(where + ".label", "must be a whole number");
                }
                put(out, l.intValue(), n, where + ".name", where + ".label");
            }
            return out;
        }
        if (root == null || !root.isObject()) {
            throw new InputException("'" + src + "': must be an object {\"1\": \"liver\", ...} or "
                    + "{\"labels\": [{\"label\": 1, \"name\": \"liver\"}]}");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            int label;
            try {
                label = Integer.parseInt(e.getKey().trim());
            } catch (NumberFormatException ex) {
                throw InputException.field(src + " " + e.getKey(), "keys must be whole-number labels");
            }
            put(out, label, e.getValue(), src + " " + e.getKey(), src + " " + e.getKey());
        }
        return out;
    }

    private static void put(Map<Integer, String> out, int label, JsonNode name, String nameField, String labelField) {
        if (label < Short.MIN_VALUE || label > Short.MAX_VALUE) {
            throw InputException.field(labelField, "must be in the int16 range, got " + label);
        }
        if (name == null || !name.isTextual() || name.asText().isBlank()) {
            throw InputException.field(nameField, "must be a non-empty string");
        }
        if (out.put(label, name.asText().trim()) != null) {
            throw InputException.field(labelField, "label " + label + " appears twice");
        }
    }
}
