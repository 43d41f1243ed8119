package org.spectlab.metrics.detection;

import java.util.Objects;

/**
 * A ground-truth lesion as defined in the phantom: what it is, where, how large and how hot.
 *
 * <p>Lesions are modelled for scoring as spheres of the given diameter centred on {@code centre};
 * a non-spherical lesion is represented by its volume-equivalent sphere diameter.
 *
 * @param id                   identifier unique within the case
 * @param kind                 tumour or inflammation
 * @param organ                name of the organ that hosts the lesion (as in the label table), or null if unknown
 * @param centre               centre, mm (LPS)
 * @param diameterMm           (volume-equivalent) diameter, mm, positive
 * @param volumeMl             volume, mL
 * @param concentrationBqPerMl true activity concentration in the lesion at acquisition time, Bq/mL
 * @param activityMBq          total activity in the lesion, MBq
 */
public record TruthLesion(String id, LesionKind kind, String organ, PointMm centre, double diameterMm,
                          double volumeMl, double concentrationBqPerMl, double activityMBq) {

    /** Checks required fields and positive size. */
    public TruthLesion {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(centre, "centre");
        if (!(diameterMm > 0) || !Double.isFinite(diameterMm)) {
            throw new IllegalArgumentException("lesion " + id + ": diameter must be positive, got " + diameterMm);
        }
    }

    /** A lesion with all fields given. */
    public static TruthLesion of(String id, LesionKind kind, String organ, PointMm centre, double diameterMm,
                                 double volumeMl, double concentrationBqPerMl, double activityMBq) {
        return new TruthLesion(id, kind, organ, centre, diameterMm, volumeMl, concentrationBqPerMl, activityMBq);
    }

    /**
     * A spherical lesion: volume from the diameter, activity from volume times concentration.
     */
    public static TruthLesion sphere(String id, LesionKind kind, String organ, PointMm centre, double diameterMm,
                                     double concentrationBqPerMl) {
        double volumeMl = sphereVolumeMl(diameterMm);
        return new TruthLesion(id, kind, organ, centre, diameterMm, volumeMl, concentrationBqPerMl,
                volumeMl * concentrationBqPerMl * 1e-6);
    }

    /** Radius, mm. */
    public double radiusMm() {
        return 0.5 * diameterMm;
    }

    /** Volume of a sphere of the given diameter in mm, in mL. */
    public static double sphereVolumeMl(double diameterMm) {
        double r = 0.5 * diameterMm;
        return 4.0 / 3.0 * Math.PI * r * r * r * 1e-3;
    }
}
