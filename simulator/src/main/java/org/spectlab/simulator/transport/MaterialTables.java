package org.spectlab.simulator.transport;

/**
 * Linear attenuation coefficients (1/cm) of a set of materials on a uniform energy grid, for
 * transport: total, and the cumulative fractions used to choose the interaction process.
 *
 * <p>Layout: flat arrays indexed {@code material * bins + bin}; bin {@code i} is at energy
 * {@code minKeV + i * stepKeV}. Lookup is linear interpolation between bins. Approximation: between
 * two grid energies μ is taken as linear in energy; with a 0.5 keV grid the error against log-log
 * interpolation of XCOM is below 0.1 % for tissues above 20 keV. A grid point that falls exactly at
 * an absorption edge would smear the edge over one step; the source's own interpolation defines the
 * values at the grid points.
 */
public final class MaterialTables {
    private final int materials;
    private final int bins;
    private final double minKeV;
    private final double stepKeV;
    private final double inverseStep;
    private final double[] muTotal;
    private final double[] photoFraction;
    private final double[] photoPlusIncoherentFraction;

    private MaterialTables(int materials, int bins, double minKeV, double stepKeV, double[] muTotal,
                           double[] photoFraction, double[] photoPlusIncoherentFraction) {
        this.materials = materials;
        this.bins = bins;
        this.minKeV = minKeV;
        this.stepKeV = stepKeV;
        this.inverseStep = 1.0 / stepKeV;
        this.muTotal = muTotal;
        this.photoFraction = photoFraction;
        this.photoPlusIncoherentFraction = photoPlusIncoherentFraction;
    }

    /**
     * Tabulates every material from {@code minKeV} to at least {@code maxKeV} in steps of {@code stepKeV}.
     */
    public static MaterialTables build(int materials, AttenuationSource source, double minKeV, double maxKeV,
                                       double stepKeV) {
        if (materials <= 0 || !(minKeV > 0) || !(maxKeV > minKeV) || !(stepKeV > 0)) {
            throw new IllegalArgumentException("invalid table: materials=" + materials + ", " + minKeV + "-" + maxKeV
                    + " keV step " + stepKeV);
        }
        int bins = (int) Math.ceil((maxKeV - minKeV) / stepKeV) + 1;
        double[] total = new double[materials * bins];
        double[] photo = new double[materials * bins];
        double[] photoIncoh = new double[materials * bins];
        for (int m = 0; m < materials; m++) {
            for (int i = 0; i < bins; i++) {
                double e = minKeV + i * stepKeV;
                double pe = source.muPerCm(m, AttenuationSource.PHOTOELECTRIC, e);
                double inc = source.muPerCm(m, AttenuationSource.INCOHERENT, e);
                double coh = source.muPerCm(m, AttenuationSource.COHERENT, e);
                double t = pe + inc + coh;
                int k = m * bins + i;
                total[k] = t;
                photo[k] = t > 0 ? pe / t : 1.0;
                photoIncoh[k] = t > 0 ? (pe + inc) / t : 1.0;
            }
        }
        return new MaterialTables(materials, bins, minKeV, stepKeV, total, photo, photoIncoh);
    }

    /** Number of materials. */
    public int materials() {
        return materials;
    }

    /** Number of energy bins. */
    public int bins() {
        return bins;
    }

    /** Lowest tabulated energy, keV. */
    public double minKeV() {
        return minKeV;
    }

    /** Highest tabulated energy, keV. */
    public double maxKeV() {
        return minKeV + (bins - 1) * stepKeV;
    }

    /** Energy step, keV. */
    public double stepKeV() {
        return stepKeV;
    }

    /** Continuous bin coordinate of an energy (clamped into the table). */
    double binCoordinate(double energyKeV) {
        double x = (energyKeV - minKeV) * inverseStep;
        if (x < 0) {
            return 0;
        }
        double last = bins - 1.000000001;
        return x > last ? last : x;
    }

    /** Total linear attenuation coefficient (1/cm) of a material at an energy. */
    public double muTotalPerCm(int material, double energyKeV) {
        double x = binCoordinate(energyKeV);
        int i = (int) x;
        double f = x - i;
        int k = material * bins + i;
        return muTotal[k] + f * (muTotal[k + 1] - muTotal[k]);
    }

    /**
     * Writes the total linear attenuation coefficient (1/cm) of every material at one energy into
     * {@code out[0..materials-1]} (one bin lookup shared by all materials).
     */
    public void muTotalPerCmAll(double energyKeV, double[] out) {
        double x = binCoordinate(energyKeV);
        int i = (int) x;
        double f = x - i;
        for (int m = 0; m < materials; m++) {
            int k = m * bins + i;
            out[m] = muTotal[k] + f * (muTotal[k + 1] - muTotal[k]);
        }
    }

    /**
     * Chooses the process of a real interaction: returns {@link AttenuationSource#PHOTOELECTRIC},
     * {@link AttenuationSource#INCOHERENT} or {@link AttenuationSource#COHERENT} for a uniform
     * random number {@code u} in [0, 1).
     */
    public int chooseProcess(int material, double energyKeV, double u) {
        double x = binCoordinate(energyKeV);
        int i = (int) x;
        double f = x - i;
        int k = material * bins + i;
        double pPhoto = photoFraction[k] + f * (photoFraction[k + 1] - photoFraction[k]);
        if (u < pPhoto) {
            return AttenuationSource.PHOTOELECTRIC;
        }
        double pPi = photoPlusIncoherentFraction[k] + f * (photoPlusIncoherentFraction[k + 1]
                - photoPlusIncoherentFraction[k]);
        return u < pPi ? AttenuationSource.INCOHERENT : AttenuationSource.COHERENT;
    }

    /** Probability that a real interaction at this energy is a scattering (not photoelectric). */
    public double scatterProbability(int material, double energyKeV) {
        double x = binCoordinate(energyKeV);
        int i = (int) x;
        double f = x - i;
        int k = material * bins + i;
        return 1.0 - (photoFraction[k] + f * (photoFraction[k + 1] - photoFraction[k]));
    }

    /**
     * Writes the shares of the three processes in the total attenuation at this energy into
     * {@code out[0..2]} (photoelectric, incoherent, coherent; they sum to 1).
     */
    public void processShares(int material, double energyKeV, double[] out) {
        double x = binCoordinate(energyKeV);
        int i = (int) x;
        double f = x - i;
        int k = material * bins + i;
        double pPhoto = photoFraction[k] + f * (photoFraction[k + 1] - photoFraction[k]);
        double pPi = photoPlusIncoherentFraction[k] + f * (photoPlusIncoherentFraction[k + 1]
                - photoPlusIncoherentFraction[k]);
        out[0] = pPhoto;
        out[1] = pPi - pPhoto;
        out[2] = 1.0 - pPi;
    }

    /** Raw total-μ array (1/cm), indexed {@code material * bins() + bin}; not a copy. */
    double[] muTotalArray() {
        return muTotal;
    }
}
