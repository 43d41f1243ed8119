package org.spectlab.simulator.spect;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.AliasMethodDiscreteSampler;
import org.apache.commons.rng.sampling.distribution.SharedStateDiscreteSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.spectlab.core.error.InputException;
import org.spectlab.core.projection.EnergyWindow;
import org.spectlab.simulator.collimator.CollimatorModel;
import org.spectlab.simulator.collimator.CollimatorTransport;
import org.spectlab.simulator.crystal.NaiCrystal;
import org.spectlab.simulator.interaction.ScatteredPhoton;
import org.spectlab.simulator.run.BatchRange;
import org.spectlab.simulator.run.BatchRunner;
import org.spectlab.simulator.run.BatchWorker;
import org.spectlab.simulator.run.FixedPointTally;
import org.spectlab.simulator.run.TallySet;
import org.spectlab.simulator.source.Directions;
import org.spectlab.simulator.source.VoxelSource;
import org.spectlab.simulator.transport.AttenuationSource;

/**
 * Analog Monte Carlo of the acquisition: the reference the accelerated mode is tested against.
 *
 * <p>Each history is a photon emitted during one view chosen uniformly, from a position sampled from
 * the activity at the scan start, followed through the patient with delta tracking and analog
 * photoabsorption, Compton (bound) and Rayleigh scattering; when it leaves the patient towards that
 * view's detector it must pass the hexagonal hole array without touching a septum (ideal septa,
 * exact ray test at its real entry point), then reach the crystal's image plane, where it gets the
 * intrinsic Gaussian blur, a deposited energy sampled from the crystal response matrix and the
 * Gaussian energy resolution, and is counted in every window containing the measured energy.
 * Inefficient by nature (one photon in ~10^4 passes a clinical collimator), it is meant for small
 * reference problems.
 *
 * <p>Activity changing during the scan: a history emitted in view v from a voxel entry of kinetic
 * group g ({@link KineticGroups}; without kinetics one group with physical decay) carries the weight
 * {@code A(t0) Y N_views T / N x F[g][v]}, with A(t0) the total activity at the scan start, Y the
 * photons per decay, T the time per view, N the histories and {@code F[g][v]} the mean of
 * {@code A_g(t)/A_g(t0)} over v's time slot ({@link SpectScenario#viewFactor}). This is unbiased:
 * the entry is drawn with probability {@code a_e / A(t0)} and the view with {@code 1 / N_views}, so
 * the expected tally of a pixel of view v is {@code sum_e a_e F[g_e][v] T Y P_e(pixel)}, the
 * photons emitted by each entry during v's slot times their detection probability; only the weights
 * change, not the sampling, so a scenario without kinetics uses the random stream exactly as before.
 *
 * <p>With {@link CollimatorModel#MONTE_CARLO} in the options, a photon leaving the patient towards
 * the detector (whatever its angle) enters the collimator face at its real position and is
 * transported through the septa ({@link CollimatorTransport}); it leaves the back face at its exit
 * position, direction and energy, crosses the gap to the detector's cover (the crystal's front face
 * lies at {@link SpectCamera#crystalFrontGapMm()}) and is followed through cover, crystal and
 * backscatter compartment one by one ({@link NaiCrystal#depositKeV(double, double, double, double,
 * UniformRandomProvider, NaiCrystal.Scratch)}): its deposited energy is that history's, and its
 * position the energy-weighted mean of its deposits (depth of interaction: a photon arriving at
 * angle α lands about its interaction depth × tan α beyond its entry point, which matters for the
 * oblique photons that penetrate or scatter in the septa). With the geometric collimator the
 * photons arrive within a few degrees of normal; they are placed at the image plane (the straight
 * extension over the back gap, which ends at the crystal's mean interaction depth) and their deposit
 * is sampled from the tabulated crystal response.
 * Detected photons that crossed lead are tallied by what happened there, as penetration,
 * collimator scatter and lead K x-rays ({@link CollimatorComponents}); primary and scatter then
 * hold the photons that passed through the holes alone. Forced detection tallies the same
 * components from Monte Carlo kernels ({@link ForcedDetectionSimulation}).
 *
 * <p>With {@link SimulationOptions#scatterOrderImages()} the scatter images are also tallied by the
 * photon's number of interactions in the patient (1, 2, 3 and more; Compton and Rayleigh both
 * count), which add up to the scatter images.
 */
public final class AnalogSimulation {
    private static final int PRIMARY = 0;
    private static final int SCATTER = 1;
    private static final int PENETRATION = 2;
    private static final int COLLIMATOR_SCATTER = 3;
    private static final int LEAD_XRAY = 4;
    /** Tally name stems by component (the first two are the names tallies always had). */
    private static final String[] COMPONENTS = {"primary", "scatter", "penetration", "collimator_scatter", "lead_xray"};
    /** Tally name stems of the scatter-order images (orders 1, 2, 3+). */
    private static final String[] ORDERS = {"scatter_order1", "scatter_order2", "scatter_order3plus"};

    private AnalogSimulation() {
    }

    /** Runs {@code options.scatterHistories()} analog histories (the name is shared with forced detection). */
    public static SpectResult run(SpectScenario scenario, SimulationOptions options,
                                  BatchRunner.ProgressListener progress) {
        long start = System.nanoTime();
        TallySet merged = runBatches(scenario, options, BatchRange.of(0, options.batches()), progress);
        return finish(scenario, options, merged, (System.nanoTime() - start) * 1e-9);
    }

    /**
     * Runs only the batches of {@code range} (a part of {@code [0, options.batches())}) and returns
     * their exact fixed-point tallies. Tallies of disjoint ranges covering every batch, merged with
     * {@link TallySet#merge} in any order, are bit-identical to those of the whole run.
     */
    public static TallySet runBatches(SpectScenario scenario, SimulationOptions options, BatchRange range,
                                      BatchRunner.ProgressListener progress) {
        TallySet[] out = new TallySet[1];
        runBatchChunks(scenario, options, List.of(range), t -> out[0] = t, progress);
        return out[0];
    }

    /**
     * Runs several batch ranges one after another with the physics prepared once, handing each
     * range's tallies to {@code done} as soon as it is complete (for checkpoints).
     */
    public static void runBatchChunks(SpectScenario scenario, SimulationOptions options, List<BatchRange> ranges,
                                      java.util.function.Consumer<TallySet> done,
                                      BatchRunner.ProgressListener progress) {
        long histories = options.scatterHistories();
        if (histories <= 0) {
            throw InputException.field("simulation.histories", "analog mode needs a positive number of histories");
        }
        int nb = options.batches();
        for (BatchRange r : ranges) {
            if (r.end() > nb) {
                throw new IllegalArgumentException("batch range " + r + " outside 0-" + nb);
            }
        }
        requireDetectorOutsidePatient(scenario);
        PreparedPhysics physics = new PreparedPhysics(scenario, options);
        long totalBatches = 0;
        for (BatchRange r : ranges) {
            totalBatches += r.count();
        }
        progress.phase(BatchRunner.ProgressListener.TRANSPORT, totalBatches);
        long[] before = new long[1];
        for (BatchRange r : ranges) {
            long offset = before[0];
            TallySet t = BatchRunner.run(options.seed(), r, options.threads(),
                    th -> new Worker(physics, histories, nb, options.scatterOrderImages()),
                    d -> progress.batchDone(offset + d));
            before[0] += r.count();
            done.accept(t);
        }
    }

    /**
     * The result of a complete run from the merged tallies of every batch.
     *
     * @param wallSeconds recorded as the simulation's wall time
     */
    public static SpectResult finish(SpectScenario scenario, SimulationOptions options, TallySet merged,
                                     double wallSeconds) {
        long histories = options.scatterHistories();
        if (merged.counter("histories") != histories) {
            throw new IllegalArgumentException("tallies hold " + merged.counter("histories") + " of " + histories
                    + " histories: not every batch was run");
        }
        int windows = scenario.camera().windows().size();
        List<float[]> primary = images(merged, PRIMARY, windows);
        List<float[]> scatter = images(merged, SCATTER, windows);
        double[] specP = merged.tally("spectrum_" + COMPONENTS[PRIMARY]).toDoubleArray();
        double[] specS = merged.tally("spectrum_" + COMPONENTS[SCATTER]).toDoubleArray();
        // bin e holds measured energies [e, e+1) keV (see detect); the result states bin centres
        double[] centres = new double[specP.length];
        for (int e = 0; e < centres.length; e++) {
            centres[e] = e + 0.5;
        }
        CollimatorComponents collimator = null;
        if (options.collimatorModel() == CollimatorModel.MONTE_CARLO) {
            collimator = new CollimatorComponents(images(merged, PENETRATION, windows),
                    images(merged, COLLIMATOR_SCATTER, windows), images(merged, LEAD_XRAY, windows),
                    merged.tally("spectrum_" + COMPONENTS[PENETRATION]).toDoubleArray(),
                    merged.tally("spectrum_" + COMPONENTS[COLLIMATOR_SCATTER]).toDoubleArray(),
                    merged.tally("spectrum_" + COMPONENTS[LEAD_XRAY]).toDoubleArray());
        }
        List<List<float[]>> byOrder = null;
        if (options.scatterOrderImages()) {
            byOrder = new ArrayList<>();
            for (String order : ORDERS) {
                List<float[]> images = new ArrayList<>();
                for (int w = 0; w < windows; w++) {
                    images.add(merged.tally(order + "_" + w).toFloatArray());
                }
                byOrder.add(images);
            }
        }
        return new SpectResult(scenario.camera().windows(), primary, scatter, null, centres, specP, specS, histories,
                merged.counter("interactions"), wallSeconds, "analog", collimator, byOrder);
    }

    private static List<float[]> images(TallySet merged, int component, int windows) {
        List<float[]> out = new ArrayList<>();
        for (int w = 0; w < windows; w++) {
            out.add(merged.tally(COMPONENTS[component] + "_" + w).toFloatArray());
        }
        return out;
    }

    /**
     * The detector must not cut through matter: every voxel denser than air must lie on the axis's
     * side of every view's collimator-face plane ({@link PatientOutline}; the plane is where
     * {@code detect} intersects escaping photons). Air beyond the plane is harmless (photons cross it
     * in a straight line).
     */
    private static void requireDetectorOutsidePatient(SpectScenario s) {
        PatientOutline.of(s).requireOutside(s.orbit());
    }

    /** One thread's histories. */
    private static final class Worker implements BatchWorker {
        private final PreparedPhysics physics;
        private final SpectScenario s;
        private final long totalHistories;
        private final int batches;
        private final TallySet tallies = TallySet.create();
        /** Components tallied: primary and scatter, then the collimator components with the MC model. */
        private final int components;
        /**
         * [component][window] image tallies. Detected photons are added one by one (each rounded to
         * the tally's fixed point, 2^-32 of a count): a dense per-batch scratch image per component
         * and window (views x rows x cols doubles, 16 MB each for the standard study) would double
         * the memory of every thread for a few detected photons per pixel.
         */
        private final FixedPointTally[][] images;
        /** [component] spectrum tallies and their per-batch scratch. */
        private final FixedPointTally[] spectra;
        private final double[][] spectrumScratch;
        /** [order - 1][window] scatter-order image tallies, or null. */
        private final FixedPointTally[][] orderImages;
        private final CollimatorTransport transport;
        private final CollimatorTransport.Photon photon = CollimatorTransport.photon();
        private final double[] pos = new double[3];
        private final double[] dir = new double[3];
        private final ScatteredPhoton scattered = new ScatteredPhoton();
        private final NaiCrystal.Scratch crystalScratch = NaiCrystal.scratch();
        private final double[] viewCos;
        private final double[] viewSin;
        /** Weight of a history by [kinetic group][view]. */
        private final double[][] viewWeight;
        /** Kinetic group of each source entry, or null (group 0). */
        private final byte[] entryGroup;

        Worker(PreparedPhysics physics, long totalHistories, int batches, boolean byOrder) {
            this.physics = physics;
            this.s = physics.scenario;
            this.totalHistories = totalHistories;
            this.batches = batches;
            int windows = s.camera().windows().size();
            int size = s.orbit().views() * s.rows() * s.cols();
            transport = physics.collimatorTransport;
            components = transport == null ? 2 : COMPONENTS.length;
            int bins = (int) Math.ceil(physics.crystal.maxKeV() * 1.3) + 10;
            images = new FixedPointTally[components][windows];
            spectra = new FixedPointTally[components];
            spectrumScratch = new double[components][];
            for (int c = 0; c < components; c++) {
                for (int w = 0; w < windows; w++) {
                    images[c][w] = tallies.tally(COMPONENTS[c] + "_" + w, size);
                }
                spectra[c] = tallies.tally("spectrum_" + COMPONENTS[c], bins);
                spectrumScratch[c] = new double[bins];
            }
            if (byOrder) {
                orderImages = new FixedPointTally[ORDERS.length][windows];
                for (int o = 0; o < ORDERS.length; o++) {
                    for (int w = 0; w < windows; w++) {
                        orderImages[o][w] = tallies.tally(ORDERS[o] + "_" + w, size);
                    }
                }
            } else {
                orderImages = null;
            }
            int views = s.orbit().views();
            viewCos = new double[views];
            viewSin = new double[views];
            int groups = s.kinetics() == null ? 1 : s.kinetics().groups();
            viewWeight = new double[groups][views];
            entryGroup = physics.entryGroup;
            // Each history stands for A_total * yield * (views * T) / N photons at the scan start's rate,
            // emitted during its view: times its group's mean activity relative to the start over the view
            double perHistory = physics.source.totalActivityBq() * physics.totalYield * views * s.timePerViewS()
                    / totalHistories;
            for (int v = 0; v < views; v++) {
                double a = s.orbit().angleRad(v);
                viewCos[v] = Math.cos(a);
                viewSin[v] = Math.sin(a);
                for (int g = 0; g < groups; g++) {
                    viewWeight[g][v] = perHistory * s.viewFactor(g, v);
                }
            }
        }

        @Override
        public TallySet tallies() {
            return tallies;
        }

        @Override
        public void runBatch(long batch, UniformRandomProvider rng) {
            long n = BatchRange.of(0, totalHistories).split((int) batch, batches).count();
            VoxelSource.Sampler positions = physics.source.sampler(rng);
            SharedStateDiscreteSampler lines = AliasMethodDiscreteSampler.of(rng, physics.lineYield);
            ZigguratSampler.NormalizedGaussian gauss = ZigguratSampler.NormalizedGaussian.of(rng);
            int views = s.orbit().views();
            long interactions = 0;
            for (long h = 0; h < n; h++) {
                int v = rng.nextInt(views);
                int entry = positions.sampleEntry(pos);
                double[] weightOfView = viewWeight[entryGroup == null ? 0 : entryGroup[entry]];
                Directions.isotropic(rng, dir);
                double e = physics.lineEnergyKeV[lines.sample()];
                int order = 0;
                boolean alive = true;
                while (true) {
                    int m = physics.tracker.nextInteraction(pos, dir, e, rng);
                    if (m < 0) {
                        break;
                    }
                    interactions++;
                    int process = physics.tables.chooseProcess(m, e, rng.nextDouble());
                    if (process == AttenuationSource.PHOTOELECTRIC) {
                        alive = false;
                        break;
                    }
                    if (process == AttenuationSource.INCOHERENT) {
                        physics.compton[m].sample(rng, e, scattered);
                    } else {
                        physics.rayleigh[m].sample(rng, e, scattered);
                    }
                    Directions.deflect(dir, scattered.cosTheta(), 2 * Math.PI * rng.nextDouble());
                    e = scattered.energyKeV();
                    order++;
                    if (e < physics.cutoffKeV) {
                        alive = false;
                        break;
                    }
                }
                if (alive) {
                    detect(v, weightOfView[v], e, order, rng, gauss);
                }
            }
            for (int c = 0; c < components; c++) {
                spectra[c].addAndClear(spectrumScratch[c]);
            }
            tallies.count("interactions", interactions);
            tallies.count("histories", n);
        }

        private void detect(int v, double w, double e, int order, UniformRandomProvider rng,
                            ZigguratSampler.NormalizedGaussian gauss) {
            double c = viewCos[v];
            double sn = viewSin[v];
            double dn = dir[0] * sn - dir[1] * c;
            if (dn <= 0) {
                return;
            }
            double du = dir[0] * c + dir[1] * sn;
            double dz = dir[2];
            double a0 = pos[0] * c + pos[1] * sn;
            double b0 = pos[0] * sn - pos[1] * c;
            double t = (s.orbit().radiusMm(v) - b0) / dn;
            double a = a0 + t * du;
            double z = pos[2] + t * dz;
            double ai;
            double zi;
            int component = order == 0 ? PRIMARY : SCATTER;
            double deposit;
            if (transport == null) {
                if (!physics.holes.passesSameHole(a, z, du, dz, dn)) {
                    return;
                }
                double toImage = (physics.holes.lengthMm() + s.camera().backGapMm()) / dn;
                ai = a + toImage * du + physics.intrinsicSigmaMm * gauss.sample();
                zi = z + toImage * dz + physics.intrinsicSigmaMm * gauss.sample();
                deposit = physics.crystal.sampleDepositKeV(e, rng);
            } else {
                CollimatorTransport.Photon p = photon;
                p.startAtFrontFace(a, z, du, dz, dn, e);
                if (transport.transport(p, rng) != CollimatorTransport.EXIT_BACK) {
                    return;
                }
                // from the collimator's back face to the front of the cover, then through the detector
                // layers: the event sits at the energy-weighted mean of this photon's deposits
                double toCover = (s.camera().crystalFrontGapMm() - s.camera().coverAluminiumMm()) / p.dz();
                e = p.energyKeV();
                NaiCrystal.Scratch cs = crystalScratch;
                deposit = physics.nai.depositKeV(e, p.dx(), p.dy(), p.dz(), rng, cs);
                ai = p.x() + toCover * p.dx() + cs.meanXMm() + physics.intrinsicSigmaMm * gauss.sample();
                zi = p.y() + toCover * p.dy() + cs.meanYMm() + physics.intrinsicSigmaMm * gauss.sample();
                int lead = p.component();
                if (lead == CollimatorTransport.PENETRATION) {
                    component = PENETRATION;
                } else if (lead == CollimatorTransport.SCATTER) {
                    component = COLLIMATOR_SCATTER;
                } else if (lead == CollimatorTransport.LEAD_XRAY) {
                    component = LEAD_XRAY;
                }
            }
            if (deposit <= 0) {
                return;
            }
            double measured = deposit + s.camera().energyResolution().sigmaKeV(deposit) * gauss.sample();
            double[] spec = spectrumScratch[component];
            int bin = (int) Math.floor(measured);
            if (bin >= 0 && bin < spec.length) {
                spec[bin] += w;
            }
            double invPix = 1.0 / s.pixelSizeMm();
            int col = (int) Math.floor(ai * invPix + 0.5 * (s.cols() - 1) + 0.5);
            int row = (int) Math.floor(zi * invPix + 0.5 * (s.rows() - 1) + 0.5);
            if (col < 0 || col >= s.cols() || row < 0 || row >= s.rows()) {
                return;
            }
            int index = col + s.cols() * (row + s.rows() * v);
            List<EnergyWindow> windows = s.camera().windows();
            FixedPointTally[] target = images[component];
            FixedPointTally[] orderTarget = orderImages != null && component == SCATTER
                    ? orderImages[Math.min(order, ORDERS.length) - 1] : null;
            for (int wi = 0; wi < windows.size(); wi++) {
                if (windows.get(wi).contains(measured)) {
                    target[wi].add(index, w);
                    if (orderTarget != null) {
                        orderTarget[wi].add(index, w);
                    }
                }
            }
        }
    }
}
