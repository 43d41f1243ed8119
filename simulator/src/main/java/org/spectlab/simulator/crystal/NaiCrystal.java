package org.spectlab.simulator.crystal;

import org.apache.commons.rng.UniformRandomProvider;
import org.spectlab.core.error.InputException;
import org.spectlab.core.material.Material;
import org.spectlab.core.material.MaterialLibrary;
import org.spectlab.simulator.interaction.ComptonSampler;
import org.spectlab.simulator.interaction.RayleighSampler;
import org.spectlab.simulator.interaction.ScatteredPhoton;
import org.spectlab.simulator.source.Directions;
import org.spectlab.simulator.transport.AttenuationSource;
import org.spectlab.simulator.transport.MaterialTables;
import org.spectlab.simulator.xs.ElementCrossSections;
import org.spectlab.simulator.xs.MaterialCrossSections;
import org.spectlab.simulator.xs.Process;

/**
 * Energy deposition of one photon in a NaI(Tl) crystal slab, by Monte Carlo.
 *
 * <p>The photon enters the front face at normal incidence (parallel-hole collimators pass photons
 * within a few degrees of normal) and is followed through photoabsorption, incoherent scattering
 * (with binding, {@link ComptonSampler}) and coherent scattering ({@link RayleighSampler}) until it
 * is absorbed or leaves the slab (laterally infinite). After a photoabsorption on iodine above its K
 * edge (33.17 keV), a K x-ray is emitted with the K-shell fluorescence yield and followed; if it
 * escapes, the deposit lacks its energy (the iodine escape peak ~28-32 keV below the photopeak).
 *
 * <p>Approximations: electrons deposit locally (their range, &lt; 0.3 mm below 400 keV, is below the
 * spatial resolution); sodium's photoabsorption share (under 2 % above 33 keV) is counted as iodine;
 * L-shell fluorescence (≤ 5 keV) is deposited locally; no entrance window, light guide or
 * backscatter compartment; Tl activator neglected (0.1 % by mass). Sources: K-shell fluorescence
 * yield of iodine ω_K = 0.882 (Hubbell et al., J. Phys. Chem. Ref. Data 23, 339 (1994));
 * I K x-ray energies Kα2 28.317, Kα1 28.612, Kβ 32.295 keV (Deslattes et al., Rev. Mod. Phys. 75, 35
 * (2003)) with relative intensities Kα2:Kα1:Kβ = 0.29:0.53:0.18 (Salem, Panossian &amp; Krause,
 * At. Data Nucl. Data Tables 14, 91 (1974), Kβ/Kα ≈ 0.22 at Z = 53). The K-shell share of iodine
 * photoabsorption, (J - 1)/J, uses the jump ratio J of the XCOM photoelectric table at the K edge.
 */
public final class NaiCrystal {
    /** Density of NaI, g/cm^3 (from the built-in material). */
    private static final double IODINE_K_EDGE_KEV = 33.1694;
    private static final double IODINE_K_FLUORESCENCE_YIELD = 0.882;
    private static final double[] K_XRAY_KEV = {28.317, 28.612, 32.295};
    private static final double[] K_XRAY_CUMULATIVE = {0.29, 0.82, 1.0};
    /** Photons below this energy deposit locally (range in NaI below 0.01 mm). */
    private static final double LOCAL_DEPOSIT_KEV = 5.0;

    private final double thicknessMm;
    private final MaterialTables tables;
    private final ComptonSampler compton;
    private final RayleighSampler rayleigh;
    private final double kShellShareOfIodinePhoto;

    private NaiCrystal(double thicknessMm, Material nai) {
        this.thicknessMm = thicknessMm;
        MaterialCrossSections xs = MaterialCrossSections.of(nai);
        Process[] processes = {Process.PHOTOELECTRIC, Process.INCOHERENT, Process.COHERENT};
        AttenuationSource source = (m, p, e) -> xs.muPerCm(processes[p], e);
        this.tables = MaterialTables.build(1, source, 1.0, 1500.0, 0.25);
        this.compton = ComptonSampler.of(nai);
        this.rayleigh = RayleighSampler.of(nai);
        ElementCrossSections iodine = ElementCrossSections.of(53);
        double above = iodine.massAttenuationCm2PerG(Process.PHOTOELECTRIC, IODINE_K_EDGE_KEV + 1e-6);
        double below = iodine.massAttenuationCm2PerG(Process.PHOTOELECTRIC, IODINE_K_EDGE_KEV - 1e-6);
        double jump = above / below;
        this.kShellShareOfIodinePhoto = (jump - 1) / jump;
    }

    /**
     * A crystal of the given thickness (typically 9.525 mm = 3/8 inch, or 15.875 mm = 5/8 inch).
     */
    public static NaiCrystal of(double thicknessMm) {
        if (!(thicknessMm > 0) || thicknessMm > 100) {
            throw InputException.field("crystal thickness (mm)", "must be in (0, 100], got " + thicknessMm);
        }
        return new NaiCrystal(thicknessMm, MaterialLibrary.builtIn().get("nai"));
    }

    /** Crystal thickness, mm. */
    public double thicknessMm() {
        return thicknessMm;
    }

    /** Fraction of iodine photoabsorptions above the K edge that are in the K shell. */
    public double kShellShare() {
        return kShellShareOfIodinePhoto;
    }

    /** Per-thread state for {@link #depositKeV}: reusable holders, so nothing is allocated per photon. */
    public static final class Scratch {
        private final double[] pos = new double[3];
        private final double[] dir = new double[3];
        private final ScatteredPhoton scattered = new ScatteredPhoton();
    }

    /** A new per-thread scratch holder. */
    public static Scratch scratch() {
        return new Scratch();
    }

    /**
     * Energy deposited in the crystal by a photon entering the front face at normal incidence.
     *
     * @return deposited energy, keV (0 when the photon passes without interacting)
     */
    public double depositKeV(double energyKeV, UniformRandomProvider rng, Scratch s) {
        double[] pos = s.pos;
        double[] dir = s.dir;
        pos[0] = 0;
        pos[1] = 0;
        pos[2] = 0;
        dir[0] = 0;
        dir[1] = 0;
        dir[2] = 1;
        double deposit = 0;
        double e = energyKeV;
        // Follows the primary photon, and then at most one fluorescence photon (a K x-ray cannot make
        // another K x-ray: it is below the K edge).
        boolean fluorescenceDone = false;
        while (true) {
            double mu = tables.muTotalPerCm(0, e);
            double s1 = -Math.log(1.0 - rng.nextDouble()) / mu * 10.0;
            pos[2] += s1 * dir[2];
            if (pos[2] < 0 || pos[2] > thicknessMm) {
                return deposit; // escaped through a face
            }
            int process = tables.chooseProcess(0, e, rng.nextDouble());
            if (process == AttenuationSource.PHOTOELECTRIC) {
                if (!fluorescenceDone && e > IODINE_K_EDGE_KEV
                        && rng.nextDouble() < kShellShareOfIodinePhoto * IODINE_K_FLUORESCENCE_YIELD) {
                    double u = rng.nextDouble();
                    double xray = u < K_XRAY_CUMULATIVE[0] ? K_XRAY_KEV[0] : u < K_XRAY_CUMULATIVE[1] ? K_XRAY_KEV[1]
                            : K_XRAY_KEV[2];
                    deposit += e - xray;
                    e = xray;
                    fluorescenceDone = true;
                    Directions.isotropic(rng, dir);
                    continue;
                }
                return deposit + e;
            }
            ScatteredPhoton out = s.scattered;
            if (process == AttenuationSource.INCOHERENT) {
                compton.sample(rng, e, out);
                deposit += e - out.energyKeV();
                e = out.energyKeV();
            } else {
                rayleigh.sample(rng, e, out);
            }
            Directions.deflect(dir, out.cosTheta(), 2 * Math.PI * rng.nextDouble());
            if (e < LOCAL_DEPOSIT_KEV) {
                return deposit + e;
            }
        }
    }

    /** Probability that a photon at normal incidence interacts at all: 1 - exp(-μ t). */
    public double interactionProbability(double energyKeV) {
        return 1.0 - Math.exp(-tables.muTotalPerCm(0, energyKeV) * thicknessMm / 10.0);
    }
}
