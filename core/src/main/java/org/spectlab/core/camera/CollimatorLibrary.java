package org.spectlab.core.camera;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.spectlab.core.error.InputException;

/**
 * The clinical collimator presets (Siemens, GE, Philips), loaded from {@code collimators.csv} whose
 * header cites the sources. Names are case-insensitive and accept {@code _} or {@code -}.
 */
public final class CollimatorLibrary {
    private static final String RESOURCE = "collimators.csv";

    private CollimatorLibrary() {
    }

    private static final class Holder {
        static final Map<String, CollimatorSpec> PRESETS = load();
    }

    /** The preset of that name, e.g. {@code "siemens-lehr"}; unknown names list the known ones. */
    public static CollimatorSpec get(String name) {
        CollimatorSpec c = Holder.PRESETS.get(normalise(name));
        if (c == null) {
            throw InputException.field("collimator", "unknown preset '" + name + "'; known: "
                    + String.join(", ", names()));
        }
        return c;
    }

    /** Names of the presets in file order. */
    public static Set<String> names() {
        return Holder.PRESETS.keySet();
    }

    private static String normalise(String name) {
        return name == null ? "" : name.trim().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static Map<String, CollimatorSpec> load() {
        Map<String, CollimatorSpec> out = new LinkedHashMap<>();
        try (InputStream in = CollimatorLibrary.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split(",", -1);
                HoleShape shape = HoleShape.valueOf(f[3].trim().toUpperCase(Locale.ROOT));
                CollimatorSpec c = CollimatorSpec.of(f[0].trim(), shape, Double.parseDouble(f[4]),
                        Double.parseDouble(f[5]), Double.parseDouble(f[6]));
                out.put(c.name(), c);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Collections.unmodifiableMap(out);
    }
}
