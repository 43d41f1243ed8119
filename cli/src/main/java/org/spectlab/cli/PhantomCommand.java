package org.spectlab.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.spectlab.core.error.InputException;
import org.spectlab.core.grid.Grid3;
import org.spectlab.phantoms.agent.Agent;
import org.spectlab.phantoms.agent.AgentLibrary;
import org.spectlab.phantoms.config.PhantomConfig;
import org.spectlab.phantoms.library.PresetCatalog;
import org.spectlab.phantoms.truth.TruthFolder;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code spectlab phantom list|agents|render}: the phantom library, the built-in tracer agents and the
 * rendering of a phantom configuration to its ground-truth folder.
 *
 * <ul>
 *   <li>{@code phantom list [--json]}: every preset with a one-line description, its dimensions (mm) and
 *       the example configuration shipped for it;</li>
 *   <li>{@code phantom agents [--json]}: every built-in agent ({@code kinetics.agent} in a config) with
 *       its nuclide, administration route, excretion path and sources;</li>
 *   <li>{@code phantom render CONFIG.yaml --out DIR [--json]}: voxelises the configuration and writes
 *       {@code DIR/truth/} (activity.nii in Bq/mL at the configured time, labels.nii/.json,
 *       materials.nii/.json, phantom.json) as a whole or not at all. {@code CONFIG} may be
 *       {@code example:NAME} for a shipped example (see {@code list}).</li>
 * </ul>
 * Bad configurations are {@link InputException}s naming the field (exit code 2 under the root command).
 */
@Command(name = "phantom",
        mixinStandardHelpOptions = true,
        description = {"Digital phantoms: list the presets and tracer agents, render a phantom configuration to "
            + "ground truth."},
        subcommands = {PhantomCommand.ListPresets.class, PhantomCommand.ListAgents.class, PhantomCommand.Render.class})
public final class PhantomCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand: list, agents or render");
    }

    /** {@code phantom list}. */
    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List the phantom presets: name, description, dimensions (mm) and example configuration.")
    static final class ListPresets implements Callable<Integer> {
        @Option(names = "--json", description = "Print {\"presets\": [{name, description, dimensions, example}]}.")
        private boolean json;

        @CommandLine.Spec
        private CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws JsonProcessingException {
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                ObjectMapper mapper = new ObjectMapper();
                ObjectNode root = mapper.createObjectNode();
                ArrayNode arr = root.putArray("presets");
                for (PresetCatalog.Preset p : PresetCatalog.all()) {
                    arr.addObject().put("name", p.name()).put("description", p.description())
                            .put("dimensions", p.dimensions()).put("example", p.example());
                }
                out.println(mapper.writeValueAsString(root));
            } else {
                for (PresetCatalog.Preset p : PresetCatalog.all()) {
                    out.printf(Locale.ROOT, "%-17s %s%n", p.name(), p.description());
                    out.printf(Locale.ROOT, "%-17s   dimensions: %s%n", "", p.dimensions());
                    out.printf(Locale.ROOT, "%-17s   example:    example:%s%n", "", p.example());
                }
                for (String e : PresetCatalog.agentExampleNames()) {
                    out.printf(Locale.ROOT, "%-17s example:%s (a built-in agent; see 'spectlab phantom agents')%n",
                            "agent example", e);
                }
                out.println();
                out.println("Render an example: spectlab phantom render example:iec-8to1.yaml --out DIR");
            }
            out.flush();
            return 0;
        }
    }

    /** {@code phantom agents}. */
    @Command(name = "agents", mixinStandardHelpOptions = true,
            description = "List the built-in tracer agents (kinetics.agent in a phantom config): key, nuclide, "
                + "administration route, excretion and the sources of their biokinetic numbers.")
    static final class ListAgents implements Callable<Integer> {
        @Option(names = "--json", description = "Print {\"agents\": [{key, name, nuclide, route, excretion, "
                + "compartments, sources}]}.")
        private boolean json;

        @CommandLine.Spec
        private CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws JsonProcessingException {
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                ObjectMapper mapper = new ObjectMapper();
                ObjectNode root = mapper.createObjectNode();
                ArrayNode arr = root.putArray("agents");
                for (Agent a : AgentLibrary.all()) {
                    ObjectNode o = arr.addObject().put("key", a.key()).put("name", a.name())
                            .put("nuclide", a.nuclide()).put("route", a.route().key()).put("excretion", a.excretion());
                    ArrayNode c = o.putArray("compartments");
                    for (Agent.Compartment comp : a.compartments()) {
                        c.addObject().put("name", comp.name()).put("group", comp.group())
                                .put("half_time_h", comp.halfTimeH());
                    }
                    ArrayNode src = o.putArray("sources");
                    a.sources().values().forEach(src::add);
                }
                out.println(mapper.writeValueAsString(root));
            } else {
                for (Agent a : AgentLibrary.all()) {
                    out.printf(Locale.ROOT, "%-26s %s%n", a.key(), a.name());
                    out.printf(Locale.ROOT, "%-26s   nuclide %s, route %s, excretion %s%n", "", a.nuclide(),
                            a.route().key(), a.excretion());
                    for (String src : a.sources().values()) {
                        String line = src.length() > 110 ? src.substring(0, 107) + "..." : src;
                        out.printf(Locale.ROOT, "%-26s   source: %s%n", "", line);
                    }
                }
                out.println();
                out.println("Use one: kinetics: {agent: tc99m-mdp, administered_mbq: 740, time_h: 3, acquisition_s: 1200}"
                        + "  (example: spectlab phantom render example:torso-mdp.yaml --out DIR)");
            }
            out.flush();
            return 0;
        }
    }

    /** {@code phantom render}. */
    @Command(name = "render", mixinStandardHelpOptions = true,
            description = {"Voxelise a phantom configuration (YAML/JSON) and write DIR/truth/: activity.nii "
                + "(Bq/mL at the configured time), labels.nii + labels.json, materials.nii + materials.json, "
                + "phantom.json. Written whole or not at all."})
    static final class Render implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "CONFIG",
                description = "Phantom configuration file, or example:NAME for a shipped example (see 'list').")
        private String config;

        @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder.")
        private Path outDir;

        @Option(names = "--json", description = "Print a JSON summary: files, grid, total_activity_mbq.")
        private boolean json;

        @CommandLine.Spec
        private CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws JsonProcessingException {
            PhantomConfig cfg;
            if (config.startsWith("example:")) {
                String name = config.substring("example:".length());
                cfg = PhantomConfig.parse(PresetCatalog.exampleText(name), config);
            } else {
                Path file = Path.of(config);
                if (!Files.isRegularFile(file)) {
                    throw InputException.field("CONFIG", "no such file '" + config + "' (or use example:NAME)");
                }
                cfg = PhantomConfig.read(file);
            }
            long t0 = System.nanoTime();
            PhantomConfig.Rendered r = cfg.render();
            List<Path> files = TruthFolder.write(r.phantom(), r.truth(), outDir);
            double seconds = (System.nanoTime() - t0) * 1e-9;
            double totalMBq = r.phantom().totalActivityBq() * 1e-6;
            Grid3 g = r.phantom().grid();
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                ObjectMapper mapper = new ObjectMapper();
                ObjectNode root = mapper.createObjectNode();
                root.put("phantom", r.phantom().phantom().name());
                ArrayNode fa = root.putArray("files");
                for (Path f : files) {
                    fa.add(f.toString());
                }
                root.putArray("grid_size").add(g.nx()).add(g.ny()).add(g.nz());
                root.putArray("voxel_mm").add(g.voxelXMm()).add(g.voxelYMm()).add(g.voxelZMm());
                root.put("total_activity_mbq", totalMBq);
                root.put("seconds", seconds);
                out.println(mapper.writeValueAsString(root));
            } else {
                out.printf(Locale.ROOT, "%s on %d x %d x %d voxels of %s x %s x %s mm: total activity %.6g MBq "
                                + "(%.1f s)%n", r.phantom().phantom().name(), g.nx(), g.ny(), g.nz(),
                        fmt(g.voxelXMm()), fmt(g.voxelYMm()), fmt(g.voxelZMm()), totalMBq, seconds);
                for (Path f : files) {
                    out.println("  " + f);
                }
            }
            out.flush();
            return 0;
        }

        private static String fmt(double x) {
            return java.math.BigDecimal.valueOf(x).stripTrailingZeros().toPlainString();
        }
    }
}
