package org.spectlab.simulator.collimator;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.spectlab.simulator.detector.EnergyResolution;
import org.spectlab.simulator.run.BatchRange;
import org.spectlab.simulator.run.BatchRunner;
import org.spectlab.simulator.run.BatchWorker;
import org.spectlab.simulator.run.FixedPointTally;
import org.spectlab.simulator.run.TallySet;

/**
 * Monte Carlo of a point source in air imaged through a hexagonal parallel-hole collimator onto a
 * planar detector ({@link PointSourceSetup}).
 *
 * <p><b>Emission.</b> Photons are emitted isotropically, but only the solid angle that can reach the
 * detector is sampled, in two strata of polar angle (uniform in cosθ and azimuth, i.e. uniform in
 * solid angle, within each): the inner cone tanθ &le; 2d/(√3 l) that holds every geometric pass, and,
 * for penetrable septa only, the annulus out to the corners of the field of view (plus 6σ of
 * intrinsic blur). Each stratum's estimate is its mean photon weight times its solid-angle fraction
 * Ω/4π; the sum is unbiased (stratified sampling). Directions outside both strata cannot be
 * detected (ideal septa) or cannot land in the field of view.
 *
 * <p><b>Collimator.</b> The lattice is shifted by a uniform random vector in a unit cell for every
 * photon. A photon whose entry and exit point lie in the same hole passes (geometric); otherwise,
 * for penetrable septa, it carries the weight exp(-μ L) with L its path length in lead
 * ({@link HexagonalHoleArray#septalPathLengthMm}) — the expected survival instead of a random
 * survival draw (same mean, smaller variance); photons with μL ≥ 50 count as absorbed (weight
 * &lt; 2e-22). Not modelled: scatter in the septa (collimator
 * scatter), lead X-ray fluorescence, the finite size of the collimator.
 *
 * <p><b>Detector.</b> Every photon reaching the crystal deposits its full energy at the image plane
 * (crystal efficiency 1, no escape, single depth); position blurred by the intrinsic Gaussian, energy
 * blurred by {@link EnergyResolution}. Tallies, per stratum, in units of photon weight (fixed point,
 * bit-identical for any thread count): the in-window image, the energy spectrum of photons inside the
 * field of view, and weight sums for the sensitivity and its standard error.
 */
public final class PointSourceSimulation {
    /** Number of strata (inner cone, outer annulus). */
    static final int STRATA = 2;
    /** Slots in the per-stratum sums tally. */
    static final int SUM_SLOTS = 7;
    static final int REACHED_W = 0;
    static final int REACHED_W2 = 1;
    static final int WINDOW_GEOMETRIC_W = 2;
    static final int WINDOW_PENETRATION_W = 3;
    static final int WINDOW_W2 = 4;
    static final int REACHED_GEOMETRIC_W = 5;
    static final int REACHED_PENETRATION_W = 6;

    /**
     * Photons whose septal attenuation μL reaches this value are counted as absorbed (their
     * weight exp(-μL) &lt; 2e-22 would not change any tally), which stops long lattice walks early.
     */
    static final double ABSORBED_MU_L = 50.0;

    private PointSourceSimulation() {
    }

    /**
     * Runs the batches of {@code range} on {@code threads} threads.
     *
     * @return the result, a pure function of (setup, seed, range)
     */
    public static PointSourceResult run(PointSourceSetup setup, long seed, BatchRange range, int threads,
                                        BatchRunner.ProgressListener progress) {
        TallySet t = BatchRunner.run(seed, range, threads, k -> new Worker(setup), progress);
        return PointSourceResult.from(setup, t);
    }

    /** Runs the batches and returns the raw tallies (for merging split runs). */
    public static TallySet runTallies(PointSourceSetup setup, long seed, BatchRange range, int threads) {
        return BatchRunner.run(seed, range, threads, k -> new Worker(setup), BatchRunner.ProgressListener.NONE);
    }

    /** Lower and upper cosθ of a stratum: {cosMin, cosMax}; an empty stratum has cosMin = cosMax. */
    static double[] stratumCosines(PointSourceSetup s, int stratum) {
        double tanInner = s.holes().maxAcceptanceTan();
        double cosInner = 1.0 / Math.sqrt(1.0 + tanInner * tanInner);
        if (stratum == 0) {
            return new double[] {cosInner, 1.0};
        }
        if (s.idealSepta()) {
            return new double[] {cosInner, cosInner};
        }
        double sigma = s.intrinsicFwhmMm() / (2.0 * Math.sqrt(2.0 * Math.log(2.0)));
        double tanOuter = (s.detectorHalfWidthMm() + 6.0 * sigma) * Math.sqrt(2.0) / s.imageDistanceMm();
        double cosOuter = 1.0 / Math.sqrt(1.0 + tanOuter * tanOuter);
        return new double[] {Math.min(cosOuter, cosInner), cosInner};
    }

    /** The per-thread worker: owns its scratch buffers and tallies. */
    static final class Worker implements BatchWorker {
        private final PointSourceSetup s;
        private final TallySet tallies = TallySet.create();
        private final FixedPointTally[] images = new FixedPointTally[STRATA];
        private final FixedPointTally[] spectra = new FixedPointTally[STRATA];
        private final FixedPointTally[] sums = new FixedPointTally[STRATA];
        private final double[][] imageScratch = new double[STRATA][];
        private final double[][] spectrumScratch = new double[STRATA][];
        private final double[][] sumScratch = new double[STRATA][];
        private final double[] cosMin = new double[STRATA];
        private final double[] cosMax = new double[STRATA];
        private final double a1x;
        private final double a1y;
        private final double a2x;
        private final double a2y;

        Worker(PointSourceSetup s) {
            this.s = s;
            int n = s.imagePixels();
            for (int k = 0; k < STRATA; k++) {
                images[k] = tallies.tally(PointSourceResult.IMAGE + k, n * n);
                spectra[k] = tallies.tally(PointSourceResult.SPECTRUM + k, s.spectrumBins());
                sums[k] = tallies.tally(PointSourceResult.SUMS + k, SUM_SLOTS);
                imageScratch[k] = new double[n * n];
                spectrumScratch[k] = new double[s.spectrumBins()];
                sumScratch[k] = new double[SUM_SLOTS];
                double[] c = stratumCosines(s, k);
                cosMin[k] = c[0];
                cosMax[k] = c[1];
            }
            double[] v = new double[2];
            s.holes().latticeVector(0, v);
            a1x = v[0];
            a1y = v[1];
            s.holes().latticeVector(1, v);
            a2x = v[0];
            a2y = v[1];
        }

        @Override
        public void runBatch(long batch, UniformRandomProvider rng) {
            ZigguratSampler.NormalizedGaussian gauss = ZigguratSampler.NormalizedGaussian.of(rng);
            EnergyResolution.Sampler energy = s.resolution().sampler(rng);
            for (int k = 0; k < STRATA; k++) {
                if (cosMax[k] > cosMin[k]) {
                    runStratum(k, rng, gauss, energy);
                    tallies.count(PointSourceResult.HISTORIES + k, s.historiesPerBatch());
                }
                images[k].addAndClear(imageScratch[k]);
                spectra[k].addAndClear(spectrumScratch[k]);
                sums[k].addAndClear(sumScratch[k]);
            }
        }

        private void runStratum(int k, UniformRandomProvider rng, ZigguratSampler.NormalizedGaussian gauss,
                                EnergyResolution.Sampler energy) {
            final HexagonalHoleArray holes = s.holes();
            final double z = s.distanceMm();
            final double dist = s.imageDistanceMm();
            final double mu = s.leadMuPerMm();
            final boolean ideal = s.idealSepta();
            final double leadLimit = ABSORBED_MU_L / mu;
            final double sigma = s.intrinsicFwhmMm() / (2.0 * Math.sqrt(2.0 * Math.log(2.0)));
            final double half = s.detectorHalfWidthMm();
            final int n = s.imagePixels();
            final double invPix = 1.0 / s.pixelMm();
            final double centre = 0.5 * n;
            final double e0 = s.energyKeV();
            final double invBin = 1.0 / s.spectrumBinKeV();
            final int nBins = s.spectrumBins();
            final double lo = s.window().lowerKeV();
            final double hi = s.window().upperKeV();
            final double c0 = cosMin[k];
            final double dc = cosMax[k] - cosMin[k];
            final double[] img = imageScratch[k];
            final double[] spec = spectrumScratch[k];
            final double[] sum = sumScratch[k];
            final int histories = s.historiesPerBatch();
            for (int h = 0; h < histories; h++) {
                double dz = c0 + dc * rng.nextDouble();
                double sinT = Math.sqrt(Math.max(0.0, 1.0 - dz * dz));
                double phi = 2.0 * Math.PI * rng.nextDouble();
                double dx = sinT * Math.cos(phi);
                double dy = sinT * Math.sin(phi);
                double r1 = rng.nextDouble();
                double r2 = rng.nextDouble();
                double u = r1 * a1x + r2 * a2x + z * dx / dz;
                double v = r1 * a1y + r2 * a2y + z * dy / dz;
                double w;
                boolean geometric = holes.passesSameHole(u, v, dx, dy, dz);
                if (geometric) {
                    w = 1.0;
                } else if (ideal) {
                    continue;
                } else {
                    double lead = holes.septalPathLengthMm(u, v, dx, dy, dz, leadLimit);
                    if (lead >= leadLimit) {
                        continue;
                    }
                    w = Math.exp(-mu * lead);
                }
                double x = dist * dx / dz + sigma * gauss.sample();
                double y = dist * dy / dz + sigma * gauss.sample();
                if (Math.abs(x) > half || Math.abs(y) > half) {
                    continue;
                }
                double e = energy.measuredKeV(e0);
                int bin = (int) Math.floor(e * invBin);
                if (bin >= 0 && bin < nBins) {
                    spec[bin] += w;
                }
                sum[REACHED_W] += w;
                sum[REACHED_W2] += w * w;
                sum[geometric ? REACHED_GEOMETRIC_W : REACHED_PENETRATION_W] += w;
                if (e >= lo && e < hi) {
                    sum[geometric ? WINDOW_GEOMETRIC_W : WINDOW_PENETRATION_W] += w;
                    sum[WINDOW_W2] += w * w;
                    int ix = (int) Math.floor(x * invPix + centre);
                    int iy = (int) Math.floor(y * invPix + centre);
                    if (ix >= 0 && ix < n && iy >= 0 && iy < n) {
                        img[iy * n + ix] += w;
                    }
                }
            }
        }

        @Override
        public TallySet tallies() {
            return tallies;
        }
    }
}
