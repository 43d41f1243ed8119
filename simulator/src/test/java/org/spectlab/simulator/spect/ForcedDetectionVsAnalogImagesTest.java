package org.spectlab.simulator.spect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.spectlab.simulator.run.BatchRunner;

/**
 * Forced detection against the analog reference, image by image and spectrum by spectrum, for a
 * point-like source (the voxels whose centres lie within a 12 mm cube at (21, -3, 0) mm: 1x1x2
 * voxels of 6 mm) and a line source (the same voxel column, 72 mm long) in a
 * 120 mm water cylinder, Tc-99m, a wide-hole collimator (g ~ 1e-3, so that analog runs collect
 * counts in seconds), four views of 32 x 24 pixels of 6 mm (the coarse grid of clinical studies),
 * 24 million analog histories per source.
 *
 * <p>Each comparison is a chi-square over bins with enough counts (the forced-detection value must
 * stand for ≥ 25 analog counts, so that the Poisson counts are close to Gaussian; selecting on the
 * forced-detection value does not bias the analog side): images rebinned into 4 x 4 pixel blocks
 * (24 mm), spectra into 4 keV bins. The variance of a bin is the analog one (counts are sums of
 * equal weights w, so var = w · value) plus the forced-detection one: none for primaries
 * (deterministic), for scatter images the spread of the bin over 16 independent error groups of
 * batches, for scatter spectra half the squared difference of two runs with independent seeds
 * (their mean is compared). Pass: chi-square below its 0.1 % critical value (Wilson-Hilferty), i.e.
 * a false alarm in one in a thousand runs; a 5 % systematic difference in a bin of 400 counts
 * (1 SE) over a few tens of bins would already fail.
 *
 * <p>The primary images' widths are compared by their second moments (per view and axis by
 * chi-square, and pooled within 3.29 SE), the primary totals per view by z-scores. Measured with
 * these seeds before forced detection added the voxel's emission spread and the pixel's
 * integration to its response and aligned its view frame with the grid ({@link ViewFrame}):
 * pooled second-moment difference fd - analog of the point image -0.134 ± 0.025 px² (5.4 SE), its
 * per-view chi-square 30.5 over 8 (critical 26.3), point primary totals 27.0 over 4 (critical
 * 18.7; 57.8 without the model tolerance: the half-voxel shift of the patient in the view frame);
 * after: +0.033 ± 0.025 px², 4.0 over 8 and 6.1 over 4 (12.7 without the tolerance).
 *
 * <p>Primary images are compared in 24 mm blocks, and the point source's not at all, because of a
 * stated approximation: forced detection's response is a Gaussian with the geometric response's
 * exact second moment, while the hole's response is compact (kurtosis of the analog point image
 * 2.5-2.7 against 3.1-3.2 for forced detection here). At this statistical power 12 mm blocks
 * resolve that shape: point image 145 over 56 bins (critical 94.5), line image 118-160 over 96
 * (critical 144.6) over four analog seeds, against 31-53 over 32 (critical 62.6) in 24 mm blocks.
 */
class ForcedDetectionVsAnalogImagesTest {
    private static final int VIEWS = 4;
    /**
     * Histories of the analog reference runs: 24 million give the primary images' pooled second
     * moment an SE of ~0.03 px² (the 1/6 px² forced detection missed before it modelled the voxel
     * spread and the pixel's integration is ~5 SE), and the scatter images a few tens of bins with
     * ≥ 25 counts.
     */
    private static final long ANALOG_HISTORIES = 24_000_000;
    private static final int GROUPS = 16;
    /** Relative model tolerance of the per-view primary totals (see {@link #primaryTotalsAgree}). */
    private static final double TOTAL_MODEL_TOLERANCE = 0.02;
    /**
     * Crystal-response photons per keV: the forced-detection primaries are deterministic except for
     * the crystal table, whose photopeak fraction has a relative SE of ~0.3 % at 10 000 photons,
     * small against the analog's ~2 % per bin.
     */
    private static final int CRYSTAL = 10_000;
    /**
     * Voxel and pixel size, mm: the coarse grid of clinical studies, where the spread of emission
     * points inside a voxel (Δ²/12 per axis) and the pixel's own integration (1/12 px²) are a
     * sizeable part of the image's second moment. Before forced detection modelled them, its
     * primary images here were 1/6 px² too narrow per axis (measured 0.134 ± 0.025 px², pooled).
     */
    private static final double VOXEL_MM = 6.0;

    /** One source: analog result and its weight per count, two forced-detection runs, scatter error groups. */
    private record Pair(SpectScenario scenario, SpectResult analog, double weight, SpectResult fd, SpectResult fd2,
                        double[][] scatterGroups) {
    }

    private static Pair point;
    private static Pair line;

    @BeforeAll
    static void simulate() {
        SpectCamera camera = SpectTestScenarios.camera(SpectTestScenarios.wideCollimator());
        point = run(SpectTestScenarios.waterCylinder(camera, VIEWS, VOXEL_MM, false));
        line = run(SpectTestScenarios.waterCylinder(camera, VIEWS, VOXEL_MM, true));
    }

    private static Pair run(SpectScenario s) {
        SpectResult analog = AnalogSimulation.run(s, new SimulationOptions(21, ANALOG_HISTORIES, 8, 2, 0, 50, 10.0,
                CRYSTAL), BatchRunner.ProgressListener.NONE);
        SimulationOptions fdOptions = new SimulationOptions(22, 320_000, GROUPS, 2, GROUPS, 50, 5.0, CRYSTAL);
        PartialResult part = ForcedDetectionSimulation.runViews(s, fdOptions, 0, VIEWS,
                BatchRunner.ProgressListener.NONE);
        SpectResult fd = part.finish(s, fdOptions, 0);
        double[][] groups = new double[GROUPS][];
        int windows = s.camera().windows().size();
        for (int g = 0; g < GROUPS; g++) {
            groups[g] = part.projections()[2 * windows + g];
        }
        SimulationOptions fd2Options = new SimulationOptions(23, 320_000, GROUPS, 2, 0, 50, 5.0, CRYSTAL);
        SpectResult fd2 = ForcedDetectionSimulation.run(s, fd2Options, BatchRunner.ProgressListener.NONE);
        double yield = 0;
        for (var l : s.lines()) {
            yield += l.yieldPerDecay();
        }
        double weight = s.activityBqPerMl().sum() * s.grid().voxelVolumeMl() * yield * VIEWS * s.timePerViewS()
                / ANALOG_HISTORIES;
        return new Pair(s, analog, weight, fd, fd2, groups);
    }

    /** Chi-square and number of bins. */
    private record ChiSquare(double value, int bins) {
        /** The 0.1 % upper critical value for this many degrees of freedom (Wilson-Hilferty). */
        double critical() {
            double n = bins;
            double a = 2.0 / (9.0 * n);
            return n * Math.pow(1 - a + 3.0902 * Math.sqrt(a), 3);
        }
    }

    /**
     * Chi-square of 2 x 2 pixel blocks of window 0: {@code analog} vs {@code fd} images, with the
     * forced-detection variance from the error groups when {@code groups} is not null.
     */
    private static ChiSquare images(Pair p, double weight, float[] analog, float[] fd, double[][] groups,
                                    double blockMm) {
        SpectScenario s = p.scenario();
        int block = (int) Math.round(blockMm / s.pixelSizeMm());
        int rows = s.rows();
        int cols = s.cols();
        double chi = 0;
        int bins = 0;
        for (int v = 0; v < VIEWS; v++) {
            for (int r0 = 0; r0 + block <= rows; r0 += block) {
                for (int c0 = 0; c0 + block <= cols; c0 += block) {
                    double a = 0;
                    double f = 0;
                    double[] g = new double[groups == null ? 0 : groups.length];
                    for (int r = r0; r < r0 + block; r++) {
                        for (int c = c0; c < c0 + block; c++) {
                            int idx = c + cols * (r + rows * v);
                            a += analog[idx];
                            f += fd[idx];
                            for (int k = 0; k < g.length; k++) {
                                g[k] += groups[k][idx] * s.timePerViewS() * s.viewDecayFactor(v) * g.length;
                            }
                        }
                    }
                    if (f / weight < 25) {
                        continue;
                    }
                    double var = weight * Math.max(a, weight) + groupVariance(g, f);
                    chi += (a - f) * (a - f) / var;
                    bins++;
                }
            }
        }
        return new ChiSquare(chi, bins);
    }

    /** Variance of the mean of the group estimates (each an estimate of the whole). */
    private static double groupVariance(double[] estimates, double mean) {
        if (estimates.length == 0) {
            return 0;
        }
        double ss = 0;
        for (double e : estimates) {
            ss += (e - mean) * (e - mean);
        }
        return ss / ((double) estimates.length * (estimates.length - 1));
    }

    /**
     * Chi-square of 4 keV bins from {@code fromKeV} to {@code toKeV} of measured-energy spectra:
     * analog vs the mean of two forced-detection runs (variance from their difference when
     * {@code noisy}).
     */
    private static ChiSquare spectra(Pair p, double[] analog, double[] fd, double[] fd2, boolean noisy, int fromKeV,
                                     int toKeV) {
        double chi = 0;
        int bins = 0;
        for (int e0 = fromKeV; e0 < toKeV; e0 += 4) {
            double a = 0;
            double f1 = 0;
            double f2 = 0;
            for (int e = e0; e < e0 + 4; e++) {
                a += analog[e];
                f1 += fd[e];
                f2 += fd2[e];
            }
            double f = 0.5 * (f1 + f2);
            if (f / p.weight() < 25) {
                continue;
            }
            double var = p.weight() * Math.max(a, p.weight()) + (noisy ? 0.25 * (f1 - f2) * (f1 - f2) : 0);
            chi += (a - f) * (a - f) / var;
            bins++;
        }
        return new ChiSquare(chi, bins);
    }

    private static void check(String what, ChiSquare c, int minBins) {
        System.out.printf("FD vs analog, %s: chi2 %.1f over %d bins (0.1 %% critical %.1f)%n", what, c.value(), c.bins(),
                c.critical());
        assertThat(c.bins()).as(what + " bins with >= 25 counts").isGreaterThanOrEqualTo(minBins);
        assertThat(c.value()).as(what + " chi-square over " + c.bins() + " bins").isLessThan(c.critical());
    }

    /** Second moments (px²) of one view's image about its centroid, along columns and rows, and the fourth moments. */
    private record Moments(double sum, double varCols, double varRows, double m4Cols, double m4Rows) {
        static Moments of(float[] image, SpectScenario s, int view) {
            int rows = s.rows();
            int cols = s.cols();
            double sum = 0;
            double sc = 0;
            double sr = 0;
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    double w = image[c + cols * (r + rows * view)];
                    sum += w;
                    sc += w * c;
                    sr += w * r;
                }
            }
            double mc = sc / sum;
            double mr = sr / sum;
            double vc = 0;
            double vr = 0;
            double qc = 0;
            double qr = 0;
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    double w = image[c + cols * (r + rows * view)];
                    double dc = (c - mc) * (c - mc);
                    double dr = (r - mr) * (r - mr);
                    vc += w * dc;
                    vr += w * dr;
                    qc += w * dc * dc;
                    qr += w * dr * dr;
                }
            }
            return new Moments(sum, vc / sum, vr / sum, qc / sum, qr / sum);
        }
    }

    /** The second-moment comparison of one source: chi-square over views and axes, and the pooled difference. */
    private record MomentCheck(ChiSquare chiSquare, double meanDifferencePx2, double standardErrorPx2) {
    }

    /**
     * Second moments (along columns and rows, every view) of the primary images of forced
     * detection against the analog run. The analog moment's variance is (μ4 - σ⁴)/N with N
     * its number of counts; the forced-detection primaries are deterministic. Returns their
     * chi-square and the inverse-variance weighted mean of the differences (fd - analog) with its SE.
     */
    private static MomentCheck primaryMoments(Pair p, String name) {
        SpectScenario s = p.scenario();
        double chi = 0;
        int bins = 0;
        double sumW = 0;
        double sumWd = 0;
        for (int v = 0; v < VIEWS; v++) {
            Moments a = Moments.of(p.analog().primary().get(0), s, v);
            Moments f = Moments.of(p.fd().primary().get(0), s, v);
            double n = a.sum() / p.weight();
            double varCols = (a.m4Cols() - a.varCols() * a.varCols()) / n;
            double varRows = (a.m4Rows() - a.varRows() * a.varRows()) / n;
            System.out.printf("%s primary, view %d: second moment along columns analog %.3f fd %.3f (SE %.3f) px², "
                    + "along rows analog %.3f fd %.3f (SE %.3f) px²%n", name, v, a.varCols(), f.varCols(),
                    Math.sqrt(varCols), a.varRows(), f.varRows(), Math.sqrt(varRows));
            double dc = f.varCols() - a.varCols();
            double dr = f.varRows() - a.varRows();
            chi += dc * dc / varCols + dr * dr / varRows;
            bins += 2;
            sumW += 1 / varCols + 1 / varRows;
            sumWd += dc / varCols + dr / varRows;
        }
        MomentCheck m = new MomentCheck(new ChiSquare(chi, bins), sumWd / sumW, Math.sqrt(1 / sumW));
        System.out.printf("%s primary: pooled second-moment difference fd - analog %.3f ± %.3f px²%n", name,
                m.meanDifferencePx2(), m.standardErrorPx2());
        return m;
    }

    /**
     * The primary images' widths: per view and axis by chi-square, and pooled (the systematic width
     * error forced detection had) within 3.29 SE, a false alarm in one in a thousand runs.
     */
    @Test
    void primaryImageSecondMomentsAgree() {
        for (Pair p : new Pair[] {point, line}) {
            String name = p == point ? "point" : "line";
            MomentCheck m = primaryMoments(p, name);
            check(name + " primary second moments", m.chiSquare(), 8);
            assertThat(Math.abs(m.meanDifferencePx2())).as(name + " pooled second-moment difference, px²")
                    .isLessThan(3.29 * m.standardErrorPx2());
        }
    }

    /**
     * Each view's primary total in the photopeak window (efficiency, attenuation, window
     * acceptance): chi-square of the z-scores with the analog's Poisson SE and a model tolerance of
     * {@value #TOTAL_MODEL_TOLERANCE} of the forced-detection value in quadrature. Why: forced
     * detection attenuates along the hole axis, while this wide collimator accepts photons up to
     * tan θ = 3/20 (8.5°) off it, which cross ~8 mm sideways over the ~55 mm of water into the
     * neighbouring voxel column; on this 6 mm staircase cylinder that column's water ends up to one
     * voxel (6 mm, 9 % attenuation) further out towards the posterior view. Measured over four
     * analog seeds (point and line, both at (21, -3) mm): forced detection 3.3 ± 0.7 % above analog at
     * the posterior view, within 1.7 % at the others. The view-frame shift fixed with this test (10 %
     * between opposite views) gave a chi-square of 57.8 over 4 without the tolerance, 27.0 with it.
     */
    @Test
    void primaryTotalsAgree() {
        for (Pair p : new Pair[] {point, line}) {
            double chi = 0;
            for (int v = 0; v < VIEWS; v++) {
                double a = Moments.of(p.analog().primary().get(0), p.scenario(), v).sum();
                double f = Moments.of(p.fd().primary().get(0), p.scenario(), v).sum();
                double var = p.weight() * a + (TOTAL_MODEL_TOLERANCE * f) * (TOTAL_MODEL_TOLERANCE * f);
                chi += (a - f) * (a - f) / var;
                System.out.printf("%s primary total, view %d: analog %.1f fd %.1f counts (z %.2f)%n",
                        p == point ? "point" : "line", v, a / p.weight(), f / p.weight(), (f - a) / Math.sqrt(var));
            }
            check((p == point ? "point" : "line") + " primary totals by view", new ChiSquare(chi, VIEWS), VIEWS);
        }
    }

    @Test
    void pointSourceScatterImagesAgree() {
        check("point scatter image", images(point, point.weight(), point.analog().scatter().get(0),
                point.fd().scatter().get(0), point.scatterGroups(), 24), 20);
    }

    @Test
    void lineSourcePrimaryImagesAgree() {
        check("line primary image", images(line, line.weight(), line.analog().primary().get(0),
                line.fd().primary().get(0), null, 24), 24);
    }

    @Test
    void lineSourceScatterImagesAgree() {
        check("line scatter image", images(line, line.weight(), line.analog().scatter().get(0),
                line.fd().scatter().get(0), line.scatterGroups(), 24), 20);
    }

    @Test
    void energySpectraAgreeByComponent() {
        for (Pair p : new Pair[] {point, line}) {
            String name = p == point ? "point" : "line";
            // primary: the photopeak and the crystal's Compton/escape tail below it
            check(name + " primary spectrum", spectra(p, p.analog().spectrumPrimary(), p.fd().spectrumPrimary(),
                    p.fd2().spectrumPrimary(), false, 60, 172), 5);
            // scatter: from the lowest window edge minus 4 sigma up past the photopeak
            check(name + " scatter spectrum", spectra(p, p.analog().spectrumScatter(), p.fd().spectrumScatter(),
                    p.fd2().spectrumScatter(), true, 92, 164), 8);
        }
    }
}
