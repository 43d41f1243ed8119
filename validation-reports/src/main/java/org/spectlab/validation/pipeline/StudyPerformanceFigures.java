package org.spectlab.validation.pipeline;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.spectlab.core.camera.CollimatorLibrary;
import org.spectlab.core.camera.CollimatorSpec;
import org.spectlab.core.grid.Grid3;
import org.spectlab.core.grid.Volume;
import org.spectlab.core.io.nifti.Nifti;
import org.spectlab.metrics.detection.TruthLesion;
import org.spectlab.metrics.froc.CurvePoint;
import org.spectlab.simulator.collimator.GeometricResponse;
import org.spectlab.simulator.collimator.HexagonalHoleArray;
import org.spectlab.simulator.collimator.Profiles;
import org.spectlab.validation.report.LinePlot;

/**
 * The performance plots of a study report: the FROC curve of its detections, the recovery of each true
 * lesion's concentration over the OSEM iterations, and the camera's system resolution and sensitivity
 * against distance next to their textbook references.
 *
 * <p>Recovery coefficient: mean reconstructed concentration (Bq/mL) over the voxels whose centres lie
 * inside the true lesion sphere, over the lesion's true concentration; partial volume and noise are
 * both in it (it is the quantity a physicist reads off a VOI drawn on the truth). Camera curves use the
 * exact hexagonal-hole geometric response of the simulator (Metz et al. 1980 hole transfer), which is
 * what the simulation used, against the round-hole formula R = sqrt((d (l+z+c)/l)^2 + R_i^2) and Anger's
 * efficiency K^2 (d/l)^2 (d/(d+t))^2 with K = 0.26 (Cherry, Sorenson & Phelps, 4th ed., eqs. 14-5 to 14-8).
 */
final class StudyPerformanceFigures {
    /** Distances from the collimator face at which the camera curves are drawn, mm. */
    private static final double[] DISTANCES_MM = {0, 50, 100, 150, 200, 250, 300};
    /** Anger's constant for hexagonal holes. */
    private static final double ANGER_K_HEX = 0.26;

    private StudyPerformanceFigures() {
    }

    /** The FROC curve (lesion localization fraction vs non-lesion localizations per case), or null without points. */
    static LinePlot froc(List<CurvePoint> points) {
        if (points == null || points.size() < 2) {
            return null;
        }
        double[] x = new double[points.size()];
        double[] y = new double[points.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = points.get(i).x();
            y[i] = points.get(i).y();
        }
        return LinePlot.of("FROC of this study's detections (confidence threshold swept)",
                "non-lesion localizations (false positives) per case", "lesion localization fraction")
                .line("FROC", x, y).points("operating points", x, y);
    }

    /**
     * Recovery coefficient of every true lesion after each OSEM iteration, from the snapshots
     * {@code recon_it<k>.nii} in {@code reconDir}; null when there are none.
     */
    static LinePlot recoveryVsIteration(Path reconDir, List<TruthLesion> lesions) {
        List<Volume> snapshots = new ArrayList<>();
        for (int k = 1; k <= 1000; k++) {
            Path f = reconDir.resolve("recon_it" + k + ".nii");
            if (!Files.isRegularFile(f)) {
                break;
            }
            snapshots.add(Nifti.readVolume(f));
        }
        if (snapshots.size() < 2 || lesions.isEmpty()) {
            return null;
        }
        double[] it = new double[snapshots.size()];
        for (int k = 0; k < it.length; k++) {
            it[k] = k + 1;
        }
        LinePlot plot = LinePlot.of("Recovery of each lesion's concentration vs OSEM iteration",
                "iteration (all subsets)", "mean in the true lesion / true concentration");
        boolean any = false;
        for (TruthLesion l : lesions) {
            if (!(l.concentrationBqPerMl() > 0)) {
                continue;
            }
            double[] rc = new double[snapshots.size()];
            boolean inside = false;
            for (int k = 0; k < rc.length; k++) {
                double mean = meanInSphere(snapshots.get(k), l.centre().xMm(), l.centre().yMm(), l.centre().zMm(),
                        0.5 * l.diameterMm());
                inside |= !Double.isNaN(mean);
                rc[k] = mean / l.concentrationBqPerMl();
            }
            if (inside) {
                plot.line(l.id() + " (" + Math.round(l.diameterMm()) + " mm, " + l.organ() + ")", it.clone(), rc);
                any = true;
            }
        }
        return any ? plot : null;
    }

    /** Mean of the voxels whose centres lie within {@code radiusMm} of the point, NaN when none does. */
    static double meanInSphere(Volume v, double x, double y, double z, double radiusMm) {
        Grid3 g = v.grid();
        double sum = 0;
        int n = 0;
        for (int k = 0; k < g.nz(); k++) {
            double dz = g.zMm(k) - z;
            if (Math.abs(dz) > radiusMm) {
                continue;
            }
            for (int j = 0; j < g.ny(); j++) {
                double dy = g.yMm(j) - y;
                if (Math.abs(dy) > radiusMm) {
                    continue;
                }
                for (int i = 0; i < g.nx(); i++) {
                    double dx = g.xMm(i) - x;
                    if (dx * dx + dy * dy + dz * dz <= radiusMm * radiusMm) {
                        sum += v.get(i, j, k);
                        n++;
                    }
                }
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    /**
     * System FWHM vs distance of the collimator preset: the exact hexagonal-hole LSF convolved with the
     * intrinsic Gaussian against the round-hole formula.
     */
    static LinePlot resolutionVsDistance(String preset, double intrinsicFwhmMm, double backGapMm) {
        CollimatorSpec spec = CollimatorLibrary.get(preset);
        GeometricResponse response = GeometricResponse.of(HexagonalHoleArray.of(spec), backGapMm);
        double[] exact = new double[DISTANCES_MM.length];
        double[] formula = new double[DISTANCES_MM.length];
        for (int i = 0; i < DISTANCES_MM.length; i++) {
            double z = DISTANCES_MM[i];
            double formulaMm = response.formulaSystemFwhmMm(z, intrinsicFwhmMm);
            double spacing = formulaMm / 40;
            exact[i] = Profiles.fwhm(response.systemLsf(z, intrinsicFwhmMm, spacing, 241), spacing);
            formula[i] = formulaMm;
        }
        return LinePlot.of("System resolution vs distance: " + preset + ", intrinsic " + intrinsicFwhmMm + " mm",
                "source distance from the collimator face (mm)", "FWHM (mm)")
                .points("exact hexagonal-hole response (used by the simulation)", DISTANCES_MM.clone(), exact)
                .line("reference: sqrt((d (l+z+c)/l)^2 + R_i^2)", DISTANCES_MM.clone(), formula);
    }

    /**
     * Geometric sensitivity vs distance of the collimator preset (in air a parallel-hole collimator's
     * efficiency does not depend on distance): the exact efficiency of the hexagonal lattice against
     * Anger's formula, in counts per second per MBq before energy-window acceptance.
     */
    static LinePlot sensitivityVsDistance(String preset, double backGapMm) {
        CollimatorSpec spec = CollimatorLibrary.get(preset);
        GeometricResponse response = GeometricResponse.of(HexagonalHoleArray.of(spec), backGapMm);
        double d = spec.holeDiameterMm();
        double l = spec.holeLengthMm();
        double open = d / (d + spec.septalThicknessMm());
        double anger = ANGER_K_HEX * ANGER_K_HEX * (d / l) * (d / l) * open * open * 1e6;
        double[] exact = new double[DISTANCES_MM.length];
        double[] reference = new double[DISTANCES_MM.length];
        for (int i = 0; i < DISTANCES_MM.length; i++) {
            exact[i] = response.efficiency() * 1e6;
            reference[i] = anger;
        }
        return LinePlot.of("Geometric sensitivity vs distance (in air): " + preset,
                "source distance from the collimator face (mm)", "cps/MBq (all photons at the face, no window)")
                .points("exact hexagonal-lattice efficiency", DISTANCES_MM.clone(), exact)
                .line("reference: Anger K^2 (d/l)^2 (d/(d+t))^2, K = 0.26", DISTANCES_MM.clone(), reference);
    }
}
