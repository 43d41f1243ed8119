package org.spectlab.simulator.collimator;

import java.util.Arrays;
import java.util.function.IntFunction;
import org.spectlab.core.error.InputException;
import org.spectlab.simulator.run.BatchRange;
import org.spectlab.simulator.run.TallySet;

/**
 * The collimator-detector response of one incident energy in one energy window, tabulated by Monte
 * Carlo ({@link PointSourceSimulation} with {@link CollimatorModel#MONTE_CARLO}: septal penetration,
 * collimator scatter, lead K x-rays, the crystal's response matrix and energy resolution) at a few
 * source-to-collimator distances, for convolution-based forced detection with a penetrable
 * collimator.
 *
 * <p>Each node's kernel is the in-window image of a point source in air on the collimator axis, in
 * fraction of photons emitted into 4π per pixel, on a square grid of odd side whose centre pixel is
 * centred on the source's projection; its sum is the window efficiency (geometric, penetration and
 * collimator-scatter parts together; {@link #componentKernelAt} gives each collimator component's
 * part, for images tallied per component as the analog simulation does). A kernel at a distance
 * between two nodes is the linear
 * interpolation of theirs; outside the nodes the nearest node's kernel is used. Every node is run
 * with its own stream ({@link #nodeSeed}), so the nodes' errors are independent and the variance of
 * an interpolated kernel is exactly the squared-weight sum of theirs (correlated sampling would
 * smooth the kernel's change with distance but leave that variance unknown). All nodes share one
 * crystal response matrix ({@link org.spectlab.simulator.crystal.CrystalResponse}, simulated once
 * from {@code seed} with {@value PointSourceSimulation#CRYSTAL_HISTORIES_PER_KEV} photons per keV and
 * {@value PointSourceSimulation#CRYSTAL_HISTORIES_AT_LINE} at the rows next to the table's energy):
 * its sampling error is a common factor of the whole table and is not in {@link #varianceAt} or
 * {@link #windowEfficiencyStdErrorAt} (in the set-up of ResponseKernelTableTest, 364.5 keV through
 * a high-energy collimator, 6.4e5 photons per node, two runs with independent matrices of 4000
 * photons per row differed by 6.1 of their combined standard errors in window efficiency; with a
 * shared matrix by 3.0 or less over three seed pairs; the line rows' extra photons cut that common
 * error from ~2.4 % to ~0.45 % of the window efficiency).
 *
 * <p>{@link #tabulateWithCrystalTransport} (the tables forced detection uses) detects as the analog
 * SPECT engine instead: the crystal transported along each photon's direction, no response matrix.
 *
 * <p>Kernel statistics: photons in air carry weight 1 in the Monte Carlo model, so a stratum's pixel
 * holds a count N and contributes (Ω/4π / n)² N to that pixel's variance (n photons sampled in the
 * stratum, binomial variance ≤ N); {@link #varianceAt} gives the summed variance per pixel,
 * interpolated with the squared weights of the kernel interpolation.
 *
 * <p>Approximations (stated for forced detection): one incident energy per table (emission lines;
 * photons scattered in the patient need a table per node of an energy grid); the source is on the
 * collimator axis and the photon reaches the face from air, so the response is taken as
 * shift-invariant over the face (the lattice is shifted uniformly per photon: the lattice-averaged
 * response) and independent of the direction in which the patient's attenuation was computed; the
 * linear interpolation in distance mixes two shapes instead of scaling one (for a geometric width
 * growing linearly with distance its second moment is too large at the mid-point by
 * a²Δ²/4 for nodes Δ apart and σ = a·(z + const)); the field of view is the square kernel grid
 * (photons landing outside it are not counted, as on a camera).
 */
public final class ResponseKernelTable {
    private final double[] distancesMm;
    private final int pixels;
    private final double pixelMm;
    private final double energyKeV;
    /** [node][row-major pixel], fraction of emitted photons. */
    private final double[][] kernels;
    /** [node][collimator component][row-major pixel], fraction of emitted photons; sum over components = kernels. */
    private final double[][][] componentKernels;
    /** [node][collimator component][bin], measured-energy spectrum in the field of view, fraction of emitted photons. */
    private final double[][][] componentSpectra;
    private final double spectrumBinKeV;
    /** [node][row-major pixel], variance of {@link #kernels}. */
    private final double[][] variances;
    private final double[] windowEfficiency;
    private final double[] windowEfficiencyStdError;
    private final double[] windowGeometric;
    private final double[] windowPenetration;
    private final double[] windowCollimatorScatter;

    private ResponseKernelTable(PointSourceSetup base, double[] distancesMm, PointSourceResult[] results,
                                double[][][] componentKernels, double[][][] componentSpectra, double[][] variances) {
        this.componentSpectra = componentSpectra;
        this.spectrumBinKeV = base.spectrumBinKeV();
        int nodes = distancesMm.length;
        this.distancesMm = distancesMm.clone();
        this.pixels = base.imagePixels();
        this.pixelMm = base.pixelMm();
        this.energyKeV = base.energyKeV();
        this.kernels = new double[nodes][];
        this.variances = variances;
        this.componentKernels = componentKernels;
        this.windowEfficiency = new double[nodes];
        this.windowEfficiencyStdError = new double[nodes];
        this.windowGeometric = new double[nodes];
        this.windowPenetration = new double[nodes];
        this.windowCollimatorScatter = new double[nodes];
        for (int i = 0; i < nodes; i++) {
            PointSourceResult r = results[i];
            kernels[i] = r.image().clone();
            windowEfficiency[i] = r.windowEfficiency();
            windowEfficiencyStdError[i] = r.windowEfficiencyStdError();
            windowGeometric[i] = r.windowGeometric();
            windowPenetration[i] = r.windowPenetration();
            windowCollimatorScatter[i] = r.windowCollimatorScatter();
        }
    }

    /**
     * Tabulates the response of {@code base} (its energy, window, collimator, crystal and kernel
     * grid) at each distance, running batches {@code range} of {@link PointSourceSimulation} with
     * a seed derived from {@code seed} per node; a pure function of (base, distances, seed, range), for any number
     * of threads.
     *
     * @param base        the Monte Carlo model in air, with an odd number of image pixels and a field
     *                    of view ({@link PointSourceSetup#detectorHalfWidthMm()}) covering the grid;
     *                    its own distance is ignored
     * @param distancesMm source-to-collimator-face distances of the nodes, mm, strictly increasing
     */
    public static ResponseKernelTable tabulate(PointSourceSetup base, double[] distancesMm, long seed,
                                               BatchRange range, int threads) {
        return tabulate(base, distancesMm, seed, PointSourceSimulation.crystalSeed(seed), range, threads);
    }

    /** As {@link #tabulate(PointSourceSetup, double[], long, BatchRange, int)}, with the crystal matrix of a given seed. */
    static ResponseKernelTable tabulate(PointSourceSetup base, double[] distancesMm, long seed, long crystalSeed,
                                        BatchRange range, int threads) {
        return tabulate(base, distancesMm, seed, (s, node) -> PointSourceSimulation.runTallies(s,
                nodeSeed(seed, node), crystalSeed, range, threads));
    }

    /**
     * As {@link #tabulate(PointSourceSetup, double[], long, BatchRange, int)}, but detecting as the
     * analog SPECT engine does: every photon leaving the collimator is transported through the
     * detector's cover, crystal and backscatter compartment along its own direction, its event at
     * the energy-weighted mean of its deposits, instead of sampling the normal-incidence response
     * matrix (see {@link PointSourceSimulation}'s crystal transport); no matrix is simulated. This
     * is the table forced detection uses, so that its collimator components describe the same
     * detector as the analog reference.
     */
    public static ResponseKernelTable tabulateWithCrystalTransport(PointSourceSetup base, double[] distancesMm,
                                                                  long seed, BatchRange range, int threads) {
        return tabulateWithCrystalTransport(base, distancesMm, seed, CollimatorTransport.of(base.holes(),
                base.energyKeV() + 1.0, base.leadFluorescence()), base.crystal(), range, threads);
    }

    /**
     * As {@link #tabulateWithCrystalTransport(PointSourceSetup, double[], long, BatchRange, int)},
     * with a given collimator transport (of {@code base}'s holes, covering its energy) and crystal,
     * shared read-only, e.g. those of the SPECT simulation the table serves (building the lead
     * tables once per study instead of once per node).
     */
    public static ResponseKernelTable tabulateWithCrystalTransport(PointSourceSetup base, double[] distancesMm,
                                                                  long seed, CollimatorTransport transport,
                                                                  org.spectlab.simulator.crystal.NaiCrystal crystal,
                                                                  BatchRange range, int threads) {
        return tabulate(base, distancesMm, seed, (s, node) -> PointSourceSimulation.runTalliesCrystalTransport(s,
                nodeSeed(seed, node), transport, crystal, range, threads));
    }

    /** The tallies of one node's run: (setup at the node's distance, node index) to tallies. */
    private interface NodeRun {
        TallySet run(PointSourceSetup atNode, int node);
    }

    private static ResponseKernelTable tabulate(PointSourceSetup base, double[] distancesMm, long seed, NodeRun run) {
        if (!base.monteCarlo()) {
            throw InputException.field("collimator model", "kernel tables need the monte-carlo model");
        }
        if (base.scatterMedium()) {
            throw InputException.field("medium", "kernel tables are tabulated in air (the patient is the "
                    + "forced-detection transport's)");
        }
        if (base.imagePixels() % 2 == 0) {
            throw InputException.field("image pixels", "must be odd so the source projects on a pixel centre: "
                    + base.imagePixels());
        }
        if (base.detectorHalfWidthMm() < 0.5 * base.imagePixels() * base.pixelMm()) {
            throw InputException.field("detector half width (mm)", "must cover the kernel grid of "
                    + base.imagePixels() + " x " + base.pixelMm() + " mm");
        }
        if (distancesMm.length == 0) {
            throw InputException.field("distances (mm)", "at least one node is needed");
        }
        for (int i = 1; i < distancesMm.length; i++) {
            if (!(distancesMm[i] > distancesMm[i - 1])) {
                throw InputException.field("distances (mm)", "must increase strictly: " + Arrays.toString(distancesMm));
            }
        }
        PointSourceResult[] results = new PointSourceResult[distancesMm.length];
        double[][] variances = new double[distancesMm.length][];
        double[][][] components = new double[distancesMm.length][][];
        double[][][] spectra = new double[distancesMm.length][][];
        for (int i = 0; i < distancesMm.length; i++) {
            PointSourceSetup s = base.withDistanceMm(distancesMm[i]);
            TallySet t = run.run(s, i);
            results[i] = PointSourceResult.from(s, t);
            variances[i] = pixelVariance(s, t);
            components[i] = componentImages(s, t);
            spectra[i] = componentSpectra(s, t);
        }
        return new ResponseKernelTable(base, distancesMm, results, components, spectra, variances);
    }

    /** The normalised measured-energy spectrum of each collimator component in the field of view. */
    private static double[][] componentSpectra(PointSourceSetup s, TallySet t) {
        double[][] out = new double[PointSourceSimulation.COLLIMATOR_COMPONENTS][];
        for (int comp = 0; comp < out.length; comp++) {
            int c = comp;
            out[comp] = sumOverStrata(s, t, k -> PointSourceSimulation.componentSpectrumKey(c, k), false,
                    s.spectrumBins());
        }
        return out;
    }

    /** The seed of node {@code node}'s {@link PointSourceSimulation} run (independent streams per node). */
    static long nodeSeed(long seed, int node) {
        return seed + node * 0x9E3779B97F4A7C15L;
    }

    /** The normalised in-window image of each collimator component (as {@link PointSourceResult#from}). */
    private static double[][] componentImages(PointSourceSetup s, TallySet t) {
        double[][] out = new double[PointSourceSimulation.COLLIMATOR_COMPONENTS][];
        for (int comp = 0; comp < out.length; comp++) {
            int c = comp;
            out[comp] = sumOverStrata(s, t, k -> PointSourceSimulation.componentImageKey(c, k), false,
                    s.imagePixels() * s.imagePixels());
        }
        return out;
    }

    /** Per-pixel variance of the normalised image from the per-stratum counts (weight-1 photons). */
    private static double[] pixelVariance(PointSourceSetup s, TallySet t) {
        return sumOverStrata(s, t, k -> PointSourceResult.IMAGE + k, true, s.imagePixels() * s.imagePixels());
    }

    /**
     * Σ over strata of f·counts (an image per emitted photon) or, with {@code squared}, of f²·counts
     * (its variance for weight-1 counts), f = (Ω/4π)/n of the stratum.
     */
    private static double[] sumOverStrata(PointSourceSetup s, TallySet t, IntFunction<String> key, boolean squared,
                                          int length) {
        double[] out = new double[length];
        for (int k = 0; k < PointSourceStrata.count(s); k++) {
            long nk = t.counter(PointSourceResult.HISTORIES + k);
            if (nk == 0) {
                continue;
            }
            double[] c = PointSourceStrata.cosines(s, k);
            double f = 0.5 * (c[1] - c[0]) / nk;
            double factor = squared ? f * f : f;
            double[] counts = t.tally(key.apply(k)).toDoubleArray();
            for (int p = 0; p < counts.length; p++) {
                out[p] += factor * counts[p];
            }
        }
        return out;
    }

    /** Side of the square kernel grid (odd; the source projects on the centre of pixel (side - 1) / 2). */
    public int pixels() {
        return pixels;
    }

    /** Kernel pixel size, mm. */
    public double pixelMm() {
        return pixelMm;
    }

    /** Incident photon energy, keV. */
    public double energyKeV() {
        return energyKeV;
    }

    /** Node distances, mm (a copy). */
    public double[] distancesMm() {
        return distancesMm.clone();
    }

    /**
     * Writes the kernel at {@code distanceMm} into {@code out} (pixels² values, row-major), fraction of
     * emitted photons per pixel: linear in distance between nodes, the nearest node outside them.
     */
    public void kernelAt(double distanceMm, double[] out) {
        interpolate(kernels, distanceMm, out, false);
    }

    /**
     * Writes the kernel of one collimator component at {@code distanceMm} into {@code out}, as
     * {@link #kernelAt}: {@link CollimatorTransport#GEOMETRIC} (through one hole),
     * {@link CollimatorTransport#PENETRATION} (crossed lead without interacting),
     * {@link CollimatorTransport#SCATTER} (scattered in the lead) or {@link CollimatorTransport#LEAD_XRAY}
     * (a lead K x-ray); the four add up to {@link #kernelAt} (to rounding).
     */
    public void componentKernelAt(double distanceMm, int component, double[] out) {
        if (component < 0 || component >= PointSourceSimulation.COLLIMATOR_COMPONENTS) {
            throw new IllegalArgumentException("collimator component " + component);
        }
        int i = lowerNode(distanceMm);
        double w = upperWeight(i, distanceMm);
        mix(componentKernels[i][component], w == 0 ? null : componentKernels[i + 1][component], w, false, out);
    }

    /** Spectrum bins of {@link #componentSpectrumAt} (from 0 to twice the energy). */
    public int spectrumBins() {
        return componentSpectra[0][0].length;
    }

    /** Spectrum bin width, keV (bin i holds measured energies [i, i + 1) times it). */
    public double spectrumBinKeV() {
        return spectrumBinKeV;
    }

    /**
     * Writes the measured-energy spectrum of one collimator component at {@code distanceMm} into
     * {@code out} ({@link #spectrumBins()} values), fraction of emitted photons per bin, counting
     * every photon that lands in the kernel's field of view with a deposit (whatever the window),
     * interpolated as {@link #kernelAt}.
     */
    public void componentSpectrumAt(double distanceMm, int component, double[] out) {
        if (component < 0 || component >= PointSourceSimulation.COLLIMATOR_COMPONENTS) {
            throw new IllegalArgumentException("collimator component " + component);
        }
        int i = lowerNode(distanceMm);
        double w = upperWeight(i, distanceMm);
        mix(componentSpectra[i][component], w == 0 ? null : componentSpectra[i + 1][component], w, false, out);
    }

    /** Writes the per-pixel variance of {@link #kernelAt} at {@code distanceMm} into {@code out}. */
    public void varianceAt(double distanceMm, double[] out) {
        interpolate(variances, distanceMm, out, true);
    }

    /** In-window efficiency (kernel sum) at a distance, interpolated as the kernel. */
    public double windowEfficiencyAt(double distanceMm) {
        return scalarAt(windowEfficiency, distanceMm, false);
    }

    /** Monte Carlo standard error of {@link #windowEfficiencyAt}. */
    public double windowEfficiencyStdErrorAt(double distanceMm) {
        double[] var = new double[windowEfficiencyStdError.length];
        for (int i = 0; i < var.length; i++) {
            var[i] = windowEfficiencyStdError[i] * windowEfficiencyStdError[i];
        }
        return Math.sqrt(scalarAt(var, distanceMm, true));
    }

    /** In-window fraction of emitted photons that passed through one hole, at a node. */
    public double windowGeometric(int node) {
        return windowGeometric[node];
    }

    /** In-window fraction that crossed septal lead without interacting, at a node. */
    public double windowPenetration(int node) {
        return windowPenetration[node];
    }

    /** In-window fraction scattered in the septa or emitted as lead K x-rays, at a node (see {@link #componentKernelAt}). */
    public double windowCollimatorScatter(int node) {
        return windowCollimatorScatter[node];
    }

    private void interpolate(double[][] table, double distanceMm, double[] out, boolean squaredWeights) {
        int i = lowerNode(distanceMm);
        double w = upperWeight(i, distanceMm);
        mix(table[i], w == 0 ? null : table[i + 1], w, squaredWeights, out);
    }

    /** out = (1 - w) a + w b (squared weights for variances); a alone when b is null. */
    private static void mix(double[] a, double[] b, double w, boolean squaredWeights, double[] out) {
        if (b == null) {
            System.arraycopy(a, 0, out, 0, a.length);
            return;
        }
        double wa = squaredWeights ? (1 - w) * (1 - w) : 1 - w;
        double wb = squaredWeights ? w * w : w;
        for (int p = 0; p < a.length; p++) {
            out[p] = wa * a[p] + wb * b[p];
        }
    }
    private double scalarAt(double[] values, double distanceMm, boolean squaredWeights) {
        int i = lowerNode(distanceMm);
        double w = upperWeight(i, distanceMm);
        if (w == 0) {
            return values[i];
        }
        return squaredWeights ? (1 - w) * (1 - w) * values[i] + w * w * values[i + 1]
                : (1 - w) * values[i] + w * values[i + 1];
    }

    /** Index of the node at or below the distance (0 below the first node, the last above it). */
    private int lowerNode(double distanceMm) {
        int last = distancesMm.length - 1;
        if (distanceMm <= distancesMm[0]) {
            return 0;
        }
        if (distanceMm >= distancesMm[last]) {
            return last;
        }
        int i = Arrays.binarySearch(distancesMm, distanceMm);
        return i >= 0 ? i : -i - 2;
    }

    /** Weight of node i + 1 (0 at or outside the ends). */
    private double upperWeight(int i, double distanceMm) {
        if (i >= distancesMm.length - 1 || distanceMm <= distancesMm[i]) {
            return 0;
        }
        return (distanceMm - distancesMm[i]) / (distancesMm[i + 1] - distancesMm[i]);
    }
}
