package org.spectlab.simulator.interaction;

/**
 * The fine momentum-transfer grid on which samplers tabulate material functions: x = 0 followed by
 * {@value #PER_DECADE} log-spaced nodes per decade from {@value #X_MIN} to {@value #X_MAX} 1/angstrom
 * (neighbouring nodes differ by 0.46%, so linear interpolation between nodes of the smooth EPDL97
 * functions is accurate to about 1e-5 relative for S and 4e-4 for the steep large-x tail of F^2). x = 1000 1/angstrom is the backscatter momentum
 * transfer at 12.4 MeV, above every supported energy.
 */
final class MomentumTransferGrid {
    static final double X_MIN = 1.0e-4;
    static final double X_MAX = 1.0e3;
    static final int PER_DECADE = 500;
    /** Nodes: NODES[0] = 0, NODES[i] = X_MIN 10^((i-1)/PER_DECADE) for i &gt;= 1. Never modified. */
    static final double[] NODES = nodes();
    /** 1 / ln(node ratio): multiplies ln(x / X_MIN) to give the fractional log index. */
    static final double INDEX_SCALE = PER_DECADE / Math.log(10);

    private MomentumTransferGrid() {
    }

    private static double[] nodes() {
        int decades = (int) Math.round(Math.log10(X_MAX / X_MIN));
        double[] x = new double[decades * PER_DECADE + 2];
        x[0] = 0;
        for (int i = 1; i < x.length; i++) {
            x[i] = X_MIN * Math.pow(10, (i - 1) / (double) PER_DECADE);
        }
        return x;
    }
}
