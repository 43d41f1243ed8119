package org.spectlab.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.spectlab.core.error.InputException;
import org.spectlab.core.nuclide.DecayData;
import org.spectlab.core.nuclide.EmissionLine;
import org.spectlab.core.nuclide.Nuclide;
import org.spectlab.core.nuclide.NuclideLibrary;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code spectlab nuclide NAME [--json] [--min-yield F]}: the half-life and photon lines of a built-in
 * nuclide, with the evaluation they come from; {@code spectlab nuclide --list} names the nuclides.
 * An unknown name is bad input (exit code 2 under the root command).
 */
@Command(name = "nuclide",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Decay data of a radionuclide: half-life and the gamma and x-ray lines emitted per decay.",
            "Energies in keV, yields in %% per decay (JSON: fraction per decay), half-life in h and s.",
            "Data: DDEP recommended values (LNE-LNHB Table de Radionucleides), evaluation cited per nuclide."})
public final class NuclideCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "NAME",
            description = "Nuclide, in any usual spelling: Tc-99m, 99mTc, tc99m, I-123, 111In, I131 ...")
    private String name;

    @Option(names = "--json", description = "Print JSON instead of a table.")
    private boolean json;

    @Option(names = "--min-yield", paramLabel = "F", defaultValue = "0",
            description = "Only lines with at least F photons per decay (fraction: 0.01 = 1 %%). Default: ${DEFAULT-VALUE} (all lines in the table).")
    private double minYield;

    @Option(names = "--list", description = "List the known nuclides and exit.")
    private boolean list;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (list) {
            printList(out);
            return 0;
        }
        if (name == null) {
            throw InputException.field("NAME", "give a nuclide name (one of " + String.join(", ", NuclideLibrary.names())
                    + ") or --list");
        }
        if (!(minYield >= 0) || !Double.isFinite(minYield)) {
            throw InputException.field("--min-yield", "must be a number >= 0 (photons per decay), got " + minYield);
        }
        Nuclide nuclide = NuclideLibrary.get(name);
        DecayData data = NuclideLibrary.decayData(name);
        List<EmissionLine> lines = nuclide.linesAbove(minYield);
        if (json) {
            printJson(out, nuclide, data, lines);
        } else {
            printTable(out, nuclide, data, lines);
        }
        out.flush();
        return 0;
    }

    private void printList(PrintWriter out) throws Exception {
        if (json) {
            ObjectMapper mapper = new ObjectMapper();
            ObjectNode root = mapper.createObjectNode();
            ArrayNode names = root.putArray("nuclides");
            NuclideLibrary.names().forEach(names::add);
            out.println(mapper.writeValueAsString(root));
        } else {
            for (String n : NuclideLibrary.names()) {
                DecayData d = NuclideLibrary.decayData(n);
                out.printf(Locale.ROOT, "%-8s %-3s %s %s%n", n, d.decayMode(), plain(d.halfLife()), d.halfLifeUnit());
            }
        }
        out.flush();
    }

    private void printTable(PrintWriter out, Nuclide nuclide, DecayData data, List<EmissionLine> lines) {
        out.printf(Locale.ROOT, "%s: %s decay to %s%n", nuclide.name(), data.decayMode(), data.daughter());
        out.printf(Locale.ROOT, "half-life: %s %s (uncertainty %s %s) = %.6g h = %.6g s%n",
                plain(data.halfLife()), data.halfLifeUnit(), plain(data.halfLifeUncertainty()), data.halfLifeUnit(),
                nuclide.halfLifeH(), nuclide.halfLifeS());
        out.printf(Locale.ROOT, "source: %s%n", nuclide.source());
        double photons = 0;
        for (EmissionLine l : lines) {
            photons += l.yieldPerDecay();
        }
        out.printf(Locale.ROOT, "%d lines with yield >= %s per decay, %.4f photons per decay%n",
                lines.size(), plain(minYield), photons);
        out.printf(Locale.ROOT, "%12s %10s  %-6s %s%n", "energy_keV", "yield_%", "kind", "label");
        for (EmissionLine l : lines) {
            out.printf(Locale.ROOT, "%12s %10s  %-6s %s%n", plain(l.energyKeV()), percent(l.yieldPerDecay()),
                    l.kind().word(), l.label());
        }
    }

    private static void printJson(PrintWriter out, Nuclide nuclide, DecayData data, List<EmissionLine> lines)
            throws Exception {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("nuclide", nuclide.name());
        root.put("decay_mode", data.decayMode());
        root.put("daughter", data.daughter());
        root.put("half_life_h", nuclide.halfLifeH());
        root.put("half_life_s", nuclide.halfLifeS());
        ObjectNode given = root.putObject("half_life_as_evaluated");
        given.put("value", data.halfLife());
        given.put("uncertainty", data.halfLifeUncertainty());
        given.put("unit", data.halfLifeUnit());
        root.put("source", nuclide.source());
        ArrayNode array = root.putArray("lines");
        for (EmissionLine l : lines) {
            ObjectNode line = array.addObject();
            line.put("energy_keV", l.energyKeV());
            line.put("yield", l.yieldPerDecay());
            line.put("kind", l.kind().word());
            line.put("label", l.label());
        }
        out.println(mapper.writeValueAsString(root));
    }

    /** The shortest decimal that reads back as the value (as written in the data file). */
    private static String plain(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    /** A yield per decay as % (exact decimal shift of the shortest representation: 0.885 -> 88.5). */
    private static String percent(double yieldPerDecay) {
        return BigDecimal.valueOf(yieldPerDecay).movePointRight(2).stripTrailingZeros().toPlainString();
    }
}
