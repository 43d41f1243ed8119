package org.spectlab.metrics.report;

import java.util.List;
import org.spectlab.core.grid.LabelVolume;
import org.spectlab.core.grid.Volume;
import org.spectlab.metrics.detection.TruthLesion;
import org.spectlab.metrics.image.GaussianFilter3d;
import org.spectlab.metrics.image.ImageSimilarity;
import org.spectlab.metrics.image.LesionRecovery;
import org.spectlab.metrics.image.OrganRecovery;
import org.spectlab.metrics.image.RecoveryAnalysis;
import org.spectlab.metrics.image.SphereContrast;
import org.spectlab.metrics.image.Ssim3d;

/**
 * Image quality of one reconstructed activity image against the truth.
 *
 * @param unit                  unit of the image values (Bq/mL expected)
 * @param nrmse                 NRMSE against the raw truth
 * @param ssim                  mean 3D SSIM against the raw truth
 * @param smoothingFwhmMm       FWHM the truth was smoothed to for the next two figures, mm (null if not done)
 * @param nrmseSmoothed         NRMSE against the smoothed truth
 * @param ssimSmoothed          SSIM against the smoothed truth
 * @param totalActivityError    (image total - true total) / true total
 * @param lesions               recovery per lesion
 * @param organs                recovery and COV per organ (null without a label map)
 * @param nemaSpheres           NEMA sphere figures (null when not a NEMA phantom)
 * @param lungResidualPercent   NEMA lung residual, % (null when not measured)
 */
public record ImageReport(String unit, double nrmse, double ssim, Double smoothingFwhmMm, Double nrmseSmoothed,
                          Double ssimSmoothed, double totalActivityError, List<LesionRecovery> lesions,
                          List<OrganRecovery> organs, List<SphereContrast> nemaSpheres, Double lungResidualPercent) {

    /**
     * Computes the generic image figures (no NEMA part).
     *
     * @param image           reconstructed activity, Bq/mL
     * @param truth           true activity on the same grid, Bq/mL
     * @param labels          organ labels on the same grid, or null
     * @param lesions         true lesions
     * @param smoothingFwhmMm FWHM to smooth the truth to for the "smoothed" figures, mm, or null to skip
     * @param mask            voxels for NRMSE/SSIM, or null for all
     */
    public static ImageReport compute(Volume image, Volume truth, LabelVolume labels, List<TruthLesion> lesions,
                                      Double smoothingFwhmMm, boolean[] mask) {
        double nrmse = ImageSimilarity.nrmse(image, truth, mask);
        double ssim = Ssim3d.mean(image, truth, mask);
        Double nrmseS = null;
        Double ssimS = null;
        if (smoothingFwhmMm != null) {
            Volume smooth = GaussianFilter3d.smooth(truth, smoothingFwhmMm);
            nrmseS = ImageSimilarity.nrmse(image, smooth, mask);
            ssimS = Ssim3d.mean(image, smooth, mask);
        }
        double err = RecoveryAnalysis.totalActivityError(image, RecoveryAnalysis.totalActivityBq(truth));
        return new ImageReport(image.unit(), nrmse, ssim, smoothingFwhmMm, nrmseS, ssimS, err,
                RecoveryAnalysis.lesions(image, lesions),
                labels == null ? null : RecoveryAnalysis.organs(image, truth, labels), null, null);
    }

    /** This report with NEMA figures added. */
    public ImageReport withNema(List<SphereContrast> spheres, Double lungResidual) {
        return new ImageReport(unit, nrmse, ssim, smoothingFwhmMm, nrmseSmoothed, ssimSmoothed, totalActivityError,
                lesions, organs, spheres, lungResidual);
    }
}
