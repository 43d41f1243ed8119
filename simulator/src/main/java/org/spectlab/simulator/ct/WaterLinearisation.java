package org.spectlab.simulator.ct;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealVector;

/**
 * First-order (water) beam-hardening correction, as CT scanners apply it: a polynomial
 * {@code p_lin = c1 p + c2 p^2 + c3 p^3 + c4 p^4} that maps the measured polychromatic line integral
 * {@code p = -ln T_E} through water onto the monochromatic one, {@code μ_water(E_ref) L}, fitted by
 * least squares on water thicknesses 0-60 cm (Herman GT, Phys. Med. Biol. 24 (1979) 81; Hsieh,
 * Computed Tomography, 2nd ed., ch. 7). It removes water cupping; bone still shows second-order
 * beam hardening (dark streaks between bones), as in clinical images without iterative correction.
 */
final class WaterLinearisation {
    private static final int DEGREE = 4;
    private static final double MAX_WATER_CM = 60;
    private final double[] coefficients;

    private WaterLinearisation(double[] coefficients) {
        this.coefficients = coefficients;
    }

    /** Identity (no correction). */
    static WaterLinearisation identity() {
        return new WaterLinearisation(new double[] {1, 0, 0, 0});
    }

    /**
     * Fits the polynomial.
     *
     * @param beam           the beam model
     * @param waterIndex     index of water in the beam model's materials
     * @param muWaterRefPerCm target attenuation coefficient of water, 1/cm
     */
    static WaterLinearisation fit(BeamModel beam, int waterIndex, double muWaterRefPerCm) {
        int n = 241;
        Array2DRowRealMatrix a = new Array2DRowRealMatrix(n, DEGREE);
        ArrayRealVector y = new ArrayRealVector(n);
        for (int r = 0; r < n; r++) {
            double l = MAX_WATER_CM * r / (n - 1);
            double p = -Math.log(beam.transmissionThrough(waterIndex, l));
            double pk = p;
            for (int d = 0; d < DEGREE; d++) {
                a.setEntry(r, d, pk);
                pk *= p;
            }
            y.setEntry(r, muWaterRefPerCm * l);
        }
        RealVector c = new QRDecomposition(a).getSolver().solve(y);
        return new WaterLinearisation(c.toArray());
    }

    /** The corrected line integral. */
    double apply(double p) {
        double r = 0;
        for (int d = DEGREE - 1; d >= 0; d--) {
            r = (r + coefficients[d]) * p;
        }
        return r;
    }
}
