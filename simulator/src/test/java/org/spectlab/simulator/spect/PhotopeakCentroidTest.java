package org.spectlab.simulator.spect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.spectlab.core.grid.Grid3;
import org.spectlab.core.grid.Volume;
import org.spectlab.core.material.MaterialLibrary;
import org.spectlab.core.nuclide.NuclideLibrary;
import org.spectlab.core.projection.AcquisitionGeometry;
import org.spectlab.core.projection.RotationDirection;
import org.spectlab.simulator.run.BatchRunner;

/**
 * The photopeak of Tc-99m (140.511 keV, ENSDF) sits at its energy in the measured spectrum of both
 * engines: the crystal's full-absorption deposit, its energy-resolution blur and the spectrum bins
 * must agree on where a bin's energy is (a bin's lower edge taken for its centre shifts the peak by
 * half a bin).
 */
class PhotopeakCentroidTest {
    private static final double TC99M_KEV = 140.511;

    @Test
    void analogPhotopeakCentroidIsTheLineEnergyWithinItsStatisticalError() {
        SpectScenario s = pointInAir();
        long histories = 16_000_000L;
        SpectResult r = AnalogSimulation.run(s, new SimulationOptions(5, histories, 8, 2, 0, 10, 10.0, 2000),
                BatchRunner.ProgressListener.NONE);
        // one view, no patient: every history carries the same weight, so counts = expected value / weight
        double yield = 0;
        for (var l : s.lines()) {
            yield += l.yieldPerDecay();
        }
        double weight = s.activityBqPerMl().sum() * s.grid().voxelVolumeMl() * yield * s.timePerViewS()
                * s.viewDecayFactor(0) / histories;
        double[] counts = new double[r.spectrumPrimary().length];
        for (int e = 0; e < counts.length; e++) {
            counts[e] = r.spectrumPrimary()[e] / weight;
        }
        assertThat(r.spectrumKeV()[140]).isEqualTo(140.5);
        // fit range ±2.5 sigma (sigma = 9.9 % x 140.5 / 2.355 = 5.9 keV): the iodine escape peak
        // (108-112 keV) is > 2.5 of its sigmas below, the linear background takes the crystal continuum
        PhotopeakFit f = PhotopeakFit.fit(counts, 126, 156, 140.0, 6.0);
        double z = (f.centroidKeV - TC99M_KEV) / f.centroidStdErrorKeV;
        System.out.printf("analog photopeak centroid %.3f ± %.3f keV (z %.2f), sigma %.2f keV, chi2 %.1f/%d%n",
                f.centroidKeV, f.centroidStdErrorKeV, z, f.sigmaKeV, f.chiSquare, f.dof);
        // |z| < 3: two-sided p = 0.27 % for a correct engine; half a keV high would be z ~ 10 at these
        // counts (the standard error is ~0.05 keV)
        assertThat(f.centroidStdErrorKeV).isLessThan(0.1);
        assertThat(Math.abs(z)).isLessThan(3.0);
        assertThat(f.sigmaKeV).isCloseTo(0.099 * 140.5 / 2.3548, within(0.3));
    }

    @Test
    void forcedDetectionPhotopeakCentroidIsTheLineEnergy() {
        SpectScenario s = pointInAir();
        SpectResult r = ForcedDetectionSimulation.run(s, new SimulationOptions(5, 0, 1, 2, 0, 1, 10.0, 4000),
                BatchRunner.ProgressListener.NONE);
        // Noise-free expected spectrum: scaled to ~10^6 counts so that the Pearson weights are sensible;
        // the fitted centroid carries only the discretisation of the incident spectrum (the line is
        // filed in bin [140, 141) and folded at 140.5 keV: -0.011 keV) and the crystal matrix's
        // statistics (4000 photons per keV). Tolerance 0.05 keV, a tenth of the half-bin error tested.
        double[] p = r.spectrumPrimary();
        double total = 0;
        for (double v : p) {
            total += v;
        }
        double[] counts = new double[p.length];
        for (int e = 0; e < p.length; e++) {
            counts[e] = p[e] * 1e6 / total;
        }
        PhotopeakFit f = PhotopeakFit.fit(counts, 126, 156, 140.0, 6.0);
        System.out.printf("forced-detection photopeak centroid %.3f keV, sigma %.2f keV%n", f.centroidKeV,
                f.sigmaKeV);
        assertThat(f.centroidKeV).isCloseTo(TC99M_KEV, within(0.05));
    }

    /** Tc-99m in one 4 mm voxel of air, 100 mm in front of the wide-hole test collimator, one view. */
    private static SpectScenario pointInAir() {
        Grid3 g = Grid3.centredCubic(9, 9, 9, 4.0);
        short[] mat = new short[g.voxelCount()];
        Volume activity = Volume.zeros(g, "Bq/mL");
        activity.set(4, 4, 4, 1.0e6f);
        AcquisitionGeometry orbit = AcquisitionGeometry.circular(1, 0, 360, RotationDirection.CW, 100, 1);
        return SpectScenario.of(g, mat, List.of(MaterialLibrary.builtIn().get("air")), activity,
                NuclideLibrary.get("Tc-99m"), 1e-3, 15.0, SpectTestScenarios.camera(SpectTestScenarios.wideCollimator()),
                orbit, 32, 32, 8.0, 1.0);
    }
}
