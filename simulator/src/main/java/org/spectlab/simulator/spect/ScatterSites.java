package org.spectlab.simulator.spect;

import java.util.Arrays;

/**
 * The real interaction sites of one batch of photon histories, as forced detection needs them:
 * position (mm), incoming direction, energy before the interaction (keV), the photon's statistical
 * weight arriving at the site, the material and the kinetic group of the history's emission (0
 * without kinetics). Growable primitive arrays; no objects per site.
 */
final class ScatterSites {
    private int size;
    private float[] x = new float[1024];
    private float[] y = new float[1024];
    private float[] z = new float[1024];
    private float[] ux = new float[1024];
    private float[] uy = new float[1024];
    private float[] uz = new float[1024];
    private float[] energyKeV = new float[1024];
    private double[] weight = new double[1024];
    private short[] material = new short[1024];
    private byte[] order = new byte[1024];
    private byte[] group = new byte[1024];

    int size() {
        return size;
    }

    void add(double[] pos, double[] dir, double e, double w, int m, int scatterOrderAfter, int kineticGroup) {
        if (size == x.length) {
            int n = size * 2;
            x = Arrays.copyOf(x, n);
            y = Arrays.copyOf(y, n);
            z = Arrays.copyOf(z, n);
            ux = Arrays.copyOf(ux, n);
            uy = Arrays.copyOf(uy, n);
            uz = Arrays.copyOf(uz, n);
            energyKeV = Arrays.copyOf(energyKeV, n);
            weight = Arrays.copyOf(weight, n);
            material = Arrays.copyOf(material, n);
            order = Arrays.copyOf(order, n);
            group = Arrays.copyOf(group, n);
        }
        x[size] = (float) pos[0];
        y[size] = (float) pos[1];
        z[size] = (float) pos[2];
        ux[size] = (float) dir[0];
        uy[size] = (float) dir[1];
        uz[size] = (float) dir[2];
        energyKeV[size] = (float) e;
        weight[size] = w;
        material[size] = (short) m;
        order[size] = (byte) Math.min(scatterOrderAfter, 127);
        group[size] = (byte) kineticGroup;
        size++;
    }

    double x(int i) {
        return x[i];
    }

    double y(int i) {
        return y[i];
    }

    double z(int i) {
        return z[i];
    }

    double ux(int i) {
        return ux[i];
    }

    double uy(int i) {
        return uy[i];
    }

    double uz(int i) {
        return uz[i];
    }

    double energyKeV(int i) {
        return energyKeV[i];
    }

    double weight(int i) {
        return weight[i];
    }

    int material(int i) {
        return material[i];
    }

    int order(int i) {
        return order[i];
    }

    /** Kinetic group of the history's emission. */
    int group(int i) {
        return group[i];
    }

    /** Multiplies every weight by a factor (normalisation once the history count is known). */
    void scaleWeights(double factor) {
        for (int i = 0; i < size; i++) {
            weight[i] *= factor;
        }
    }
}
