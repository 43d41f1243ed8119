package org.spectlab.simulator.spect;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.AliasMethodDiscreteSampler;
import org.apache.commons.rng.sampling.distribution.SharedStateDiscreteSampler;
import org.spectlab.simulator.interaction.ScatteredPhoton;
import org.spectlab.simulator.interaction.ScatteringAngleSampler;
import org.spectlab.simulator.source.Directions;
import org.spectlab.simulator.source.VoxelSource;
import org.spectlab.simulator.transport.MaterialTables;
import org.spectlab.simulator.transport.WoodcockTracker;

/**
 * Follows photon histories through the patient and records every real interaction site for forced
 * detection. Variance reduction in the patient: implicit capture (survival biasing: at each site
 * the weight is multiplied by the scattering probability and the photon always scatters) and
 * Russian roulette below a weight of 0.05 (survival 1/2, weight doubled). Both keep the estimator
 * unbiased. A history ends when it leaves the patient, its weight is rouletted away, or its energy
 * falls below the cut-off where no window can count it.
 *
 * <p>Sites are recorded with the weight arriving at the site (before survival biasing): the forced
 * detection estimate at a site is that weight times the probability per steradian of scattering
 * towards the detector, which includes the scattering share of the total cross section. Each site
 * also keeps the kinetic group of its history's emission entry, so that each view can weight it by
 * that group's activity during the view.
 */
final class ScatterSiteGenerator {
    private static final double ROULETTE_WEIGHT = 0.05;

    private final VoxelSource source;
    private final WoodcockTracker tracker;
    private final MaterialTables tables;
    private final ScatteringAngleSampler[] compton;
    private final ScatteringAngleSampler[] rayleigh;
    private final double[] lineEnergyKeV;
    private final double[] lineProbability;
    private final double cutoffKeV;
    private final int maxOrder;
    private final byte[] entryGroup;

    ScatterSiteGenerator(VoxelSource source, WoodcockTracker tracker, ScatteringAngleSampler[] compton,
                         ScatteringAngleSampler[] rayleigh, double[] lineEnergyKeV, double[] lineProbability,
                         double cutoffKeV, int maxOrder, byte[] entryGroup) {
        this.source = source;
        this.tracker = tracker;
        this.tables = tracker.medium().tables();
        this.compton = compton;
        this.rayleigh = rayleigh;
        this.lineEnergyKeV = lineEnergyKeV;
        this.lineProbability = lineProbability;
        this.cutoffKeV = cutoffKeV;
        this.maxOrder = maxOrder;
        this.entryGroup = entryGroup;
    }

    /** Runs {@code histories} histories with unit starting weight, appending their sites. */
    void run(long histories, UniformRandomProvider rng, ScatterSites out) {
        VoxelSource.Sampler positions = source.sampler(rng);
        SharedStateDiscreteSampler lines = AliasMethodDiscreteSampler.of(rng, lineProbability);
        double[] pos = new double[3];
        double[] dir = new double[3];
        double[] shares = new double[3];
        ScatteredPhoton scattered = new ScatteredPhoton();
        for (long h = 0; h < histories; h++) {
            int entry = positions.sampleEntry(pos);
            int group = entryGroup == null ? 0 : entryGroup[entry];
            Directions.isotropic(rng, dir);
            double e = lineEnergyKeV[lines.sample()];
            double w = 1.0;
            int order = 0;
            while (true) {
                int m = tracker.nextInteraction(pos, dir, e, rng);
                if (m < 0) {
                    break;
                }
                out.add(pos, dir, e, w, m, order + 1, group);
                if (order + 1 >= maxOrder) {
                    break;
                }
                tables.processShares(m, e, shares);
                double scatterShare = shares[1] + shares[2];
                w *= scatterShare;
                if (rng.nextDouble() * scatterShare < shares[1]) {
                    compton[m].sample(rng, e, scattered);
                } else {
                    rayleigh[m].sample(rng, e, scattered);
                }
                Directions.deflect(dir, scattered.cosTheta(), 2 * Math.PI * rng.nextDouble());
                e = scattered.energyKeV();
                order++;
                if (e < cutoffKeV) {
                    break;
                }
                if (w < ROULETTE_WEIGHT) {
                    if (rng.nextDouble() < 0.5) {
                        w *= 2;
                    } else {
                        break;
                    }
                }
            }
        }
    }
}
