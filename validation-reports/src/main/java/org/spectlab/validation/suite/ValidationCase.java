package org.spectlab.validation.suite;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One validation case: what it checks (name, description), the configuration it runs (a small
 * ordered map of JSON-compatible values: numbers, strings, booleans, lists) and the computation
 * that measures its quantities.
 *
 * @param name          identifier, lower case with digits, '-', '_' and '.', unique within a suite
 * @param description   one or two sentences for the report
 * @param configuration the settings it runs, as written into summary.json and the report
 * @param body          the measurement
 */
public record ValidationCase(String name, String description, Map<String, Object> configuration, Body body) {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]*");

    /** The measurement of a case. */
    @FunctionalInterface
    public interface Body {
        /**
         * Computes the case's quantities.
         *
         * @param context seed and threads
         * @return the measured quantities, at least one, names unique
         */
        List<Quantity> run(CaseContext context);
    }

    /** Validates the name and copies the configuration (order kept). */
    public ValidationCase {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(body, "body");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("case name '" + name + "' must match " + NAME.pattern());
        }
        configuration = Collections.unmodifiableMap(new LinkedHashMap<>(
                configuration == null ? Map.of() : configuration));
    }

    /** A case. */
    public static ValidationCase of(String name, String description, Map<String, Object> configuration, Body body) {
        return new ValidationCase(name, description, configuration, body);
    }

    /** Ordered configuration from alternating keys and values: {@code config("energy_keV", 140.5, ...)}. */
    public static Map<String, Object> config(Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("config needs key/value pairs");
        }
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put(String.valueOf(keysAndValues[i]), keysAndValues[i + 1]);
        }
        return m;
    }
}
