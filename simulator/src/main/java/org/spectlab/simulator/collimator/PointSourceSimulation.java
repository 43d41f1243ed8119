package org.spectlab.simulator.collimator;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.spectlab.simulator.crystal.CrystalResponse;
import org.spectlab.simulator.crystal.NaiCrystal;
import org.spectlab.simulator.detector.EnergyResolution;
import org.spectlab.simulator.run.BatchRange;
import org.spectlab.simulator.run.BatchRunner;
import org.spectlab.simulator.run.BatchWorker;
import org.spectlab.simulator.run.FixedPointTally;
import org.spectlab.simulator.run.TallySet;

/**
 * Monte Carlo of a point source in air imaged through a hexagonal parallel-hole collimator onto a
 * planar detector ({@link PointSourceSetup}).
 *
 * <p><b>Emission.</b> Photons are emitted isotropically, but only the solid angle that can reach the
 * detector is sampled, in up to three strata of polar angle (uniform in cosθ and azimuth, i.e.
 * uniform in solid angle, within each): the inner cone tanθ &le; 2d/(√3 l) that holds every geometric
 * pass; for penetrable septa, the annulus out to the corners of the field of view (plus 6σ of
 * intrinsic blur); and, for the Monte Carlo collimator only (a photon may scatter in the lead
 * towards the field of view), the rest of the forward hemisphere. Each stratum's estimate is its
 * mean photon weight times its solid-angle fraction Ω/4π; the sum is unbiased (stratified
 * sampling). Directions outside the strata cannot be detected (ideal septa), cannot land in the
 * field of view (straight rays), or move away from the collimator ({@link PointSourceStrata}). With the
 * source in a scattering medium ({@link QcMedium#PMMA}, {@link QcMedium#WATER}) the strata cover the whole sphere (the rest of the forward hemisphere and
 * the backward one are strata too), because a photon scattered in the medium may reach the collimator
 * from any emission direction.
 *
 * <p><b>Medium.</b> In water or PMMA, each photon is first followed through the slab
 * ({@code ScatterSlab}, with directional biasing: photons then carry weights) and enters the
 * collimator where, in the direction and with the energy with which, it reaches the face; in-window
 * counts of photons scattered in the medium are tallied apart (their share is the scatter fraction
 * of the set-up).
 *
 * <p><b>Collimator.</b> The lattice is shifted by a uniform random vector in a unit cell for every
 * photon. A photon whose entry and exit point lie in the same hole passes (geometric); otherwise,
 * for penetrable septa, it carries the weight exp(-μ L) with L its path length in lead
 * ({@link HexagonalHoleArray#septalPathLengthMm}) — the expected survival instead of a random
 * survival draw (same mean, smaller variance); photons with μL ≥ 50 count as absorbed (weight
 * &lt; 2e-22). This {@link CollimatorModel#GEOMETRIC} model has no scatter in the septa and no lead
 * x-rays. With {@link CollimatorModel#MONTE_CARLO} every photon is transported analog (weight 1) by
 * {@link CollimatorTransport}: penetration, collimator scatter and lead K x-rays are produced, and
 * the photon leaves the back face at its own position, direction and energy. The collimator is
 * laterally infinite in both models.
 *
 * <p><b>Detector.</b> Geometric model: every photon reaching the crystal deposits its full energy
 * (crystal efficiency 1, no escape). Monte Carlo model: the deposited energy is sampled from the
 * crystal's response matrix ({@link CrystalResponse}: Compton escape, iodine K escape, photons
 * passing without interacting), simulated once per run with {@value #CRYSTAL_HISTORIES_PER_KEV} photons
 * per keV and {@value #CRYSTAL_HISTORIES_AT_LINE} at the rows next to the source energy (the matrix's
 * sampling error is a common factor of the run, included in the window efficiency's standard error
 * by {@link #run}, see {@link PointSourceResult#from(PointSourceSetup, TallySet, CrystalResponse)}); or, for
 * forced detection's kernel tables ({@code runTalliesCrystalTransport}), the detector's layers
 * transported photon by photon along the photon's direction, its event at the mean deposit position,
 * as the analog SPECT engine does; without it the image plane is the back gap beyond the collimator
 * (single depth). Both: position blurred by the intrinsic Gaussian, energy blurred by
 * {@link EnergyResolution}. Tallies, per stratum, in units of photon weight (fixed point,
 * bit-identical for any thread count): the in-window image (with the Monte Carlo model also one
 * per collimator component: geometric, penetration, collimator scatter, lead x-ray), the energy
 * spectrum of photons inside the field of view (with the Monte Carlo model also per component),
 * and weight sums for the sensitivity and its standard error.
 */
public final class PointSourceSimulation {
    /** Slots in the per-stratum sums tally. */
    static final int SUM_SLOTS = 12;
    static final int REACHED_W = 0;
    static final int REACHED_W2 = 1;
    static final int WINDOW_GEOMETRIC_W = 2;
    static final int WINDOW_PENETRATION_W = 3;
    static final int WINDOW_W2 = 4;
    static final int REACHED_GEOMETRIC_W = 5;
    static final int REACHED_PENETRATION_W = 6;
    static final int WINDOW_SCATTER_W = 7;
    static final int REACHED_SCATTER_W = 8;
    /** In-window and reached weight of photons scattered in the medium (any collimator component). */
    static final int WINDOW_MEDIUM_W = 9;
    static final int REACHED_MEDIUM_W = 10;
    /** Number of photons reaching the field of view (whatever their weight). */
    static final int REACHED_N = 11;
    /** Photons per incident energy of the crystal response matrix (Monte Carlo model). */
    static final int CRYSTAL_HISTORIES_PER_KEV = 4000;
    /**
     * Photons for the crystal matrix rows next to the source energy, where every geometric and
     * penetrating photon arrives: their sampling error is a common factor of the window efficiency
     * (at 364.5 keV in 9.5 mm NaI, window acceptance ~0.2: 2-2.5 % relative with 4000 photons, 0.4-0.5 %
     * with this many; PointSourceMonteCarloTest). It is part of the run's reported window-efficiency error.
     */
    static final int CRYSTAL_HISTORIES_AT_LINE = 250_000;

    /**
     * Photons whose septal attenuation μL reaches this value are counted as absorbed (their
     * weight exp(-μL) &lt; 2e-22 would not change any tally), which stops long lattice walks early.
     */
    static final double ABSORBED_MU_L = 50.0;

    private PointSourceSimulation() {
    }

    /**
     * Runs the batches of {@code range} on {@code threads} threads.
     *
     * @return the result, a pure function of (setup, seed, range)
     */
    public static PointSourceResult run(PointSourceSetup setup, long seed, BatchRange range, int threads,
                                        BatchRunner.ProgressListener progress) {
        Prepared prepared = Prepared.of(setup, seed);
        TallySet t = BatchRunner.run(seed, range, threads, k -> new Worker(setup, prepared), progress);
        return PointSourceResult.from(setup, t, prepared.crystal());
    }

    /** Runs the batches and returns the raw tallies (for merging split runs). */
    public static TallySet runTallies(PointSourceSetup setup, long seed, BatchRange range, int threads) {
        return runTallies(setup, seed, crystalSeed(seed), range, threads);
    }

    /**
     * Runs the batches with the crystal response matrix of another run's seed: runs that share it
     * differ only by their transport noise (the matrix, simulated once per run, is a common factor of
     * every in-window tally and is not in the run's standard errors).
     */
    static TallySet runTallies(PointSourceSetup setup, long seed, long crystalSeed, BatchRange range, int threads) {
        Prepared prepared = Prepared.of(setup, seed, crystalSeed);
        return BatchRunner.run(seed, range, threads, k -> new Worker(setup, prepared),
                BatchRunner.ProgressListener.NONE);
    }

    /**
     * Runs the batches of the Monte Carlo model detecting as the analog SPECT engine does
     * ({@code AnalogSimulation} with {@link CollimatorModel#MONTE_CARLO}) instead of through the
     * response matrix: each photon leaving the collimator crosses the gap to the detector's cover
     * (the crystal's front face lies {@code max(cover, backGap - crystal / 2)} beyond the back
     * face, as {@code SpectCamera.crystalFrontGapMm}) and is followed through cover, crystal and
     * backscatter compartment along its own direction ({@link NaiCrystal#depositKeV(double, double,
     * double, double, UniformRandomProvider, NaiCrystal.Scratch)}); its event lies at the
     * energy-weighted mean of its deposits. Oblique photons (septal scatter and penetration arrive
     * at up to tens of degrees) cross more crystal than the matrix's normal incidence assumes:
     * at 364.5 keV through a high-energy collimator, the matrix undercounted in-window collimator
     * scatter by ~20 % against this transport. Photons are shared uniformly over the strata (no
     * Neyman allocation): the allocation by the probability of reaching the field of view starves
     * the wide strata, whose rare in-window septal-scatter photons then carry weights of up to a
     * quarter of the window efficiency (at 364.5 keV through a high-energy collimator, 10^6 photons,
     * one seed in four doubled the collimator-scatter component); uniform shares gave a 1.5 times
     * larger typical standard error of the window efficiency but no such outliers.
     */
    static TallySet runTalliesCrystalTransport(PointSourceSetup setup, long seed, CollimatorTransport transport,
                                               NaiCrystal crystal, BatchRange range, int threads) {
        if (!setup.monteCarlo() || setup.scatterMedium() || setup.idealSepta()) {
            throw new IllegalArgumentException("crystal transport is for the monte-carlo model in air with "
                    + "penetrable septa");
        }
        if (transport.maxEnergyKeV() < setup.energyKeV()) {
            throw new IllegalArgumentException("collimator transport up to " + transport.maxEnergyKeV()
                    + " keV does not cover " + setup.energyKeV() + " keV");
        }
        Prepared prepared = Prepared.ofTransport(setup, transport, crystal);
        return BatchRunner.run(seed, range, threads, k -> new Worker(setup, prepared),
                BatchRunner.ProgressListener.NONE);
    }

    /**
     * Solid-angle strata of a setup: a batch emits {@link PointSourceSetup#historiesPerBatch()}
     * photons per stratum (shared by Neyman allocation in the Monte Carlo model).
     */
    public static int strata(PointSourceSetup setup) {
        return PointSourceStrata.count(setup);
    }

    /** Seed of the crystal response matrix of a run with {@code seed}. */
    static long crystalSeed(long seed) {
        return seed ^ 0x5DEECE66DL;
    }

    /**
     * Shared read-only physics of the Monte Carlo model: the collimator transport and the crystal
     * response (simulated once per run from a stream derived from the run's seed); both null for the
     * geometric model.
     */
    record Prepared(CollimatorTransport transport, CrystalResponse crystal, ScatterSlab slab,
                    int[] historiesPerStratum, NaiCrystal nai) {
        static Prepared of(PointSourceSetup s, long seed) {
            return of(s, seed, crystalSeed(seed));
        }

        static Prepared of(PointSourceSetup s, long seed, long crystalSeed) {
            if (!s.monteCarlo()) {
                return of(s, seed, null, null);
            }
            return of(s, seed, CrystalResponse.simulate(s.crystal(), 5.0, s.energyKeV() + 2.0, 1.0,
                    CRYSTAL_HISTORIES_PER_KEV, new double[] {s.energyKeV()}, CRYSTAL_HISTORIES_AT_LINE, crystalSeed),
                    null);
        }

        /**
         * The Monte Carlo model with a given (shared, read-only) collimator transport and the crystal
         * transported photon by photon, photons shared uniformly over the strata (see
         * {@link #runTalliesCrystalTransport}).
         */
        static Prepared ofTransport(PointSourceSetup s, CollimatorTransport transport, NaiCrystal nai) {
            int[] uniform = new int[PointSourceStrata.count(s)];
            java.util.Arrays.fill(uniform, s.historiesPerBatch());
            return new Prepared(transport, null, null, uniform, nai);
        }

        /** With a response matrix {@code c} (Monte Carlo model) or none (geometric model). */
        static Prepared of(PointSourceSetup s, long seed, CrystalResponse c, NaiCrystal nai) {
            int strata = PointSourceStrata.count(s);
            int[] uniform = new int[strata];
            java.util.Arrays.fill(uniform, s.historiesPerBatch());
            if (!s.monteCarlo()) {
                return new Prepared(null, null, null, uniform, null);
            }
            // scattered photons forced into a cone of 3 times the collimator's widest geometric
            // acceptance (penetration and septal scatter reach a little beyond it)
            ScatterSlab w = s.scatterMedium()
                    ? ScatterSlab.of(s.medium().materialName(), s.distanceMm(), s.energyKeV(), 3.0 * s.holes().maxAcceptanceTan()) : null;
            CollimatorTransport t = s.idealSepta() ? CollimatorTransport.blackSepta(s.holes())
                    : CollimatorTransport.of(s.holes(), s.energyKeV() + 1.0, s.leadFluorescence());
            return new Prepared(t, c, w, allocate(s, seed, new Prepared(t, c, w, new int[strata], nai)), nai);
        }

        /**
         * Neyman allocation of the Monte Carlo model's photons over the strata: a pilot run of
         * {@link #PILOT_HISTORIES} photons per stratum (its own streams, so a pure function of setup and
         * seed) estimates each stratum's probability p_k of reaching the field of view; a stratum whose
         * pilot saw fewer than {@link #PILOT_MIN_REACHED} photons reach it is piloted again with four
         * times as many photons (up to {@link #PILOT_ROUNDS} rounds), because wide strata whose rare
         * photons scatter in the septa into the window are otherwise judged empty, get the floor share,
         * and then a single hit carries a weight of several % of the efficiency (I-131 through a HE
         * collimator: run-to-run standard errors of 1.5-8 % before). The {@code strata ×
         * historiesPerBatch} photons of a batch are then shared in proportion to Ω_k·sqrt(p_k(1 - p_k))
         * (the allocation of least variance for the detected fraction; with weighted photons, Ω_k times
         * the standard deviation of the detected weight), with at least 10 % of a uniform share per
         * stratum. Any allocation is unbiased.
         */
        private static int[] allocate(PointSourceSetup s, long seed, Prepared pilotPhysics) {
            int strata = PointSourceStrata.count(s);
            int[] pilot = new int[strata];
            java.util.Arrays.fill(pilot, PILOT_HISTORIES);
            long[] photons = new long[strata];
            double[] reachedW = new double[strata];
            double[] reachedW2 = new double[strata];
            for (int round = 0; round < PILOT_ROUNDS; round++) {
                Worker w = new Worker(s, new Prepared(pilotPhysics.transport(), pilotPhysics.crystal(),
                        pilotPhysics.slab(), pilot, pilotPhysics.nai()));
                w.runBatch(0, org.spectlab.simulator.run.BatchRandom.stream(seed ^ 0x2545F4914F6CDD1DL, round));
                int[] next = new int[strata];
                boolean again = false;
                for (int k = 0; k < strata; k++) {
                    if (pilot[k] == 0) {
                        continue;
                    }
                    double[] sums = w.tallies().tally(PointSourceResult.SUMS + k).toDoubleArray();
                    photons[k] += pilot[k];
                    reachedW[k] += sums[REACHED_W];
                    reachedW2[k] += sums[REACHED_W2];
                    double[] c = PointSourceStrata.cosines(s, k);
                    if (sums[REACHED_N] < PILOT_MIN_REACHED && c[1] > c[0]) {
                        next[k] = 4 * pilot[k];
                        again = true;
                    }
                }
                if (!again) {
                    break;
                }
                pilot = next;
            }
            double[] weight = new double[strata];
            double total = 0;
            for (int k = 0; k < strata; k++) {
                double mean = reachedW[k] / photons[k];
                // standard deviation of a photon's weight reaching the field of view: sqrt(p (1 - p))
                // for analog photons (weight 1), the general form for weighted ones (scattering medium)
                double sd = Math.sqrt(Math.max(0.0, reachedW2[k] / photons[k] - mean * mean));
                double[] c = PointSourceStrata.cosines(s, k);
                weight[k] = 0.5 * (c[1] - c[0]) * sd;
                total += weight[k];
            }
            long budget = (long) strata * s.historiesPerBatch();
            int floor = Math.max(1, (int) (0.10 * s.historiesPerBatch()));
            int[] n = new int[strata];
            for (int k = 0; k < strata; k++) {
                n[k] = (int) Math.max(floor, Math.round(budget * weight[k] / total));
            }
            return n;
        }
    }

    /**
     * Collimator components of the Monte Carlo model's per-component images, indexed by
     * {@link CollimatorTransport#GEOMETRIC}, {@link CollimatorTransport#PENETRATION},
     * {@link CollimatorTransport#SCATTER} and {@link CollimatorTransport#LEAD_XRAY}.
     */
    static final int COLLIMATOR_COMPONENTS = 4;

    /** Tally name of a stratum's in-window image of one collimator component (Monte Carlo model). */
    static String componentImageKey(int component, int stratum) {
        return "image.component" + component + ".stratum" + stratum;
    }

    /**
     * Tally name of a stratum's measured-energy spectrum (photons in the field of view, any energy)
     * of one collimator component (Monte Carlo model).
     */
    static String componentSpectrumKey(int component, int stratum) {
        return "spectrum.component" + component + ".stratum" + stratum;
    }

    /** Photons per stratum of the allocation pilot run's first round (Monte Carlo model). */
    static final int PILOT_HISTORIES = 4000;
    /** A stratum whose pilot saw fewer photons reach the field of view is piloted again, 4x larger. */
    static final int PILOT_MIN_REACHED = 20;
    /** Pilot rounds at most: 4000, 16 000 and 64 000 photons for a stratum that stays rare. */
    static final int PILOT_ROUNDS = 3;

    /** The per-thread worker: owns its scratch buffers and tallies. */
    static final class Worker implements BatchWorker {
        private final PointSourceSetup s;
        private final CollimatorTransport transport;
        private final CrystalResponse crystal;
        /** The crystal transported photon by photon (then {@link #crystal} is null), or null. */
        private final NaiCrystal nai;
        private final NaiCrystal.Scratch naiScratch = NaiCrystal.scratch();
        private final CollimatorTransport.Photon photon = CollimatorTransport.photon();
        private final ScatterSlab slab;
        private final double[] mediumPos = new double[3];
        private final double[] mediumDir = new double[3];
        private final double[] mediumState = new double[2];
        private final org.spectlab.simulator.interaction.ScatteredPhoton mediumScatter =
                new org.spectlab.simulator.interaction.ScatteredPhoton();
        private final int[] historiesPerStratum;
        private final TallySet tallies = TallySet.create();
        private final int strata;
        private final FixedPointTally[] images;
        /** Monte Carlo model only: [stratum][collimator component] in-window images; else null. */
        private final FixedPointTally[][] componentImages;
        private final double[][][] componentScratch;
        /** Monte Carlo model only: [stratum][collimator component] spectra; else null. */
        private final FixedPointTally[][] componentSpectra;
        private final double[][][] componentSpectrumScratch;
        private final FixedPointTally[] spectra;
        private final FixedPointTally[] sums;
        /** Monte Carlo model only: [stratum] weight reaching the field of view per crystal grid energy; else null. */
        private final FixedPointTally[] crystalRows;
        private final double[][] crystalRowScratch;
        private final double[][] imageScratch;
        private final double[][] spectrumScratch;
        private final double[][] sumScratch;
        private final double[] cosMin;
        private final double[] cosMax;
        private final double a1x;
        private final double a1y;
        private final double a2x;
        private final double a2y;

        Worker(PointSourceSetup s, Prepared prepared) {
            this.s = s;
            this.transport = prepared.transport();
            this.crystal = prepared.crystal();
            this.nai = prepared.nai();
            this.slab = prepared.slab();
            this.historiesPerStratum = prepared.historiesPerStratum();
            int n = s.imagePixels();
            strata = PointSourceStrata.count(s);
            images = new FixedPointTally[strata];
            componentImages = prepared.transport() != null ? new FixedPointTally[strata][COLLIMATOR_COMPONENTS] : null;
            componentScratch = prepared.transport() != null ? new double[strata][COLLIMATOR_COMPONENTS][] : null;
            componentSpectra = prepared.transport() != null ? new FixedPointTally[strata][COLLIMATOR_COMPONENTS] : null;
            componentSpectrumScratch = prepared.transport() != null ? new double[strata][COLLIMATOR_COMPONENTS][]
                    : null;
            spectra = new FixedPointTally[strata];
            sums = new FixedPointTally[strata];
            crystalRows = crystal != null ? new FixedPointTally[strata] : null;
            crystalRowScratch = crystal != null ? new double[strata][] : null;
            imageScratch = new double[strata][];
            spectrumScratch = new double[strata][];
            sumScratch = new double[strata][];
            cosMin = new double[strata];
            cosMax = new double[strata];
            for (int k = 0; k < strata; k++) {
                images[k] = tallies.tally(PointSourceResult.IMAGE + k, n * n);
                if (componentImages != null) {
                    for (int c = 0; c < COLLIMATOR_COMPONENTS; c++) {
                        componentImages[k][c] = tallies.tally(componentImageKey(c, k), n * n);
                        componentScratch[k][c] = new double[n * n];
                        componentSpectra[k][c] = tallies.tally(componentSpectrumKey(c, k), s.spectrumBins());
                        componentSpectrumScratch[k][c] = new double[s.spectrumBins()];
                    }
                }
                spectra[k] = tallies.tally(PointSourceResult.SPECTRUM + k, s.spectrumBins());
                sums[k] = tallies.tally(PointSourceResult.SUMS + k, SUM_SLOTS);
                imageScratch[k] = new double[n * n];
                spectrumScratch[k] = new double[s.spectrumBins()];
                sumScratch[k] = new double[SUM_SLOTS];
                if (crystalRows != null) {
                    crystalRows[k] = tallies.tally(PointSourceResult.CRYSTAL_ROWS + k, crystal.energies());
                    crystalRowScratch[k] = new double[crystal.energies()];
                }
                double[] c = PointSourceStrata.cosines(s, k);
                cosMin[k] = c[0];
                cosMax[k] = c[1];
            }
            double[] v = new double[2];
            s.holes().latticeVector(0, v);
            a1x = v[0];
            a1y = v[1];
            s.holes().latticeVector(1, v);
            a2x = v[0];
            a2y = v[1];
        }

        @Override
        public void runBatch(long batch, UniformRandomProvider rng) {
            ZigguratSampler.NormalizedGaussian gauss = ZigguratSampler.NormalizedGaussian.of(rng);
            EnergyResolution.Sampler energy = s.resolution().sampler(rng);
            for (int k = 0; k < strata; k++) {
                if (cosMax[k] > cosMin[k]) {
                    if (transport != null) {
                        runStratumTransport(k, rng, gauss, energy);
                    } else {
                        runStratum(k, rng, gauss, energy);
                    }
                    tallies.count(PointSourceResult.HISTORIES + k, historiesPerStratum[k]);
                }
                images[k].addAndClear(imageScratch[k]);
                if (componentImages != null) {
                    for (int c = 0; c < COLLIMATOR_COMPONENTS; c++) {
                        componentImages[k][c].addAndClear(componentScratch[k][c]);
                        componentSpectra[k][c].addAndClear(componentSpectrumScratch[k][c]);
                    }
                }
                spectra[k].addAndClear(spectrumScratch[k]);
                sums[k].addAndClear(sumScratch[k]);
                if (crystalRows != null) {
                    crystalRows[k].addAndClear(crystalRowScratch[k]);
                }
            }
        }

        private void runStratum(int k, UniformRandomProvider rng, ZigguratSampler.NormalizedGaussian gauss,
                                EnergyResolution.Sampler energy) {
            final HexagonalHoleArray holes = s.holes();
            final double z = s.distanceMm();
            final double dist = s.imageDistanceMm();
            final double mu = s.leadMuPerMm();
            final boolean ideal = s.idealSepta();
            final double leadLimit = ABSORBED_MU_L / mu;
            final double sigma = s.intrinsicFwhmMm() / (2.0 * Math.sqrt(2.0 * Math.log(2.0)));
            final double half = s.detectorHalfWidthMm();
            final int n = s.imagePixels();
            final double invPix = 1.0 / s.pixelMm();
            final double centre = 0.5 * n;
            final double e0 = s.energyKeV();
            final double invBin = 1.0 / s.spectrumBinKeV();
            final int nBins = s.spectrumBins();
            final double lo = s.window().lowerKeV();
            final double hi = s.window().upperKeV();
            final double c0 = cosMin[k];
            final double dc = cosMax[k] - cosMin[k];
            final double[] img = imageScratch[k];
            final double[] spec = spectrumScratch[k];
            final double[] sum = sumScratch[k];
            final int histories = s.historiesPerBatch();
            for (int h = 0; h < histories; h++) {
                double dz = c0 + dc * rng.nextDouble();
                double sinT = Math.sqrt(Math.max(0.0, 1.0 - dz * dz));
                double phi = 2.0 * Math.PI * rng.nextDouble();
                double dx = sinT * Math.cos(phi);
                double dy = sinT * Math.sin(phi);
                double r1 = rng.nextDouble();
                double r2 = rng.nextDouble();
                double u = r1 * a1x + r2 * a2x + z * dx / dz;
                double v = r1 * a1y + r2 * a2y + z * dy / dz;
                double w;
                boolean geometric = holes.passesSameHole(u, v, dx, dy, dz);
                if (geometric) {
                    w = 1.0;
                } else if (ideal) {
                    continue;
                } else {
                    double lead = holes.septalPathLengthMm(u, v, dx, dy, dz, leadLimit);
                    if (lead >= leadLimit) {
                        continue;
                    }
                    w = Math.exp(-mu * lead);
                }
                double x = dist * dx / dz + sigma * gauss.sample();
                double y = dist * dy / dz + sigma * gauss.sample();
                if (Math.abs(x) > half || Math.abs(y) > half) {
                    continue;
                }
                double e = energy.measuredKeV(e0);
                int bin = (int) Math.floor(e * invBin);
                if (bin >= 0 && bin < nBins) {
                    spec[bin] += w;
                }
                sum[REACHED_W] += w;
                sum[REACHED_W2] += w * w;
                sum[REACHED_N] += 1;
                sum[geometric ? REACHED_GEOMETRIC_W : REACHED_PENETRATION_W] += w;
                if (e >= lo && e < hi) {
                    sum[geometric ? WINDOW_GEOMETRIC_W : WINDOW_PENETRATION_W] += w;
                    sum[WINDOW_W2] += w * w;
                    int ix = (int) Math.floor(x * invPix + centre);
                    int iy = (int) Math.floor(y * invPix + centre);
                    if (ix >= 0 && ix < n && iy >= 0 && iy < n) {
                        img[iy * n + ix] += w;
                    }
                }
            }
        }

        /**
         * One stratum with the Monte Carlo collimator and the crystal response (analog, weight 1 in
         * air; in a scattering medium the weight of the directional biasing, see {@link ScatterSlab}).
         */
        private void runStratumTransport(int k, UniformRandomProvider rng, ZigguratSampler.NormalizedGaussian gauss,
                                         EnergyResolution.Sampler energy) {
            final double z = s.distanceMm();
            final double gap = s.backGapMm();
            final double sigma = s.intrinsicFwhmMm() / (2.0 * Math.sqrt(2.0 * Math.log(2.0)));
            final double half = s.detectorHalfWidthMm();
            final int n = s.imagePixels();
            final double invPix = 1.0 / s.pixelMm();
            final double centre = 0.5 * n;
            final double e0 = s.energyKeV();
            final double invBin = 1.0 / s.spectrumBinKeV();
            final int nBins = s.spectrumBins();
            final double lo = s.window().lowerKeV();
            final double hi = s.window().upperKeV();
            final double c0 = cosMin[k];
            final double dc = cosMax[k] - cosMin[k];
            final double[] img = imageScratch[k];
            final double[] spec = spectrumScratch[k];
            final double[] sum = sumScratch[k];
            final double[] rowWeight = crystalRowScratch != null ? crystalRowScratch[k] : null;
            final CollimatorTransport.Photon p = photon;
            final int histories = historiesPerStratum[k];
            // collimator back face to the cover's front (crystal front face less the cover)
            final double toCoverMm = Math.max(s.coverAluminiumMm(), gap - 0.5 * s.crystalThicknessMm())
                    - s.coverAluminiumMm();
            for (int h = 0; h < histories; h++) {
                double dz = c0 + dc * rng.nextDouble();
                if (slab == null && dz <= 0) {
                    continue; // in air, parallel to the face or away from it: never reaches it
                }
                double sinT = Math.sqrt(Math.max(0.0, 1.0 - dz * dz));
                double phi = 2.0 * Math.PI * rng.nextDouble();
                double dx = sinT * Math.cos(phi);
                double dy = sinT * Math.sin(phi);
                double r1 = rng.nextDouble();
                double r2 = rng.nextDouble();
                double sx = r1 * a1x + r2 * a2x;
                double sy = r1 * a1y + r2 * a2y;
                boolean mediumScattered = false;
                double w = 1.0;
                if (slab == null) {
                    p.startAtFrontFace(sx + z * dx / dz, sy + z * dy / dz, dx, dy, dz, e0);
                } else {
                    double[] md = mediumDir;
                    md[0] = dx;
                    md[1] = dy;
                    md[2] = dz;
                    mediumState[0] = e0;
                    int scatters = slab.transport(mediumPos, md, mediumState, rng, mediumScatter);
                    if (scatters < 0) {
                        continue;
                    }
                    mediumScattered = scatters > 0;
                    w = mediumState[1];
                    p.startAtFrontFace(sx + mediumPos[0], sy + mediumPos[1], md[0], md[1], md[2], mediumState[0]);
                }
                if (transport.transport(p, rng) != CollimatorTransport.EXIT_BACK) {
                    continue;
                }
                double x;
                double y;
                double deposit = 0;
                if (nai == null) {
                    x = p.x() - sx + gap * p.dx() / p.dz() + sigma * gauss.sample();
                    y = p.y() - sy + gap * p.dy() / p.dz() + sigma * gauss.sample();
                } else {
                    // as the analog SPECT engine: to the cover's front, then through the detector layers
                    deposit = nai.depositKeV(p.energyKeV(), p.dx(), p.dy(), p.dz(), rng, naiScratch);
                    double toCover = toCoverMm / p.dz();
                    x = p.x() - sx + toCover * p.dx() + naiScratch.meanXMm() + sigma * gauss.sample();
                    y = p.y() - sy + toCover * p.dy() + naiScratch.meanYMm() + sigma * gauss.sample();
                }
                if (Math.abs(x) > half || Math.abs(y) > half) {
                    continue;
                }
                int component = p.component();
                int slotReached = component == CollimatorTransport.GEOMETRIC ? REACHED_GEOMETRIC_W
                        : component == CollimatorTransport.PENETRATION ? REACHED_PENETRATION_W : REACHED_SCATTER_W;
                sum[REACHED_W] += w;
                sum[REACHED_W2] += w * w;
                sum[REACHED_N] += 1;
                sum[slotReached] += w;
                if (mediumScattered) {
                    sum[REACHED_MEDIUM_W] += w;
                }
                if (rowWeight != null) {
                    rowWeight[crystal.energyIndex(p.energyKeV())] += w;
                }
                if (nai == null) {
                    deposit = crystal.sampleDepositKeV(p.energyKeV(), rng);
                }
                if (deposit <= 0) {
                    continue;
                }
                double e = energy.measuredKeV(deposit);
                int bin = (int) Math.floor(e * invBin);
                if (bin >= 0 && bin < nBins) {
                    spec[bin] += w;
                    componentSpectrumScratch[k][component][bin] += w;
                }
                if (e >= lo && e < hi) {
                    sum[slotReached == REACHED_GEOMETRIC_W ? WINDOW_GEOMETRIC_W
                            : slotReached == REACHED_PENETRATION_W ? WINDOW_PENETRATION_W : WINDOW_SCATTER_W] += w;
                    sum[WINDOW_W2] += w * w;
                    if (mediumScattered) {
                        sum[WINDOW_MEDIUM_W] += w;
                    }
                    int ix = (int) Math.floor(x * invPix + centre);
                    int iy = (int) Math.floor(y * invPix + centre);
                    if (ix >= 0 && ix < n && iy >= 0 && iy < n) {
                        img[iy * n + ix] += w;
                        componentScratch[k][component][iy * n + ix] += w;
                    }
                }
            }
        }

        @Override
        public TallySet tallies() {
            return tallies;
        }
    }
}
