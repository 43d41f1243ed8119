package org.spectlab.core.io.dicom;

import java.math.BigDecimal;
import org.spectlab.core.projection.RotationDirection;

/**
 * The mapping between spectlab's view angle θ and DICOM's NM Start Angle α (see the package
 * documentation for the derivation): {@code α = 180° − θ}, both wrapped to [0, 360), and the rotation
 * direction keeps its name (spectlab CW, θ growing, is DICOM CW, α decreasing; both clockwise as seen
 * from the patient's feet). The arithmetic is done on the decimal strings of the doubles, so a round
 * trip returns the same double for angles in [0, 360) that DS can hold (16 characters).
 */
final class NmAngles {
    private static final BigDecimal HALF_TURN = BigDecimal.valueOf(180);
    private static final BigDecimal TURN = BigDecimal.valueOf(360);

    private NmAngles() {
    }

    /** DICOM Start Angle (degrees, [0, 360)) of the detector at spectlab angle θ. */
    static double toDicom(double thetaDeg) {
        return wrap(HALF_TURN.subtract(new BigDecimal(DataSet.formatDecimal(thetaDeg)))).doubleValue();
    }

    /** spectlab angle θ (degrees, [0, 360)) of a detector at DICOM angle α given as written. */
    static double fromDicom(BigDecimal alphaDeg) {
        return wrap(HALF_TURN.subtract(alphaDeg)).doubleValue();
    }

    static BigDecimal wrap(BigDecimal deg) {
        BigDecimal r = deg.remainder(TURN);
        return r.signum() < 0 ? r.add(TURN) : r;
    }

    /** DICOM Rotation Direction (0018,1140) for a spectlab direction. */
    static String toDicom(RotationDirection direction) {
        return direction == RotationDirection.CW ? "CW" : "CC";
    }
}
