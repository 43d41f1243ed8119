package org.spectlab.recon;

import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.spectlab.core.error.InputException;

/**
 * Factories selectable by name (case-insensitive), so configurations and the command line pick an
 * algorithm, projector or transform by name and users can plug in their own without touching the
 * others. Each {@code defaults()} method in the recon packages returns a fresh, mutable registry
 * pre-filled with the built-in entries. Not thread-safe for concurrent registration.
 *
 * @param <T> the factory type
 */
public final class NamedRegistry<T> {
    private final String kind;
    private final Map<String, T> entries = new TreeMap<>();

    private NamedRegistry(String kind) {
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    /** An empty registry; {@code kind} names the thing selected, for error messages (e.g. "algorithm"). */
    public static <T> NamedRegistry<T> empty(String kind) {
        return new NamedRegistry<>(kind);
    }

    /**
     * Adds a factory.
     *
     * @throws IllegalArgumentException when the name is blank or already taken
     */
    public NamedRegistry<T> register(String name, T factory) {
        Objects.requireNonNull(factory, "factory");
        String key = key(name);
        if (key.isEmpty() || entries.containsKey(key)) {
            throw new IllegalArgumentException(kind + " name '" + name + "' is blank or already registered");
        }
        entries.put(key, factory);
        return this;
    }

    /**
     * The factory registered under {@code name}.
     *
     * @throws InputException naming the allowed values when there is none
     */
    public T get(String name) {
        T f = entries.get(key(name));
        if (f == null) {
            throw InputException.field(kind, "unknown '" + name + "'; allowed: " + String.join(", ", entries.keySet()));
        }
        return f;
    }

    /** The registered names, sorted. */
    public Set<String> names() {
        return Collections.unmodifiableSet(entries.keySet());
    }

    private static String key(String name) {
        return name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
    }
}
