package org.spectlab.validation.suite;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A named, ordered list of validation cases.
 *
 * @param name        suite name, e.g. {@code "physics"}
 * @param description what the suite covers
 * @param cases       the cases, names unique
 */
public record Suite(String name, String description, List<ValidationCase> cases) {

    /** Copies the list and checks that case names are unique. */
    public Suite {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        cases = List.copyOf(cases);
        Set<String> seen = new HashSet<>();
        for (ValidationCase c : cases) {
            if (!seen.add(c.name())) {
                throw new IllegalArgumentException("suite '" + name + "' has two cases named '" + c.name() + "'");
            }
        }
    }

    /** A suite. */
    public static Suite of(String name, String description, List<ValidationCase> cases) {
        return new Suite(name, description, cases);
    }
}
