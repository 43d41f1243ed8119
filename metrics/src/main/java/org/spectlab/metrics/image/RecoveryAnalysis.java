package org.spectlab.metrics.image;

import java.util.ArrayList;
import java.util.List;
import org.spectlab.core.grid.LabelVolume;
import org.spectlab.core.grid.Volume;
import org.spectlab.metrics.detection.TruthLesion;
import org.spectlab.metrics.roi.RoiWeights;

/**
 * Recovery coefficients (measured / true mean concentration) per lesion, over a partial-voxel-weighted
 * sphere ROI of the lesion's diameter, and per organ over a label map; and the total-activity
 * quantification error.
 *
 * <p>A lesion's RC is measured against its stated concentration; because the ROI mixes lesion and
 * surroundings in boundary voxels, even a perfect image gives {@code RC = 1 - (1 - c_bg/c_lesion) f}
 * with {@code f = }{@link RoiWeights#boundaryFraction()} when the truth is voxelised with the same
 * fractions (see {@code RecoveryAnalysisTest}).
 */
public final class RecoveryAnalysis {

    private RecoveryAnalysis() {
    }

    /** Recovery of one lesion on the image's grid. */
    public static LesionRecovery lesion(Volume image, TruthLesion lesion) {
        double m = RoiWeights.sphere(image.grid(), lesion.centre(), lesion.radiusMm()).mean(image);
        return new LesionRecovery(lesion.id(), lesion.diameterMm(), m, lesion.concentrationBqPerMl(),
                m / lesion.concentrationBqPerMl());
    }

    /** Recovery of every lesion, in order. */
    public static List<LesionRecovery> lesions(Volume image, List<TruthLesion> lesions) {
        List<LesionRecovery> out = new ArrayList<>(lesions.size());
        for (TruthLesion l : lesions) {
            out.add(lesion(image, l));
        }
        return out;
    }

    /**
     * Recovery and COV for every non-zero label present in the label map.
     *
     * @throws IllegalArgumentException when the three volumes are not on one grid
     */
    public static List<OrganRecovery> organs(Volume image, Volume truth, LabelVolume labels) {
        if (!image.grid().sameGeometry(truth.grid()) || !image.grid().sameGeometry(labels.grid())) {
            throw new IllegalArgumentException("image, truth and labels must share one grid");
        }
        short[] lab = labels.labels();
        float[] x = image.data();
        float[] t = truth.data();
        int maxLabel = 0;
        for (short l : lab) {
            maxLabel = Math.max(maxLabel, l & 0xffff);
        }
        long[] n = new long[maxLabel + 1];
        double[] sx = new double[maxLabel + 1];
        double[] sxx = new double[maxLabel + 1];
        double[] st = new double[maxLabel + 1];
        for (int v = 0; v < lab.length; v++) {
            int l = lab[v] & 0xffff;
            n[l]++;
            sx[l] += x[v];
            sxx[l] += (double) x[v] * x[v];
            st[l] += t[v];
        }
        List<OrganRecovery> out = new ArrayList<>();
        for (int l = 1; l <= maxLabel; l++) {
            if (n[l] == 0) {
                continue;
            }
            double mx = sx[l] / n[l];
            double mt = st[l] / n[l];
            double var = n[l] > 1 ? Math.max(0, (sxx[l] - n[l] * mx * mx) / (n[l] - 1)) : Double.NaN;
            out.add(new OrganRecovery(l, labels.nameOf(l), n[l], mx, mt, mt == 0 ? Double.NaN : mx / mt,
                    Math.sqrt(var) / mx));
        }
        return out;
    }

    /** Total activity in a concentration image, Bq: sum of voxel values (Bq/mL) times voxel volume (mL). */
    public static double totalActivityBq(Volume image) {
        return image.sum() * image.grid().voxelVolumeMl();
    }

    /** Relative total-activity error {@code (A_image - A_true) / A_true}, with A_true in Bq. */
    public static double totalActivityError(Volume image, double trueActivityBq) {
        if (!(trueActivityBq > 0)) {
            throw new IllegalArgumentException("true activity must be positive, got " + trueActivityBq + " Bq");
        }
        return totalActivityBq(image) / trueActivityBq - 1;
    }

    /**
     * Coefficient of variation (SD / mean, weighted) of the image in a uniform region given as an ROI.
     */
    public static double coefficientOfVariation(Volume image, RoiWeights uniformRegion) {
        return uniformRegion.standardDeviation(image) / uniformRegion.mean(image);
    }
}
