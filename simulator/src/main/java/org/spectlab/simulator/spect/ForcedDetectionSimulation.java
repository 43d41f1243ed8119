package org.spectlab.simulator.spect;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.spectlab.core.error.InputException;
import org.spectlab.core.grid.Grid3;
import org.spectlab.core.projection.AcquisitionGeometry;
import org.spectlab.simulator.collimator.CollimatorModel;
import org.spectlab.simulator.interaction.ScatteringCrossSections;
import org.spectlab.simulator.run.BatchRandom;
import org.spectlab.simulator.run.BatchRange;
import org.spectlab.simulator.run.BatchRunner;

/**
 * Convolution-based forced detection (after de Jong &amp; Beekman, Phys. Med. Biol. 46, 621 (2001)):
 * one transport of photon histories through the patient serves every view.
 *
 * <ul>
 *   <li>Primary photons are computed deterministically: every active voxel's activity, times the
 *       line yield, the collimator's geometric efficiency g, the attenuation exp(-∫μ) towards each
 *       view's detector and the window acceptance of the crystal (no Monte Carlo noise).</li>
 *   <li>Scatter: histories are followed by delta tracking; at each real interaction site, for each
 *       view, the expected contribution is w · [s_inc p_inc(cos θ) + s_coh p_coh(cos θ)] / 2π ·
 *       4π g · exp(-τ(E')) · A_window(E'), with s the process shares of μ, p the normalised angular
 *       densities of the material's bound Compton and Rayleigh scattering, θ the angle between the
 *       incoming direction and the detector normal, and E' the scattered energy. The history then
 *       continues (with implicit capture) to produce higher orders.</li>
 *   <li>Contributions are deposited sharp into depth bins and blurred with the depth-dependent
 *       collimator-detector response ({@link DepthResolvedDetector}).</li>
 * </ul>
 * With {@link CollimatorModel#GEOMETRIC} the parallel-hole collimator is geometric (no septal
 * penetration or scatter; appropriate for low-energy photons in low-energy collimators). With
 * {@link CollimatorModel#MONTE_CARLO} the photons that pass through one hole without touching lead
 * stay on this Gaussian path (primary and scatter then hold them alone, as in the analog engine),
 * and every primary voxel and scatter site also deposits, at its energy and depth, into the Monte
 * Carlo kernels of the photons that cross lead ({@link SeptalResponse}, tabulated once per run;
 * {@link SeptalResponseDetector} applies them per view by FFT): penetration, collimator scatter
 * and lead K x-rays, tallied per component like the analog engine's ({@link CollimatorComponents},
 * with measured-energy spectra from the kernels).
 * Approximations (stated for validation): the
 * angular density and attenuation are taken along the hole axis (the acceptance cone is a few
 * degrees wide); the response is Gaussian with the exact second moment of the geometric response,
 * and the images' second moments include the pixel's integration (as an analog camera bins
 * photons); primaries are evaluated at voxel centres (attenuation from the centre), the spread of
 * emission points inside the voxel entering as its variance (Δ²/12 per axis) only. Activity
 * changing during the scan ({@link SpectScenario#kinetics()}): each view's primaries take every voxel's activity during the
 * view's slot (its kinetic groups' scan-start activities times their view factors) and each scatter
 * site its history's emission group's view factor, so one transport still serves every view (the
 * sites are sampled from the scan-start activity; weighting them per view is unbiased for the same
 * reason as in {@link AnalogSimulation}). The analog simulation ({@link AnalogSimulation}) has
 * none of these approximations in the patient and collimator and is the reference in tests.
 *
 * <p>Determinism: sites come from batches with their own (seed, batch) streams and are projected in
 * batch order, each view by one thread, so outputs are bit-identical for any thread count.
 */
public final class ForcedDetectionSimulation {
    private ForcedDetectionSimulation() {
    }

    /** Runs the whole simulation (every view). */
    public static SpectResult run(SpectScenario scenario, SimulationOptions options,
                                  BatchRunner.ProgressListener progress) {
        long start = System.nanoTime();
        requireSupportedOptions(options);
        PreparedPhysics physics = new PreparedPhysics(scenario, options);
        PartialResult part = runViews(physics, options, 0, scenario.orbit().views(), progress);
        return part.finish(scenario, physics.crystal, (System.nanoTime() - start) * 1e-9);
    }

    /**
     * Runs the simulation for views {@code [firstView, firstView + viewCount)} only. Every part
     * transports the same histories (they depend only on the seed), so parts of any split merge with
     * {@link PartialResult#merge} into exactly the result of the whole run.
     */
    public static PartialResult runViews(SpectScenario scenario, SimulationOptions options, int firstView,
                                         int viewCount, BatchRunner.ProgressListener progress) {
        int views = scenario.orbit().views();
        if (firstView < 0 || viewCount < 0 || firstView + viewCount > views) {
            throw new IllegalArgumentException("view range " + firstView + "+" + viewCount + " outside 0-" + views);
        }
        requireSupportedOptions(options);
        return runViews(new PreparedPhysics(scenario, options), options, firstView, viewCount, progress);
    }

    /**
     * Transports the histories once, then projects the views of each range in turn, handing each
     * range's result to {@code done} as soon as it is complete (for checkpoints of long runs). The
     * result handed over covers exactly that range ({@link PartialResult#firstView()},
     * {@link PartialResult#viewCount()}); its arrays are shared with the run and hold the views of
     * earlier ranges too, so {@code done} must use them before returning. Ranges must not overlap.
     */
    public static void runViewChunks(SpectScenario scenario, SimulationOptions options, List<BatchRange> viewRanges,
                                     java.util.function.Consumer<PartialResult> done,
                                     BatchRunner.ProgressListener progress) {
        int views = scenario.orbit().views();
        boolean[] seen = new boolean[views];
        for (BatchRange r : viewRanges) {
            if (r.end() > views) {
                throw new IllegalArgumentException("view range " + r + " outside 0-" + views);
            }
            for (long v = r.first(); v < r.end(); v++) {
                if (seen[(int) v]) {
                    throw new IllegalArgumentException("view " + v + " is in more than one range");
                }
                seen[(int) v] = true;
            }
        }
        requireSupportedOptions(options);
        PreparedPhysics physics = new PreparedPhysics(scenario, options);
        List<ScatterSites> batches = generateSites(physics, options, progress);
        long sites = 0;
        for (ScatterSites b : batches) {
            sites += b.size();
        }
        Projector projector = new Projector(physics, options, batches, progress);
        long totalViews = 0;
        for (BatchRange r : viewRanges) {
            totalViews += r.count();
        }
        progress.phase(BatchRunner.ProgressListener.PROJECTION, totalViews);
        AtomicInteger viewsDone = new AtomicInteger();
        for (BatchRange r : viewRanges) {
            projector.projectViews((int) r.first(), (int) r.count(), options.threads(), viewsDone, progress);
            done.accept(projector.partial((int) r.first(), (int) r.count(), options.scatterHistories(), sites));
        }
    }

    private static void requireSupportedOptions(SimulationOptions options) {
        if (options.scatterOrderImages()) {
            throw InputException.field("simulation.scatter_order_images", "is available with simulation.mode: analog "
                    + "only; forced detection does not tally scatter orders separately");
        }
    }

    private static PartialResult runViews(PreparedPhysics physics, SimulationOptions options, int firstView,
                                          int viewCount, BatchRunner.ProgressListener progress) {
        List<ScatterSites> batches = generateSites(physics, options, progress);
        long sites = 0;
        for (ScatterSites b : batches) {
            sites += b.size();
        }
        Projector projector = new Projector(physics, options, batches, progress);
        progress.phase(BatchRunner.ProgressListener.PROJECTION, viewCount);
        projector.projectViews(firstView, viewCount, options.threads(), new AtomicInteger(), progress);
        return projector.partial(firstView, viewCount, options.scatterHistories(), sites);
    }

    /**
     * Planar system sensitivity of the scenario's camera for its nuclide in the first energy window,
     * cps/MBq, for a source in air: 10^6 x g x Σ_lines yield x window acceptance(E_line), with g the
     * collimator's geometric efficiency and the acceptance of the crystal response and energy
     * resolution. This is what a clinic's planar calibration measures and what reconstruction needs
     * to express images in Bq/mL; it describes the same model the forced-detection engine uses.
     */
    public static double planarSensitivityCpsPerMBq(SpectScenario scenario, SimulationOptions options) {
        PreparedPhysics physics = new PreparedPhysics(scenario, options);
        double sum = 0;
        for (int l = 0; l < physics.lineEnergyKeV.length; l++) {
            sum += physics.lineYield[l] * physics.acceptance.acceptance(0, physics.lineEnergyKeV[l]);
        }
        return 1e6 * physics.efficiency * sum;
    }

    private static List<ScatterSites> generateSites(PreparedPhysics physics, SimulationOptions options,
                                                    BatchRunner.ProgressListener progress) {
        int nb = options.batches();
        List<ScatterSites> out = new ArrayList<>(nb);
        for (int b = 0; b < nb; b++) {
            out.add(new ScatterSites());
        }
        if (options.scatterHistories() == 0) {
            return out;
        }
        double[] probability = physics.lineYield.clone();
        ScatterSiteGenerator generator = new ScatterSiteGenerator(physics.source, physics.tracker, physics.compton,
                physics.rayleigh, physics.lineEnergyKeV, probability, physics.cutoffKeV, options.maxScatterOrder(),
                physics.entryGroup);
        long total = options.scatterHistories();
        // Each history starts with weight 1; it stands for A_total * yield_total / N photons per second.
        double normalisation = physics.source.totalActivityBq() * physics.totalYield / total;
        BatchRange all = BatchRange.of(0, nb);
        progress.phase(BatchRunner.ProgressListener.TRANSPORT, nb);
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        runParallel(options.threads(), () -> {
            int b;
            while ((b = next.getAndIncrement()) < nb) {
                BatchRange mine = BatchRange.of(0, total).split(b, nb);
                ScatterSites sites = out.get(b);
                generator.run(mine.count(), BatchRandom.stream(options.seed(), all.first() + b), sites);
                sites.scaleWeights(normalisation);
                progress.batchDone(done.incrementAndGet());
            }
        });
        return out;
    }

    static void runParallel(int threads, Runnable body) {
        if (threads <= 1) {
            body.run();
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "spectlab-fd");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> fs = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                fs.add(pool.submit(body));
            }
            for (Future<?> f : fs) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("simulation interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** Projects primaries and stored sites onto every view. */
    private static final class Projector {
        private final PreparedPhysics physics;
        private final SimulationOptions options;
        private final List<ScatterSites> batches;
        private final SpectScenario s;
        private final int windows;
        private final int groups;
        private final int components;
        private final int rows;
        private final int cols;
        private final int views;
        private final double[][] projections;
        private final double[][] spectrumIncidentPrimary;
        private final double[][] spectrumIncidentScatter;
        private final int spectrumBins;
        private final double minDepthMm;
        private final double maxDepthMm;
        private final int[] activeVoxel;
        /** Activity (Bq) of each active voxel at the scan start, or null with kinetics (then per view). */
        private final double[] activeBq;
        private final KineticGroups kinetics;
        /** Monte Carlo collimator: the kernels of the photons that cross lead, else null. */
        private final SeptalResponse septal;
        /** Index of the first septal component image (after the windows' pairs and the error groups). */
        private final int firstSeptal;
        /** [component][view][bin] measured spectra of the septal components, or null. */
        private final double[][][] spectrumSeptal;

        Projector(PreparedPhysics physics, SimulationOptions options, List<ScatterSites> batches,
                  BatchRunner.ProgressListener progress) {
            this.physics = physics;
            this.options = options;
            this.batches = batches;
            this.s = physics.scenario;
            this.windows = s.camera().windows().size();
            this.groups = options.scatterHistories() > 0 ? options.errorGroups() : 0;
            this.components = 2 * windows + groups;
            this.rows = s.rows();
            this.cols = s.cols();
            this.views = s.orbit().views();
            boolean monteCarlo = physics.collimatorTransport != null;
            this.firstSeptal = components;
            this.projections = new double[components + (monteCarlo ? SeptalResponse.COMPONENTS * windows : 0)]
                    [views * rows * cols];
            // measured energies spread above the highest line by the resolution: 30 % headroom
            this.spectrumBins = (int) Math.ceil(physics.crystal.maxKeV() * 1.3) + 10;
            this.spectrumIncidentPrimary = new double[views][spectrumBins];
            this.spectrumIncidentScatter = new double[views][spectrumBins];
            this.spectrumSeptal = monteCarlo ? new double[SeptalResponse.COMPONENTS][views][spectrumBins] : null;
            Grid3 g = s.grid();
            double maxR = 0;
            for (int cx = 0; cx < 2; cx++) {
                for (int cy = 0; cy < 2; cy++) {
                    double x = cx == 0 ? g.xMm(0) - 0.5 * g.voxelXMm() : g.xMm(g.nx() - 1) + 0.5 * g.voxelXMm();
                    double y = cy == 0 ? g.yMm(0) - 0.5 * g.voxelYMm() : g.yMm(g.ny() - 1) + 0.5 * g.voxelYMm();
                    maxR = Math.max(maxR, Math.hypot(x, y));
                }
            }
            AcquisitionGeometry orbit = s.orbit();
            double minR = Double.POSITIVE_INFINITY;
            double maxOrbit = 0;
            for (int v = 0; v < views; v++) {
                minR = Math.min(minR, orbit.radiusMm(v));
                maxOrbit = Math.max(maxOrbit, orbit.radiusMm(v));
            }
            this.minDepthMm = Math.max(0, minR - maxR);
            this.maxDepthMm = maxOrbit + maxR;
            this.septal = monteCarlo ? SeptalResponse.tabulate(physics, options, minDepthMm, maxDepthMm, spectrumBins, progress)
                    : null;
            kinetics = s.kinetics();
            if (kinetics != null) {
                activeVoxel = kinetics.activeVoxels();
                activeBq = null;
                return;
            }
            float[] c = s.activityBqPerMl().data();
            int n = 0;
            for (float v : c) {
                if (v > 0) {
                    n++;
                }
            }
            activeVoxel = new int[n];
            activeBq = new double[n];
            double ml = g.voxelVolumeMl();
            n = 0;
            for (int i = 0; i < c.length; i++) {
                if (c[i] > 0) {
                    activeVoxel[n] = i;
                    activeBq[n++] = c[i] * ml;
                }
            }
        }

        /** Projects views {@code [firstView, firstView + viewCount)}, telling {@code progress} the running count. */
        void projectViews(int firstView, int viewCount, int threads, AtomicInteger viewsDone,
                          BatchRunner.ProgressListener progress) {
            AtomicInteger next = new AtomicInteger(firstView);
            int end = firstView + viewCount;
            runParallel(Math.max(1, Math.min(threads, viewCount)), () -> {
                ViewFrame frame = new ViewFrame(s.grid(), s.materialOfVoxel(), s.materials().size());
                DepthResolvedDetector detector = new DepthResolvedDetector(rows, cols, components, minDepthMm,
                        maxDepthMm, options.depthBinMm(), s.pixelSizeMm(), physics::responseSigmaMm);
                double[][] viewOut = new double[components][rows * cols];
                SeptalResponseDetector septalDetector = septal == null ? null
                        : new SeptalResponseDetector(septal, rows, cols);
                double[][] septalOut = septal == null ? null : new double[septalDetector.images()][rows * cols];
                double[][] septalSpectra = septal == null ? null : new double[SeptalResponse.COMPONENTS][];
                int v;
                while ((v = next.getAndIncrement()) < end) {
                    projectView(v, frame, detector, viewOut, septalDetector, septalOut, septalSpectra);
                    progress.viewsDone(viewsDone.incrementAndGet());
                }
            });
        }

        private void projectView(int v, ViewFrame frame, DepthResolvedDetector detector, double[][] viewOut,
                                 SeptalResponseDetector septalDetector, double[][] septalOut,
                                 double[][] septalSpectra) {
            double angle = s.orbit().angleRad(v);
            double radius = s.orbit().radiusMm(v);
            frame.setAngle(angle);
            detector.clear();
            if (septalDetector != null) {
                septalDetector.clear();
            }
            // septal deposits are rates emitted into 4π: the geometric path's reach over g
            double perEfficiency = 1.0 / physics.efficiency;
            double nx = Math.sin(angle);
            double ny = -Math.cos(angle);
            double halfCols = 0.5 * (cols - 1);
            double halfRows = 0.5 * (rows - 1);
            double invPix = 1.0 / s.pixelSizeMm();
            double fourPiG = 4 * Math.PI * physics.efficiency;
            double[] accept = new double[windows];
            double[] specP = spectrumIncidentPrimary[v];
            double[] specS = spectrumIncidentScatter[v];
            Grid3 g = s.grid();
            int nm = s.materials().size();
            double[] mu = new double[nm];
            double[] muCompton = new double[nm];
            double[] values = new double[components];
            double[] voxelBq = activeBq;
            if (kinetics != null) {
                voxelBq = new double[activeVoxel.length];
                kinetics.activityDuringViewBq(v, voxelBq);
            }
            // primaries: deterministic, from voxel centres
            for (int line = 0; line < physics.lineEnergyKeV.length; line++) {
                double e = physics.lineEnergyKeV[line];
                double y = physics.lineYield[line];
                physics.tables.muTotalPerCmAll(e, mu);
                boolean any = false;
                for (int w = 0; w < windows; w++) {
                    accept[w] = physics.acceptance.acceptance(w, e);
                    any |= accept[w] > 0;
                }
                java.util.Arrays.fill(values, 0);
                int nxg = g.nx();
                int nyg = g.ny();
                for (int q = 0; q < activeVoxel.length; q++) {
                    int idx = activeVoxel[q];
                    int i = idx % nxg;
                    int j = (idx / nxg) % nyg;
                    int k = idx / (nxg * nyg);
                    double x = g.xMm(i);
                    double yy = g.yMm(j);
                    double z = g.zMm(k);
                    double a = frame.aMm(x, yy);
                    double b = frame.bMm(x, yy);
                    double reach = voxelBq[q] * y * physics.efficiency
                            * Math.exp(-frame.opticalDepth(a, b, z, mu));
                    specP[(int) e] += reach;
                    if (septalDetector != null) {
                        septalDetector.deposit(e, radius - b, a * invPix + halfCols, z * invPix + halfRows,
                                reach * perEfficiency);
                    }
                    if (!any) {
                        continue;
                    }
                    for (int w = 0; w < windows; w++) {
                        values[2 * w] = reach * accept[w];
                    }
                    detector.depositSpread(radius - b, a * invPix + halfCols, z * invPix + halfRows, values);
                }
            }
            // scatter: forced detection at every stored site
            int nb = batches.size();
            double[] shares = new double[3];
            for (int bi = 0; bi < nb; bi++) {
                ScatterSites sites = batches.get(bi);
                int group = groups > 0 ? 2 * windows + bi % groups : -1;
                for (int q = 0; q < sites.size(); q++) {
                    double cosTheta = sites.ux(q) * nx + sites.uy(q) * ny;
                    double e = sites.energyKeV(q);
                    int m = sites.material(q);
                    physics.tables.processShares(m, e, shares);
                    double x = sites.x(q);
                    double yy = sites.y(q);
                    double z = sites.z(q);
                    double a = frame.aMm(x, yy);
                    double b = frame.bMm(x, yy);
                    double base = sites.weight(q) * fourPiG / (2 * Math.PI);
                    if (kinetics != null) {
                        base *= kinetics.viewFactor(sites.group(q), v);
                    }
                    java.util.Arrays.fill(values, 0);
                    boolean any = false;
                    // incoherent
                    double eC = ScatteringCrossSections.comptonEnergyKeV(e, cosTheta);
                    if (eC >= physics.cutoffKeV) {
                        physics.tables.muTotalPerCmAll(eC, muCompton);
                        double c = base * shares[1] * physics.compton[m].angularPdf(cosTheta, e)
                                * Math.exp(-frame.opticalDepth(a, b, z, muCompton));
                        any |= addScatter(values, c, eC, group, specS);
                        if (septalDetector != null) {
                            septalDetector.deposit(eC, radius - b, a * invPix + halfCols, z * invPix + halfRows,
                                    c * perEfficiency);
                        }
                    }
                    // coherent
                    physics.tables.muTotalPerCmAll(e, mu);
                    double c = base * shares[2] * physics.rayleigh[m].angularPdf(cosTheta, e)
                            * Math.exp(-frame.opticalDepth(a, b, z, mu));
                    any |= addScatter(values, c, e, group, specS);
                    if (septalDetector != null) {
                        septalDetector.deposit(e, radius - b, a * invPix + halfCols, z * invPix + halfRows,
                                c * perEfficiency);
                    }
                    if (any) {
                        detector.deposit(radius - b, a * invPix + halfCols, z * invPix + halfRows, values);
                    }
                }
            }
            detector.blurInto(viewOut, extraColsPx2(angle), extraRowsPx2());
            // with kinetics the view's activity change is already in the deposits
            double timeFactor = kinetics == null ? s.timePerViewS() * s.viewDecayFactor(v) : s.timePerViewS();
            int off = v * rows * cols;
            for (int c = 0; c < components; c++) {
                double[] dst = projections[c];
                double[] src = viewOut[c];
                for (int p = 0; p < src.length; p++) {
                    dst[off + p] = src[p] * timeFactor;
                }
            }
            for (int e = 0; e < spectrumBins; e++) {
                specP[e] *= timeFactor;
                specS[e] *= timeFactor;
            }
            if (septalDetector != null) {
                for (int c = 0; c < SeptalResponse.COMPONENTS; c++) {
                    septalSpectra[c] = spectrumSeptal[c][v];
                }
                septalDetector.finishView(septalOut, septalSpectra);
                for (int i = 0; i < septalOut.length; i++) {
                    double[] dst = projections[firstSeptal + i];
                    double[] src = septalOut[i];
                    for (int p = 0; p < src.length; p++) {
                        dst[off + p] = src[p] * timeFactor;
                    }
                }
                for (int c = 0; c < SeptalResponse.COMPONENTS; c++) {
                    double[] sp = spectrumSeptal[c][v];
                    for (int e = 0; e < spectrumBins; e++) {
                        sp[e] *= timeFactor;
                    }
                }
            }
        }

        /**
         * Variance (px²) along columns that each component's image still needs after the detector's
         * lattice blur (see {@link DepthResolvedDetector}): for primaries, deposited at voxel centres,
         * the spread of emission points inside the voxel (uniform: Δ²/12 per axis, projected onto the
         * column axis (cos θ, sin θ) as (Δx² cos²θ + Δy² sin²θ)/12); for scatter, deposited
         * bilinearly, the difference between the three-pixel deposit and the bilinear one.
         */
        private double[] extraColsPx2(double angleRad) {
            Grid3 g = s.grid();
            double c = Math.cos(angleRad);
            double sn = Math.sin(angleRad);
            double voxel = (g.voxelXMm() * g.voxelXMm() * c * c + g.voxelYMm() * g.voxelYMm() * sn * sn)
                    / (12 * s.pixelSizeMm() * s.pixelSizeMm());
            return extraPx2(voxel);
        }

        /** As {@link #extraColsPx2} along rows (z): Δz²/12 for primaries. */
        private double[] extraRowsPx2() {
            Grid3 g = s.grid();
            return extraPx2(g.voxelZMm() * g.voxelZMm() / (12 * s.pixelSizeMm() * s.pixelSizeMm()));
        }

        private double[] extraPx2(double primaryPx2) {
            double[] extra = new double[components];
            java.util.Arrays.fill(extra, DepthResolvedDetector.SPREAD_PX2 - DepthResolvedDetector.BILINEAR_PX2);
            for (int w = 0; w < windows; w++) {
                extra[2 * w] = primaryPx2;
            }
            return extra;
        }

        /** Adds a scatter contribution's window shares into {@code values}; true when anything counts. */
        private boolean addScatter(double[] values, double reach, double energyKeV, int group, double[] spectrum) {
            if (reach <= 0) {
                return false;
            }
            int bin = (int) energyKeV;
            if (bin < spectrum.length) {
                spectrum[bin] += reach;
            }
            boolean any = false;
            for (int w = 0; w < windows; w++) {
                double a = physics.acceptance.acceptance(w, energyKeV);
                if (a > 0) {
                    values[2 * w + 1] += reach * a;
                    any = true;
                    if (w == 0 && group >= 0) {
                        values[group] += reach * a;
                    }
                }
            }
            return any;
        }

        PartialResult partial(int firstView, int viewCount, long histories, long sites) {
            return new PartialResult(firstView, viewCount, views, rows, cols, windows, groups, projections,
                    spectrumIncidentPrimary, spectrumIncidentScatter, spectrumSeptal, histories, sites);
        }

    }
}
