package org.spectlab.simulator.spect;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.spectlab.core.projection.EnergyWindow;
import org.spectlab.simulator.collimator.CollimatorTransport;
import org.spectlab.simulator.collimator.PointSourceSetup;
import org.spectlab.simulator.collimator.PointSourceSimulation;
import org.spectlab.simulator.collimator.ResponseKernelTable;
import org.spectlab.simulator.detector.EnergyResolution;
import org.spectlab.simulator.run.BatchRange;
import org.spectlab.simulator.run.BatchRunner;

/**
 * The part of the Monte Carlo collimator-detector response that forced detection cannot express as
 * a Gaussian: photons that cross septal lead (penetration, collimator scatter, lead K x-rays, the
 * components of {@link CollimatorComponents}), tabulated once per study as
 * {@link ResponseKernelTable}s ({@link PointSourceSimulation} with {@link CollimatorTransport}, the
 * detector's layers transported photon by photon along each photon's direction as in
 * {@link AnalogSimulation}, the camera's energy resolution) on a grid of incident energies
 * and source-to-collimator distances, per energy window. The photons that pass through one hole
 * without touching lead (the geometric component) stay on the Gaussian path of
 * {@link DepthResolvedDetector}, whose efficiency (the collimator's g) and exact second moment
 * are validated: the tables' geometric component is not used (the two agree, see
 * ForcedDetectionMonteCarloCollimatorTest).
 *
 * <p>Grid. Energies: every emission line at or above the transport cutoff (the lowest window edge
 * less 4σ, {@link PreparedPhysics#cutoffKeV}), the cutoff itself, and between them nodes at most
 * {@value #ENERGY_STEP} of the lower node's energy apart (photons scattered in the patient have
 * any energy from the cutoff to the highest line). Distances: {@link #depthNodes} evenly spaced
 * nodes at most {@value #DEPTH_STEP_MM} mm apart over the depths the detector serves. A
 * contribution at energy E and depth d is shared linearly between the two nearest energy nodes and
 * the two nearest depth nodes, which is exactly the bilinear interpolation of the kernels in
 * energy and distance. A (window, energy) pair is tabulated only when the window can count
 * anything from that energy: penetration keeps the energy, collimator scatter only lowers it and
 * lead K x-rays lie at 72.8-87.3 keV (ENSDF), so a window whose lower edge lies more than
 * {@value #REACH_SIGMAS} σ of the energy resolution above both E and 87.3 keV counts none of them.
 *
 * <p>Cost: {@code energies x windows x depths} runs of {@link SimulationOptions#kernelPhotons()}
 * photons for an emission line, a quarter of that for a scatter-grid node (e.g. I-131 with one
 * photopeak window: 3 lines and 9 grid nodes x 3 depths, 15.75 x kernelPhotons photons), before
 * transport, reported by {@link #tabulationSeconds()}. Memory: the bank holds one complex spectrum
 * per non-zero (energy, depth, window, component) kernel, 16 bytes per padded pixel (for 128 x 128
 * projections with the 127-pixel kernel and its margin, 256 x 256: 1 MB per kernel, so a study
 * with three windows, 15 energies, 5 depths and 2-3 non-zero components per window holds 0.5 GB;
 * real-to-complex transforms in single precision would quarter it). The kernels' Monte Carlo noise is a
 * systematic error of the run's septal images (common to every view): at 364.5 keV through a
 * high-energy collimator, 10^6 photons per node gave a relative standard deviation over seeds of
 * ~8 % for the penetration and ~14 % for the collimator-scatter window efficiency (scaling as
 * 1 / sqrt(photons)). Memory: one kernel spectrum per non-zero
 * (energy, depth, window, component), 16 bytes per padded pixel.
 *
 * <p>Determinism: the table of energy node e and window w runs from the seed
 * {@link #tableSeed}(study seed, e, w), a stream of its own, through {@link BatchRange}s of
 * {@value #BATCHES} batches, so the tables are a pure function of the study (config, seed) for any
 * thread count, and every part of a split run builds the same tables.
 *
 * <p>Approximations (besides those of {@link ResponseKernelTable}: a source in air on the
 * collimator axis, shift-invariant response, linear interpolation of shapes): the patient's
 * attenuation and scattering angle are taken along the hole axis for every collimator component
 * (penetrating and septal-scattered photons arrive at up to tens of degrees); kernels cover
 * {@link #side()} pixels per axis (at most {@value #MAX_SIDE}), and contributions whose
 * projection lies more than a quarter kernel outside the detector are dropped; the spectra count
 * the photons landing within the kernel's field of view; emission lines below the cutoff are not
 * tabulated (nothing of them can reach a window, see above; their penetration is missing from the
 * spectrum columns below the lowest window less 4σ).
 */
final class SeptalResponse {
    /** Components, in the order of {@link CollimatorComponents#NAMES}. */
    static final int COMPONENTS = 3;
    /** {@link ResponseKernelTable} component of each of {@link #COMPONENTS}. */
    private static final int[] TABLE_COMPONENT = {CollimatorTransport.PENETRATION, CollimatorTransport.SCATTER,
            CollimatorTransport.LEAD_XRAY};
    /** Largest relative step between energy nodes. */
    static final double ENERGY_STEP = 0.10;
    /** Largest step between depth nodes, mm. */
    static final double DEPTH_STEP_MM = 80.0;
    /** Largest kernel side, pixels. */
    static final int MAX_SIDE = 127;
    /** Photons of a scatter-grid node's table relative to an emission line's (see the class comment). */
    static final double SCATTER_NODE_SHARE = 0.25;
    /** Batches of each table run. */
    static final int BATCHES = 4;
    /** Energy-resolution σ beyond which a window counts nothing (see the class comment). */
    static final double REACH_SIGMAS = 5.0;

    private final double[] energyKeV;
    private final double[] depthMm;
    private final int windows;
    private final int side;
    private final int marginPx;
    private final ResponseConvolution bank;
    /** Bank index of [((e * depths + d) * windows + w) * COMPONENTS + c], or -1 for a zero kernel. */
    private final int[] kernelIndex;
    /** Spectrum of [(e * depths + d) * COMPONENTS + c], fraction of emitted photons per 1 keV bin. */
    private final double[][] spectra;
    private final double tabulationSeconds;
    private final int tables;

    private SeptalResponse(double[] energyKeV, double[] depthMm, int windows, int side, int marginPx,
                           ResponseConvolution bank, int[] kernelIndex, double[][] spectra, double tabulationSeconds,
                           int tables) {
        this.energyKeV = energyKeV;
        this.depthMm = depthMm;
        this.windows = windows;
        this.side = side;
        this.marginPx = marginPx;
        this.bank = bank;
        this.kernelIndex = kernelIndex;
        this.spectra = spectra;
        this.tabulationSeconds = tabulationSeconds;
        this.tables = tables;
    }

    /**
     * Tabulates the response of a scenario's camera.
     *
     * @param physics       the prepared scenario (camera, crystal matrix, cutoff, lines)
     * @param options       seed, threads and {@link SimulationOptions#kernelPhotons()}
     * @param minDepthMm    smallest source-to-collimator distance served, mm
     * @param maxDepthMm    largest, mm
     * @param spectrumBins  1 keV bins of the spectra to produce
     * @param progress      told the {@link BatchRunner.ProgressListener#KERNELS} phase and each finished table
     */
    static SeptalResponse tabulate(PreparedPhysics physics, SimulationOptions options, double minDepthMm,
                                   double maxDepthMm, int spectrumBins, BatchRunner.ProgressListener progress) {
        long start = System.nanoTime();
        SpectScenario s = physics.scenario;
        SpectCamera camera = s.camera();
        List<EnergyWindow> ws = camera.windows();
        int windows = ws.size();
        double[] energies = energyNodes(physics.lineEnergyKeV, physics.cutoffKeV);
        double[] depths = depthNodes(minDepthMm, maxDepthMm);
        int rows = s.rows();
        int cols = s.cols();
        int side = Math.min(MAX_SIDE, 2 * Math.max(rows, cols) - 1);
        int marginPx = side / 4;
        double pixelMm = s.pixelSizeMm();
        EnergyResolution resolution = camera.energyResolution();
        int ne = energies.length;
        int nd = depths.length;
        int[] index = new int[ne * nd * windows * COMPONENTS];
        Arrays.fill(index, -1);
        double[][] spectra = new double[ne * nd * COMPONENTS][];
        List<double[]> kernels = new ArrayList<>();
        int n = side * side;
        int planned = 0;
        for (int e = 0; e < ne; e++) {
            for (int w = 0; w < windows; w++) {
                planned += reaches(energies[e], ws.get(w), resolution) ? 1 : 0;
            }
        }
        progress.phase(BatchRunner.ProgressListener.KERNELS, planned);
        int tables = 0;
        for (int e = 0; e < ne; e++) {
            for (int w = 0; w < windows; w++) {
                if (!reaches(energies[e], ws.get(w), resolution)) {
                    continue;
                }
                // the septa's μ only marks them penetrable: CollimatorTransport uses its own XCOM tables
                PointSourceSetup base = PointSourceSetup.of(physics.holes, camera.backGapMm(), depths[0], energies[e],
                        1.0, camera.intrinsicFwhmMm(), resolution, ws.get(w), 0.5 * side * pixelMm, side, pixelMm,
                        1.0, 1).withMonteCarlo(camera.crystalThicknessMm(), true)
                        .withDetectorLayers(camera.coverAluminiumMm(), camera.backscatterGlassMm());
                // emission lines carry most septal counts; a scatter-grid node only a share of the
                // patient-scattered photons (typically 10-30 % of them, spread over several nodes)
                double photons = isLine(energies[e], physics.lineEnergyKeV) ? options.kernelPhotons()
                        : options.kernelPhotons() * SCATTER_NODE_SHARE;
                int perBatch = (int) Math.max(1, Math.ceil(photons
                        / ((double) BATCHES * PointSourceSimulation.strata(base))));
                base = base.withHistoriesPerBatch(perBatch);
                ResponseKernelTable table = ResponseKernelTable.tabulateWithCrystalTransport(base, depths,
                        tableSeed(options.seed(), e, w), physics.collimatorTransport, physics.nai,
                        BatchRange.of(0, BATCHES), options.threads());
                tables++;
                progress.tablesDone(tables);
                for (int d = 0; d < nd; d++) {
                    for (int c = 0; c < COMPONENTS; c++) {
                        double[] k = new double[n];
                        table.componentKernelAt(depths[d], TABLE_COMPONENT[c], k);
                        if (nonZero(k)) {
                            index[((e * nd + d) * windows + w) * COMPONENTS + c] = kernels.size();
                            kernels.add(k);
                        }
                        int sp = (e * nd + d) * COMPONENTS + c;
                        if (spectra[sp] == null) {
                            double[] full = new double[table.spectrumBins()];
                            table.componentSpectrumAt(depths[d], TABLE_COMPONENT[c], full);
                            spectra[sp] = Arrays.copyOf(full, spectrumBins);
                        }
                    }
                }
            }
        }
        for (int i = 0; i < spectra.length; i++) {
            if (spectra[i] == null) {
                spectra[i] = new double[spectrumBins];
            }
        }
        ResponseConvolution bank = new ResponseConvolution(rows + 2 * marginPx, cols + 2 * marginPx, side,
                kernels.toArray(new double[0][]));
        return new SeptalResponse(energies, depths, windows, side, marginPx, bank, index, spectra,
                (System.nanoTime() - start) * 1e-9, tables);
    }

    private static boolean isLine(double energyKeV, double[] linesKeV) {
        for (double l : linesKeV) {
            if (l == energyKeV) {
                return true;
            }
        }
        return false;
    }

    /** True when a window can count anything of photons of this energy (see the class comment). */
    static boolean reaches(double energyKeV, EnergyWindow window, EnergyResolution resolution) {
        // above the lead K edge (88.0 keV) the x-rays lie below E, so E itself bounds what is measured
        return energyKeV + REACH_SIGMAS * resolution.sigmaKeV(energyKeV) >= window.lowerKeV();
    }

    /**
     * Energy nodes, keV, increasing: the cutoff, the lines at or above it, and fill-in nodes so
     * that no step exceeds {@value #ENERGY_STEP} of the lower node's energy.
     */
    static double[] energyNodes(double[] linesKeV, double cutoffKeV) {
        double[] sorted = linesKeV.clone();
        Arrays.sort(sorted);
        List<Double> fixed = new ArrayList<>();
        fixed.add(cutoffKeV);
        for (double e : sorted) {
            if (e > cutoffKeV && e > fixed.get(fixed.size() - 1)) {
                fixed.add(e);
            }
        }
        List<Double> out = new ArrayList<>();
        out.add(fixed.get(0));
        for (int i = 1; i < fixed.size(); i++) {
            double lo = fixed.get(i - 1);
            double hi = fixed.get(i);
            int steps = (int) Math.ceil(Math.log(hi / lo) / Math.log(1 + ENERGY_STEP) - 1e-9);
            for (int k = 1; k < steps; k++) {
                out.add(lo * Math.pow(hi / lo, (double) k / steps));
            }
            out.add(hi);
        }
        double[] a = new double[out.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = out.get(i);
        }
        return a;
    }

    /** Depth nodes, mm: evenly spaced from min to max, at least two, at most {@value #DEPTH_STEP_MM} mm apart. */
    static double[] depthNodes(double minDepthMm, double maxDepthMm) {
        double lo = Math.max(0, minDepthMm);
        double hi = Math.max(lo + 1.0, maxDepthMm);
        int nodes = Math.max(2, (int) Math.ceil((hi - lo) / DEPTH_STEP_MM) + 1);
        double[] d = new double[nodes];
        for (int i = 0; i < nodes; i++) {
            d[i] = lo + (hi - lo) * i / (nodes - 1);
        }
        return d;
    }

    /** Seed of the table of energy node e and window w: the study seed's own stream (SplitMix64 mix). */
    static long tableSeed(long seed, int energyNode, int window) {
        long z = seed ^ 0x6A09E667F3BCC909L;
        z += 0x9E3779B97F4A7C15L * (1 + energyNode * 64L + window);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static boolean nonZero(double[] a) {
        for (double v : a) {
            if (v != 0) {
                return true;
            }
        }
        return false;
    }

    /** Energy nodes, keV (not copied; read only). */
    double[] energyKeV() {
        return energyKeV;
    }

    /** Depth nodes, mm (not copied; read only). */
    double[] depthMm() {
        return depthMm;
    }

    /** Energy windows. */
    int windows() {
        return windows;
    }

    /** Kernel side, pixels. */
    int side() {
        return side;
    }

    /** Pixels kept around the detector on each side for deposits whose tails reach it. */
    int marginPx() {
        return marginPx;
    }

    /** The FFT bank of the non-zero kernels. */
    ResponseConvolution bank() {
        return bank;
    }

    /** Bank index of a kernel, or -1 when it is zero. */
    int kernel(int energyNode, int depthNode, int window, int component) {
        return kernelIndex[((energyNode * depthMm.length + depthNode) * windows + window) * COMPONENTS + component];
    }

    /** Spectrum of a component at a node, fraction of emitted photons per 1 keV bin (read only). */
    double[] spectrum(int energyNode, int depthNode, int component) {
        return spectra[(energyNode * depthMm.length + depthNode) * COMPONENTS + component];
    }

    /** Wall time of the tabulation, s. */
    double tabulationSeconds() {
        return tabulationSeconds;
    }

    /** Kernel tables run (energy x window pairs, each over every depth node). */
    int tables() {
        return tables;
    }
}
