package org.spectlab.simulator.spect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.spectlab.core.grid.Grid3;
import org.spectlab.core.material.MaterialLibrary;
import org.spectlab.core.nuclide.Nuclide;
import org.spectlab.core.nuclide.NuclideLibrary;
import org.spectlab.core.projection.AcquisitionGeometry;
import org.spectlab.core.projection.RotationDirection;
import org.spectlab.phantoms.kinetics.Retention;
import org.spectlab.phantoms.kinetics.ScanKinetics;
import org.spectlab.phantoms.kinetics.TracerKinetics;
import org.spectlab.phantoms.model.Phantom;
import org.spectlab.phantoms.model.Region;
import org.spectlab.phantoms.shape.Ellipsoid;
import org.spectlab.phantoms.voxel.VoxelisedPhantom;
import org.spectlab.phantoms.voxel.Voxeliser;
import org.spectlab.simulator.run.BatchRunner;

/**
 * Two small water spheres in air on the axis of rotation, 84 mm apart along z: "slow" keeps its atoms
 * (physical decay of Tc-99m only), "fast" washes out with a 15-min biological half-time. Four views of
 * 10 min at 60 mm, one head, so the fast source falls to about a fifth of its start over the scan. Each
 * sphere projects onto its own half of the rows in every view (its response, sigma ~6 mm, is 7 sigma
 * from the middle row), so each view's counts per source are read from the halves.
 */
class KineticsDuringScanTest {
    private static final double TIME_PER_VIEW_S = 600;
    private static final double FAST_HALF_TIME_H = 0.25;
    private static final double SCAN_START_H = 1.0;
    private static final int VIEWS = 4;
    private static final int ROWS = 26;
    private static final Nuclide TC99M = NuclideLibrary.get("Tc-99m");

    private static final Grid3 GRID = Grid3.centredCubic(16, 16, 16, 6.0);
    private static final Voxeliser VOXELISER = Voxeliser.of(2, 1);
    private static final Phantom PHANTOM = Phantom.of("two-sources", List.of(
            Region.of("slow", Ellipsoid.sphere(0, 0, -42, 10), "water", 1.0e6),
            Region.of("fast", Ellipsoid.sphere(0, 0, 42, 10), "water", 1.0e6)), "air");
    /** Half of the administered atoms in each compartment, one permanent, one with a 15-min half-time. */
    private static final TracerKinetics KINETICS = TracerKinetics.of(1.0, Map.of(
            "slow", Retention.of(new double[] {0.5}, new double[] {Double.POSITIVE_INFINITY}),
            "fast", Retention.of(new double[] {0.5}, new double[] {FAST_HALF_TIME_H})), TC99M.halfLifeS());
    private static final ScanKinetics SCAN = ScanKinetics.render(VOXELISER, GRID, PHANTOM, List.of("slow", "fast"),
            KINETICS, SCAN_START_H);
    private static final SpectScenario PLAIN = plainScenario();
    private static final SpectScenario WITH_KINETICS = PhantomScenarios.withKinetics(PLAIN, SCAN);

    private static SpectScenario plainScenario() {
        VoxelisedPhantom vp = VOXELISER.render(GRID, PHANTOM);
        AcquisitionGeometry orbit = AcquisitionGeometry.circular(VIEWS, 0, 360, RotationDirection.CW, 60, 1);
        return PhantomScenarios.of(vp, MaterialLibrary.builtIn(), TC99M,
                SpectTestScenarios.camera(SpectTestScenarios.wideCollimator()), orbit, ROWS, 24, 6.0, TIME_PER_VIEW_S);
    }

    /** Mean of exp(-k t) over [s, s + T], closed form: exp(-k s)(1 - exp(-k T)) / (k T). */
    private static double meanExp(double kPerS, double startS, double durationS) {
        return Math.exp(-kPerS * startS) * -Math.expm1(-kPerS * durationS) / (kPerS * durationS);
    }

    /** The expected view factor of a group (0 slow, 1 fast) from the closed form. */
    private static double expectedFactor(int group, int view) {
        double lambda = Math.log(2) / TC99M.halfLifeS();
        double k = group == 0 ? lambda : lambda + Math.log(2) / (FAST_HALF_TIME_H * 3600);
        return meanExp(k, view * TIME_PER_VIEW_S, TIME_PER_VIEW_S);
    }

    private static int group(String name) {
        return WITH_KINETICS.kinetics().names().indexOf(name);
    }

    /** Sum of a view's image over the rows below (lower = true) or above the middle. */
    private static double half(float[] image, int view, boolean lower) {
        int cols = PLAIN.cols();
        double s = 0;
        for (int r = lower ? 0 : ROWS / 2; r < (lower ? ROWS / 2 : ROWS); r++) {
            for (int c = 0; c < cols; c++) {
                s += image[c + cols * (r + ROWS * view)];
            }
        }
        return s;
    }

    @Test
    void viewFactorsAreTheGroupsExactTimeActivityMeans() {
        // tolerance 1e-12 relative: both sides are closed forms of the same sums of exponentials
        for (int v = 0; v < VIEWS; v++) {
            for (String name : List.of("slow", "fast")) {
                int g = group(name);
                double expected = expectedFactor(name.equals("slow") ? 0 : 1, v);
                assertThat(WITH_KINETICS.viewFactor(g, v)).as(name + " view " + v)
                        .isCloseTo(expected, within(1e-12 * expected));
            }
            // the physical-only group is exactly the scenario's physical decay factor (to rounding)
            assertThat(WITH_KINETICS.viewFactor(group("slow"), v)).isCloseTo(PLAIN.viewDecayFactor(v),
                    within(1e-12));
        }
        // the fast source keeps about a fifth in the last view: the test has something to see
        assertThat(WITH_KINETICS.viewFactor(group("fast"), VIEWS - 1)).isBetween(0.15, 0.25);
        // without kinetics the scenario's factor is the physical decay
        assertThat(PLAIN.viewFactor(0, 2)).isEqualTo(PLAIN.viewDecayFactor(2));
        // the groups together hold the map's activity (rendered separately: float rounding only)
        double sum = WITH_KINETICS.kinetics().activityAtStartBq(0) + WITH_KINETICS.kinetics().activityAtStartBq(1);
        assertThat(sum).isCloseTo(PLAIN.activityBqPerMl().sum() * GRID.voxelVolumeMl(), within(1e-6 * sum));
    }

    @Test
    void forcedDetectionPrimariesFollowEachSourcesTimeActivityCurve() {
        // primaries are deterministic: each view's fast/slow count ratio must equal
        // A_fast F_fast(v) / (A_slow F_slow(v)) to 1e-6 (float32 images; cross-talk between the halves
        // is below 1e-10 at 7 sigma)
        SimulationOptions options = new SimulationOptions(3, 0, 2, 1, 0, 10, 10.0, 200);
        SpectResult r = ForcedDetectionSimulation.run(WITH_KINETICS, options, BatchRunner.ProgressListener.NONE);
        KineticGroups k = WITH_KINETICS.kinetics();
        double activityRatio = k.activityAtStartBq(group("fast")) / k.activityAtStartBq(group("slow"));
        for (int v = 0; v < VIEWS; v++) {
            double slow = half(r.primary().get(0), v, true);
            double fast = half(r.primary().get(0), v, false);
            double expected = activityRatio * expectedFactor(1, v) / expectedFactor(0, v);
            assertThat(fast / slow).as("view " + v).isCloseTo(expected, within(1e-6 * expected));
        }
    }

    @Test
    void analogCountsFollowEachSourcesTimeActivityCurveWithinTheirStatistics() {
        // 10^7 histories: about 1100 detected photopeak primaries per source and view. In a view, all
        // histories of one source carry the same weight w = A Y N_views T / N x F[g][v], so n = counts / w
        // is the number detected and the ratio's relative standard error is sqrt(1/n_fast + 1/n_slow).
        // Tolerance |z| < 4 per view (false alarm 6e-5 each) and chi-square over the 4 views below 18.5
        // (the 0.001 quantile of chi-square with 4 degrees of freedom).
        long histories = 10_000_000L;
        SimulationOptions options = new SimulationOptions(17, histories, 8, 2, 0, 10, 10.0, 200);
        SpectResult r = AnalogSimulation.run(WITH_KINETICS, options, BatchRunner.ProgressListener.NONE);
        KineticGroups k = WITH_KINETICS.kinetics();
        double yield = 0;
        for (var line : WITH_KINETICS.lines()) {
            yield += line.yieldPerDecay();
        }
        double perHistory = k.totalBq() * yield * VIEWS * TIME_PER_VIEW_S / histories;
        double activityRatio = k.activityAtStartBq(group("fast")) / k.activityAtStartBq(group("slow"));
        double chi2 = 0;
        for (int v = 0; v < VIEWS; v++) {
            double slow = half(r.primary().get(0), v, true);
            double fast = half(r.primary().get(0), v, false);
            double nSlow = slow / (perHistory * WITH_KINETICS.viewFactor(group("slow"), v));
            double nFast = fast / (perHistory * WITH_KINETICS.viewFactor(group("fast"), v));
            assertThat(nSlow).as("detected slow-source histories, view " + v).isGreaterThan(800);
            // n is a count: the weights are what the engine says they are
            assertThat(nSlow).isCloseTo(Math.rint(nSlow), within(1e-3));
            assertThat(nFast).isCloseTo(Math.rint(nFast), within(1e-3));
            double expected = activityRatio * expectedFactor(1, v) / expectedFactor(0, v);
            double z = (fast / slow / expected - 1) / Math.sqrt(1 / nFast + 1 / nSlow);
            assertThat(Math.abs(z)).as("view " + v + ": ratio " + fast / slow + " vs " + expected).isLessThan(4);
            chi2 += z * z;
        }
        assertThat(chi2).isLessThan(18.5);
    }

    /** The scenario with its kinetic entries but the given factors [group][view]. */
    private static SpectScenario withFactors(double[][] factor) {
        return PLAIN.withKinetics(KineticGroups.of(GRID, SCAN.groups(), SCAN.entryVoxels(), SCAN.entryGroups(),
                SCAN.entryConcentrationsBqPerMl(), factor));
    }

    private static double[][] unit(int group) {
        double[][] f = new double[2][VIEWS];
        java.util.Arrays.fill(f[group], 1.0);
        return f;
    }

    private static double sum(float[] image, int view) {
        int n = PLAIN.rows() * PLAIN.cols();
        double s = 0;
        for (int p = 0; p < n; p++) {
            s += image[view * n + p];
        }
        return s;
    }

    @Test
    void scatterIsWeightedByItsHistorysEmissionGroupInBothModes() {
        // The emission sampling does not depend on the factors, so runs with the same seed follow the
        // same histories: every tally is linear in the factors, image(F) = sum_g F[g][v] image(unit g).
        // Tolerance 1e-5 relative: float32 images and fixed-point tallies, summed over a view.
        double[][] f = new double[2][VIEWS];
        for (int g = 0; g < 2; g++) {
            for (int v = 0; v < VIEWS; v++) {
                f[g][v] = WITH_KINETICS.viewFactor(g, v);
            }
        }
        SimulationOptions fd = new SimulationOptions(5, 40_000, 4, 1, 2, 10, 10.0, 200);
        SimulationOptions analog = new SimulationOptions(5, 400_000, 4, 1, 0, 10, 10.0, 200);
        for (boolean forced : new boolean[] {true, false}) {
            SpectResult[] runs = new SpectResult[3];
            double[][][] factors = {f, unit(0), unit(1)};
            for (int i = 0; i < 3; i++) {
                SpectScenario s = withFactors(factors[i]);
                runs[i] = forced ? ForcedDetectionSimulation.run(s, fd, BatchRunner.ProgressListener.NONE)
                        : AnalogSimulation.run(s, analog, BatchRunner.ProgressListener.NONE);
            }
            for (int w = 0; w < 2; w++) {
                for (int v = 0; v < VIEWS; v++) {
                    double scatter = sum(runs[0].scatter().get(w), v);
                    double expected = f[0][v] * sum(runs[1].scatter().get(w), v)
                            + f[1][v] * sum(runs[2].scatter().get(w), v);
                    assertThat(scatter).as((forced ? "forced" : "analog") + " window " + w + " view " + v)
                            .isCloseTo(expected, within(1e-5 * expected));
                    double primary = sum(runs[0].primary().get(w), v);
                    double expectedPrimary = f[0][v] * sum(runs[1].primary().get(w), v)
                            + f[1][v] * sum(runs[2].primary().get(w), v);
                    assertThat(primary).isCloseTo(expectedPrimary, within(1e-5 * expectedPrimary));
                }
            }
            // each unit run's scatter comes from its own source's half (slow below, fast above the middle
            // row): a history's site must carry its own emission group, not another's (factor 5: the two
            // halves are 84 mm apart, the scattered photons' spread is a few cm)
            for (int g = 0; g < 2; g++) {
                boolean lower = SCAN.groups().get(g).equals("slow");
                double own = 0;
                double other = 0;
                for (int v = 0; v < VIEWS; v++) {
                    own += half(runs[1 + g].scatter().get(0), v, lower);
                    other += half(runs[1 + g].scatter().get(0), v, !lower);
                }
                assertThat(own).as((forced ? "forced" : "analog") + " group " + g).isGreaterThan(5 * other);
            }
        }
    }

    @Test
    void kineticRunsAreBitIdenticalForOneAndTwoThreads() {
        SimulationOptions fd = new SimulationOptions(9, 20_000, 4, 1, 2, 10, 10.0, 200);
        SimulationOptions analog = new SimulationOptions(9, 200_000, 4, 1, 0, 10, 10.0, 200);
        SpectResult f1 = ForcedDetectionSimulation.run(WITH_KINETICS, fd, BatchRunner.ProgressListener.NONE);
        SpectResult f2 = ForcedDetectionSimulation.run(WITH_KINETICS, fd.withThreads(2), BatchRunner.ProgressListener.NONE);
        SpectResult a1 = AnalogSimulation.run(WITH_KINETICS, analog, BatchRunner.ProgressListener.NONE);
        SpectResult a2 = AnalogSimulation.run(WITH_KINETICS, analog.withThreads(2), BatchRunner.ProgressListener.NONE);
        for (int w = 0; w < 2; w++) {
            assertThat(f2.primary().get(w)).isEqualTo(f1.primary().get(w));
            assertThat(f2.scatter().get(w)).isEqualTo(f1.scatter().get(w));
            assertThat(a2.primary().get(w)).isEqualTo(a1.primary().get(w));
            assertThat(a2.scatter().get(w)).isEqualTo(a1.scatter().get(w));
        }
        assertThat(f1.scatterSum(0)).isPositive();
        // split by views and merged: the same as the single run
        PartialResult a = ForcedDetectionSimulation.runViews(WITH_KINETICS, fd, 2, 2, BatchRunner.ProgressListener.NONE);
        PartialResult b = ForcedDetectionSimulation.runViews(WITH_KINETICS, fd.withThreads(2), 0, 2,
                BatchRunner.ProgressListener.NONE);
        SpectResult merged = PartialResult.merge(List.of(a, b)).finish(WITH_KINETICS, fd, 0);
        for (int w = 0; w < 2; w++) {
            assertThat(merged.primary().get(w)).isEqualTo(f1.primary().get(w));
            assertThat(merged.scatter().get(w)).isEqualTo(f1.scatter().get(w));
        }
    }
}
