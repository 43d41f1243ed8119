package org.spectlab.phantoms.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.spectlab.core.error.InputException;

/**
 * A phantom: regions composed by priority (a later region overrides an earlier one wherever they
 * overlap) inside a background material (normally {@code "air"}) with zero activity.
 *
 * <p>Label and material indices are assigned in order of first appearance: label 0 is
 * {@value #BACKGROUND_LABEL} and material 0 is the background material.
 *
 * @param name               phantom name, e.g. {@code "nema_iec_body"}
 * @param regions            regions in increasing priority
 * @param backgroundMaterial material outside every region
 */
public record Phantom(String name, List<Region> regions, String backgroundMaterial) {

    /** Name of label 0. */
    public static final String BACKGROUND_LABEL = "background";

    /** Validates unique region ids, at most 32767 labels/materials. */
    public Phantom {
        Objects.requireNonNull(name, "name");
        regions = List.copyOf(regions);
        Objects.requireNonNull(backgroundMaterial, "backgroundMaterial");
        Set<String> ids = new HashSet<>();
        for (Region r : regions) {
            if (!ids.add(r.id())) {
                throw InputException.field("region id", "'" + r.id() + "' is used twice in phantom '" + name + "'");
            }
        }
        if (regions.size() > Short.MAX_VALUE - 1) {
            throw InputException.field("regions", "at most " + (Short.MAX_VALUE - 1) + " regions are supported");
        }
    }

    /** A phantom in air. */
    public static Phantom of(String name, List<Region> regions) {
        return new Phantom(name, regions, "air");
    }

    /** A phantom with an explicit background material. */
    public static Phantom of(String name, List<Region> regions, String backgroundMaterial) {
        return new Phantom(name, regions, backgroundMaterial);
    }

    /** A copy with more regions appended (at higher priority than all existing ones). */
    public Phantom withRegions(List<Region> more) {
        List<Region> all = new ArrayList<>(regions);
        all.addAll(more);
        return new Phantom(name, all, backgroundMaterial);
    }

    /** Label names by index; index 0 is {@value #BACKGROUND_LABEL}. */
    public List<String> labelNames() {
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put(BACKGROUND_LABEL, 0);
        for (Region r : regions) {
            m.putIfAbsent(r.label(), m.size());
        }
        return List.copyOf(m.keySet());
    }

    /** Material names by index; index 0 is the background material. */
    public List<String> materialNames() {
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put(backgroundMaterial, 0);
        for (Region r : regions) {
            m.putIfAbsent(r.material(), m.size());
        }
        return List.copyOf(m.keySet());
    }

    /** The region with the given id. */
    public Region region(String id) {
        for (Region r : regions) {
            if (r.id().equals(id)) {
                return r;
            }
        }
        throw InputException.field("region", "no region '" + id + "' in phantom '" + name + "'");
    }

    /** Index of the region with the given id in {@link #regions()}, or -1. */
    public int indexOf(String id) {
        for (int i = 0; i < regions.size(); i++) {
            if (regions.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Index of the region that owns the point (the last region containing it), or -1 in the
     * background.
     */
    public int regionIndexAt(double xMm, double yMm, double zMm) {
        for (int i = regions.size() - 1; i >= 0; i--) {
            if (regions.get(i).shape().contains(xMm, yMm, zMm)) {
                return i;
            }
        }
        return -1;
    }

    /** Ids of the regions with the given label, in priority order. */
    public List<String> regionIdsWithLabel(String label) {
        List<String> out = new ArrayList<>();
        for (Region r : regions) {
            if (r.label().equals(label)) {
                out.add(r.id());
            }
        }
        return Collections.unmodifiableList(out);
    }
}
