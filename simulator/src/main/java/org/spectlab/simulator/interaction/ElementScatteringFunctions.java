package org.spectlab.simulator.interaction;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The atomic form factor F(x) and the incoherent scattering function S(x) of one element, as
 * tabulated in EPDL97 (Cullen, Hubbell and Kissel, UCRL-50400 Vol. 6 Rev. 5, 1997; built on Hubbell
 * et al., J. Phys. Chem. Ref. Data 4, 471, 1975). The source and units of each table are in the header
 * of its resource file {@code Z<nnn>-<symbol>.txt} in this package.
 *
 * <p>x = sin(theta/2)/lambda in 1/angstrom; F and S in electrons. Between tabulated points the
 * functions are interpolated log-log (the EPDL97 convention), linearly on the first segment, which
 * starts at x = 0. Beyond the last tabulated point (x = 1000 1/angstrom) F is extrapolated along its
 * last log-log segment and S is held at its last value (equal to Z). Instances are immutable and
 * shared.
 */
public final class ElementScatteringFunctions {
    /** Atomic numbers for which tables are shipped. */
    private static final int[] SUPPORTED = {1, 4, 5, 6, 7, 8, 9, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 22, 26,
        29, 30, 32, 53, 55, 56, 64, 74, 81, 82, 83};
    private static final String[] SYMBOLS = symbols();
    private static final ConcurrentMap<Integer, ElementScatteringFunctions> CACHE = new ConcurrentHashMap<>();

    private final int atomicNumber;
    private final double[] formFactorX;
    private final double[] formFactor;
    private final double[] incoherentX;
    private final double[] incoherent;

    private ElementScatteringFunctions(int atomicNumber, double[] formFactorX, double[] formFactor,
                                       double[] incoherentX, double[] incoherent) {
        this.atomicNumber = atomicNumber;
        this.formFactorX = formFactorX;
        this.formFactor = formFactor;
        this.incoherentX = incoherentX;
        this.incoherent = incoherent;
    }

    /**
     * The tables of element Z.
     *
     * @throws IllegalArgumentException if no table is shipped for Z (see {@link #isSupported(int)})
     */
    public static ElementScatteringFunctions of(int atomicNumber) {
        if (!isSupported(atomicNumber)) {
            throw new IllegalArgumentException("no scattering-function table for Z=" + atomicNumber
                    + "; supported Z: " + supportedList());
        }
        return CACHE.computeIfAbsent(atomicNumber, ElementScatteringFunctions::load);
    }

    /** Whether tables (and an atomic weight) are shipped for element Z. */
    public static boolean isSupported(int atomicNumber) {
        for (int z : SUPPORTED) {
            if (z == atomicNumber) {
                return true;
            }
        }
        return false;
    }

    /** The supported atomic numbers, ascending (a copy). */
    public static int[] supportedAtomicNumbers() {
        return SUPPORTED.clone();
    }

    static String supportedList() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < SUPPORTED.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(SYMBOLS[i]).append('=').append(SUPPORTED[i]);
        }
        return sb.toString();
    }

    /** Atomic number Z. */
    public int atomicNumber() {
        return atomicNumber;
    }

    /** Standard atomic weight in g/mol (IUPAC 2021, abridged). */
    public double atomicWeightGPerMol() {
        return AtomicWeights.gPerMol(atomicNumber);
    }

    /** Atomic form factor F(x), electrons; x = sin(theta/2)/lambda in 1/angstrom, x &gt;= 0. */
    public double formFactor(double xPerAngstrom) {
        return interpolate(formFactorX, formFactor, xPerAngstrom, true);
    }

    /** Incoherent scattering function S(x), electrons; x = sin(theta/2)/lambda in 1/angstrom, x &gt;= 0. */
    public double incoherentFunction(double xPerAngstrom) {
        return interpolate(incoherentX, incoherent, xPerAngstrom, false);
    }

    private static double interpolate(double[] xs, double[] ys, double x, boolean extrapolateLogLog) {
        if (!(x >= 0)) {
            throw new IllegalArgumentException("momentum transfer x must be >= 0, got " + x);
        }
        int n = xs.length;
        if (x >= xs[n - 1]) {
            if (!extrapolateLogLog || x == xs[n - 1]) {
                return ys[n - 1];
            }
            return logLog(xs[n - 2], ys[n - 2], xs[n - 1], ys[n - 1], x);
        }
        int lo = 0;
        int hi = n - 1;
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (xs[mid] <= x) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        double x0 = xs[lo];
        double x1 = xs[hi];
        double y0 = ys[lo];
        double y1 = ys[hi];
        if (x0 <= 0 || y0 <= 0 || y1 <= 0) {
            return y0 + (y1 - y0) * (x - x0) / (x1 - x0);
        }
        return logLog(x0, y0, x1, y1, x);
    }

    private static double logLog(double x0, double y0, double x1, double y1, double x) {
        double slope = Math.log(y1 / y0) / Math.log(x1 / x0);
        return y0 * Math.exp(slope * Math.log(x / x0));
    }

    private static ElementScatteringFunctions load(int z) {
        String symbol = SYMBOLS[indexOf(z)];
        String resource = String.format("Z%03d-%s.txt", z, symbol);
        try (InputStream in = ElementScatteringFunctions.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
            double[][] f = readSection(reader, "F", resource);
            double[][] s = readSection(reader, "S", resource);
            return new ElementScatteringFunctions(z, f[0], f[1], s[0], s[1]);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    private static double[][] readSection(BufferedReader reader, String name, String resource) throws IOException {
        String line = reader.readLine();
        while (line != null && (line.isBlank() || line.startsWith("#"))) {
            line = reader.readLine();
        }
        if (line == null || !line.startsWith(name + " ")) {
            throw new IllegalStateException(resource + ": expected section '" + name + " <count>', got " + line);
        }
        int count = Integer.parseInt(line.substring(name.length() + 1).trim());
        double[] x = new double[count];
        double[] y = new double[count];
        for (int i = 0; i < count; i++) {
            String[] parts = reader.readLine().trim().split("\\s+");
            x[i] = Double.parseDouble(parts[0]);
            y[i] = Double.parseDouble(parts[1]);
            if (i > 0 && !(x[i] > x[i - 1])) {
                throw new IllegalStateException(resource + ": x not increasing at row " + i + " of " + name);
            }
        }
        return new double[][] {x, y};
    }

    private static int indexOf(int z) {
        for (int i = 0; i < SUPPORTED.length; i++) {
            if (SUPPORTED[i] == z) {
                return i;
            }
        }
        throw new IllegalArgumentException("unsupported Z=" + z);
    }

    private static String[] symbols() {
        return new String[] {"H", "Be", "B", "C", "N", "O", "F", "Na", "Mg", "Al", "Si", "P", "S", "Cl", "Ar", "K",
            "Ca", "Ti", "Fe", "Cu", "Zn", "Ge", "I", "Cs", "Ba", "Gd", "W", "Tl", "Pb", "Bi"};
    }
}
