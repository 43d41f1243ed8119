package org.spectlab.metrics.detection;

/**
 * A position in patient coordinates, millimetres (DICOM LPS axes).
 *
 * @param xMm x, towards the patient's left, mm
 * @param yMm y, posterior, mm
 * @param zMm z, superior, mm
 */
public record PointMm(double xMm, double yMm, double zMm) {

    /** A point from its three coordinates in mm. */
    public static PointMm of(double xMm, double yMm, double zMm) {
        return new PointMm(xMm, yMm, zMm);
    }

    /** Euclidean distance to another point, mm. */
    public double distanceMm(PointMm other) {
        double dx = xMm - other.xMm;
        double dy = yMm - other.yMm;
        double dz = zMm - other.zMm;
        return Math.sqrt(dx * dx + dy * dy + dz * dz);
    }

    /** This point moved by the given offsets, mm. */
    public PointMm plus(double dxMm, double dyMm, double dzMm) {
        return new PointMm(xMm + dxMm, yMm + dyMm, zMm + dzMm);
    }
}
