package org.spectlab.simulator.ct;

import java.util.List;
import org.spectlab.core.material.Material;
import org.spectlab.simulator.xs.MaterialCrossSections;

/**
 * The attenuation of a CT beam by a set of materials: linear attenuation coefficients (NIST XCOM total
 * with coherent scattering, mixture rule) of every material at every spectral bin, and the detector
 * weights of the bins.
 *
 * <p>Detector model: energy-integrating (the signal of a photon is proportional to its energy), so the
 * measured transmission through path lengths {@code L_m} is
 * {@code T_E = sum_b w_E(b) exp(-sum_m mu_m(E_b) L_m)} with {@code w_E(b) ∝ N(E_b) E_b}, normalised to 1;
 * the photon-count transmission {@code T_N} (weights {@code ∝ N(E_b)}) sets the Poisson statistics.
 * Spectral bins of the tube spectrum may be merged into wider bins ({@code binKeV}) for speed; a merged
 * bin uses the coefficients at its photon-weighted mean energy. The Swank factor of energy
 * integration (extra variance from the energy spread) is neglected: noise is that of the photon count.
 */
public final class BeamModel {
    private final int bins;
    private final int materials;
    private final double[] energyKeV;
    private final double[] muPerCm;
    private final double[] weightEnergy;
    private final double[] weightCount;
    /** {@code muPerCm} transposed: material-major, {@code [m * bins + b]}. */
    private final double[] muByMaterial;

    private BeamModel(double[] energyKeV, double[] muPerCm, double[] wE, double[] wN, int materials) {
        this.bins = energyKeV.length;
        this.materials = materials;
        this.energyKeV = energyKeV;
        this.muPerCm = muPerCm;
        this.weightEnergy = wE;
        this.weightCount = wN;
        this.muByMaterial = new double[muPerCm.length];
        for (int b = 0; b < bins; b++) {
            for (int m = 0; m < materials; m++) {
                muByMaterial[m * bins + b] = muPerCm[b * materials + m];
            }
        }
    }

    /**
     * A beam model.
     *
     * @param spectrum      the (filtered) tube spectrum, or a monoenergetic one
     * @param materialsList the materials, by index
     * @param binKeV        width of merged spectral bins, keV (1 keeps the 1-keV TASMIP bins)
     */
    public static BeamModel of(TubeSpectrum spectrum, List<Material> materialsList, double binKeV) {
        double[] e = spectrum.energiesKeV();
        double[] n = spectrum.fluencePerMm2PerMAs();
        double total = 0;
        for (double v : n) {
            total += v;
        }
        // Merge bins of width binKeV, dropping bins carrying less than 1e-7 of the photons.
        double[] me = new double[e.length];
        double[] mn = new double[e.length];
        double[] mEn = new double[e.length];
        int count = 0;
        int i = 0;
        while (i < e.length) {
            double start = e[i];
            double sn = 0;
            double sen = 0;
            while (i < e.length && e[i] < start + binKeV - 1e-9) {
                sn += n[i];
                sen += n[i] * e[i];
                i++;
            }
            if (sn > 1e-7 * total) {
                me[count] = sen / sn;
                mn[count] = sn;
                mEn[count] = sen;
                count++;
            }
        }
        double sumN = 0;
        double sumEn = 0;
        for (int b = 0; b < count; b++) {
            sumN += mn[b];
            sumEn += mEn[b];
        }
        int k = materialsList.size();
        double[] energies = new double[count];
        double[] wN = new double[count];
        double[] wE = new double[count];
        double[] mu = new double[count * k];
        MaterialCrossSections[] xs = new MaterialCrossSections[k];
        for (int m = 0; m < k; m++) {
            xs[m] = MaterialCrossSections.of(materialsList.get(m));
        }
        for (int b = 0; b < count; b++) {
            energies[b] = me[b];
            wN[b] = mn[b] / sumN;
            wE[b] = mEn[b] / sumEn;
            for (int m = 0; m < k; m++) {
                mu[b * k + m] = xs[m].muPerCm(me[b]);
            }
        }
        return new BeamModel(energies, mu, wE, wN, k);
    }

    /**
     * The same beam with every material's coefficients taken relative to {@code reference}'s,
     * {@code μ_m(E) - μ_ref(E)}: the transmission of a ray divided by that of the same chord through
     * the reference material alone. With air as the reference this is the flat-field (air scan)
     * normalisation every CT applies: a ray measures only where the patient replaced air, so rays
     * through the object and rays missing it share one baseline. Approximation: the air along the
     * whole source-detector path, which hardens the air-scan spectrum slightly, is not modelled (its
     * filtration is a fraction of the tube's aluminium).
     */
    public BeamModel relativeTo(int reference) {
        double[] mu = new double[muPerCm.length];
        for (int b = 0; b < bins; b++) {
            double ref = muPerCm[b * materials + reference];
            for (int m = 0; m < materials; m++) {
                mu[b * materials + m] = muPerCm[b * materials + m] - ref;
            }
        }
        return new BeamModel(energyKeV, mu, weightEnergy, weightCount, materials);
    }

    /** Number of spectral bins after merging. */
    public int binCount() {
        return bins;
    }

    /** Number of materials. */
    public int materialCount() {
        return materials;
    }

    /** Mean energy of bin b, keV. */
    public double energyKeV(int b) {
        return energyKeV[b];
    }

    /** Linear attenuation coefficient of material m in bin b, 1/cm. */
    public double muPerCm(int b, int m) {
        return muPerCm[b * materials + m];
    }

    /**
     * Transmissions through path lengths. Only the materials listed in {@code present} are read.
     *
     * @param lengthCm path length per material, cm
     * @param present  indices of the materials with non-zero length
     * @param nPresent how many entries of {@code present} are used
     * @param scratch  caller-owned work array of at least {@link #binCount()} entries (the model is shared
     *                 between threads, so it keeps no scratch of its own)
     * @param out      receives {@code out[0] = T_E} (energy-weighted) and {@code out[1] = T_N} (photon count)
     */
    public void transmission(double[] lengthCm, int[] present, int nPresent, double[] scratch, double[] out) {
        // Exponents of all bins first, material by material over contiguous rows of the transposed table
        // (a loop the JIT vectorises), then the exponentials; the sums run in the same order as a per-bin
        // loop over the materials, so the result is the same to the last bit.
        double[] s = scratch;
        java.util.Arrays.fill(s, 0, bins, 0.0);
        for (int q = 0; q < nPresent; q++) {
            int m = present[q];
            double l = lengthCm[m];
            int row = m * bins;
            for (int b = 0; b < bins; b++) {
                s[b] += muByMaterial[row + b] * l;
            }
        }
        double te = 0;
        double tn = 0;
        for (int b = 0; b < bins; b++) {
            double t = Math.exp(-s[b]);
            te += weightEnergy[b] * t;
            tn += weightCount[b] * t;
        }
        out[0] = te;
        out[1] = tn;
    }

    /**
     * Energy-weighted transmission through a thickness of one material.
     *
     * @param material  material index
     * @param lengthCm  thickness, cm
     */
    public double transmissionThrough(int material, double lengthCm) {
        double te = 0;
        for (int b = 0; b < bins; b++) {
            te += weightEnergy[b] * Math.exp(-muPerCm[b * materials + material] * lengthCm);
        }
        return te;
    }
}
