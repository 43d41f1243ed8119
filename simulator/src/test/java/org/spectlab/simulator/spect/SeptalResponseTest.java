package org.spectlab.simulator.spect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.spectlab.core.projection.EnergyWindow;
import org.spectlab.simulator.detector.EnergyResolution;

/** The grid of the Monte Carlo septal kernels: energy and depth nodes, reachable windows, table seeds. */
class SeptalResponseTest {
    @Test
    void energyNodesHoldEveryLineAboveTheCutoffWithStepsOfAtMostTenPercent() {
        // I-131 lines (DDEP) with a cutoff of 291.9 keV (328 keV window edge less 4 sigma)
        double[] lines = {80.185, 284.305, 364.489, 636.989, 722.911};
        double[] nodes = SeptalResponse.energyNodes(lines, 291.9);
        assertThat(nodes[0]).isEqualTo(291.9);
        assertThat(nodes[nodes.length - 1]).isEqualTo(722.911);
        assertThat(nodes).contains(364.489, 636.989).doesNotContain(80.185, 284.305);
        for (int i = 1; i < nodes.length; i++) {
            assertThat(nodes[i]).isGreaterThan(nodes[i - 1]);
            assertThat(nodes[i] / nodes[i - 1]).isLessThanOrEqualTo(1 + SeptalResponse.ENERGY_STEP + 1e-12);
        }
        assertThat(nodes).hasSize(12);
    }

    @Test
    void depthNodesSpanTheRangeEvenlyAtMostEightyMillimetresApart() {
        assertThat(SeptalResponse.depthNodes(35, 205)).containsExactly(35.0, 91.66666666666666, 148.33333333333331,
                205.0);
        assertThat(SeptalResponse.depthNodes(100, 120)).containsExactly(100.0, 120.0);
    }

    @Test
    void aWindowIsReachedUnlessItsLowerEdgeIsFiveSigmaAboveTheEnergy() {
        EnergyResolution res = EnergyResolution.sqrtLaw(0.099, 140.5);
        EnergyWindow photopeak = EnergyWindow.centred("pp", 364.5, 20);
        // sigma at 300 keV: 0.099 * sqrt(140.5 * 300) / 2.355 = 8.6 keV; 300 + 43 > 328
        assertThat(SeptalResponse.reaches(300, photopeak, res)).isTrue();
        assertThat(SeptalResponse.reaches(280, photopeak, res)).isFalse();
        // collimator scatter and lead x-rays only lower the energy: a window below is always reached
        assertThat(SeptalResponse.reaches(637, EnergyWindow.of("xray", 60, 100), res)).isTrue();
    }

    @Test
    void tablesHaveTheirOwnSeedPerEnergyAndWindow() {
        long a = SeptalResponse.tableSeed(7, 0, 0);
        assertThat(SeptalResponse.tableSeed(7, 0, 0)).isEqualTo(a);
        assertThat(SeptalResponse.tableSeed(7, 1, 0)).isNotEqualTo(a);
        assertThat(SeptalResponse.tableSeed(7, 0, 1)).isNotEqualTo(a);
        assertThat(SeptalResponse.tableSeed(8, 0, 0)).isNotEqualTo(a);
    }
}
