package org.spectlab.recon.scatter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.spectlab.core.error.InputException;
import org.spectlab.core.projection.EnergyWindow;
import org.spectlab.core.projection.ProjectionSet;
import org.spectlab.recon.TestGeometries;

/** TEW and DEW formulas (exact arithmetic, so float tolerance) and smoothing. */
class WindowScatterEstimatesTest {

    private static ProjectionSet filled(EnergyWindow w, float value) {
        ProjectionSet p = TestGeometries.projections(4, 8, 8, 4.42, 200).withWindow(w);
        java.util.Arrays.fill(p.data(), value);
        return p.withData(p.data().clone());
    }

    @Test
    void tewIsTheTrapezoidUnderThePhotopeak() {
        // Tc-99m: 20% photopeak (28.1 keV wide), 7% lower and upper windows adjacent to it.
        EnergyWindow peakW = EnergyWindow.centred("photopeak", 140.5, 20);
        EnergyWindow lowW = EnergyWindow.of("lower", peakW.lowerKeV() - 0.07 * 140.5, peakW.lowerKeV());
        EnergyWindow upW = EnergyWindow.of("upper", peakW.upperKeV(), peakW.upperKeV() + 0.07 * 140.5);
        ProjectionSet s = WindowScatterEstimates.tripleEnergyWindow(filled(peakW, 1000f), filled(lowW, 60f),
                filled(upW, 4f));
        double expected = (60 / lowW.widthKeV() + 4 / upW.widthKeV()) * peakW.widthKeV() / 2;
        assertThat(s.get(2, 3, 4)).isCloseTo((float) expected, within(1e-4f));
        assertThat(s.window()).isEqualTo(peakW);
        // Without the upper window: the triangle.
        ProjectionSet t = WindowScatterEstimates.tripleEnergyWindow(filled(peakW, 1000f), filled(lowW, 60f), null);
        assertThat(t.get(0, 0, 0)).isCloseTo((float) (60 / lowW.widthKeV() * peakW.widthKeV() / 2), within(1e-4f));
    }

    @Test
    void dewIsKTimesTheLowerWindow() {
        EnergyWindow peakW = EnergyWindow.centred("photopeak", 140.5, 20);
        ProjectionSet s = WindowScatterEstimates.dualEnergyWindow(filled(peakW, 1000f),
                filled(EnergyWindow.of("compton", 92, 125), 300f), WindowScatterEstimates.DEW_K_JASZCZAK);
        assertThat(s.get(1, 1, 1)).isEqualTo(150f);
    }

    @Test
    void smoothingKeepsAUniformInteriorAndRejectsNegativeWidth() {
        ProjectionSet p = filled(EnergyWindow.centred("photopeak", 140.5, 20), 10f);
        ProjectionSet s = WindowScatterEstimates.smooth(p, 8.0);
        // Interior pixel, farther than 3 sigma (3 x 0.77 px) from the edges: unchanged.
        assertThat(s.get(0, 4, 4)).isCloseTo(10f, within(1e-4f));
        assertThat(s.get(0, 0, 0)).isLessThan(10f);
        assertThatThrownBy(() -> WindowScatterEstimates.smooth(p, -1)).isInstanceOf(InputException.class);
    }
}
