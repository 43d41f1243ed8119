package org.spectlab.phantoms.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.spectlab.core.error.InputException;
import org.spectlab.core.nuclide.NuclideLibrary;

/**
 * The built-in agents, read from the classpath data file {@value #RESOURCE} (its header names every
 * source; each compartment and each reproduced figure carries a source id). Shared compartments
 * (urinary bladder, gastrointestinal tract, excretion sinks) are defined once in the file and added to
 * every agent that routes activity to them.
 *
 * <p>Data-file units: half-times in hours ({@code half_time_h}) or first-order rates per day
 * ({@code rate_per_day}, as ICRP writes them); a compartment with neither keeps what it receives.
 */
public final class AgentLibrary {
    /** Classpath resource of the agent data. */
    public static final String RESOURCE = "/org/spectlab/phantoms/agent/agents.yaml";

    private static final Map<String, Agent> AGENTS = load();

    private AgentLibrary() {
    }

    /** Agent keys in listing order. */
    public static List<String> keys() {
        return List.copyOf(AGENTS.keySet());
    }

    /** All agents in listing order. */
    public static List<Agent> all() {
        return List.copyOf(AGENTS.values());
    }

    /**
     * An agent by key (case-insensitive, {@code _} read as {@code -}).
     *
     * @param field config field named in the error
     */
    public static Agent get(String field, String key) {
        String k = key == null ? "" : key.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        Agent a = AGENTS.get(k);
        if (a == null) {
            throw InputException.field(field, "unknown agent '" + key + "'; known: " + String.join(", ", keys()));
        }
        return a;
    }

    private static Map<String, Agent> load() {
        JsonNode root;
        try (InputStream in = AgentLibrary.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("agent data missing from the build: " + RESOURCE);
            }
            root = new ObjectMapper(new YAMLFactory()).readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> sources = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.get("sources").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            sources.put(e.getKey(), e.getValue().asText());
        }
        Map<String, Agent.Compartment> shared = new LinkedHashMap<>();
        for (JsonNode c : root.get("shared")) {
            Agent.Compartment comp = compartment(c);
            shared.put(comp.name(), comp);
        }
        Map<String, Agent> out = new LinkedHashMap<>();
        for (JsonNode a : root.get("agents")) {
            String key = a.get("key").asText();
            Route route = Route.parse("agent '" + key + "'.route", a.get("route").asText());
            Map<String, Agent.Compartment> comps = new LinkedHashMap<>();
            for (JsonNode c : a.get("compartments")) {
                Agent.Compartment comp = compartment(c);
                comps.put(comp.name(), comp);
            }
            Map<String, Double> start = new LinkedHashMap<>();
            if (a.has("start")) {
                start.putAll(fractions(a.get("start")));
            } else {
                start.put(route.entryCompartment(), 1.0);
            }
            // add the shared compartments reached from this agent's compartments or start
            Deque<String> todo = new ArrayDeque<>(start.keySet());
            for (Agent.Compartment c : comps.values()) {
                todo.addAll(c.to().keySet());
            }
            while (!todo.isEmpty()) {
                String n = todo.pop();
                if (!comps.containsKey(n) && shared.containsKey(n)) {
                    Agent.Compartment c = shared.get(n);
                    comps.put(n, c);
                    todo.addAll(c.to().keySet());
                }
            }
            List<Agent.Check> checks = new ArrayList<>();
            if (a.has("checks")) {
                for (JsonNode c : a.get("checks")) {
                    List<String> names = new ArrayList<>();
                    c.get("compartments").forEach(x -> names.add(x.asText()));
                    checks.add(new Agent.Check(c.get("what").asText(), names, c.get("time_h").asDouble(),
                            c.get("fraction").asDouble(), c.get("tolerance").asDouble(), c.get("source").asText()));
                }
            }
            Set<String> used = new LinkedHashSet<>();
            for (Agent.Compartment c : comps.values()) {
                if (c.source() != null) {
                    used.add(c.source());
                }
            }
            for (Agent.Check c : checks) {
                used.add(c.source());
            }
            Map<String, String> agentSources = new LinkedHashMap<>();
            for (String id : used) {
                if (!sources.containsKey(id)) {
                    throw new IllegalStateException(RESOURCE + ": agent '" + key + "' cites unknown source '" + id + "'");
                }
                agentSources.put(id, sources.get(id));
            }
            Agent agent = new Agent(key, a.get("name").asText(), NuclideLibrary.canonicalName(a.get("nuclide").asText()),
                    route, a.get("excretion").asText(), a.path("notes").asText(""), agentSources,
                    new ArrayList<>(comps.values()), start, checks);
            agent.model(); // fail at load time on a malformed model
            out.put(key, agent);
        }
        return out;
    }

    private static Agent.Compartment compartment(JsonNode c) {
        String name = c.get("name").asText();
        double halfTimeH = Double.POSITIVE_INFINITY;
        if (c.has("half_time_h")) {
            halfTimeH = c.get("half_time_h").asDouble();
        } else if (c.has("half_time_min")) {
            halfTimeH = c.get("half_time_min").asDouble() / 60.0;
        } else if (c.has("rate_per_day")) {
            halfTimeH = 24.0 * Math.log(2) / c.get("rate_per_day").asDouble();
        }
        Map<String, Double> to = c.has("to") ? fractions(c.get("to")) : Map.of();
        return new Agent.Compartment(name, c.get("group").asText(), halfTimeH, to,
                c.has("source") ? c.get("source").asText() : null);
    }

    private static Map<String, Double> fractions(JsonNode m) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = m.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            out.put(e.getKey(), e.getValue().asDouble());
        }
        return out;
    }
}
