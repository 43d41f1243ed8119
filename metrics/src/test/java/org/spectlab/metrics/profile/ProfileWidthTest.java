package org.spectlab.metrics.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

class ProfileWidthTest {

    private static double[] gaussian(int n, double spacingMm, double meanMm, double sigmaMm, double amp, double base) {
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double u = (i * spacingMm - meanMm) / sigmaMm;
            y[i] = base + amp * Math.exp(-0.5 * u * u);
        }
        return y;
    }

    /**
     * Sampled at spacing h = sigma / 4 (about FWHM / 9.4) with sub-sample offsets. Linear interpolation
     * on the flank errs by at most (h^2 / 8) |y''/y'| = (h^2 / 8) |u^2 - 1| / (sigma u) per side, with
     * u = 1.177 at half and u = 2.146 at tenth maximum: 0.22% of the FWHM and 0.61% of the FWTM. The
     * tolerances are those bounds rounded up (0.3%, 0.7%); at h = sigma / 2 the errors are 4x larger.
     */
    @Test
    void nemaFwhmOfSampledGaussianIs2_3548Sigma() {
        double sigma = 4.0;
        for (double offset : new double[] {0, 0.37, 0.5, 0.81}) {
            double[] y = gaussian(128, 1.0, 60 + offset, sigma, 1000, 0);
            ProfileWidths w = NemaProfileWidth.measure(1.0, y);
            assertThat(w.fwhmMm()).isCloseTo(2.3548 * sigma, within(0.003 * 2.3548 * sigma));
            assertThat(w.fwtmMm()).isCloseTo(4.2919 * sigma, within(0.007 * 4.2919 * sigma));
            // a parabola through samples sigma/4 apart locates the Gaussian peak within 0.01 sigma
            assertThat(w.peakPositionMm()).isCloseTo(60 + offset, within(0.01 * sigma));
            assertThat(w.peakValue()).isCloseTo(1000, within(2.0));
        }
    }

    @Test
    void parabolaVertexIsExactForAParabola() {
        // y = 5 - (x - 1.3)^2 through x = 0, 1, 2
        double[] v = NemaProfileWidth.parabolaVertex(0, 5 - 1.69, 1, 5 - 0.09, 2, 5 - 0.49);
        assertThat(v[0]).isCloseTo(1.3, within(1e-12));
        assertThat(v[1]).isCloseTo(5.0, within(1e-12));
    }

    @Test
    void gaussianFitRecoversSigmaOfANoisyProfileWithBaseline() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(5L);
        ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
        double sigma = 3.0;
        double[] x = new double[81];
        double[] y = gaussian(81, 0.5, 20.3, sigma, 500, 40);
        for (int i = 0; i < x.length; i++) {
            x[i] = 0.5 * i;
            y[i] += 5 * g.sample(); // noise 1% of the peak
        }
        GaussianFit f = GaussianProfileFitter.fit(x, y, true);
        // With 1% noise on ~25 samples across the peak, the fitted sigma's standard error is ~0.3%;
        // 2% is a comfortable bound that a wrong model (e.g. no baseline) would exceed.
        assertThat(f.sigmaMm()).isCloseTo(sigma, within(0.02 * sigma));
        assertThat(f.meanMm()).isCloseTo(20.3, within(0.05));
        assertThat(f.baseline()).isCloseTo(40, within(2.0));
        assertThat(f.fwhmMm()).isCloseTo(2.3548 * sigma, within(0.02 * 2.3548 * sigma));
        assertThat(f.rmsResidual()).isCloseTo(5.0, within(1.0));
    }

    @Test
    void gaussianFitWithoutBaselineIsExactOnNoiseFreeData() {
        double[] x = new double[40];
        for (int i = 0; i < x.length; i++) {
            x[i] = i;
        }
        GaussianFit f = GaussianProfileFitter.fit(x, gaussian(40, 1, 17.6, 2.2, 10, 0), false);
        assertThat(f.sigmaMm()).isCloseTo(2.2, within(1e-6));
        assertThat(f.fwtmMm()).isCloseTo(GaussianFit.FWTM_PER_SIGMA * 2.2, within(1e-5));
    }
}
