package org.spectlab.core.nuclide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.spectlab.core.error.InputException;

/**
 * Checks the bundled table against the cited DDEP evaluations (values read by hand from the LNHB
 * Laraweb sheets; energies to the published digits, yields as % / 100).
 */
class NuclideLibraryTest {

    @Test
    void libraryHoldsTheBriefsNuclidesInTableOrder() {
        assertThat(NuclideLibrary.names()).containsExactly(
                "Tc-99m", "I-123", "In-111", "Lu-177", "I-131", "Ga-67", "Tl-201", "Co-57", "Ba-133", "Cs-137");
        for (String name : NuclideLibrary.names()) {
            Nuclide n = NuclideLibrary.get(name);
            assertThat(n.lines()).as(name).isNotEmpty();
            assertThat(n.source()).as(name).startsWith("DDEP").contains(Integer.toString(
                    NuclideLibrary.decayData(name).year()));
        }
    }

    /**
     * Half-lives as given by each DDEP evaluation, and the LNHB sheet's own conversion to seconds
     * (rounded there to 5-6 significant digits: the tolerance is half a unit of that last digit).
     */
    @ParameterizedTest
    @CsvSource({
        "Tc-99m, 6.0067, 0.0010, h, 21.6241E3, 0.00005E3, LNHB/KRI, 2004",
        "I-123, 13.2234, 0.0037, h, 47.604E3, 0.0005E3, CEA/LNE-LNHB, 2003",
        "In-111, 2.8049, 0.0004, d, 242.343E3, 0.0005E3, KRI, 2006",
        "Lu-177, 6.647, 0.004, d, 574.30E3, 0.005E3, ANL, 2003",
        "I-131, 8.0233, 0.0019, d, 693.21E3, 0.005E3, CEA/LNE-LNHB, 2014",
        "Ga-67, 3.2613, 0.0005, d, 281.776E3, 0.0005E3, LNHB/KRI, 2011",
        "Tl-201, 3.0421, 0.0017, d, 262.84E3, 0.005E3, PTB, 2004",
        "Co-57, 271.81, 0.04, d, 23.4844E6, 0.00005E6, KRI, 2014",
        "Ba-133, 10.539, 0.006, a, 332.58E6, 0.005E6, KRI, 2015",
        "Cs-137, 30.018, 0.022, a, 947.3E6, 0.05E6, CEA/LNE-LNHB, 2023",
    })
    void halfLivesMatchTheCitedEvaluation(String name, double value, double unc, String unit, double sheetS,
            double sheetRoundingS, String evaluation, int year) {
        DecayData d = NuclideLibrary.decayData(name);
        assertThat(d.halfLife()).isEqualTo(value);
        assertThat(d.halfLifeUncertainty()).isEqualTo(unc);
        assertThat(d.halfLifeUnit()).isEqualTo(unit);
        assertThat(d.evaluation()).isEqualTo(evaluation);
        assertThat(d.year()).isEqualTo(year);
        Nuclide n = NuclideLibrary.get(name);
        assertThat(n.halfLifeS()).isEqualTo(d.halfLifeS());
        assertThat(n.halfLifeS()).isCloseTo(sheetS, within(sheetRoundingS));
    }

    @Test
    void tc99mMainLineAndTechnetiumKxRays() {
        Nuclide tc = NuclideLibrary.get("Tc-99m");
        EmissionLine main = tc.strongestLine();
        assertThat(main.energyKeV()).isEqualTo(140.511);
        assertThat(main.yieldPerDecay()).isEqualTo(0.885);
        assertThat(main.kind()).isEqualTo(EmissionKind.GAMMA);
        assertThat(tc.halfLifeH()).isCloseTo(6.0067, within(1e-12));
        List<EmissionLine> k = tc.linesIn(18.0, 21.1);
        assertThat(k).extracting(EmissionLine::energyKeV).containsExactly(18.251, 18.3672, 20.669, 21.0235);
        assertThat(k).extracting(EmissionLine::yieldPerDecay).containsExactly(0.0222, 0.0421, 0.0112, 0.00177);
        assertThat(k).allMatch(l -> l.kind() == EmissionKind.XRAY);
        assertThat(k.get(1).label()).isEqualTo("Tc Kα1");
    }

    @Test
    void i123HasItsHighEnergyLinesForDownScatter() {
        Nuclide i123 = NuclideLibrary.get("I-123");
        assertThat(i123.strongestLine().energyKeV()).isEqualTo(158.97);
        assertThat(i123.strongestLine().yieldPerDecay()).isEqualTo(0.8325);
        List<EmissionLine> high = i123.linesIn(400, 2000);
        assertThat(high).extracting(EmissionLine::energyKeV)
                .containsExactly(440.02, 505.33, 528.96, 538.54, 624.57, 687.95, 735.78, 783.59);
        assertThat(high.get(2).yieldPerDecay()).isEqualTo(0.0128);
        double sum = 0;
        for (EmissionLine l : high) {
            sum += l.yieldPerDecay();
        }
        // DDEP sheet: 0.4229+0.266+1.28+0.3788+0.0798+0.0269+0.0616+0.0591 = 2.5751 %
        assertThat(sum).isCloseTo(0.025751, within(1e-12));
    }

    @Test
    void in111GammasAndCadmiumKxRaysNothingAbove245keV() {
        Nuclide in = NuclideLibrary.get("In-111");
        assertThat(in.linesIn(246, 10_000)).isEmpty();
        assertThat(in.linesIn(170, 250)).extracting(EmissionLine::yieldPerDecay).containsExactly(0.9061, 0.9412);
        assertThat(in.linesIn(22.9, 23.2)).extracting(EmissionLine::energyKeV).containsExactly(22.9843, 23.1738);
        assertThat(in.linesIn(26.0, 26.7)).hasSize(2);
        // 6.78 + 23.65 + 44.47 + 12.40 + 2.26 + 90.61 + 94.12 % per decay
        assertThat(in.photonsPerDecay()).isCloseTo(2.7429, within(1e-12));
    }

    @Test
    void otherMainLinesMatchTheSheets() {
        assertThat(NuclideLibrary.get("Lu-177").strongestLine().energyKeV()).isEqualTo(208.3662);
        assertThat(NuclideLibrary.get("Lu-177").linesIn(71, 72).get(0).yieldPerDecay()).isEqualTo(0.001726);
        assertThat(NuclideLibrary.get("I-131").strongestLine().yieldPerDecay()).isEqualTo(0.812);
        assertThat(NuclideLibrary.get("I-131").linesIn(636, 724)).extracting(EmissionLine::yieldPerDecay)
                .containsExactly(0.0712, 0.002183, 0.01786);
        assertThat(NuclideLibrary.get("Ga-67").linesIn(390, 900)).extracting(EmissionLine::energyKeV)
                .containsExactly(393.528, 494.143, 703.11, 794.400, 887.676);
        Nuclide tl = NuclideLibrary.get("Tl-201");
        assertThat(tl.strongestLine().label()).isEqualTo("Hg Kα1");
        assertThat(tl.linesIn(135, 168)).extracting(EmissionLine::yieldPerDecay).containsExactly(0.02604, 0.00147, 0.1);
        assertThat(NuclideLibrary.get("Co-57").strongestLine().energyKeV()).isEqualTo(122.06065);
        assertThat(NuclideLibrary.get("137Cs").strongestLine().yieldPerDecay()).isEqualTo(0.8501);
    }

    @Test
    void everyGammaInTheTableIsAtLeastTheStatedCut() {
        for (String name : NuclideLibrary.names()) {
            for (EmissionLine l : NuclideLibrary.get(name).lines()) {
                if (l.kind() == EmissionKind.GAMMA) {
                    assertThat(l.yieldPerDecay()).as(name + " " + l).isGreaterThanOrEqualTo(1e-4);
                }
            }
        }
    }

    @ParameterizedTest
    @CsvSource({
        "Tc-99m, Tc-99m", "tc99m, Tc-99m", "99mTc, Tc-99m", "Tc99m, Tc-99m", "99m-Tc, Tc-99m", "TC-99M, Tc-99m",
        "In-111, In-111", "111In, In-111", "in_111, In-111", "I131, I-131", "131I, I-131", "i-123, I-123",
        "' Lu 177 ', Lu-177", "201Tl, Tl-201", "ga67, Ga-67", "57Co, Co-57", "Ba133, Ba-133",
    })
    void commonSpellingsResolve(String spelling, String canonical) {
        assertThat(NuclideLibrary.canonicalName(spelling)).isEqualTo(canonical);
        assertThat(NuclideLibrary.get(spelling).name()).isEqualTo(canonical);
    }

    @Test
    void unknownNamesAreInputErrorsListingTheKnownNames() {
        for (String bad : new String[] {"Tc-99", "F-18", "99Mo", "", "technetium", "I-1231"}) {
            assertThatThrownBy(() -> NuclideLibrary.get(bad)).as(bad)
                    .isInstanceOf(InputException.class)
                    .hasMessageContaining("'nuclide'")
                    .hasMessageContaining("'" + bad + "'")
                    .hasMessageContaining("Tc-99m, I-123, In-111");
        }
        assertThatThrownBy(() -> NuclideLibrary.get(null)).isInstanceOf(InputException.class);
    }

    @Test
    void mWithoutIsomerReadsAsPartOfTheSymbol() {
        assertThat(NuclideLibrary.candidateKeys("99mo")).containsExactly("o99m", "mo99");
        assertThat(NuclideLibrary.candidateKeys("99mTc")).containsExactly("tc99m", "mtc99");
    }
}
