package org.spectlab.core.nuclide;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the two bundled CSV tables ({@code nuclides.csv}, {@code emission-lines.csv}). Comment lines start
 * with {@code #}; the first other line is the column header and must match exactly. A malformed bundled
 * file is a build defect, reported as {@link IllegalStateException} naming file, line and column.
 */
final class NuclideTableReader {

    static final String NUCLIDES_RESOURCE = "nuclides.csv";
    static final String LINES_RESOURCE = "emission-lines.csv";
    private static final String NUCLIDES_HEADER =
            "name,decay_mode,daughter,half_life,half_life_unc,half_life_unit,evaluation,year";
    private static final String LINES_HEADER =
            "nuclide,energy_keV,energy_unc_keV,yield_per_decay,yield_unc,kind,label";
    private static final String SOURCE_PREFIX =
            "DDEP recommended data (LNE-LNHB Table de Radionucleides), evaluation ";

    /** The nuclides and their decay data, in file order. */
    record Tables(Map<String, Nuclide> nuclides, Map<String, DecayData> decayData) {
    }

    private NuclideTableReader() {
    }

    static Tables readBundled() {
        List<Row> nuclideRows = read(NUCLIDES_RESOURCE, NUCLIDES_HEADER);
        List<Row> lineRows = read(LINES_RESOURCE, LINES_HEADER);

        Map<String, DecayData> decayData = new LinkedHashMap<>();
        for (Row r : nuclideRows) {
            String name = r.text(0);
            String unit = r.text(5);
            int year = (int) r.number(7);
            String source = SOURCE_PREFIX + r.text(6) + " " + year;
            DecayData d = new DecayData(name, r.text(1), r.text(2), r.number(3), r.number(4), unit, r.text(6), year,
                    source);
            try {
                d.halfLifeS();
            } catch (IllegalArgumentException e) {
                throw r.error(5, e.getMessage());
            }
            if (decayData.put(name, d) != null) {
                throw r.error(0, "nuclide listed twice");
            }
        }

        Map<String, List<EmissionLine>> lines = new LinkedHashMap<>();
        for (String name : decayData.keySet()) {
            lines.put(name, new ArrayList<>());
        }
        for (Row r : lineRows) {
            List<EmissionLine> list = lines.get(r.text(0));
            if (list == null) {
                throw r.error(0, "nuclide '" + r.text(0) + "' is not in " + NUCLIDES_RESOURCE);
            }
            r.optionalNumber(2);
            r.optionalNumber(4);
            EmissionKind kind = switch (r.text(5)) {
                case "gamma" -> EmissionKind.GAMMA;
                case "xray" -> EmissionKind.XRAY;
                default -> throw r.error(5, "kind must be gamma or xray");
            };
            try {
                list.add(new EmissionLine(r.number(1), r.number(3), kind, r.text(6)));
            } catch (IllegalArgumentException e) {
                throw r.error(1, e.getMessage());
            }
        }

        Map<String, Nuclide> nuclides = new LinkedHashMap<>();
        for (DecayData d : decayData.values()) {
            nuclides.put(d.nuclide(), new Nuclide(d.nuclide(), d.halfLifeS(), lines.get(d.nuclide()), d.source()));
        }
        return new Tables(nuclides, decayData);
    }

    private static List<Row> read(String resource, String header) {
        InputStream in = NuclideTableReader.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("bundled nuclide table " + resource + " is missing from the classpath");
        }
        int columns = header.split(",", -1).length;
        List<Row> rows = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            boolean headerSeen = false;
            int lineNo = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNo++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (!headerSeen) {
                    if (!line.strip().equals(header)) {
                        throw new IllegalStateException(resource + " line " + lineNo + ": header must be '" + header + "'");
                    }
                    headerSeen = true;
                    continue;
                }
                String[] fields = line.split(",", -1);
                if (fields.length != columns) {
                    throw new IllegalStateException(resource + " line " + lineNo + ": expected " + columns
                            + " comma-separated fields, got " + fields.length);
                }
                rows.add(new Row(resource, lineNo, header.split(","), fields));
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read bundled nuclide table " + resource, e);
        }
        return rows;
    }

    /** One data line with its position, for error messages. */
    private record Row(String file, int lineNo, String[] names, String[] fields) {

        String text(int column) {
            String s = fields[column].strip();
            if (s.isEmpty()) {
                throw error(column, "must not be empty");
            }
            return s;
        }

        double number(int column) {
            try {
                return Double.parseDouble(text(column));
            } catch (NumberFormatException e) {
                throw error(column, "not a number: '" + fields[column] + "'");
            }
        }

        double optionalNumber(int column) {
            return fields[column].isBlank() ? Double.NaN : number(column);
        }

        IllegalStateException error(int column, String problem) {
            return new IllegalStateException(file + " line " + lineNo + ", column " + names[column] + ": " + problem);
        }
    }
}
