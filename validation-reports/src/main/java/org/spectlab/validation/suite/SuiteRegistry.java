package org.spectlab.validation.suite;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.function.Supplier;
import org.spectlab.core.error.InputException;
import org.spectlab.validation.camera.CameraSuite;
import org.spectlab.validation.localization.LocalizationSuite;
import org.spectlab.validation.patient.PatientSuite;
import org.spectlab.validation.physics.PhysicsSuite;
import org.spectlab.validation.reconstruction.ReconstructionSuite;

/**
 * Suites by name. A suite is defined once ({@link #define}) and collects cases from any number of
 * providers ({@link #addCases}); cases are built only when the suite is requested, so defining a slow
 * suite costs nothing. A suite may also reuse cases of another suite by name ({@link #include}), which
 * is how {@code quick} is a subset of the others.
 *
 * <p>Built-in suites ({@link #defaults()}): {@code physics}, {@code camera}, {@code reconstruction},
 * {@code patient}, {@code quick}, {@code localization} (the slow localization acceptance, about a
 * minute or more per case). Not thread-safe while being filled; read-only use afterwards is safe.
 */
public final class SuiteRegistry {

    private record Definition(String description, List<Supplier<List<ValidationCase>>> providers) {
    }

    private final Map<String, Definition> suites = new LinkedHashMap<>();

    private SuiteRegistry() {
    }

    /** An empty registry. */
    public static SuiteRegistry empty() {
        return new SuiteRegistry();
    }

    /** The built-in suites plus those of every {@link SuiteContributor} on the class path (ServiceLoader). */
    public static SuiteRegistry defaults() {
        SuiteRegistry r = new SuiteRegistry();
        PhysicsSuite.contributor().contribute(r);
        CameraSuite.contributor().contribute(r);
        ReconstructionSuite.contributor().contribute(r);
        PatientSuite.contributor().contribute(r);
        QuickSuite.contributor().contribute(r);
        LocalizationSuite.contributor().contribute(r);
        for (SuiteContributor c : ServiceLoader.load(SuiteContributor.class)) {
            c.contribute(r);
        }
        return r;
    }

    /**
     * Defines an empty suite.
     *
     * @throws IllegalArgumentException if the name is taken
     */
    public SuiteRegistry define(String name, String description) {
        String key = key(name);
        if (suites.containsKey(key)) {
            throw new IllegalArgumentException("suite '" + name + "' is already defined");
        }
        suites.put(key, new Definition(description, new ArrayList<>()));
        return this;
    }

    /** Adds cases (built on demand) to a defined suite. */
    public SuiteRegistry addCases(String suite, Supplier<List<ValidationCase>> provider) {
        definition(suite).providers().add(provider);
        return this;
    }

    /** Adds the named cases of another suite (resolved when this suite is built). */
    public SuiteRegistry include(String suite, String fromSuite, String... caseNames) {
        List<String> wanted = List.of(caseNames);
        return addCases(suite, () -> {
            Map<String, ValidationCase> byName = new LinkedHashMap<>();
            for (ValidationCase c : suite(fromSuite).cases()) {
                byName.put(c.name(), c);
            }
            List<ValidationCase> out = new ArrayList<>();
            for (String n : wanted) {
                ValidationCase c = byName.get(n);
                if (c == null) {
                    throw new IllegalStateException("suite '" + fromSuite + "' has no case '" + n + "'");
                }
                out.add(c);
            }
            return out;
        });
    }

    /** Names of the defined suites, in definition order. */
    public Set<String> names() {
        return Collections.unmodifiableSet(suites.keySet());
    }

    /**
     * Builds a suite with all its cases.
     *
     * @throws InputException naming the known suites when there is none of that name
     */
    public Suite suite(String name) {
        Definition d = definition(name);
        List<ValidationCase> cases = new ArrayList<>();
        for (Supplier<List<ValidationCase>> p : d.providers()) {
            cases.addAll(p.get());
        }
        return Suite.of(key(name), d.description(), cases);
    }

    private Definition definition(String name) {
        Definition d = suites.get(key(name));
        if (d == null) {
            throw InputException.field("suite", "unknown suite '" + name + "'; known: " + String.join(", ", suites.keySet()));
        }
        return d;
    }

    private static String key(String name) {
        return name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
    }
}
