package org.spectlab.simulator.xs;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.spectlab.core.material.Constituent;
import org.spectlab.core.material.Element;
import org.spectlab.core.material.Material;
import org.spectlab.core.material.MaterialLibrary;

/** The NIST (Hubbell and Seltzer) reference values of {@code nist_mu_rho_reference.csv}; see its header. */
final class NistReference {

    /** One reference value. */
    record Row(String material, double energyKeV, String side, String kind, double muOverRhoCm2PerG) {
        /** Energy at which to evaluate: just below an edge for side=below, else the energy itself. */
        double evaluationEnergyKeV() {
            return "below".equals(side) ? energyKeV * (1 - 1e-9) : energyKeV;
        }
    }

    private NistReference() {
    }

    static List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                NistReference.class.getResourceAsStream("nist_mu_rho_reference.csv"), StandardCharsets.US_ASCII))) {
            String line;
            boolean header = false;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                if (!header) {
                    header = true;
                    continue;
                }
                String[] f = line.split(",", -1);
                rows.add(new Row(f[0], Double.parseDouble(f[1]), f[2], f[3], Double.parseDouble(f[4])));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    /** The material a reference row refers to: a library material, or a pure element (iodine, sodium). */
    static Material material(String name) {
        switch (name) {
            case "iodine":
                return Material.of("iodine", 4.93, List.of(Constituent.of(Element.bySymbol("I").atomicNumber(), 1)));
            case "sodium":
                return Material.of("sodium", 0.971, List.of(Constituent.of(Element.bySymbol("Na").atomicNumber(), 1)));
            default:
                return MaterialLibrary.builtIn().get(name);
        }
    }
}
