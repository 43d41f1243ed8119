package org.spectlab.core.projection;

/**
 * Direction in which the camera steps from one view to the next. {@link #CW} makes the view angle
 * grow with the view index (clockwise as seen from the patient's feet, see the package
 * documentation); {@link #CCW} makes it shrink. Named as in Interfile's
 * {@code direction of rotation} key.
 */
public enum RotationDirection {
    /** Angle increases with view index. */
    CW,
    /** Angle decreases with view index. */
    CCW;

    /** +1 for CW, -1 for CCW. */
    public int sign() {
        return this == CW ? 1 : -1;
    }
}
