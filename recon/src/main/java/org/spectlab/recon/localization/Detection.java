package org.spectlab.recon.localization;

import java.util.Objects;

/**
 * One hot spot found in a reconstructed image.
 *
 * <p>Uptake values are in the unit of the image (Bq/mL for a quantitative reconstruction, counts
 * otherwise); the names say Bq/mL because that is the schema of the detections file. Descriptive
 * figures ({@code peak}, {@code mean}, {@code contrast}, {@code cnr}, {@code volumeMl}) are measured
 * on the input image at voxel level; {@code confidence} is the detection statistic of the matched
 * scale (see {@link LesionLocalizer}). {@code NaN} marks a figure that could not be estimated (e.g.
 * a contrast over a zero background) and is written as JSON {@code null}.
 *
 * @param id                id unique within one image ({@code "d1"}, {@code "d2"}, ... by confidence)
 * @param xMm               centre x, mm (patient coordinates, sub-voxel)
 * @param yMm               centre y, mm
 * @param zMm               centre z, mm
 * @param confidence        matched-filter significance: (blob value - local background) / noise SD
 * @param organ             organ or region name at the centre: from the organ label map when one is given
 *                          (e.g. a phantom's {@code "liver"}, {@code "lung_left"}), else the CT region;
 *                          {@code "outside body"} or {@code "unknown"} when neither names it
 * @param ctRegion          coarse CT class at the centre ({@code "lung"}, {@code "soft tissue"},
 *                          {@code "bone"}, {@code "outside body"}; {@link CtRegions}), {@code "unknown"}
 *                          without a CT
 * @param peakUptakeBqPerMl largest voxel value in the segmented lesion
 * @param meanUptakeBqPerMl mean voxel value in the segmented lesion
 * @param volumeMl          segmented volume (fixed-fraction threshold, connected to the peak), mL
 * @param contrast          (peak - background) / background, background = median of the shell
 * @param cnr               (peak - background) / background SD (robust SD of the shell)
 */
public record Detection(String id, double xMm, double yMm, double zMm, double confidence, String organ,
                        String ctRegion, double peakUptakeBqPerMl, double meanUptakeBqPerMl, double volumeMl, double contrast,
                        double cnr) {

    /** Checks that id and organ are given and the centre and confidence are finite. */
    public Detection {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(organ, "organ");
        Objects.requireNonNull(ctRegion, "ctRegion");
        if (!Double.isFinite(xMm) || !Double.isFinite(yMm) || !Double.isFinite(zMm)) {
            throw new IllegalArgumentException("detection " + id + ": centre must be finite");
        }
        if (!Double.isFinite(confidence)) {
            throw new IllegalArgumentException("detection " + id + ": confidence must be finite, got " + confidence);
        }
    }

    /** A detection with every field given. */
    public static Detection of(String id, double xMm, double yMm, double zMm, double confidence, String organ,
                               String ctRegion, double peakUptakeBqPerMl, double meanUptakeBqPerMl,
                               double volumeMl, double contrast, double cnr) {
        return new Detection(id, xMm, yMm, zMm, confidence, organ, ctRegion, peakUptakeBqPerMl, meanUptakeBqPerMl,
                volumeMl, contrast, cnr);
    }

    /** A detection without a CT region ({@value RegionNames#UNKNOWN}). */
    public static Detection of(String id, double xMm, double yMm, double zMm, double confidence, String organ,
                               double peakUptakeBqPerMl, double meanUptakeBqPerMl, double volumeMl,
                               double contrast, double cnr) {
        return of(id, xMm, yMm, zMm, confidence, organ, RegionNames.UNKNOWN, peakUptakeBqPerMl, meanUptakeBqPerMl,
                volumeMl, contrast, cnr);
    }

    /** Distance from this centre to a point, mm. */
    public double distanceMm(double x, double y, double z) {
        double dx = xMm - x;
        double dy = yMm - y;
        double dz = zMm - z;
        return Math.sqrt(dx * dx + dy * dy + dz * dz);
    }
}
