package org.spectlab.simulator.interaction;

import java.util.function.DoubleUnaryOperator;

/**
 * A positive smooth function of photon energy tabulated on {@value #PER_DECADE} log-spaced points per
 * decade over the supported energy range and interpolated log-log (O(1) lookup). With neighbouring
 * energies 4.7% apart, the interpolation error of the angular-integrated cross sections tabulated here
 * is below about 1e-4 relative.
 */
final class EnergyTable {
    static final int PER_DECADE = 50;
    private static final double LOG_MIN = Math.log(ScatteringCrossSections.MIN_ENERGY_KEV);
    private static final double SCALE = PER_DECADE / Math.log(10);
    private static final int SIZE = (int) Math.ceil(
            Math.log10(ScatteringCrossSections.MAX_ENERGY_KEV / ScatteringCrossSections.MIN_ENERGY_KEV)
                    * PER_DECADE) + 1;

    private final double[] logValue;

    EnergyTable(DoubleUnaryOperator valueOfEnergyKeV) {
        logValue = new double[SIZE];
        for (int i = 0; i < SIZE; i++) {
            double e = Math.exp(LOG_MIN + i / SCALE);
            logValue[i] = Math.log(valueOfEnergyKeV.applyAsDouble(Math.min(e, ScatteringCrossSections.MAX_ENERGY_KEV)));
        }
    }

    double value(double energyKeV) {
        double t = (Math.log(energyKeV) - LOG_MIN) * SCALE;
        int i = (int) t;
        if (i < 0) {
            i = 0;
        } else if (i > SIZE - 2) {
            i = SIZE - 2;
        }
        double f = t - i;
        return Math.exp(logValue[i] + f * (logValue[i + 1] - logValue[i]));
    }
}
