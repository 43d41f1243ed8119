package org.spectlab.metrics.image;

import org.spectlab.metrics.detection.PointMm;

/**
 * A sphere insert of a NEMA IEC body phantom (or any hot/cold sphere to be scored the NEMA way).
 *
 * @param name       label, e.g. {@code "37 mm"}
 * @param centre     centre, mm; its z selects the central slice
 * @param diameterMm inner diameter, mm; also the ROI diameter
 * @param hot        true for a hot sphere, false for a cold one
 */
public record NemaSphere(String name, PointMm centre, double diameterMm, boolean hot) {

    /** A sphere. */
    public static NemaSphere of(String name, PointMm centre, double diameterMm, boolean hot) {
        return new NemaSphere(name, centre, diameterMm, hot);
    }
}
