package org.spectlab.simulator.xs;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the bundled XCOM element tables ({@code xcom/ZNNN.txt}: comment lines with the source, a header
 * line, then rows {@code energy_keV,coherent,incoherent,photoelectric,pair_nuclear,pair_electron} in
 * cm^2/g). Package-private: the tables are an implementation detail of {@link ElementCrossSections}.
 */
final class XcomTableReader {

    private XcomTableReader() {
    }

    /** True if a table for element {@code z} is bundled. */
    static boolean exists(int z) {
        return XcomTableReader.class.getResource(resourceName(z)) != null;
    }

    /**
     * Reads the table for element {@code z}.
     *
     * @return {energies keV, photoelectric, incoherent, coherent, pair} (the last four indexed by
     *         {@link Process#ordinal()} + 1)
     */
    static double[][] read(int z) {
        String name = resourceName(z);
        try (InputStream in = XcomTableReader.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing bundled XCOM table " + name);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
            List<double[]> rows = new ArrayList<>();
            String line;
            boolean header = false;
            while ((line = r.readLine()) != null) {
                line = line.trim();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                if (!header) {
                    if (!line.startsWith("energy_keV,coherent,incoherent,photoelectric,pair_nuclear,pair_electron")) {
                        throw new IllegalStateException(name + ": unexpected header " + line);
                    }
                    header = true;
                    continue;
                }
                String[] f = line.split(",");
                if (f.length != 6) {
                    throw new IllegalStateException(name + ": expected 6 columns: " + line);
                }
                double[] v = new double[6];
                for (int i = 0; i < 6; i++) {
                    v[i] = Double.parseDouble(f[i]);
                }
                rows.add(v);
            }
            int n = rows.size();
            double[][] out = new double[1 + Process.values().length][n];
            for (int i = 0; i < n; i++) {
                double[] v = rows.get(i);
                out[0][i] = v[0];
                out[1 + Process.PHOTOELECTRIC.ordinal()][i] = v[3];
                out[1 + Process.INCOHERENT.ordinal()][i] = v[2];
                out[1 + Process.COHERENT.ordinal()][i] = v[1];
                out[1 + Process.PAIR.ordinal()][i] = v[4] + v[5];
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bundled XCOM table " + name, e);
        }
    }

    private static String resourceName(int z) {
        return String.format(Locale.ROOT, "xcom/Z%03d.txt", z);
    }
}
