package org.spectlab.simulator.collimator;

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
import org.spectlab.simulator.xs.MaterialCrossSections;
import org.spectlab.simulator.xs.Process;

/**
 * Monte Carlo transport of one photon through a hexagonal parallel-hole lead collimator, in the
 * collimator frame of {@link HexagonalHoleArray} (front face z = 0, back face z = l, holes along +z;
 * mm, keV).
 *
 * <p><b>Flight.</b> In the holes (air, not attenuating) a photon flies straight. For each flight an
 * optical depth τ ~ Exp(1) is drawn and the straight path is walked through the lattice cell by
 * cell: in each cell the ray's parameter interval inside the cell and inside its hole follow from
 * the three slabs |n_k·r| &le; p/2 and |n_k·r| &le; d/2 (as in
 * {@link HexagonalHoleArray#septalPathLengthMm}); the lead parts (cell minus hole, at most two
 * intervals per cell) consume μ_Pb(E)·length until τ is used up — the photon then interacts there —
 * or the path reaches the back face (the photon goes on to the crystal) or the front face (it is
 * lost, scattered back towards the source).
 *
 * <p><b>Interactions in lead</b> (NIST XCOM lead, 11.35 g/cm³, tabulated every 0.1 keV): photoabsorption,
 * followed above the K edge by a lead K x-ray ({@link LeadFluorescence}, emitted isotropically and
 * transported like any photon); incoherent scattering with binding ({@link ComptonSampler}, EPDL97
 * scattering function of lead) and coherent scattering ({@link RayleighSampler}). Photons below
 * 10 keV are absorbed (mean free path in lead &lt; 3 µm).
 *
 * <p><b>Classification</b> of a photon leaving the back face ({@link Photon#component()}):
 * {@link #GEOMETRIC} (never crossed lead), {@link #PENETRATION} (crossed lead without interacting),
 * {@link #SCATTER} (Compton or Rayleigh scattered in the lead), {@link #LEAD_XRAY} (a lead K x-ray,
 * whatever happened to it afterwards).
 *
 * <p>Approximations: the collimator is laterally infinite (no frame, no housing); septa are pure
 * lead (antimony hardening ignored); no Doppler broadening; electrons, L x-rays and Auger
 * electrons deposit locally; μ is interpolated linearly on the 0.1 keV grid, which smears the
 * K edge over 88.0-88.1 keV. The object is immutable and thread-safe; the per-photon state is the
 * caller-owned {@link Photon}, so nothing is allocated per photon.
 */
public final class CollimatorTransport {
    /** Outcome: the photon left through the back face towards the crystal. */
    public static final int EXIT_BACK = 0;
    /** Outcome: the photon left through the front face (lost). */
    public static final int EXIT_FRONT = 1;
    /** Outcome: the photon was absorbed in the lead. */
    public static final int ABSORBED = 2;

    /** Component: passed through holes only. */
    public static final int GEOMETRIC = 0;
    /** Component: crossed lead without interacting. */
    public static final int PENETRATION = 1;
    /** Component: scattered (Compton or Rayleigh) in the lead. */
    public static final int SCATTER = 2;
    /** Component: a lead K x-ray. */
    public static final int LEAD_XRAY = 3;

    /** Photons below this energy are absorbed, keV. */
    static final double CUTOFF_KEV = 10.0;
    private static final double TABLE_STEP_KEV = 0.1;
    private static final int INTERACT = -1;
    /** Cells a photon flying parallel to the faces may cross before it counts as absorbed. */
    private static final int MAX_PARALLEL_CELLS = 1_000_000;
    private static final double HALF_SQRT3 = 0.5 * Math.sqrt(3.0);

    private final HexagonalHoleArray holes;
    private final boolean blackSepta;
    private final boolean fluorescenceOn;
    private final double maxEnergyKeV;
    private final MaterialTables lead;
    private final ComptonSampler compton;
    private final RayleighSampler rayleigh;
    private final LeadFluorescence fluorescence;
    private final double cosA;
    private final double sinA;
    private final double pitch;
    private final double halfPitch;
    private final double halfHole;
    private final double length;

    private CollimatorTransport(HexagonalHoleArray holes, double maxEnergyKeV, boolean fluorescenceOn,
                                boolean blackSepta) {
        this.holes = holes;
        this.blackSepta = blackSepta;
        this.fluorescenceOn = fluorescenceOn;
        this.maxEnergyKeV = maxEnergyKeV;
        this.cosA = Math.cos(holes.orientationRad());
        this.sinA = Math.sin(holes.orientationRad());
        this.pitch = holes.pitchMm();
        this.halfPitch = 0.5 * pitch;
        this.halfHole = 0.5 * holes.holeMm();
        this.length = holes.lengthMm();
        if (blackSepta) {
            lead = null;
            compton = null;
            rayleigh = null;
            fluorescence = null;
        } else {
            Material pb = MaterialLibrary.builtIn().get("lead");
            MaterialCrossSections xs = MaterialCrossSections.of(pb);
            Process[] processes = {Process.PHOTOELECTRIC, Process.INCOHERENT, Process.COHERENT};
            AttenuationSource source = (m, p, e) -> xs.muPerCm(processes[p], e);
            lead = MaterialTables.build(1, source, CUTOFF_KEV, maxEnergyKeV + 1.0, TABLE_STEP_KEV);
            compton = ComptonSampler.of(pb);
            rayleigh = RayleighSampler.of(pb);
            fluorescence = LeadFluorescence.create();
        }
    }

    /** Transport with lead fluorescence, for photons up to {@code maxEnergyKeV}. */
    public static CollimatorTransport of(HexagonalHoleArray holes, double maxEnergyKeV) {
        return of(holes, maxEnergyKeV, true);
    }

    /**
     * Transport for photons up to {@code maxEnergyKeV} (≤ 3000 keV, the XCOM range);
     * {@code leadFluorescence = false} absorbs every photoabsorbed photon (for comparisons).
     */
    public static CollimatorTransport of(HexagonalHoleArray holes, double maxEnergyKeV, boolean leadFluorescence) {
        if (!(maxEnergyKeV > CUTOFF_KEV) || maxEnergyKeV > 2990) {
            throw InputException.field("collimator transport maximum energy (keV)",
                    "must be in (10, 2990], got " + maxEnergyKeV);
        }
        return new CollimatorTransport(holes, maxEnergyKeV, leadFluorescence, false);
    }

    /** The ideal limit μ_Pb → ∞: a photon is absorbed as soon as its path enters lead. */
    public static CollimatorTransport blackSepta(HexagonalHoleArray holes) {
        return new CollimatorTransport(holes, Double.POSITIVE_INFINITY, false, true);
    }

    /** The hole lattice. */
    public HexagonalHoleArray holes() {
        return holes;
    }

    /** Whether lead K x-rays are produced. */
    public boolean leadFluorescence() {
        return fluorescenceOn;
    }

    /** Highest photon energy the tables cover, keV (∞ for black septa). */
    public double maxEnergyKeV() {
        return maxEnergyKeV;
    }

    /** Linear attenuation coefficient of the septal lead (total, with coherent), 1/mm; ∞ for black septa. */
    public double leadMuPerMm(double energyKeV) {
        return blackSepta ? Double.POSITIVE_INFINITY : lead.muTotalPerCm(0, energyKeV) / 10.0;
    }

    /** A new caller-owned photon state (one per thread). */
    public static Photon photon() {
        return new Photon();
    }

    /**
     * Transports the photon set up by {@link Photon#startAtFrontFace} until it leaves the
     * collimator or is absorbed. On {@link #EXIT_BACK} the photon holds its exit position (z = l),
     * direction and energy and its {@link Photon#component()}.
     *
     * @return {@link #EXIT_BACK}, {@link #EXIT_FRONT} or {@link #ABSORBED}
     */
    public int transport(Photon p, UniformRandomProvider rng) {
        double[] dir = p.dir;
        while (true) {
            double tau;
            double mu;
            if (blackSepta) {
                tau = 0.0;
                mu = Double.POSITIVE_INFINITY;
            } else {
                tau = -Math.log(1.0 - rng.nextDouble());
                mu = lead.muTotalPerCm(0, p.energyKeV) / 10.0;
            }
            int r = fly(p, tau, mu);
            if (r != INTERACT) {
                return r;
            }
            if (blackSepta) {
                return ABSORBED;
            }
            double e = p.energyKeV;
            int process = lead.chooseProcess(0, e, rng.nextDouble());
            if (process == AttenuationSource.PHOTOELECTRIC) {
                if (fluorescenceOn && fluorescence.emits(e, rng)) {
                    p.energyKeV = LeadFluorescence.sampleLineKeV(rng.nextDouble());
                    p.xray = true;
                    Directions.isotropic(rng, dir);
                    continue;
                }
                return ABSORBED;
            }
            ScatteredPhoton out = p.scatteredPhoton;
            if (process == AttenuationSource.INCOHERENT) {
                compton.sample(rng, e, out);
            } else {
                rayleigh.sample(rng, e, out);
            }
            Directions.deflect(dir, out.cosTheta(), 2 * Math.PI * rng.nextDouble());
            p.energyKeV = out.energyKeV();
            p.scattered = true;
            if (p.energyKeV < CUTOFF_KEV) {
                return ABSORBED;
            }
        }
    }

    /**
     * Flies the photon along its straight path, consuming the optical depth {@code tau} in lead at
     * μ = {@code muPerMm}. Moves the photon to the interaction point ({@link #INTERACT}) or to the
     * face it leaves through ({@link #EXIT_BACK} / {@link #EXIT_FRONT}).
     */
    private int fly(Photon p, double tau, double muPerMm) {
        double[] d = p.dir;
        double dz = d[2];
        double sMax = dz > 0 ? (length - p.z) / dz : dz < 0 ? -p.z / dz : Double.POSITIVE_INFINITY;
        // local lattice frame (flat normals at 0°, 60°, 120°)
        double ux = cosA * p.x + sinA * p.y;
        double uy = -sinA * p.x + cosA * p.y;
        double vx = cosA * d[0] + sinA * d[1];
        double vy = -sinA * d[0] + cosA * d[1];
        double r = uy / (HALF_SQRT3 * pitch);
        double q = ux / pitch - 0.5 * r;
        long iq = HexagonalHoleArray.roundHexQ(q, r);
        long ir = HexagonalHoleArray.roundHexR(q, r);
        double cx = pitch * (iq + 0.5 * ir);
        double cy = HALF_SQRT3 * pitch * ir;
        double s0 = vx;
        double s1 = 0.5 * vx + HALF_SQRT3 * vy;
        double s2 = -0.5 * vx + HALF_SQRT3 * vy;
        double lateral = Math.sqrt(vx * vx + vy * vy);
        int guard = Double.isFinite(sMax) ? (int) Math.min(Integer.MAX_VALUE - 64, 4.0 * sMax * lateral / pitch) + 16
                : MAX_PARALLEL_CELLS;
        double tCur = 0.0;
        double tauLeft = tau;
        for (int step = 0; step < guard; step++) {
            double px = ux - cx;
            double py = uy - cy;
            double q0 = px;
            double q1 = 0.5 * px + HALF_SQRT3 * py;
            double q2 = -0.5 * px + HALF_SQRT3 * py;
            double e0 = s0 == 0 ? Double.POSITIVE_INFINITY : (Math.copySign(halfPitch, s0) - q0) / s0;
            double e1 = s1 == 0 ? Double.POSITIVE_INFINITY : (Math.copySign(halfPitch, s1) - q1) / s1;
            double e2 = s2 == 0 ? Double.POSITIVE_INFINITY : (Math.copySign(halfPitch, s2) - q2) / s2;
            int face = 0;
            double tOut = e0;
            if (e1 < tOut) {
                tOut = e1;
                face = 1;
            }
            if (e2 < tOut) {
                tOut = e2;
                face = 2;
            }
            double segEnd = Math.min(tOut, sMax);
            if (segEnd > tCur) {
                double holeIn = Math.max(tCur, Math.max(enterSlab(q0, s0), Math.max(enterSlab(q1, s1),
                        enterSlab(q2, s2))));
                double holeOut = Math.min(segEnd, Math.min(exitSlab(q0, s0), Math.min(exitSlab(q1, s1),
                        exitSlab(q2, s2))));
                double leadAEnd = holeOut > holeIn ? holeIn : segEnd;
                double leadBStart = holeOut > holeIn ? holeOut : segEnd;
                double len = leadAEnd - tCur;
                if (len > 0) {
                    p.touchedLead = true;
                    if (tauLeft < muPerMm * len) {
                        return moveTo(p, tCur + tauLeft / muPerMm, INTERACT);
                    }
                    tauLeft -= muPerMm * len;
                }
                len = segEnd - leadBStart;
                if (len > 0) {
                    p.touchedLead = true;
                    if (tauLeft < muPerMm * len) {
                        return moveTo(p, leadBStart + tauLeft / muPerMm, INTERACT);
                    }
                    tauLeft -= muPerMm * len;
                }
                tCur = segEnd;
            }
            if (tOut >= sMax) {
                int outcome = moveTo(p, sMax, dz > 0 ? EXIT_BACK : EXIT_FRONT);
                p.z = dz > 0 ? length : 0.0;
                return outcome;
            }
            double sgn = face == 0 ? Math.signum(s0) : face == 1 ? Math.signum(s1) : Math.signum(s2);
            if (face == 0) {
                cx += sgn * pitch;
            } else if (face == 1) {
                cx += sgn * 0.5 * pitch;
                cy += sgn * HALF_SQRT3 * pitch;
            } else {
                cx -= sgn * 0.5 * pitch;
                cy += sgn * HALF_SQRT3 * pitch;
            }
        }
        if (!Double.isFinite(sMax)) {
            return ABSORBED; // parallel to the faces through 10^6 cells without interacting: not physical
        }
        throw new IllegalStateException("collimator lattice walk did not reach a face (path " + sMax + " mm)");
    }

    private static int moveTo(Photon p, double s, int outcome) {
        p.x += s * p.dir[0];
        p.y += s * p.dir[1];
        p.z += s * p.dir[2];
        return outcome;
    }

    private double enterSlab(double q, double s) {
        if (s == 0) {
            return Math.abs(q) <= halfHole ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        return (-Math.copySign(halfHole, s) - q) / s;
    }

    private double exitSlab(double q, double s) {
        if (s == 0) {
            return Math.abs(q) <= halfHole ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
        }
        return (Math.copySign(halfHole, s) - q) / s;
    }

    /**
     * The caller-owned state of one photon in the collimator (one instance per thread, reused for
     * every photon): position (mm, collimator frame), unit direction, energy (keV) and what
     * happened to it. Not thread-safe.
     */
    public static final class Photon {
        private double x;
        private double y;
        private double z;
        private final double[] dir = new double[3];
        private double energyKeV;
        private boolean touchedLead;
        private boolean scattered;
        private boolean xray;
        private final ScatteredPhoton scatteredPhoton = new ScatteredPhoton();

        private Photon() {
        }

        /**
         * Places a photon on the front face at (u, v) with direction (dx, dy, dz), dz &gt; 0 (normalised
         * here), and clears its history flags.
         */
        public void startAtFrontFace(double uMm, double vMm, double dx, double dy, double dz, double energyKeV) {
            double n = 1.0 / Math.sqrt(dx * dx + dy * dy + dz * dz);
            this.x = uMm;
            this.y = vMm;
            this.z = 0.0;
            dir[0] = dx * n;
            dir[1] = dy * n;
            dir[2] = dz * n;
            this.energyKeV = energyKeV;
            this.touchedLead = false;
            this.scattered = false;
            this.xray = false;
        }

        /** x, mm (collimator frame). */
        public double x() {
            return x;
        }

        /** y, mm. */
        public double y() {
            return y;
        }

        /** z, mm (0 front face, l back face). */
        public double z() {
            return z;
        }

        /** Direction cosine along x. */
        public double dx() {
            return dir[0];
        }

        /** Direction cosine along y. */
        public double dy() {
            return dir[1];
        }

        /** Direction cosine along z (towards the crystal). */
        public double dz() {
            return dir[2];
        }

        /** Current energy, keV. */
        public double energyKeV() {
            return energyKeV;
        }

        /** Whether the path crossed any lead. */
        public boolean touchedLead() {
            return touchedLead;
        }

        /** Whether the photon was Compton or Rayleigh scattered in the lead. */
        public boolean scattered() {
            return scattered;
        }

        /** Whether the photon is a lead K x-ray. */
        public boolean leadXray() {
            return xray;
        }

        /** {@link #GEOMETRIC}, {@link #PENETRATION}, {@link #SCATTER} or {@link #LEAD_XRAY}. */
        public int component() {
            if (xray) {
                return LEAD_XRAY;
            }
            if (scattered) {
                return SCATTER;
            }
            return touchedLead ? PENETRATION : GEOMETRIC;
        }
    }
}
