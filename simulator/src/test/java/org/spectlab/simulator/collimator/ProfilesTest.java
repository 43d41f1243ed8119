package org.spectlab.simulator.collimator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;
import static org.assertj.core.data.Percentage.withPercentage;

import org.junit.jupiter.api.Test;

class ProfilesTest {

    @Test
    void gaussianWidthsMatchTheirClosedForms() {
        double sigma = 2.0;
        double spacing = sigma / 5;
        double[] p = new double[201];
        for (int i = 0; i < p.length; i++) {
            double x = (i - 100.3) * spacing; // peak between samples
            p[i] = Math.exp(-0.5 * x * x / (sigma * sigma));
        }
        // FWHM = 2 sqrt(2 ln 2) σ, FWTM = 2 sqrt(2 ln 10) σ; linear interpolation at σ/5 sampling is
        // accurate to ~0.5 % (the parabolic peak to ~0.2 %)
        assertThat(Profiles.fwhm(p, spacing)).isCloseTo(2 * Math.sqrt(2 * Math.log(2)) * sigma, withPercentage(0.5));
        assertThat(Profiles.fwtm(p, spacing)).isCloseTo(2 * Math.sqrt(2 * Math.log(10)) * sigma, withPercentage(0.5));
    }

    @Test
    void parabolicPeakIsExactForAParabola() {
        double[] p = {1, 5, 8, 6, 1};
        // parabola through (-1,5), (0,8), (1,6): vertex at x = 1/10 with value 8 + 1/40
        assertThat(Profiles.parabolicPeak(p)).isCloseTo(8.025, offset(1e-12));
    }

    @Test
    void triangleWidthIsExactAndOpenProfilesGiveNaN() {
        double[] tri = new double[21];
        for (int i = 0; i < tri.length; i++) {
            tri[i] = Math.max(0, 10 - Math.abs(i - 10));
        }
        assertThat(Profiles.fwhm(tri, 0.5)).isCloseTo(5.0, offset(1e-12));
        assertThat(Profiles.widthAtFractionOrNaN(new double[] {1, 2, 3, 2, 1}, 1, 0.1)).isNaN();
    }

    @Test
    void gaussianBlurPreservesSumAndAddsVariances() {
        double[] delta = new double[401];
        delta[200] = 1;
        double[] b = Profiles.gaussianBlur(delta, 0.1, 3.6);
        double sum = 0;
        double var = 0;
        for (int i = 0; i < b.length; i++) {
            sum += b[i];
            var += b[i] * Math.pow((i - 200) * 0.1, 2);
        }
        double sigma = 3.6 / (2 * Math.sqrt(2 * Math.log(2)));
        assertThat(sum).isCloseTo(1.0, offset(1e-8));
        // bin-integrated kernel: variance σ² + h²/12
        assertThat(var).isCloseTo(sigma * sigma + 0.01 / 12, withPercentage(0.1));
    }
}
