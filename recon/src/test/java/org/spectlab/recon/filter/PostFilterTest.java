package org.spectlab.recon.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.spectlab.core.grid.Grid3;
import org.spectlab.core.grid.Volume;

/** Post-filters: width, sum preservation and frequency response. */
class PostFilterTest {

    /**
     * A point filtered with a 12 mm Gaussian on 2 mm voxels has variance (12/2.3548)² mm² per axis
     * (from its second moment) within 2%: pixel integration adds 1/12 px² (0.33 mm², 1.3% of 26 mm²),
     * truncation at 3σ removes 0.3%; and the sum is preserved to 1e-5 (normalised taps, float).
     */
    @Test
    void gaussianHasTheRequestedWidthAndKeepsTheSum() {
        Grid3 g = Grid3.centredCubic(33, 33, 33, 2.0);
        Volume v = Volume.zeros(g, "counts/view");
        v.set(16, 16, 16, 1000f);
        Volume f = GaussianPostFilter.of(12.0).apply(v);
        assertThat(f.sum()).isCloseTo(1000.0, within(1000 * 1e-5));
        double m2 = 0;
        for (int i = 0; i < 33; i++) {
            double x = g.xMm(i);
            for (int j = 0; j < 33; j++) {
                for (int k = 0; k < 33; k++) {
                    m2 += x * x * f.get(i, j, k);
                }
            }
        }
        double sigma = 12.0 / GaussianKernel.FWHM_PER_SIGMA;
        assertThat(m2 / f.sum() / (sigma * sigma)).isCloseTo(1.0, within(0.02));
    }

    /**
     * Butterworth: DC preserved (uniform image unchanged to float precision) and a cosine at the
     * cut-off frequency attenuated to 1/√2 (periodic FFT, so exact up to float rounding, 1e-4).
     */
    @Test
    void butterworthPassesDcAndHalvesPowerAtTheCutoff() {
        Grid3 g = Grid3.centredCubic(32, 16, 8, 5.0);
        float[] d = new float[g.voxelCount()];
        // 4 cycles over 32 voxels of 5 mm = 0.25 cycles/cm along x.
        for (int k = 0; k < 8; k++) {
            for (int j = 0; j < 16; j++) {
                for (int i = 0; i < 32; i++) {
                    d[g.index(i, j, k)] = (float) (5.0 + Math.cos(2 * Math.PI * 4 * i / 32.0));
                }
            }
        }
        Volume f = ButterworthPostFilter.of(0.25, 6).apply(Volume.of(g, d, "x"));
        assertThat(f.sum() / g.voxelCount()).isCloseTo(5.0, within(1e-4));
        double amplitude = f.get(0, 3, 3) - 5.0;
        assertThat(amplitude).isCloseTo(Math.sqrt(0.5), within(1e-4));
    }
}
