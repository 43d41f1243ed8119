package org.spectlab.core.material;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.spectlab.core.error.InputException;

/**
 * A chemical element: atomic number Z, symbol and standard atomic weight (g/mol).
 *
 * <p>Atomic weights are the IUPAC conventional / abridged standard atomic weights (IUPAC Commission on
 * Isotopic Abundances and Atomic Weights, "Standard atomic weights of the elements 2021", Pure Appl. Chem.
 * 94 (2022) 573-600, table of abridged values; for H, B, C, N, O, Na, Mg, Si, S, Cl, Ar... the conventional
 * value of the interval). They are used to turn chemical formulas into mass fractions; the cross-section
 * tables carry their own (XCOM) weights. Covered: Z = 1 to 30 and the heavier elements used in nuclear
 * medicine materials (Br, Ag, Sn, I, Cs, Ba, Gd, W, Tl, Pb, Bi).
 *
 * @param atomicNumber         Z
 * @param symbol               chemical symbol, as conventionally capitalised (e.g. {@code "Pb"})
 * @param atomicWeightGPerMol  standard atomic weight, g/mol
 */
public record Element(int atomicNumber, String symbol, double atomicWeightGPerMol) {

    private static final List<Element> ALL;
    private static final Map<String, Element> BY_SYMBOL = new HashMap<>();
    private static final Map<Integer, Element> BY_Z = new HashMap<>();

    static {
        List<Element> list = new ArrayList<>();
        // IUPAC 2021 abridged standard atomic weights (conventional values where an interval is given).
        add(list, 1, "H", 1.008);
        add(list, 2, "He", 4.0026);
        add(list, 3, "Li", 6.94);
        add(list, 4, "Be", 9.0122);
        add(list, 5, "B", 10.81);
        add(list, 6, "C", 12.011);
        add(list, 7, "N", 14.007);
        add(list, 8, "O", 15.999);
        add(list, 9, "F", 18.998);
        add(list, 10, "Ne", 20.180);
        add(list, 11, "Na", 22.990);
        add(list, 12, "Mg", 24.305);
        add(list, 13, "Al", 26.982);
        add(list, 14, "Si", 28.085);
        add(list, 15, "P", 30.974);
        add(list, 16, "S", 32.06);
        add(list, 17, "Cl", 35.45);
        add(list, 18, "Ar", 39.95);
        add(list, 19, "K", 39.098);
        add(list, 20, "Ca", 40.078);
        add(list, 21, "Sc", 44.956);
        add(list, 22, "Ti", 47.867);
        add(list, 23, "V", 50.942);
        add(list, 24, "Cr", 51.996);
        add(list, 25, "Mn", 54.938);
        add(list, 26, "Fe", 55.845);
        add(list, 27, "Co", 58.933);
        add(list, 28, "Ni", 58.693);
        add(list, 29, "Cu", 63.546);
        add(list, 30, "Zn", 65.38);
        add(list, 35, "Br", 79.904);
        add(list, 47, "Ag", 107.87);
        add(list, 50, "Sn", 118.71);
        add(list, 53, "I", 126.90);
        add(list, 55, "Cs", 132.91);
        add(list, 56, "Ba", 137.33);
        add(list, 64, "Gd", 157.25);
        add(list, 74, "W", 183.84);
        add(list, 81, "Tl", 204.38);
        add(list, 82, "Pb", 207.2);
        add(list, 83, "Bi", 208.98);
        ALL = Collections.unmodifiableList(list);
    }

    private static void add(List<Element> list, int z, String symbol, double weight) {
        Element e = new Element(z, symbol, weight);
        list.add(e);
        BY_SYMBOL.put(symbol.toLowerCase(Locale.ROOT), e);
        BY_Z.put(z, e);
    }

    /** Validates the fields. */
    public Element {
        if (atomicNumber < 1 || atomicNumber > 100) {
            throw InputException.field("atomic number", "must be 1 to 100, got " + atomicNumber);
        }
        if (!(atomicWeightGPerMol > 0)) {
            throw InputException.field("atomic weight of " + symbol, "must be > 0, got " + atomicWeightGPerMol);
        }
    }

    /**
     * The element with this symbol, case-insensitive ({@code "pb"}, {@code "PB"} and {@code "Pb"} are lead).
     *
     * @throws InputException naming the symbol when it is not a known element
     */
    public static Element bySymbol(String symbol) {
        Element e = symbol == null ? null : BY_SYMBOL.get(symbol.trim().toLowerCase(Locale.ROOT));
        if (e == null) {
            throw new InputException("unknown element symbol '" + symbol + "'; known: " + knownSymbols());
        }
        return e;
    }

    /**
     * The element with atomic number {@code z}.
     *
     * @throws InputException when Z is not in the table
     */
    public static Element byAtomicNumber(int z) {
        Element e = BY_Z.get(z);
        if (e == null) {
            throw new InputException("unknown element Z=" + z + "; known: " + knownSymbols());
        }
        return e;
    }

    /** Every element in the table, ascending Z. */
    public static List<Element> all() {
        return ALL;
    }

    private static String knownSymbols() {
        StringBuilder sb = new StringBuilder();
        for (Element e : ALL) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(e.symbol);
        }
        return sb.toString();
    }
}
