package org.spectlab.simulator.spect;

import java.util.ArrayList;
import java.util.List;
import org.spectlab.simulator.crystal.CrystalResponse;

/**
 * The raw result of a forced-detection run over a range of views: per component (window x
 * {primary, scatter}, then the error groups of the first window's scatter, then with the Monte
 * Carlo collimator window x {penetration, collimator scatter, lead x-ray}) the projections of
 * every view in double precision — zero outside the range — and the incident-energy spectra per
 * view (with the Monte Carlo collimator also the measured-energy spectra of its three components). Because every value belongs to exactly one view, parts of a split run add up exactly
 * (x + 0 = x) to the whole run, bit for bit; {@link #finish} then makes the final
 * {@link SpectResult}.
 */
public final class PartialResult {
    private final int firstView;
    private final int viewCount;
    private final int views;
    private final int rows;
    private final int cols;
    private final int windows;
    private final int groups;
    private final double[][] projections;
    private final double[][] spectrumPrimary;
    private final double[][] spectrumScatter;
    /** [component][view][bin] measured spectra of the collimator components, or null (geometric collimator). */
    private final double[][][] spectrumCollimator;
    private final long histories;
    private final long sites;

    /**
     * @param firstView       first view computed
     * @param viewCount       number of views computed
     * @param views           views of the whole acquisition
     * @param rows            projection rows
     * @param cols            projection columns
     * @param windows         energy windows
     * @param groups          error groups (0 when not estimated)
     * @param projections     [2*windows + groups][views*rows*cols], zero outside the computed views
     * @param spectrumPrimary [views][bins] incident-energy spectrum of primaries per view
     * @param spectrumScatter [views][bins] incident-energy spectrum of scatter per view
     * @param histories       histories transported
     * @param sites           interaction sites recorded
     */
    public PartialResult(int firstView, int viewCount, int views, int rows, int cols, int windows, int groups,
                         double[][] projections, double[][] spectrumPrimary, double[][] spectrumScatter,
                         long histories, long sites) {
        this(firstView, viewCount, views, rows, cols, windows, groups, projections, spectrumPrimary, spectrumScatter,
                null, histories, sites);
    }

    /**
     * A result with the Monte Carlo collimator's components (or without, when
     * {@code spectrumCollimator} is null).
     *
     * @param projections        [2*windows + groups (+ 3*windows)][views*rows*cols]: the last
     *                           3*windows images, window by window, are the penetration, collimator
     *                           scatter and lead x-ray counts ({@link CollimatorComponents#NAMES})
     * @param spectrumCollimator [3][views][bins] measured-energy spectra of those components per
     *                           view, or null
     */
    public PartialResult(int firstView, int viewCount, int views, int rows, int cols, int windows, int groups,
                         double[][] projections, double[][] spectrumPrimary, double[][] spectrumScatter,
                         double[][][] spectrumCollimator, long histories, long sites) {
        int expected = 2 * windows + groups + (spectrumCollimator == null ? 0 : 3 * windows);
        if (projections.length != expected) {
            throw new IllegalArgumentException(projections.length + " component images, expected " + expected);
        }
        this.spectrumCollimator = spectrumCollimator;
        this.firstView = firstView;
        this.viewCount = viewCount;
        this.views = views;
        this.rows = rows;
        this.cols = cols;
        this.windows = windows;
        this.groups = groups;
        this.projections = projections;
        this.spectrumPrimary = spectrumPrimary;
        this.spectrumScatter = spectrumScatter;
        this.histories = histories;
        this.sites = sites;
    }

    /** First view computed. */
    public int firstView() {
        return firstView;
    }

    /** Number of views computed. */
    public int viewCount() {
        return viewCount;
    }

    /** Views of the whole acquisition. */
    public int views() {
        return views;
    }

    /** Projection rows. */
    public int rows() {
        return rows;
    }

    /** Projection columns. */
    public int cols() {
        return cols;
    }

    /** Energy windows. */
    public int windows() {
        return windows;
    }

    /** Error groups. */
    public int groups() {
        return groups;
    }

    /** The component arrays (not copied). */
    public double[][] projections() {
        return projections;
    }

    /** Per-view incident spectra of primaries (not copied). */
    public double[][] spectrumPrimary() {
        return spectrumPrimary;
    }

    /** Per-view incident spectra of scatter (not copied). */
    public double[][] spectrumScatter() {
        return spectrumScatter;
    }

    /** True when the result holds the Monte Carlo collimator's components. */
    public boolean hasCollimatorComponents() {
        return spectrumCollimator != null;
    }

    /** Per-component, per-view measured spectra of the collimator components (not copied), or null. */
    public double[][][] spectrumCollimator() {
        return spectrumCollimator;
    }

    /** Histories transported (the same in every part). */
    public long histories() {
        return histories;
    }

    /** Interaction sites recorded (the same in every part). */
    public long sites() {
        return sites;
    }

    /**
     * Merges parts that together cover every view exactly once (any order). Throws when parts
     * overlap, leave a view out or do not match in shape.
     */
    public static PartialResult merge(List<PartialResult> parts) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("nothing to merge");
        }
        PartialResult first = parts.get(0);
        boolean[] covered = new boolean[first.views];
        double[][] proj = new double[first.projections.length][];
        for (int c = 0; c < proj.length; c++) {
            proj[c] = new double[first.projections[c].length];
        }
        double[][] sp = new double[first.views][];
        double[][] ss = new double[first.views][];
        double[][][] sc = first.spectrumCollimator == null ? null
                : new double[first.spectrumCollimator.length][first.views][];
        int plane = first.rows * first.cols;
        for (PartialResult p : parts) {
            if (p.views != first.views || p.rows != first.rows || p.cols != first.cols || p.windows != first.windows
                    || p.groups != first.groups || p.histories != first.histories || p.sites != first.sites
                    || (p.spectrumCollimator == null) != (sc == null)) {
                throw new IllegalArgumentException("parts come from different runs (shape, histories or sites differ)");
            }
            for (int v = p.firstView; v < p.firstView + p.viewCount; v++) {
                if (covered[v]) {
                    throw new IllegalArgumentException("view " + v + " is in more than one part");
                }
                covered[v] = true;
                for (int c = 0; c < proj.length; c++) {
                    System.arraycopy(p.projections[c], v * plane, proj[c], v * plane, plane);
                }
                sp[v] = p.spectrumPrimary[v].clone();
                ss[v] = p.spectrumScatter[v].clone();
                for (int c = 0; sc != null && c < sc.length; c++) {
                    sc[c][v] = p.spectrumCollimator[c][v].clone();
                }
            }
        }
        for (int v = 0; v < covered.length; v++) {
            if (!covered[v]) {
                throw new IllegalArgumentException("view " + v + " is in no part");
            }
        }
        return new PartialResult(0, first.views, first.views, first.rows, first.cols, first.windows, first.groups, proj,
                sp, ss, sc, first.histories, first.sites);
    }

    /** The final result of a complete run (all views), computing the crystal response for the spectra. */
    public SpectResult finish(SpectScenario scenario, SimulationOptions options, double wallSeconds) {
        double maxLine = 0;
        for (var l : scenario.lines()) {
            maxLine = Math.max(maxLine, l.energyKeV());
        }
        CrystalResponse crystal = CrystalResponse.simulate(scenario.camera().crystal(), 5.0,
                maxLine + 2.0, 1.0, options.crystalHistoriesPerKeV(), options.seed() ^ 0x5DEECE66DL);
        return finish(scenario, crystal, wallSeconds);
    }

    SpectResult finish(SpectScenario scenario, CrystalResponse crystal, double wallSeconds) {
        if (firstView != 0 || viewCount != views) {
            throw new IllegalStateException("only a complete run (all views) can be finished; merge the parts first");
        }
        List<float[]> primary = new ArrayList<>();
        List<float[]> scatter = new ArrayList<>();
        for (int w = 0; w < windows; w++) {
            primary.add(toFloat(projections[2 * w]));
            scatter.add(toFloat(projections[2 * w + 1]));
        }
        float[] stdError = null;
        if (groups >= 2) {
            int n = views * rows * cols;
            stdError = new float[n];
            double[] total = projections[1];
            for (int p = 0; p < n; p++) {
                double mean = total[p];
                double ss = 0;
                for (int g = 0; g < groups; g++) {
                    double est = groups * projections[2 * windows + g][p];
                    ss += (est - mean) * (est - mean);
                }
                stdError[p] = (float) Math.sqrt(ss / ((double) groups * (groups - 1)));
            }
        }
        int bins = spectrumPrimary[0].length;
        double[] centres = new double[bins];
        double[] incidentP = new double[bins];
        double[] incidentS = new double[bins];
        for (int e = 0; e < bins; e++) {
            centres[e] = e + 0.5; // bin e = [e, e+1) keV, as the incident and measured spectra
        }
        for (int v = 0; v < views; v++) {
            for (int e = 0; e < bins; e++) {
                incidentP[e] += spectrumPrimary[v][e];
                incidentS[e] += spectrumScatter[v][e];
            }
        }
        var resolution = scenario.camera().energyResolution();
        return new SpectResult(scenario.camera().windows(), primary, scatter, stdError, centres,
                Spectra.measured(incidentP, crystal, resolution), Spectra.measured(incidentS, crystal, resolution),
                histories, sites, wallSeconds, "forced-detection", collimatorComponents(bins), null);
    }

    /** The Monte Carlo collimator's components (images after the error groups), or null. */
    private CollimatorComponents collimatorComponents(int bins) {
        if (spectrumCollimator == null) {
            return null;
        }
        List<List<float[]>> images = new ArrayList<>();
        double[][] spectra = new double[spectrumCollimator.length][bins];
        for (int c = 0; c < spectrumCollimator.length; c++) {
            List<float[]> perWindow = new ArrayList<>();
            for (int w = 0; w < windows; w++) {
                perWindow.add(toFloat(projections[2 * windows + groups + 3 * w + c]));
            }
            images.add(perWindow);
            for (int v = 0; v < views; v++) {
                double[] src = spectrumCollimator[c][v];
                for (int e = 0; e < bins; e++) {
                    spectra[c][e] += src[e];
                }
            }
        }
        return new CollimatorComponents(images.get(0), images.get(1), images.get(2), spectra[0], spectra[1],
                spectra[2]);
    }

    private static float[] toFloat(double[] a) {
        float[] f = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            f[i] = (float) a[i];
        }
        return f;
    }
}
