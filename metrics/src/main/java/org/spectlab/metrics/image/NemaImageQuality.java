package org.spectlab.metrics.image;

import java.util.ArrayList;
import java.util.List;
import org.spectlab.core.grid.Volume;
import org.spectlab.metrics.detection.PointMm;
import org.spectlab.metrics.roi.RoiWeights;

/**
 * NEMA NU 2-2018 sec. 7 ("Image quality, accuracy of corrections") figures, applied to SPECT images:
 * <ul>
 *   <li>hot sphere j: {@code Q_H,j = (C_H,j / C_B,j - 1) / (a_H / a_B - 1) x 100%}; the contrast
 *       recovery coefficient is {@code CRC = Q_H / 100};</li>
 *   <li>cold sphere j: {@code Q_C,j = (1 - C_C,j / C_B,j) x 100%};</li>
 *   <li>background variability {@code N_j = SD_j / C_B,j x 100%}, with {@code C_B,j} the mean and
 *       {@code SD_j} the standard deviation ({@code K - 1}) of the K background ROI means
 *       (NEMA: K = 60, 12 ROIs in each of 5 slices at 0, +-10, +-20 mm from the sphere plane);</li>
 *   <li>lung residual {@code dC = C_lung / C_B x 100%}, averaged over the slices, with a 30 mm ROI in
 *       the lung insert and {@code C_B} the background mean of the largest sphere's ROIs.</li>
 * </ul>
 * Sphere and background ROIs are discs of the sphere's diameter in a transverse slice, weighted by
 * partial-voxel area fractions ({@link RoiWeights#disc}). The background ROI centres are given by the
 * caller (or by {@link org.spectlab.metrics.roi.BackgroundRoiPlacer}) as (x, y) positions; they are
 * repeated on every slice of {@code sliceOffsetsMm} relative to each sphere's centre z.
 */
public final class NemaImageQuality {

    /** NEMA NU 2 slice offsets from the central slice, mm. */
    public static final double[] NEMA_SLICE_OFFSETS_MM = {-20, -10, 0, 10, 20};
    /** NEMA NU 2 lung insert ROI diameter, mm. */
    public static final double LUNG_ROI_DIAMETER_MM = 30;

    private NemaImageQuality() {
    }

    /**
     * Contrast and background variability for one sphere.
     *
     * @param image              activity image, Bq/mL
     * @param sphere             the sphere
     * @param backgroundCentres  background ROI centres (x, y used; z ignored)
     * @param sliceOffsetsMm     slice offsets from the sphere's z, mm
     * @param activityRatio      a_H / a_B, true sphere-to-background concentration ratio (> 1; unused
     *                           for cold spheres)
     */
    public static SphereContrast sphere(Volume image, NemaSphere sphere, List<PointMm> backgroundCentres,
                                        double[] sliceOffsetsMm, double activityRatio) {
        double r = 0.5 * sphere.diameterMm();
        double c = RoiWeights.disc(image.grid(), sphere.centre(), r).mean(image);
        double[] bg = backgroundMeans(image, backgroundCentres, sliceOffsetsMm, sphere.centre().zMm(), r);
        double cb = mean(bg);
        double sd = sampleSd(bg, cb);
        double q;
        Double crc = null;
        if (sphere.hot()) {
            if (!(activityRatio > 1)) {
                throw new IllegalArgumentException("hot sphere activity ratio must be > 1, got " + activityRatio);
            }
            crc = (c / cb - 1) / (activityRatio - 1);
            q = 100 * crc;
        } else {
            q = 100 * (1 - c / cb);
        }
        return new SphereContrast(sphere.name(), sphere.diameterMm(), sphere.hot(), c, cb, sd, q, crc, 100 * sd / cb);
    }

    /** Figures for every sphere, in order. */
    public static List<SphereContrast> spheres(Volume image, List<NemaSphere> spheres, List<PointMm> backgroundCentres,
                                               double[] sliceOffsetsMm, double activityRatio) {
        List<SphereContrast> out = new ArrayList<>(spheres.size());
        for (NemaSphere s : spheres) {
            out.add(sphere(image, s, backgroundCentres, sliceOffsetsMm, activityRatio));
        }
        return out;
    }

    /**
     * Lung residual error, %: the mean over slices of the 30 mm lung-insert ROI mean, relative to the
     * background mean {@code backgroundMeanBqPerMl} (NEMA: that of the largest sphere's ROIs).
     *
     * @param lungCentre            lung insert axis position (x, y) and central slice z
     * @param sliceOffsetsMm        slices, relative to {@code lungCentre.zMm()}
     */
    public static double lungResidualPercent(Volume image, PointMm lungCentre, double[] sliceOffsetsMm,
                                             double backgroundMeanBqPerMl) {
        double s = 0;
        for (double dz : sliceOffsetsMm) {
            s += RoiWeights.disc(image.grid(), lungCentre.plus(0, 0, dz), 0.5 * LUNG_ROI_DIAMETER_MM).mean(image);
        }
        return 100 * s / sliceOffsetsMm.length / backgroundMeanBqPerMl;
    }

    private static double[] backgroundMeans(Volume image, List<PointMm> centres, double[] offsets, double z0, double r) {
        if (centres.size() * offsets.length < 2) {
            throw new IllegalArgumentException("background variability needs at least 2 background ROIs");
        }
        double[] m = new double[centres.size() * offsets.length];
        int n = 0;
        for (double dz : offsets) {
            for (PointMm p : centres) {
                m[n++] = RoiWeights.disc(image.grid(), PointMm.of(p.xMm(), p.yMm(), z0 + dz), r).mean(image);
            }
        }
        return m;
    }

    static double mean(double[] a) {
        double s = 0;
        for (double v : a) {
            s += v;
        }
        return s / a.length;
    }

    static double sampleSd(double[] a, double mean) {
        double s = 0;
        for (double v : a) {
            s += (v - mean) * (v - mean);
        }
        return Math.sqrt(s / (a.length - 1));
    }
}
