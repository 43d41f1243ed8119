package org.spectlab.core.camera;

/** Cross-section of a collimator hole, with the Anger/Mather shape constant K of its efficiency. */
public enum HoleShape {
    /** Hexagonal holes in a hexagonal array (K = 0.26). */
    HEXAGONAL(0.26),
    /** Round holes in a hexagonal array (K = 0.24). */
    ROUND(0.24),
    /** Square holes in a square array (K = 0.28). */
    SQUARE(0.28);

    private final double angerK;

    HoleShape(double angerK) {
        this.angerK = angerK;
    }

    /**
     * The shape constant K of the Anger/Mather efficiency formula. Source: Cherry, Sorenson &amp;
     * Phelps, Physics in Nuclear Medicine, 4th ed. (2012), ch. 14, eq. 14-7 and text (after Anger
     * 1964 and Mather 1976).
     */
    public double angerK() {
        return angerK;
    }
}
