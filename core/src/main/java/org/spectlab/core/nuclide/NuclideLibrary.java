package org.spectlab.core.nuclide;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.spectlab.core.error.InputException;

/**
 * The built-in nuclide table: Tc-99m, I-123, In-111, Lu-177, I-131, Ga-67, Tl-201, and
 * the flood/calibration sources Co-57, Ba-133 and Cs-137 (with Ba-137m in equilibrium).
 *
 * <p>Data are DDEP recommended values (LNE-LNHB "Table de Radionucleides"), loaded once from the bundled
 * CSV files {@code org/spectlab/core/nuclide/nuclides.csv} and {@code emission-lines.csv}, whose headers
 * cite the evaluation of each nuclide and state which lines are included (all x-rays; gammas &ge; 0.01 %
 * per decay). Loading is lazy and thread-safe (initialisation-on-demand holder).
 *
 * <p>Names are accepted in the usual spellings, case-insensitively, with or without hyphen, blank or
 * underscore: {@code "Tc-99m"}, {@code "tc99m"}, {@code "99mTc"}, {@code "99m-Tc"}, {@code "I131"},
 * {@code "131I"}, {@code "in_111"}.
 */
public final class NuclideLibrary {

    private static final Pattern SYMBOL_FIRST = Pattern.compile("([a-z]{1,2})(\\d{1,3})(m?)");
    private static final Pattern MASS_FIRST = Pattern.compile("(\\d{1,3})(m?)([a-z]{1,2})");

    private NuclideLibrary() {
    }

    /** Loaded on first use; the JVM guarantees this runs once and is safely published. */
    private static final class Holder {
        static final NuclideTableReader.Tables TABLES = NuclideTableReader.readBundled();
        static final Map<String, String> CANONICAL_BY_KEY = keys(TABLES.nuclides().keySet());

        private static Map<String, String> keys(Iterable<String> names) {
            Map<String, String> map = new HashMap<>();
            for (String name : names) {
                List<String> candidates = candidateKeys(name);
                if (candidates.isEmpty()) {
                    throw new IllegalStateException("bundled nuclide name '" + name + "' is not of the form Xx-A[m]");
                }
                map.put(candidates.get(0), name);
            }
            return Map.copyOf(map);
        }
    }

    /**
     * The nuclide of that name.
     *
     * @param name any common spelling, e.g. {@code "Tc-99m"}, {@code "99mTc"}, {@code "i131"}
     * @throws InputException naming the known nuclides if the name is unknown
     */
    public static Nuclide get(String name) {
        return Holder.TABLES.nuclides().get(canonicalName(name));
    }

    /**
     * The decay data of that nuclide as given by its evaluation (half-life with unit and uncertainty,
     * decay mode, daughter, evaluating laboratory and year).
     *
     * @throws InputException naming the known nuclides if the name is unknown
     */
    public static DecayData decayData(String name) {
        return Holder.TABLES.decayData().get(canonicalName(name));
    }

    /** The canonical names of all nuclides in the library, in table order (e.g. {@code "Tc-99m"} first). */
    public static List<String> names() {
        return List.copyOf(Holder.TABLES.nuclides().keySet());
    }

    /**
     * The canonical spelling of a nuclide name.
     *
     * @throws InputException naming the known nuclides if the name is unknown
     */
    public static String canonicalName(String name) {
        if (name != null) {
            for (String key : candidateKeys(name)) {
                String canonical = Holder.CANONICAL_BY_KEY.get(key);
                if (canonical != null) {
                    return canonical;
                }
            }
        }
        throw InputException.field("nuclide", "unknown name '" + name + "'; known: " + String.join(", ", names()));
    }

    /**
     * Possible lookup keys ({@code symbol + mass + [m]}, lower case) of a spelling, most likely first:
     * {@code "99mTc"} gives {@code tc99m}; {@code "99mo"} gives {@code o99m} and {@code mo99}.
     */
    static List<String> candidateKeys(String name) {
        String s = name.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s_\\-]", "");
        List<String> keys = new ArrayList<>(2);
        Matcher a = SYMBOL_FIRST.matcher(s);
        if (a.matches()) {
            keys.add(a.group(1) + a.group(2) + a.group(3));
        }
        Matcher b = MASS_FIRST.matcher(s);
        if (b.matches()) {
            keys.add(b.group(3) + b.group(1) + b.group(2));
            if (!b.group(2).isEmpty()) {
                // "99mo": the 'm' may be the first letter of the symbol rather than the isomer mark
                keys.add("m" + b.group(3) + b.group(1));
            }
        }
        return keys;
    }
}
