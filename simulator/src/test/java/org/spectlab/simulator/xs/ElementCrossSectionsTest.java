package org.spectlab.simulator.xs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.spectlab.core.error.InputException;

class ElementCrossSectionsTest {

    private static final ElementCrossSections PB = ElementCrossSections.of(82);
    private static final ElementCrossSections TL = ElementCrossSections.of(81);
    private static final ElementCrossSections I = ElementCrossSections.of(53);

    private static int firstRowAt(ElementCrossSections el, double e) {
        double[] t = el.tabulatedEnergiesKeV();
        for (int i = 0; i < t.length; i++) {
            if (t[i] == e) {
                return i;
            }
        }
        throw new AssertionError("no row at " + e);
    }

    @Test
    void edgesAreTheXcomEdges() {
        // XCOM edge energies (keV): Pb K 88.0045, L1 15.8608, L2 15.2, L3 13.0352; Tl K 85.5304; I K 33.1694,
        // L1 5.1881, L2 4.8521, L3 4.5571.
        assertThat(PB.edgeEnergiesKeV()).contains(88.0045, 15.8608, 15.2, 13.0352);
        assertThat(TL.edgeEnergiesKeV()).contains(85.5304, 15.3467, 14.6979, 12.6575);
        assertThat(I.edgeEnergiesKeV()).contains(33.1694, 5.1881, 4.8521, 4.5571);
    }

    @Test
    void atAnEdgeTheValueAboveApplies_andInterpolationNeverCrossesAnEdge() {
        for (ElementCrossSections el : new ElementCrossSections[] {PB, TL, I}) {
            for (double edge : el.edgeEnergiesKeV()) {
                int below = firstRowAt(el, edge);
                for (Process p : Process.values()) {
                    double vBelow = el.tabulatedCm2PerG(p, below);
                    double vAbove = el.tabulatedCm2PerG(p, below + 1);
                    // Exactly at the edge: the above-edge value (documented rule).
                    assertThat(el.massAttenuationCm2PerG(p, edge)).isCloseTo(vAbove, within(1e-12 * vAbove));
                    // A hair below / above: within 1e-6 of the value on that side; a crossing interpolation
                    // would mix in the other side (the photoelectric jumps are 10-70%).
                    assertThat(el.massAttenuationCm2PerG(p, edge * (1 - 1e-9)))
                            .isCloseTo(vBelow, within(1e-6 * vBelow + 1e-300));
                    assertThat(el.massAttenuationCm2PerG(p, edge * (1 + 1e-9)))
                            .isCloseTo(vAbove, within(1e-6 * vAbove + 1e-300));
                }
            }
        }
        // Between Pb's last grid point below the K edge (80 keV: photo 2.0124 cm2/g) and the edge (1.5474):
        // the value stays between them; interpolating across the edge to 7.32 would give about 4.
        double photo84 = PB.massAttenuationCm2PerG(Process.PHOTOELECTRIC, 84);
        assertThat(photo84).isBetween(1.5474, 2.0124);
        // Between the edge and 100 keV (5.2374): between 7.3213 and 5.2374.
        assertThat(PB.massAttenuationCm2PerG(Process.PHOTOELECTRIC, 94)).isBetween(5.2374, 7.3213);
        // Iodine L edges (4.56-5.19 keV) and Pb L edges (13-15.9 keV) lie below 20 keV; their segments are
        // still kept apart: I between L3 and L2 stays below the L2 above-edge value.
        int l2 = firstRowAt(I, 4.8521);
        assertThat(I.massAttenuationCm2PerG(Process.PHOTOELECTRIC, 4.7))
                .isBetween(I.tabulatedCm2PerG(Process.PHOTOELECTRIC, l2), I.tabulatedCm2PerG(Process.PHOTOELECTRIC, l2 - 1));
    }

    @Test
    void logLogInterpolationIsExactForPowerLaws() {
        // Between two grid points log-log interpolation reproduces a power law through them exactly: check
        // against the power law through Pb's photoelectric values at 200 and 300 keV.
        int i200 = firstRowAt(PB, 200);
        double v200 = PB.tabulatedCm2PerG(Process.PHOTOELECTRIC, i200);
        double v300 = PB.tabulatedCm2PerG(Process.PHOTOELECTRIC, i200 + 1);
        double slope = Math.log(v300 / v200) / Math.log(1.5);
        assertThat(PB.massAttenuationCm2PerG(Process.PHOTOELECTRIC, 250))
                .isCloseTo(v200 * Math.pow(1.25, slope), within(1e-12));
        // Tabulated energies return the tabulated values.
        double inc200 = PB.tabulatedCm2PerG(Process.INCOHERENT, i200);
        assertThat(PB.massAttenuationCm2PerG(Process.INCOHERENT, 200)).isCloseTo(inc200, within(1e-12 * inc200));
    }

    @Test
    void pairProductionIsZeroBelowThresholdAndPositiveAbove() {
        assertThat(PB.massAttenuationCm2PerG(Process.PAIR, 1000)).isZero();
        assertThat(PB.massAttenuationCm2PerG(Process.PAIR, 1022)).isZero();
        assertThat(PB.massAttenuationCm2PerG(Process.PAIR, 1100)).isPositive();
        assertThat(PB.massAttenuationCm2PerG(Process.PAIR, 3000)).isPositive();
    }

    @Test
    void totalIsTheSumOfTheProcesses() {
        double e = 364.5;
        double sum = 0;
        for (Process p : Process.values()) {
            sum += TL.massAttenuationCm2PerG(p, e);
        }
        assertThat(TL.totalMassAttenuationCm2PerG(e)).isCloseTo(sum, within(1e-15));
    }

    @Test
    void energiesOutsideTheTableAreInputErrors() {
        assertThatThrownBy(() -> PB.totalMassAttenuationCm2PerG(5000)).isInstanceOf(InputException.class)
                .hasMessage("energy 5000 keV is outside 1-3000 keV (range of the XCOM tables)");
        assertThatThrownBy(() -> PB.totalMassAttenuationCm2PerG(Double.NaN)).isInstanceOf(InputException.class);
        assertThatThrownBy(() -> ElementCrossSections.of(79)).isInstanceOf(InputException.class)
                .hasMessageContaining("Z=79");
        assertThat(PB.totalMassAttenuationCm2PerG(3000)).isPositive();
        assertThat(PB.totalMassAttenuationCm2PerG(1)).isPositive();
    }
}
