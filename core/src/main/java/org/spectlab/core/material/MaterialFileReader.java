package org.spectlab.core.material;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.spectlab.core.error.InputException;

/**
 * Reads user-defined materials from YAML (or JSON, which is valid YAML):
 * <pre>
 * materials:
 *   - name: my_gel
 *     density_g_cm3: 1.02
 *     composition: {H: 0.11, O: 0.85, C: 0.04}   # mass fractions by element symbol
 * </pre>
 * Mass fractions must each be in (0, 1] and sum to 1 within 1% (they are then renormalised, as published
 * compositions are rounded). Errors name the file and the field, e.g.
 * {@code materials.yaml: materials[0].density_g_cm3: must be > 0, got -1}.
 */
public final class MaterialFileReader {

    private static final Set<String> ENTRY_KEYS = Set.of("name", "density_g_cm3", "composition", "description");

    private MaterialFileReader() {
    }

    /**
     * Reads the materials in a file.
     *
     * @throws InputException on a missing/unreadable file or any invalid field
     */
    public static List<Material> read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new InputException("materials file " + file + " does not exist", e);
        } catch (IOException e) {
            throw new InputException("cannot read materials file " + file + ": " + e.getMessage(), e);
        }
        return parse(text, file.toString());
    }

    /**
     * Parses materials from YAML or JSON text.
     *
     * @param source file name used in error messages
     */
    public static List<Material> parse(String text, String source) {
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(text);
        } catch (JsonProcessingException e) {
            String msg = e.getOriginalMessage() == null ? e.getMessage() : e.getOriginalMessage();
            throw new InputException(source + ": not valid YAML/JSON: " + msg.replace('\n', ' '), e);
        }
        if (root == null || !root.isObject() || !root.has("materials")) {
            throw new InputException(source + ": 'materials': missing; expected a top-level list 'materials'");
        }
        JsonNode list = root.get("materials");
        if (!list.isArray()) {
            throw new InputException(source + ": 'materials': must be a list of materials");
        }
        List<Material> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            out.add(parseEntry(list.get(i), source + ": materials[" + i + "]"));
        }
        return out;
    }

    private static Material parseEntry(JsonNode node, String where) {
        if (!node.isObject()) {
            throw new InputException(where + ": must be a mapping with name, density_g_cm3 and composition");
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!ENTRY_KEYS.contains(key)) {
                throw new InputException(where + "." + key + ": unknown key; allowed: name, density_g_cm3, "
                        + "composition, description");
            }
        }
        JsonNode nameNode = node.get("name");
        if (nameNode == null || !nameNode.isTextual() || nameNode.asText().isBlank()) {
            throw new InputException(where + ".name: missing or blank; give the material a name");
        }
        String name = nameNode.asText().trim();
        JsonNode densityNode = node.get("density_g_cm3");
        if (densityNode == null || !densityNode.isNumber()) {
            throw new InputException(where + ".density_g_cm3: missing or not a number (g/cm^3)");
        }
        double density = densityNode.asDouble();
        if (!(density > 0) || density > 30) {
            throw new InputException(where + ".density_g_cm3: must be > 0 and <= 30 g/cm^3, got " + density);
        }
        JsonNode comp = node.get("composition");
        if (comp == null || !comp.isObject() || comp.isEmpty()) {
            throw new InputException(where + ".composition: missing; give mass fractions by element symbol, "
                    + "e.g. {H: 0.11, O: 0.89}");
        }
        List<Constituent> constituents = new ArrayList<>();
        double sum = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = comp.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String field = where + ".composition." + e.getKey();
            Element element;
            try {
                element = Element.bySymbol(e.getKey());
            } catch (InputException ex) {
                throw new InputException(field + ": " + ex.getMessage(), ex);
            }
            if (!e.getValue().isNumber()) {
                throw new InputException(field + ": mass fraction must be a number in (0, 1]");
            }
            double w = e.getValue().asDouble();
            if (!(w > 0) || w > 1) {
                throw new InputException(field + ": mass fraction must be in (0, 1], got " + w);
            }
            for (Constituent c : constituents) {
                if (c.atomicNumber() == element.atomicNumber()) {
                    throw new InputException(field + ": element listed twice");
                }
            }
            constituents.add(Constituent.of(element.atomicNumber(), w));
            sum += w;
        }
        if (Math.abs(sum - 1) > 0.01) {
            throw new InputException(where + ".composition: mass fractions sum to "
                    + String.format(Locale.ROOT, "%.4f", sum) + "; they must sum to 1 (within 1%)");
        }
        return Material.of(name, density, constituents);
    }
}
