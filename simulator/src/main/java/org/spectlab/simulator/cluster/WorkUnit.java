package org.spectlab.simulator.cluster;

import org.spectlab.core.error.InputException;
import org.spectlab.simulator.study.SimulationConfig;
import org.spectlab.simulator.study.StudyConfig;

/**
 * What a study is split into: views (forced detection: each part projects its views from the same
 * transported histories) or batches (analog: each part runs its batches' independent streams).
 */
public enum WorkUnit {
    /** Projection views, 0 to views - 1. */
    VIEWS("views"),
    /** Simulation batches, 0 to batches - 1. */
    BATCHES("batches");

    private final String key;

    WorkUnit(String key) {
        this.key = key;
    }

    /** The name used in job files and messages ("views", "batches"). */
    public String key() {
        return key;
    }

    /** The unit of a configuration's mode. */
    public static WorkUnit of(StudyConfig config) {
        return config.simulation().mode().equals(SimulationConfig.ANALOG) ? BATCHES : VIEWS;
    }

    /** How many units the whole run of a configuration has. */
    public static long total(StudyConfig config) {
        return of(config) == VIEWS ? config.acquisition().views() : config.simulation().batches();
    }

    /** The unit named {@code key}, or an {@link InputException} naming {@code field}. */
    public static WorkUnit fromKey(String key, String field) {
        for (WorkUnit u : values()) {
            if (u.key.equals(key)) {
                return u;
            }
        }
        throw InputException.field(field, "must be 'views' or 'batches', got '" + key + "'");
    }
}
