package org.spectlab.phantoms.agent;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.spectlab.core.error.InputException;
import org.spectlab.core.nuclide.NuclideLibrary;
import org.spectlab.phantoms.kinetics.CompartmentModel;
import org.spectlab.phantoms.kinetics.Retention;

/**
 * A radiopharmaceutical's biodistribution template: nuclide, administration route, a first-order
 * compartment model of where the administered atoms go (fractions and half-times in hours, each with
 * its source), the anatomical group each compartment fills ({@link LabelGroups}) and the published
 * figures the model reproduces ({@link Check}, tested). Loaded from the data file by
 * {@link AgentLibrary}; the simplifications of each agent are stated in its {@code notes} there.
 *
 * @param key         config key, e.g. {@code tc99m-mdp}
 * @param name        human-readable name
 * @param nuclide     canonical nuclide name, e.g. {@code Tc-99m}
 * @param route       administration route
 * @param excretion   excretion path in words, e.g. {@code urine}
 * @param notes       simplifications, one paragraph
 * @param sources     citations by id
 * @param compartments compartments in definition order
 * @param start       initial fraction by compartment (sum 1)
 * @param checks      published figures the model reproduces
 */
public record Agent(String key, String name, String nuclide, Route route, String excretion, String notes,
                    Map<String, String> sources, List<Compartment> compartments, Map<String, Double> start,
                    List<Check> checks) {

    /**
     * One compartment.
     *
     * @param name      unique name within the agent
     * @param group     anatomical group it fills ({@link LabelGroups}), {@code excreted} for a sink
     * @param halfTimeH outflow half-time, h ({@code +Infinity}: retained, or a sink)
     * @param to        destination compartment to fraction of the outflow
     * @param source    id of the source of the numbers (a key of {@link Agent#sources})
     */
    public record Compartment(String name, String group, double halfTimeH, Map<String, Double> to, String source) {
    }

    /**
     * A published figure: the summed biological fraction (no physical decay) of some compartments at a
     * time, e.g. the fraction in bone at 24 h.
     *
     * @param what         what is measured, in words
     * @param compartments compartments summed
     * @param timeH        time after administration, h
     * @param fraction     the published fraction of the administered activity
     * @param tolerance    absolute tolerance the model must meet (the rounding of the published figure)
     * @param source       source id
     */
    public record Check(String what, List<String> compartments, double timeH, double fraction, double tolerance,
                        String source) {
    }

    /** Validates names, groups and sources; builds the model once to check it. */
    public Agent {
        // insertion-ordered copies: Map.copyOf iterates in an order that changes from one JVM run to the
        // next, and phantom.json lists the sources in this order (studies must be byte-identical)
        sources = Collections.unmodifiableMap(new LinkedHashMap<>(sources));
        compartments = List.copyOf(compartments);
        start = Collections.unmodifiableMap(new LinkedHashMap<>(start));
        checks = List.copyOf(checks);
        NuclideLibrary.get(nuclide);
        for (Compartment c : compartments) {
            LabelGroups.check("agent '" + key + "' compartment '" + c.name() + "'.group", c.group());
            if (c.source() != null && !sources.containsKey(c.source())) {
                throw InputException.field("agent '" + key + "' compartment '" + c.name() + "'.source",
                        "unknown source id '" + c.source() + "'");
            }
        }
        for (Check c : checks) {
            if (!sources.containsKey(c.source())) {
                throw InputException.field("agent '" + key + "' check '" + c.what() + "'.source",
                        "unknown source id '" + c.source() + "'");
            }
        }
    }

    /** The compartment model (solved exactly). */
    public CompartmentModel model() {
        CompartmentModel.Builder b = CompartmentModel.builder();
        for (Compartment c : compartments) {
            b.compartment(c.name(), c.halfTimeH(), c.to());
        }
        for (Map.Entry<String, Double> e : start.entrySet()) {
            b.start(e.getKey(), e.getValue());
        }
        return b.build();
    }

    /** The compartment named. */
    public Compartment compartment(String name) {
        for (Compartment c : compartments) {
            if (c.name().equals(name)) {
                return c;
            }
        }
        throw InputException.field("compartment", "agent '" + key + "' has no compartment '" + name + "'");
    }

    /** Biological retention summed over the compartments of each group, excreted group left out. */
    public Map<String, Retention> groupRetention(CompartmentModel model) {
        Map<String, List<Retention>> parts = new LinkedHashMap<>();
        for (Compartment c : compartments) {
            if (!c.group().equals(LabelGroups.EXCRETED)) {
                parts.computeIfAbsent(c.group(), g -> new ArrayList<>()).add(model.retention(c.name()));
            }
        }
        Map<String, Retention> out = new LinkedHashMap<>();
        for (Map.Entry<String, List<Retention>> e : parts.entrySet()) {
            out.put(e.getKey(), Retention.sum(e.getValue()));
        }
        return out;
    }

    /** Biological fraction excreted (the sinks together). */
    public Retention excretedRetention(CompartmentModel model) {
        List<Retention> sinks = new ArrayList<>();
        for (Compartment c : compartments) {
            if (c.group().equals(LabelGroups.EXCRETED)) {
                sinks.add(model.retention(c.name()));
            }
        }
        return sinks.isEmpty() ? Retention.constant(0) : Retention.sum(sinks);
    }

    /** The citations of the agent joined, for listings. */
    public String sourceSummary() {
        return String.join("; ", sources.values());
    }
}
