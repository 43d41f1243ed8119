package org.spectlab.core.material;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.spectlab.core.error.InputException;

class ElementTest {

    @Test
    void lookupBySymbolIsCaseInsensitiveAndAgreesWithLookupByZ() {
        assertThat(Element.bySymbol("pb")).isEqualTo(Element.byAtomicNumber(82));
        assertThat(Element.bySymbol("PB").symbol()).isEqualTo("Pb");
        assertThat(Element.bySymbol(" Na ").atomicNumber()).isEqualTo(11);
        for (Element e : Element.all()) {
            assertThat(Element.bySymbol(e.symbol())).isEqualTo(e);
            assertThat(Element.byAtomicNumber(e.atomicNumber())).isEqualTo(e);
        }
    }

    @Test
    void atomicWeightsAreIupacValues() {
        // IUPAC 2021 abridged standard atomic weights; tolerance covers the table's last digit only.
        assertThat(Element.bySymbol("H").atomicWeightGPerMol()).isCloseTo(1.008, within(1e-9));
        assertThat(Element.bySymbol("O").atomicWeightGPerMol()).isCloseTo(15.999, within(1e-9));
        assertThat(Element.bySymbol("I").atomicWeightGPerMol()).isCloseTo(126.90, within(1e-9));
        assertThat(Element.bySymbol("Pb").atomicWeightGPerMol()).isCloseTo(207.2, within(1e-9));
        // Weights increase with Z except the known inversions (Ar/K, Co/Ni): a typo check over the table.
        Element prev = null;
        for (Element e : Element.all()) {
            if (prev != null && !(prev.symbol().equals("Ar") || prev.symbol().equals("Co"))) {
                assertThat(e.atomicWeightGPerMol()).as(e.symbol()).isGreaterThan(prev.atomicWeightGPerMol());
            }
            prev = e;
        }
    }

    @Test
    void everyElementOfTheBuiltInMaterialsIsKnown() {
        for (String s : new String[] {"H", "B", "C", "N", "O", "F", "Na", "Mg", "Al", "Si", "P", "S", "Cl", "Ar",
            "K", "Ca", "Fe", "Zn", "I", "Ba", "Ti", "Tl", "Pb"}) {
            assertThat(Element.bySymbol(s).symbol()).isEqualTo(s);
        }
    }

    @Test
    void unknownSymbolIsAnInputErrorNamingIt() {
        assertThatThrownBy(() -> Element.bySymbol("Xx")).isInstanceOf(InputException.class)
                .hasMessageContaining("'Xx'");
        assertThatThrownBy(() -> Element.byAtomicNumber(99)).isInstanceOf(InputException.class)
                .hasMessageContaining("Z=99");
    }
}
