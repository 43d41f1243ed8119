package org.spectlab.simulator.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.spectlab.core.nuclide.NuclideLibrary;
import org.spectlab.core.projection.EnergyWindow;

class DefaultWindowsTest {

    private static List<String> names(List<EnergyWindow> ws) {
        return ws.stream().map(EnergyWindow::name).toList();
    }

    @Test
    void clinicalPhotopeaksPerNuclide() {
        // main photopeak first, then the others by energy (DDEP line energies, keV)
        Map<String, double[]> expected = Map.of(
                "Tc-99m", new double[] {140.511},
                "I-123", new double[] {158.97},
                "In-111", new double[] {245.35, 171.28},
                "Ga-67", new double[] {93.307, 184.577, 300.232},
                "Lu-177", new double[] {208.3662, 112.9498},
                "I-131", new double[] {364.489},
                "Tl-201", new double[] {70.0, 167.45},
                "Co-57", new double[] {122.06});
        for (var e : expected.entrySet()) {
            var peaks = DefaultWindows.photopeaks(NuclideLibrary.get(e.getKey()));
            assertThat(peaks).as(e.getKey()).hasSize(e.getValue().length);
            for (int i = 0; i < peaks.size(); i++) {
                assertThat(peaks.get(i).energyKeV()).as(e.getKey() + " peak " + i).isCloseTo(e.getValue()[i], within(0.05));
            }
        }
    }

    @Test
    void technetiumHasTwentyPercentPhotopeakAndSevenPercentTewWindows() {
        List<EnergyWindow> ws = DefaultWindows.of(NuclideLibrary.get("Tc-99m"));
        assertThat(names(ws)).containsExactly("photopeak", "lower_scatter", "upper_scatter", "dew_scatter");
        EnergyWindow p = ws.get(0);
        // 20 % of 140.511 keV = 28.10 keV, edges rounded to 0.01 keV
        assertThat(p.lowerKeV()).isEqualTo(126.46);
        assertThat(p.upperKeV()).isEqualTo(154.56);
        assertThat(ws.get(1).upperKeV()).isEqualTo(p.lowerKeV());
        assertThat(ws.get(2).lowerKeV()).isEqualTo(p.upperKeV());
        // 7 % of 140.511 = 9.84 keV (rounding of the edges: +-0.01 keV)
        assertThat(ws.get(1).widthKeV()).isCloseTo(9.84, within(0.011));
        assertThat(ws.get(2).widthKeV()).isCloseTo(9.84, within(0.011));
        // DEW Compton window of Jaszczak et al. (J. Nucl. Med. 25, 893, 1984): 92-125 keV
        assertThat(ws.get(3).lowerKeV()).isEqualTo(92.0);
        assertThat(ws.get(3).upperKeV()).isEqualTo(125.0);
        // entirely below the photopeak window (DEW subtracts k times these counts from it)
        assertThat(ws.get(3).upperKeV()).isLessThan(p.lowerKeV());
    }

    @Test
    void onlyTechnetiumGetsADewWindow() {
        for (String n : NuclideLibrary.names()) {
            boolean dew = names(DefaultWindows.of(NuclideLibrary.get(n))).contains(DefaultWindows.DEW_WINDOW);
            assertThat(dew).as(n).isEqualTo(n.equals("Tc-99m"));
        }
    }

    @Test
    void severalPhotopeaksAreNamedByEnergyAndTewSurroundsTheMainOne() {
        assertThat(names(DefaultWindows.of(NuclideLibrary.get("In-111"))))
                .containsExactly("photopeak", "photopeak_171", "lower_scatter", "upper_scatter");
        assertThat(names(DefaultWindows.of(NuclideLibrary.get("Ga-67"))))
                .containsExactly("photopeak", "photopeak_185", "photopeak_300", "lower_scatter", "upper_scatter");
        List<EnergyWindow> tl = DefaultWindows.of(NuclideLibrary.get("Tl-201"));
        assertThat(tl.get(0).lowerKeV()).isEqualTo(63.0);
        assertThat(tl.get(0).upperKeV()).isEqualTo(77.0);
        assertThat(names(tl)).containsExactly("photopeak", "photopeak_167", "lower_scatter", "upper_scatter");
    }

    @Test
    void everyNuclidesDefaultWindowsAreDisjointAndContainTheirLine() {
        // the DEW window overlaps lower_scatter by design and is left out here
        for (String n : NuclideLibrary.names()) {
            List<EnergyWindow> ws = DefaultWindows.of(NuclideLibrary.get(n)).stream()
                    .filter(w -> !w.name().equals(DefaultWindows.DEW_WINDOW)).toList();
            assertThat(ws).as(n).isNotEmpty();
            for (int i = 0; i < ws.size(); i++) {
                for (int j = i + 1; j < ws.size(); j++) {
                    EnergyWindow a = ws.get(i);
                    EnergyWindow b = ws.get(j);
                    assertThat(a.lowerKeV() < b.upperKeV() && b.lowerKeV() < a.upperKeV())
                            .as(n + ": " + a + " overlaps " + b).isFalse();
                }
            }
            for (var p : DefaultWindows.photopeaks(NuclideLibrary.get(n))) {
                assertThat(ws.stream().anyMatch(w -> w.contains(p.energyKeV()))).as(n).isTrue();
            }
        }
    }

    @Test
    void sideWindowsAreClippedAtANeighbouringPhotopeakOrLeftOut() {
        // main 100 keV: 90-110; neighbour 125 keV: 112.5-137.5; the 7 keV upper window stops at 112.5
        List<EnergyWindow> ws = DefaultWindows.forPhotopeaks(List.of(new DefaultWindows.Photopeak(100, 0.9),
                new DefaultWindows.Photopeak(125, 0.2)));
        assertThat(names(ws)).containsExactly("photopeak", "photopeak_125", "lower_scatter", "upper_scatter");
        assertThat(ws.get(3).lowerKeV()).isEqualTo(110.0);
        assertThat(ws.get(3).upperKeV()).isEqualTo(112.5);
        assertThat(ws.get(2).lowerKeV()).isEqualTo(83.0);
        // neighbour 122.7 keV: 110.43-134.97 leaves 0.43 keV (< 1 keV): no upper window
        ws = DefaultWindows.forPhotopeaks(List.of(new DefaultWindows.Photopeak(100, 0.9),
                new DefaultWindows.Photopeak(122.7, 0.2)));
        assertThat(names(ws)).containsExactly("photopeak", "photopeak_123", "lower_scatter");
    }
}
