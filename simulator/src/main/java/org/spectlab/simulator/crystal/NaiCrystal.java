package org.spectlab.simulator.crystal;

import org.apache.commons.rng.UniformRandomProvider;
import org.spectlab.core.error.InputException;
import org.spectlab.core.material.Material;
import org.spectlab.core.material.MaterialLibrary;
import org.spectlab.simulator.interaction.ComptonSampler;
import org.spectlab.simulator.interaction.RayleighSampler;
import org.spectlab.simulator.interaction.ScatteredPhoton;
import org.spectlab.simulator.interaction.ScatteringAngleSampler;
import org.spectlab.simulator.source.Directions;
import org.spectlab.simulator.transport.AttenuationSource;
import org.spectlab.simulator.transport.MaterialTables;
import org.spectlab.simulator.xs.ElementCrossSections;
import org.spectlab.simulator.xs.MaterialCrossSections;
import org.spectlab.simulator.xs.Process;

/**
 * Energy deposition of one photon in a NaI(Tl) crystal, with the layers in front of and behind it,
 * by Monte Carlo; and where in the crystal the energy was deposited.
 *
 * <p><b>Geometry.</b> Three laterally infinite slabs along the camera's normal (z, pointing away from
 * the collimator): an aluminium cover (entrance window) of {@code coverAluminiumMm} from z = -cover
 * to 0, the NaI(Tl) crystal from 0 to its thickness t, and an optional backscatter compartment of
 * {@code backscatterGlassMm} behind it, the light guide and photomultiplier glass as an equivalent
 * slab of borosilicate glass (the built-in material "glass", Pyrex). The photon enters the front of
 * the cover at the lateral origin, at normal incidence or along a given direction, and is followed
 * through photoabsorption, incoherent scattering (with binding, {@link ComptonSampler}) and coherent
 * scattering ({@link RayleighSampler}) in every layer until it is absorbed or leaves the stack
 * through its front or back face. Only interactions in the crystal deposit energy: a photon can
 * scatter in the cover into the crystal, or pass through the crystal, scatter back from the glass and
 * deposit (the backscatter peak near E/(1 + 2E/m_e c²), 90.7 keV for Tc-99m). After a
 * photoabsorption on iodine above its K edge (33.17 keV), a K x-ray is emitted with the K-shell
 * fluorescence yield and followed; if it escapes, the deposit lacks its energy (the iodine escape
 * peak ~28-32 keV below the photopeak).
 *
 * <p><b>Position.</b> Each history also records the energy-weighted mean position of its deposits,
 * relative to the point where it entered the front of the stack ({@link Scratch#meanXMm()},
 * {@link Scratch#meanYMm()}, {@link Scratch#meanDepthMm()}, depth from the crystal's front face):
 * where an Anger camera, which reports the light centroid, puts the event. For a photon entering at
 * angle α to the normal, the lateral shift is about the depth of interaction times tan α.
 *
 * <p>Approximations: electrons deposit locally (their range, &lt; 0.3 mm below 400 keV, is below the
 * spatial resolution); sodium's photoabsorption share (under 2 % above 33 keV) is counted as iodine;
 * L-shell fluorescence (≤ 5 keV) is deposited locally; aluminium and glass K x-rays (≤ 1.8 keV) are
 * absorbed where they are made; the layers touch (no air gaps; air is 1000 times thinner in mass
 * than either layer) and are laterally infinite (no crystal edges, housing or PMT structure: the
 * light guide and tubes are one homogeneous glass slab of equivalent thickness); Tl activator
 * neglected (0.1 % by mass). Sources: K-shell fluorescence yield of iodine ω_K = 0.882 (Hubbell et
 * al., J. Phys. Chem. Ref. Data 23, 339 (1994)); I K x-ray energies Kα2 28.317, Kα1 28.612, Kβ 32.295
 * keV (Deslattes et al., Rev. Mod. Phys. 75, 35 (2003)) with relative intensities Kα2:Kα1:Kβ =
 * 0.29:0.53:0.18 (Salem, Panossian &amp; Krause, At. Data Nucl. Data Tables 14, 91 (1974), Kβ/Kα ≈
 * 0.22 at Z = 53). The K-shell share of iodine photoabsorption, (J - 1)/J, uses the jump ratio J of
 * the XCOM photoelectric table at the K edge. Attenuation of every layer from the NIST XCOM tables.
 * The typical layer thicknesses are in {@link #DEFAULT_COVER_ALUMINIUM_MM} and
 * {@link #TYPICAL_BACKSCATTER_GLASS_MM}.
 */
public final class NaiCrystal {
    private static final double IODINE_K_EDGE_KEV = 33.1694;
    private static final double IODINE_K_FLUORESCENCE_YIELD = 0.882;
    private static final double[] K_XRAY_KEV = {28.317, 28.612, 32.295};
    private static final double[] K_XRAY_CUMULATIVE = {0.29, 0.82, 1.0};
    /** Photons below this energy deposit locally (range in NaI below 0.01 mm). */
    private static final double LOCAL_DEPOSIT_KEV = 5.0;
    /** Layer indices (material indices of the tables). */
    private static final int CRYSTAL = 0;
    private static final int COVER = 1;
    private static final int GLASS = 2;

    /**
     * Aluminium cover (entrance window) in front of the crystal, mm: 1.0 mm. The hermetic housing of
     * an Anger camera's NaI(Tl) crystal has a thin aluminium entrance window; 0.1 cm of aluminium is
     * the cover SIMIND is run with for a Siemens Symbia (SIMIND's "cover thickness", index 13, as set
     * in the PyTomography hybrid Monte Carlo tutorial for the Symbia T2, pytomography.readthedocs.io,
     * "t_spect_mc2").
     */
    public static final double DEFAULT_COVER_ALUMINIUM_MM = 1.0;

    /**
     * Typical equivalent thickness of the backscatter compartment (light guide and photomultipliers
     * as Pyrex glass), mm: 66 mm, SIMIND's "thickness of the backscattering material" (index 11) of
     * 6.6 cm Pyrex used for a Siemens Symbia T2 in the same PyTomography tutorial. The compartment is
     * optional and off (0 mm) unless configured.
     */
    public static final double TYPICAL_BACKSCATTER_GLASS_MM = 66.0;

    private final double thicknessMm;
    private final double coverMm;
    private final double glassMm;
    private final MaterialTables tables;
    private final ScatteringAngleSampler[] compton;
    private final ScatteringAngleSampler[] rayleigh;
    private final double kShellShareOfIodinePhoto;

    private NaiCrystal(double thicknessMm, double coverMm, double glassMm) {
        this.thicknessMm = thicknessMm;
        this.coverMm = coverMm;
        this.glassMm = glassMm;
        MaterialLibrary lib = MaterialLibrary.builtIn();
        Material[] layers = {lib.get("nai"), lib.get("aluminium"), lib.get("glass")};
        MaterialCrossSections[] xs = new MaterialCrossSections[layers.length];
        compton = new ScatteringAngleSampler[layers.length];
        rayleigh = new ScatteringAngleSampler[layers.length];
        for (int m = 0; m < layers.length; m++) {
            xs[m] = MaterialCrossSections.of(layers[m]);
            compton[m] = ComptonSampler.of(layers[m]);
            rayleigh[m] = RayleighSampler.of(layers[m]);
        }
        Process[] processes = {Process.PHOTOELECTRIC, Process.INCOHERENT, Process.COHERENT};
        AttenuationSource source = (m, p, e) -> xs[m].muPerCm(processes[p], e);
        this.tables = MaterialTables.build(layers.length, source, 1.0, 1500.0, 0.25);
        ElementCrossSections iodine = ElementCrossSections.of(53);
        double above = iodine.massAttenuationCm2PerG(Process.PHOTOELECTRIC, IODINE_K_EDGE_KEV + 1e-6);
        double below = iodine.massAttenuationCm2PerG(Process.PHOTOELECTRIC, IODINE_K_EDGE_KEV - 1e-6);
        double jump = above / below;
        this.kShellShareOfIodinePhoto = (jump - 1) / jump;
    }

    /**
     * A bare crystal of the given thickness (typically 9.525 mm = 3/8 inch, or 15.875 mm = 5/8 inch):
     * no cover, no backscatter compartment.
     */
    public static NaiCrystal of(double thicknessMm) {
        return of(thicknessMm, 0.0, 0.0);
    }

    /**
     * A crystal with an aluminium cover in front and a glass backscatter compartment behind (either
     * may be 0).
     *
     * @param thicknessMm        NaI(Tl) thickness, mm, in (0, 100]
     * @param coverAluminiumMm   aluminium cover, mm, in [0, 10]
     * @param backscatterGlassMm equivalent glass thickness of the backscatter compartment, mm, in [0, 200]
     */
    public static NaiCrystal of(double thicknessMm, double coverAluminiumMm, double backscatterGlassMm) {
        if (!(thicknessMm > 0) || thicknessMm > 100) {
            throw InputException.field("crystal thickness (mm)", "must be in (0, 100], got " + thicknessMm);
        }
        if (!(coverAluminiumMm >= 0) || coverAluminiumMm > 10) {
            throw InputException.field("cover aluminium (mm)", "must be in [0, 10], got " + coverAluminiumMm);
        }
        if (!(backscatterGlassMm >= 0) || backscatterGlassMm > 200) {
            throw InputException.field("backscatter glass (mm)", "must be in [0, 200], got " + backscatterGlassMm);
        }
        return new NaiCrystal(thicknessMm, coverAluminiumMm, backscatterGlassMm);
    }

    /** Crystal thickness, mm. */
    public double thicknessMm() {
        return thicknessMm;
    }

    /** Aluminium cover in front of the crystal, mm. */
    public double coverAluminiumMm() {
        return coverMm;
    }

    /** Equivalent glass thickness of the backscatter compartment, mm. */
    public double backscatterGlassMm() {
        return glassMm;
    }

    /** Fraction of iodine photoabsorptions above the K edge that are in the K shell. */
    public double kShellShare() {
        return kShellShareOfIodinePhoto;
    }

    /**
     * Per-thread state for {@link #depositKeV}: reusable holders, so nothing is allocated per photon;
     * after each call it also holds where the history deposited its energy and whether it interacted
     * in the cover or the backscatter compartment.
     */
    public static final class Scratch {
        private final double[] pos = new double[3];
        private final double[] dir = new double[3];
        private final ScatteredPhoton scattered = new ScatteredPhoton();
        private double meanXMm;
        private double meanYMm;
        private double meanDepthMm;
        private int coverInteractions;
        private int glassInteractions;
        private boolean reachedCrystalUnscattered;

        /** Energy-weighted mean x of the last history's deposits from its entry point, mm (0 without deposit). */
        public double meanXMm() {
            return meanXMm;
        }

        /** Energy-weighted mean y of the last history's deposits from its entry point, mm (0 without deposit). */
        public double meanYMm() {
            return meanYMm;
        }

        /** Energy-weighted mean depth of the last history's deposits below the crystal's front face, mm. */
        public double meanDepthMm() {
            return meanDepthMm;
        }

        /** Interactions of the last history in the cover. */
        public int coverInteractions() {
            return coverInteractions;
        }

        /** Whether the last history reached the crystal without interacting before (in the cover). */
        public boolean reachedCrystalUnscattered() {
            return reachedCrystalUnscattered;
        }

        /** Interactions of the last history in the backscatter compartment. */
        public int glassInteractions() {
            return glassInteractions;
        }
    }

    /** A new per-thread scratch holder. */
    public static Scratch scratch() {
        return new Scratch();
    }

    /**
     * Energy deposited in the crystal by a photon entering the front of the stack at normal incidence.
     *
     * @return deposited energy, keV (0 when nothing is deposited)
     */
    public double depositKeV(double energyKeV, UniformRandomProvider rng, Scratch s) {
        return depositKeV(energyKeV, 0.0, 0.0, 1.0, rng, s);
    }

    /**
     * Energy deposited in the crystal by a photon entering the front of the stack along the unit
     * direction (dirX, dirY, dirZ), dirZ &gt; 0 towards the crystal; the scratch then holds the
     * energy-weighted mean deposit position relative to the entry point.
     *
     * @return deposited energy, keV (0 when nothing is deposited)
     */
    public double depositKeV(double energyKeV, double dirX, double dirY, double dirZ, UniformRandomProvider rng,
                             Scratch s) {
        double[] pos = s.pos;
        double[] dir = s.dir;
        double zFront = -coverMm;
        double zBack = thicknessMm + glassMm;
        pos[0] = 0;
        pos[1] = 0;
        pos[2] = zFront;
        dir[0] = dirX;
        dir[1] = dirY;
        dir[2] = dirZ;
        s.coverInteractions = 0;
        s.glassInteractions = 0;
        s.reachedCrystalUnscattered = coverMm == 0;
        double deposit = 0;
        double sumX = 0;
        double sumY = 0;
        double sumZ = 0;
        double e = energyKeV;
        int layer = coverMm > 0 ? COVER : CRYSTAL;
        // Follows the primary photon, and then at most one fluorescence photon (a K x-ray cannot make
        // another K x-ray: it is below the K edge).
        boolean fluorescenceDone = false;
        while (true) {
            // distance to the next interaction in this layer (mm); if it lies beyond the layer's
            // boundary, move to the boundary and sample again in the next layer (memoryless)
            double step = -Math.log(1.0 - rng.nextDouble()) / tables.muTotalPerCm(layer, e) * 10.0;
            double lo = layer == COVER ? zFront : layer == CRYSTAL ? 0.0 : thicknessMm;
            double hi = layer == COVER ? 0.0 : layer == CRYSTAL ? thicknessMm : zBack;
            double dz = dir[2];
            double toBoundary = dz > 0 ? (hi - pos[2]) / dz : dz < 0 ? (lo - pos[2]) / dz : Double.POSITIVE_INFINITY;
            if (step >= toBoundary) {
                pos[0] += toBoundary * dir[0];
                pos[1] += toBoundary * dir[1];
                pos[2] = dz > 0 ? hi : lo;
                int next = nextLayer(layer, dz > 0);
                if (next < 0) {
                    break; // left the stack through its front or back
                }
                if (next == CRYSTAL && s.coverInteractions == 0 && s.glassInteractions == 0) {
                    s.reachedCrystalUnscattered = true;
                }
                layer = next;
                continue;
            }
            pos[0] += step * dir[0];
            pos[1] += step * dir[1];
            pos[2] += step * dz;
            int process = tables.chooseProcess(layer, e, rng.nextDouble());
            if (layer != CRYSTAL) {
                if (layer == COVER) {
                    s.coverInteractions++;
                } else {
                    s.glassInteractions++;
                }
                if (process == AttenuationSource.PHOTOELECTRIC) {
                    break; // absorbed outside the crystal: nothing more reaches it
                }
                e = scatter(layer, process, e, rng, s);
                if (e < LOCAL_DEPOSIT_KEV) {
                    break;
                }
                continue;
            }
            double here;
            if (process == AttenuationSource.PHOTOELECTRIC) {
                if (!fluorescenceDone && e > IODINE_K_EDGE_KEV
                        && rng.nextDouble() < kShellShareOfIodinePhoto * IODINE_K_FLUORESCENCE_YIELD) {
                    double u = rng.nextDouble();
                    double xray = u < K_XRAY_CUMULATIVE[0] ? K_XRAY_KEV[0] : u < K_XRAY_CUMULATIVE[1] ? K_XRAY_KEV[1]
                            : K_XRAY_KEV[2];
                    here = e - xray;
                    e = xray;
                    fluorescenceDone = true;
                    Directions.isotropic(rng, dir);
                } else {
                    here = e;
                    e = 0;
                }
            } else {
                double before = e;
                e = scatter(CRYSTAL, process, e, rng, s);
                here = before - e;
                if (e < LOCAL_DEPOSIT_KEV) {
                    here += e;
                    e = 0;
                }
            }
            deposit += here;
            sumX += here * pos[0];
            sumY += here * pos[1];
            sumZ += here * pos[2];
            if (e == 0) {
                break;
            }
        }
        if (deposit > 0) {
            s.meanXMm = sumX / deposit;
            s.meanYMm = sumY / deposit;
            s.meanDepthMm = sumZ / deposit;
        } else {
            s.meanXMm = 0;
            s.meanYMm = 0;
            s.meanDepthMm = 0;
        }
        return deposit;
    }

    /** Scatters the photon in a layer (incoherent or coherent): new direction in the scratch, new energy returned. */
    private double scatter(int layer, int process, double e, UniformRandomProvider rng, Scratch s) {
        ScatteredPhoton out = s.scattered;
        double after = e;
        if (process == AttenuationSource.INCOHERENT) {
            compton[layer].sample(rng, e, out);
            after = out.energyKeV();
        } else {
            rayleigh[layer].sample(rng, e, out);
        }
        Directions.deflect(s.dir, out.cosTheta(), 2 * Math.PI * rng.nextDouble());
        return after;
    }

    /** The layer beyond {@code layer} in the direction of travel, or -1 outside the stack. */
    private int nextLayer(int layer, boolean forward) {
        if (layer == COVER) {
            return forward ? CRYSTAL : -1;
        }
        if (layer == CRYSTAL) {
            if (forward) {
                return glassMm > 0 ? GLASS : -1;
            }
            return coverMm > 0 ? COVER : -1;
        }
        return forward ? -1 : CRYSTAL;
    }

    /** Probability that a photon at normal incidence interacts in the crystal slab alone: 1 - exp(-μ t). */
    public double interactionProbability(double energyKeV) {
        return 1.0 - Math.exp(-tables.muTotalPerCm(CRYSTAL, energyKeV) * thicknessMm / 10.0);
    }

    /** Linear attenuation coefficient (all processes) of the cover's aluminium, 1/cm (XCOM). */
    public double coverMuPerCm(double energyKeV) {
        return tables.muTotalPerCm(COVER, energyKeV);
    }
}
