package org.spectlab.simulator.ct;

import org.spectlab.core.error.InputException;

/**
 * A rigid patient motion between the SPECT and the CT: the phantom is rotated about the z axis through
 * the patient-coordinate origin by {@code rotationZDeg}, then shifted by {@code (shiftXMm, shiftYMm,
 * shiftZMm)}, before the CT is acquired. A point {@code p} of the phantom appears at {@code R p + s}
 * in the CT.
 *
 * @param shiftXMm     shift along x, mm
 * @param shiftYMm     shift along y, mm
 * @param shiftZMm     shift along z, mm
 * @param rotationZDeg rotation about z, degrees, counter-clockwise from +x towards +y
 */
public record Misregistration(double shiftXMm, double shiftYMm, double shiftZMm, double rotationZDeg) {

    /** Validates finiteness. */
    public Misregistration {
        if (!Double.isFinite(shiftXMm) || !Double.isFinite(shiftYMm) || !Double.isFinite(shiftZMm)) {
            throw InputException.field("misregistration shift (mm)", "must be finite numbers");
        }
        if (!Double.isFinite(rotationZDeg) || Math.abs(rotationZDeg) > 180) {
            throw InputException.field("misregistration rotation (deg)", "must be within [-180, 180], got "
                    + rotationZDeg);
        }
    }

    /** No motion. */
    public static Misregistration none() {
        return new Misregistration(0, 0, 0, 0);
    }

    /** A motion. */
    public static Misregistration of(double shiftXMm, double shiftYMm, double shiftZMm, double rotationZDeg) {
        return new Misregistration(shiftXMm, shiftYMm, shiftZMm, rotationZDeg);
    }
}
