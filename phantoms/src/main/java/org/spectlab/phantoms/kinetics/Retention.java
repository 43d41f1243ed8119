package org.spectlab.phantoms.kinetics;

import java.util.Arrays;
import org.spectlab.core.error.InputException;

/**
 * Biological retention of one compartment: the fraction of the administered atoms present in it at
 * time t (h) after administration, ignoring physical decay,
 * {@code R(t) = sum_i a_i exp(-ln 2 t / T_i)}.
 *
 * <p>Coefficients may be negative to describe an uptake phase (e.g. {@code a (e^-t/T1 - e^-t/T2)});
 * a half-time of {@code +Infinity} is permanent retention. R must stay within [0, 1]; this is checked
 * on a grid of times at construction.
 */
public final class Retention {
    private final double[] coefficients;
    private final double[] lambdasPerH;
    private final double[] halfTimesH;

    private Retention(double[] coefficients, double[] halfTimesH) {
        if (coefficients.length == 0 || coefficients.length != halfTimesH.length) {
            throw InputException.field("retention", "needs as many coefficients as half-times, at least one");
        }
        this.coefficients = coefficients.clone();
        this.halfTimesH = halfTimesH.clone();
        lambdasPerH = new double[halfTimesH.length];
        for (int i = 0; i < halfTimesH.length; i++) {
            double t = halfTimesH[i];
            if (!(t > 0) || !Double.isFinite(coefficients[i])) {
                throw InputException.field("retention half-time (h)", "must be > 0 (or infinite), got " + t);
            }
            lambdasPerH[i] = Double.isInfinite(t) ? 0 : Math.log(2) / t;
        }
        for (double tH = 0; tH <= 24 * 365; tH = tH < 1 ? tH + 0.05 : tH * 1.05) {
            double r = at(tH);
            if (r < -1e-9 || r > 1 + 1e-9) {
                throw InputException.field("retention", "fraction " + r + " at " + tH + " h lies outside [0, 1]");
            }
        }
    }

    /** {@code R(t) = sum a_i exp(-ln2 t / T_i)}; half-times in hours. */
    public static Retention of(double[] coefficients, double[] halfTimesH) {
        return new Retention(coefficients, halfTimesH);
    }

    /** A constant fraction, retained for ever (biologically). */
    public static Retention constant(double fraction) {
        return new Retention(new double[] {fraction}, new double[] {Double.POSITIVE_INFINITY});
    }

    /** One exponential: fraction {@code f} taken up at t = 0, cleared with half-time {@code tH}. */
    public static Retention monoExponential(double fraction, double halfTimeH) {
        return new Retention(new double[] {fraction}, new double[] {halfTimeH});
    }

    /** The sum of several retentions (their exponential terms side by side). */
    public static Retention sum(java.util.List<Retention> parts) {
        int n = 0;
        for (Retention r : parts) {
            n += r.coefficients.length;
        }
        double[] a = new double[n];
        double[] t = new double[n];
        int k = 0;
        for (Retention r : parts) {
            System.arraycopy(r.coefficients, 0, a, k, r.coefficients.length);
            System.arraycopy(r.halfTimesH, 0, t, k, r.halfTimesH.length);
            k += r.coefficients.length;
        }
        return new Retention(a, t);
    }

    /** Fraction of the administered atoms in the compartment at t hours (no physical decay). */
    public double at(double tH) {
        double r = 0;
        for (int i = 0; i < coefficients.length; i++) {
            r += coefficients[i] * Math.exp(-lambdasPerH[i] * tH);
        }
        return r;
    }

    /**
     * {@code integral from t0 to t0 + T of R(t) exp(-lambdaP t) dt}, in hours, with physical decay
     * constant {@code lambdaPerH}.
     */
    double integralWithDecayH(double t0H, double durationH, double physicalLambdaPerH) {
        double s = 0;
        for (int i = 0; i < coefficients.length; i++) {
            double l = lambdasPerH[i] + physicalLambdaPerH;
            if (l == 0) {
                s += coefficients[i] * durationH;
            } else {
                // exp(-l t0) (1 - exp(-l T)) / l, with expm1 for short windows
                s += coefficients[i] * Math.exp(-l * t0H) * -Math.expm1(-l * durationH) / l;
            }
        }
        return s;
    }

    /** Coefficients (copy). */
    public double[] coefficients() {
        return coefficients.clone();
    }

    /** Biological half-times, h (copy). */
    public double[] halfTimesH() {
        return halfTimesH.clone();
    }

    @Override
    public String toString() {
        return "Retention" + Arrays.toString(coefficients) + " T=" + Arrays.toString(halfTimesH) + " h";
    }
}
