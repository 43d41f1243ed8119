package org.spectlab.simulator.xs;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.spectlab.core.error.InputException;
import org.spectlab.core.material.Element;

/**
 * Photon mass attenuation coefficients of one element, per process, from the NIST XCOM tables
 * (Berger, Hubbell, Seltzer et al., NIST Standard Reference Database 8), cm^2/g, 1 keV to 3 MeV.
 *
 * <p>Interpolation is linear in log(energy)-log(coefficient) between tabulated energies, as XCOM
 * recommends for the photoelectric effect; where one of the two values is zero (pair production near its
 * 1.022 MeV threshold) it is linear in energy. The table is split into segments at absorption edges
 * (an edge is an energy listed twice, first with the value below, then above the edge) and interpolation
 * never crosses a segment boundary. An energy exactly at an edge takes the value <em>above</em> the
 * edge (the photon can eject the shell electron). Approximations: XCOM's own interpolation uses cubic
 * splines for scattering and extra photoelectric nodes inside narrow L/M sub-shell intervals, which these
 * tables omit; the resulting differences are bounded in the tests (&lt;1% above 10 keV).
 *
 * <p>Instances are immutable and shared ({@link #of(int)} caches them).
 */
public final class ElementCrossSections {

    private static final int N_PROCESSES = Process.values().length;
    private static final ElementCrossSections[] CACHE = new ElementCrossSections[101];

    private final int atomicNumber;
    private final double[] energyKeV;
    private final double[] lnEnergy;
    /** [process][i] coefficient, cm^2/g. */
    private final double[][] value;
    /** [process][i] log of the coefficient (-inf for zero). */
    private final double[][] lnValue;

    ElementCrossSections(int atomicNumber, double[] energyKeV, double[][] valuesByProcess) {
        int n = energyKeV.length;
        if (n < 2 || valuesByProcess.length != N_PROCESSES) {
            throw new IllegalArgumentException("need at least two energies and one row per process");
        }
        for (int i = 1; i < n; i++) {
            if (energyKeV[i] < energyKeV[i - 1]) {
                throw new IllegalArgumentException("energies must not decrease at row " + i);
            }
            if (energyKeV[i] == energyKeV[i - 1] && i >= 2 && energyKeV[i - 1] == energyKeV[i - 2]) {
                throw new IllegalArgumentException("an energy appears three times at row " + i);
            }
        }
        this.atomicNumber = atomicNumber;
        this.energyKeV = energyKeV.clone();
        this.lnEnergy = new double[n];
        for (int i = 0; i < n; i++) {
            lnEnergy[i] = Math.log(energyKeV[i]);
        }
        this.value = new double[N_PROCESSES][];
        this.lnValue = new double[N_PROCESSES][n];
        for (int p = 0; p < N_PROCESSES; p++) {
            value[p] = valuesByProcess[p].clone();
            if (value[p].length != n) {
                throw new IllegalArgumentException("process " + p + " has " + value[p].length + " values, not " + n);
            }
            for (int i = 0; i < n; i++) {
                if (!(value[p][i] >= 0)) {
                    throw new IllegalArgumentException("negative or NaN coefficient at row " + i);
                }
                lnValue[p][i] = Math.log(value[p][i]);
            }
        }
    }

    /**
     * The cross sections of element {@code z} from the bundled XCOM table.
     *
     * @throws InputException if no table is bundled for that element
     */
    public static ElementCrossSections of(int z) {
        if (z < 1 || z > 100) {
            throw InputException.field("atomic number", "must be 1 to 100, got " + z);
        }
        synchronized (CACHE) {
            ElementCrossSections e = CACHE[z];
            if (e == null) {
                if (!XcomTableReader.exists(z)) {
                    throw new InputException("no XCOM cross-section table is bundled for Z=" + z + " ("
                            + symbolOrZ(z) + "); available: " + availableSymbols());
                }
                double[][] t = XcomTableReader.read(z);
                double[][] v = new double[N_PROCESSES][];
                for (int p = 0; p < N_PROCESSES; p++) {
                    v[p] = t[1 + p];
                }
                e = new ElementCrossSections(z, t[0], v);
                CACHE[z] = e;
            }
            return e;
        }
    }

    /** True if a table is bundled for element {@code z}. */
    public static boolean isAvailable(int z) {
        return z >= 1 && z <= 100 && XcomTableReader.exists(z);
    }

    /** Symbols of the elements with a bundled table, ascending Z. */
    public static String availableSymbols() {
        StringBuilder sb = new StringBuilder();
        for (int z = 1; z <= 100; z++) {
            if (XcomTableReader.exists(z)) {
                if (sb.length() > 0) {
                    sb.append(", ");
                }
                sb.append(symbolOrZ(z));
            }
        }
        return sb.toString();
    }

    private static String symbolOrZ(int z) {
        try {
            return Element.byAtomicNumber(z).symbol();
        } catch (InputException e) {
            return "Z=" + z;
        }
    }

    /** Z. */
    public int atomicNumber() {
        return atomicNumber;
    }

    /** Lowest tabulated energy, keV. */
    public double minEnergyKeV() {
        return energyKeV[0];
    }

    /** Highest tabulated energy, keV. */
    public double maxEnergyKeV() {
        return energyKeV[energyKeV.length - 1];
    }

    /** The tabulated energies (keV), edges listed twice; a copy. */
    public double[] tabulatedEnergiesKeV() {
        return energyKeV.clone();
    }

    /** The absorption-edge energies (keV) in the table, ascending; a copy. */
    public double[] edgeEnergiesKeV() {
        List<Double> edges = new ArrayList<>();
        for (int i = 1; i < energyKeV.length; i++) {
            if (energyKeV[i] == energyKeV[i - 1]) {
                edges.add(energyKeV[i]);
            }
        }
        double[] out = new double[edges.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = edges.get(i);
        }
        return out;
    }

    /** The tabulated coefficient of one process at row {@code i} of {@link #tabulatedEnergiesKeV()}, cm^2/g. */
    public double tabulatedCm2PerG(Process process, int i) {
        return value[process.ordinal()][i];
    }

    /**
     * Mass attenuation coefficient of one process, cm^2/g, by log-log interpolation within the edge
     * segment containing {@code energyKeV} (at an edge: the value above it).
     *
     * @throws InputException if the energy is outside the table
     */
    public double massAttenuationCm2PerG(Process process, double energyKeV) {
        int i = lowerIndex(energyKeV);
        return interpolate(process.ordinal(), i, energyKeV);
    }

    /** Total mass attenuation coefficient (all processes, coherent included), cm^2/g. */
    public double totalMassAttenuationCm2PerG(double energyKeV) {
        int i = lowerIndex(energyKeV);
        double sum = 0;
        for (int p = 0; p < N_PROCESSES; p++) {
            sum += interpolate(p, i, energyKeV);
        }
        return sum;
    }

    /**
     * Index i of the interpolation interval [E_i, E_i+1): the last row with E_i &lt;= energy. For an
     * energy equal to an edge this is the second (above-edge) row of the pair, so the interval lies
     * entirely above the edge.
     */
    int lowerIndex(double e) {
        if (!(e >= energyKeV[0] && e <= energyKeV[energyKeV.length - 1])) {
            throw new InputException("energy " + plain(e) + " keV is outside " + plain(energyKeV[0]) + "-"
                    + plain(energyKeV[energyKeV.length - 1]) + " keV (range of the XCOM tables)");
        }
        int lo = 0;
        int hi = energyKeV.length - 1;
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (energyKeV[mid] <= e) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        if (energyKeV[hi] <= e) {
            lo = hi;
        }
        return lo;
    }

    private double interpolate(int p, int i, double e) {
        if (i == energyKeV.length - 1) {
            return value[p][i];
        }
        double v0 = value[p][i];
        double v1 = value[p][i + 1];
        if (v0 == 0 || v1 == 0) {
            double t = (e - energyKeV[i]) / (energyKeV[i + 1] - energyKeV[i]);
            return v0 + t * (v1 - v0);
        }
        double t = (Math.log(e) - lnEnergy[i]) / (lnEnergy[i + 1] - lnEnergy[i]);
        return Math.exp(lnValue[p][i] + t * (lnValue[p][i + 1] - lnValue[p][i]));
    }

    static String plain(double x) {
        if (!Double.isFinite(x)) {
            return String.valueOf(x);
        }
        return BigDecimal.valueOf(x).stripTrailingZeros().toPlainString();
    }
}
