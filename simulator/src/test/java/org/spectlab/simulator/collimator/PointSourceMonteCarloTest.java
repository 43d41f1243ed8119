package org.spectlab.simulator.collimator;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.spectlab.core.camera.CollimatorLibrary;
import org.spectlab.core.projection.EnergyWindow;
import org.spectlab.simulator.crystal.CrystalResponse;
import org.spectlab.simulator.crystal.NaiCrystal;
import org.spectlab.simulator.detector.EnergyResolution;
import org.spectlab.simulator.run.BatchRange;
import org.spectlab.simulator.run.BatchRunner;
import org.spectlab.simulator.run.TallySet;

/** The Monte Carlo collimator model in the planar point-source measurement. */
class PointSourceMonteCarloTest {
    private static final EnergyResolution RES = EnergyResolution.sqrtLaw(0.099, 140.5);

    private static PointSourceSetup setup(String preset, double energyKeV, double mu, int perBatch) {
        return PointSourceSetup.of(HexagonalHoleArray.of(CollimatorLibrary.get(preset)), 0.0, 100.0, energyKeV, mu,
                3.6, RES, EnergyWindow.centred("pp", energyKeV, 20), 200.0, 41, 1.0, RES.fwhmKeV(energyKeV) / 10,
                perBatch).withMonteCarlo(9.525, true);
    }

    @Test
    void blackSeptaLimitGivesTheExactGeometricEfficiency() {
        // μ → ∞ through the transport: the fraction reaching the crystal is the lattice-averaged
        // geometric efficiency (GeometricResponse, exact integral); z-test with the run's own SE
        PointSourceSetup s = setup("ge-legp", 140.5, Double.POSITIVE_INFINITY, 50_000);
        PointSourceResult r = PointSourceSimulation.run(s, 21L, BatchRange.of(0, 8), 2, BatchRunner.ProgressListener.NONE);
        double exact = GeometricResponse.of(s.holes(), 0).efficiency();
        double z = (r.detectedEfficiency() - exact) / r.detectedEfficiencyStdError();
        assertThat(Math.abs(z)).isLessThan(4.0);
        assertThat(r.detectedEfficiencyStdError() / exact).isLessThan(0.01);
        assertThat(r.windowPenetration()).isZero();
        assertThat(r.windowCollimatorScatter()).isZero();
    }

    @Test
    void talliesAreBitIdenticalForOneAndTwoThreads() {
        PointSourceSetup s = setup("siemens-me", 245.0, 1.0, 1_500);
        TallySet one = PointSourceSimulation.runTallies(s, 99L, BatchRange.of(0, 4), 1);
        TallySet two = PointSourceSimulation.runTallies(s, 99L, BatchRange.of(0, 4), 2);
        assertThat(one.sameAs(two)).isTrue();
    }

    @Test
    void fractionsAreOrderedByCollimatorDesignAndAddUp() {
        // published Monte Carlo values were not available to us (see report); sanity: the geometric
        // share dominates for LEHR at 140.5 keV (~95 % geometric reported for a Tc-99m LEHR by Cot
        // et al., IEEE NSS 2000, whose collimator differs), the HE collimator at 364.5 keV keeps more
        // non-geometric counts than LEHR at 140.5, collimator scatter is present wherever there is
        // penetration, and the three shares sum to 1
        CameraQcResult lehr = CameraQc.measure(CameraQcRequest.defaults(CollimatorLibrary.get("siemens-lehr"), 140.5,
                2.64).withRun(150_000, 5L, 2).withCollimatorModel(CollimatorModel.MONTE_CARLO),
                BatchRunner.ProgressListener.NONE);
        CameraQcResult he = CameraQc.measure(CameraQcRequest.defaults(CollimatorLibrary.get("siemens-he"), 364.5,
                0.315).withRun(150_000, 5L, 2).withCollimatorModel(CollimatorModel.MONTE_CARLO),
                BatchRunner.ProgressListener.NONE);
        for (CameraQcResult q : new CameraQcResult[] {lehr, he}) {
            assertThat(q.fractionGeometric() + q.fractionPenetration() + q.fractionCollimatorScatter())
                    .isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(q.fractionPenetration()).isPositive();
            assertThat(q.fractionCollimatorScatter()).isPositive();
        }
        assertThat(lehr.fractionGeometric()).isGreaterThan(0.85);
        assertThat(he.fractionGeometric()).isLessThan(lehr.fractionGeometric());
    }

    @Test
    void leadKxRayPeaksAppearInTheI131SpectrumThroughAHighEnergyCollimator() {
        // I-131 364.5 keV from a point source at 100 mm through siemens-he, directions within 4x the
        // geometric acceptance cone, lattice shifted per photon; detected with the NaI response and
        // the energy resolution (FWHM ~10 keV at 75 keV). Same seed with and without fluorescence.
        double e0 = 364.5;
        HexagonalHoleArray holes = HexagonalHoleArray.of(CollimatorLibrary.get("siemens-he"));
        CrystalResponse crystal = CrystalResponse.simulate(NaiCrystal.of(9.525), 5.0, e0 + 2, 1.0, 3000, 7L);
        double[] xrayLines = new double[2];
        double[] with = spectrum(CollimatorTransport.of(holes, e0 + 1, true), crystal, e0, xrayLines);
        double[] without = spectrum(CollimatorTransport.of(holes, e0 + 1, false), crystal, e0, new double[2]);
        // the maximum between 60 and 100 keV sits on the Kα doublet (intensity-weighted 74.2 keV),
        // within half the energy FWHM there
        int peak = 60;
        for (int b = 60; b < 100; b++) {
            if (with[b] > with[peak]) {
                peak = b;
            }
        }
        double kaWith = sum(with, 68, 80);
        double kaWithout = sum(without, 68, 80);
        System.out.printf("HE I-131: counts 68-80 keV %.0f with / %.0f without fluorescence; peak bin %d keV;"
                + " unscattered x-rays leaving the collimator: Kα %.0f, Kβ %.0f%n", kaWith, kaWithout, peak,
                xrayLines[0], xrayLines[1]);
        assertThat(Math.abs(peak + 0.5 - 74.2)).isLessThan(0.5 * RES.fwhmKeV(74.2));
        // the x-rays add counts over the crystal's Compton continuum: Poisson z of the excess > 3
        // (the continuum from 364.5 keV photons is of the same size at this resolution)
        assertThat((kaWith - kaWithout) / Math.sqrt(kaWith + kaWithout)).isGreaterThan(3.0);
        // Kβ lines leave the collimator too: emitted share 0.215 (43.8/203.4); less self-absorbed
        // than Kα (lower μ of lead at 85-87 keV), so the escaping share is higher, below 0.4
        double kbShare = xrayLines[1] / (xrayLines[0] + xrayLines[1]);
        assertThat(xrayLines[0]).isGreaterThan(30);
        assertThat(kbShare).isBetween(0.15, 0.40);
    }

    /** Measured spectrum (1 keV bins); {@code lines} counts unscattered Kα and Kβ x-rays leaving the back face. */
    private static double[] spectrum(CollimatorTransport t, CrystalResponse crystal, double e0, double[] lines) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(31L);
        EnergyResolution.Sampler energy = RES.sampler(rng);
        CollimatorTransport.Photon p = CollimatorTransport.photon();
        double tanMax = 4 * t.holes().maxAcceptanceTan();
        double cosMin = 1 / Math.sqrt(1 + tanMax * tanMax);
        double[] a = new double[2];
        double[] b = new double[2];
        t.holes().latticeVector(0, a);
        t.holes().latticeVector(1, b);
        double[] spec = new double[400];
        for (int h = 0; h < 1_000_000; h++) {
            double dz = cosMin + (1 - cosMin) * rng.nextDouble();
            double sin = Math.sqrt(1 - dz * dz);
            double phi = 2 * Math.PI * rng.nextDouble();
            double r1 = rng.nextDouble();
            double r2 = rng.nextDouble();
            double dx = sin * Math.cos(phi);
            double dy = sin * Math.sin(phi);
            p.startAtFrontFace(r1 * a[0] + r2 * b[0] + 100 * dx / dz, r1 * a[1] + r2 * b[1] + 100 * dy / dz, dx, dy,
                    dz, e0);
            if (t.transport(p, rng) != CollimatorTransport.EXIT_BACK) {
                continue;
            }
            double ex = p.energyKeV();
            if (p.leadXray() && !p.scattered()) {
                lines[ex > 80 ? 1 : 0]++;
            }
            double d = crystal.sampleDepositKeV(ex, rng);
            if (d > 0) {
                int bin = (int) energy.measuredKeV(d);
                if (bin >= 0 && bin < spec.length) {
                    spec[bin]++;
                }
            }
        }
        return spec;
    }

    private static double sum(double[] s, int from, int to) {
        double t = 0;
        for (int i = from; i < to; i++) {
            t += s[i];
        }
        return t;
    }
}
