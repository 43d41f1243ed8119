package org.spectlab.simulator.interaction;

import java.util.function.DoubleUnaryOperator;

/**
 * Quadrature over cos theta in [-1, 1] through the momentum transfer x = k sin(theta/2), k = E/hc:
 * cos theta = 1 - 2 x^2/k^2, d(cos theta) = -(4x/k^2) dx. The x axis is cut at the nodes of
 * {@link MomentumTransferGrid} (log-spaced, so forward-peaked integrands are resolved at every
 * energy) and each panel is integrated by 4-point Gauss-Legendre.
 */
final class AngularQuadrature {
    private static final double[] GL_NODE = {-0.8611363115940526, -0.3399810435848563, 0.3399810435848563,
        0.8611363115940526};
    private static final double[] GL_WEIGHT = {0.3478548451374538, 0.6521451548625461, 0.6521451548625461,
        0.3478548451374538};

    private AngularQuadrature() {
    }

    static double integrateOverCosTheta(double energyKeV, DoubleUnaryOperator f) {
        double k = energyKeV * ScatteringCrossSections.INV_HC_PER_KEV_ANGSTROM;
        double[] nodes = MomentumTransferGrid.NODES;
        double sum = 0;
        double lo = 0;
        for (int i = 1; i < nodes.length && lo < k; i++) {
            double hi = Math.min(nodes[i], k);
            sum += panel(f, k, lo, hi);
            lo = hi;
        }
        if (lo < k) {
            sum += panel(f, k, lo, k);
        }
        return sum;
    }

    private static double panel(DoubleUnaryOperator f, double k, double lo, double hi) {
        double half = 0.5 * (hi - lo);
        double mid = 0.5 * (hi + lo);
        double invK2 = 1.0 / (k * k);
        double s = 0;
        for (int j = 0; j < 4; j++) {
            double x = mid + half * GL_NODE[j];
            double cos = 1 - 2 * x * x * invK2;
            s += GL_WEIGHT[j] * f.applyAsDouble(cos) * 4 * x * invK2;
        }
        return s * half;
    }
}
