package org.spectlab.validation.physics;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Total mass attenuation coefficients (cm^2/g, coherent included) of the NIST tables (Hubbell &amp;
 * Seltzer, NISTIR 5632) at their tabulated energies, bundled as {@code nist_mu_rho.csv} whose header
 * cites the tables. Each value keeps its printed precision, so its rounding uncertainty is known.
 */
final class NistMassAttenuation {
    /** Citation of the tables. */
    static final String SOURCE = "NIST NISTIR 5632 (Hubbell & Seltzer 1995, SRD 126), tabulated value";
    /** Mass fraction of Na in stoichiometric NaI (IUPAC 2013 atomic weights Na 22.98977, I 126.90447). */
    static final double NAI_SODIUM_FRACTION = 22.98977 / (22.98977 + 126.90447);

    /** One printed value: the number and its rounding standard uncertainty (half a last digit / sqrt 3). */
    record Value(double muRhoCm2PerG, double roundingUncertainty) {
    }

    private static final Map<String, TreeMap<Double, Value>> TABLE = load();

    private NistMassAttenuation() {
    }

    /** The value of a material ("water", "cortical_bone", "lead", "nai") at a tabulated energy. */
    static Value at(String material, double energyKeV) {
        if (material.equals("nai")) {
            Value na = at("sodium", energyKeV);
            Value io = at("iodine", energyKeV);
            double w = NAI_SODIUM_FRACTION;
            double v = w * na.muRhoCm2PerG() + (1 - w) * io.muRhoCm2PerG();
            double u = Math.hypot(w * na.roundingUncertainty(), (1 - w) * io.roundingUncertainty());
            return new Value(v, u);
        }
        TreeMap<Double, Value> rows = TABLE.get(material);
        Value v = rows == null ? null : rows.get(energyKeV);
        if (v == null) {
            throw new IllegalArgumentException("no NIST value for " + material + " at " + energyKeV + " keV");
        }
        return v;
    }

    /**
     * Log-log interpolation between two tabulated energies (how NIST itself interpolates its tables),
     * with the rounding uncertainty of the end points propagated.
     */
    static Value logLog(String material, double lowKeV, double highKeV, double energyKeV) {
        Value a = at(material, lowKeV);
        Value b = at(material, highKeV);
        double t = Math.log(energyKeV / lowKeV) / Math.log(highKeV / lowKeV);
        double v = Math.exp((1 - t) * Math.log(a.muRhoCm2PerG()) + t * Math.log(b.muRhoCm2PerG()));
        double u = v * Math.hypot((1 - t) * a.roundingUncertainty() / a.muRhoCm2PerG(),
                t * b.roundingUncertainty() / b.muRhoCm2PerG());
        return new Value(v, u);
    }

    private static Map<String, TreeMap<Double, Value>> load() {
        Map<String, TreeMap<Double, Value>> out = new LinkedHashMap<>();
        try (InputStream in = NistMassAttenuation.class.getResourceAsStream("nist_mu_rho.csv")) {
            if (in == null) {
                throw new IllegalStateException("missing resource nist_mu_rho.csv");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            boolean header = true;
            while ((line = r.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                String[] f = line.split(",");
                BigDecimal printed = new BigDecimal(f[2].trim());
                double halfUlp = 0.5 * Math.pow(10, -printed.scale());
                out.computeIfAbsent(f[0].trim(), k -> new TreeMap<>()).put(Double.parseDouble(f[1]),
                        new Value(printed.doubleValue(), halfUlp / Math.sqrt(3)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
