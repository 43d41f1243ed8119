package org.spectlab.simulator.interaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.spectlab.core.error.InputException;

class MaterialScatteringFunctionsTest {

    @Test
    void everyShippedElementHasTheRightLimits() {
        for (int z : ElementScatteringFunctions.supportedAtomicNumbers()) {
            ElementScatteringFunctions e = ElementScatteringFunctions.of(z);
            // F(0) = Z (all electrons scatter in phase); S(0) = 0 and S -> Z at large x
            assertThat(e.formFactor(0)).as("F(0), Z=%d", z).isCloseTo(z, within(1e-6 * z));
            assertThat(e.incoherentFunction(0)).isZero();
            assertThat(e.incoherentFunction(500)).as("S(500), Z=%d", z).isCloseTo(z, within(1e-3 * z));
            assertThat(e.formFactor(50)).isLessThan(1e-2 * z);
            assertThat(e.atomicWeightGPerMol()).isBetween(z * 0.9, z * 2.6);
        }
    }

    @Test
    void interpolationReproducesTabulatedNodesAndIsMonotoneBetweenThem() {
        ElementScatteringFunctions oxygen = ElementScatteringFunctions.of(8);
        // tabulated EPDL97 nodes (file Z008-O.txt): F(0.005) = 7.9974, F(0.01) = 7.9912
        assertThat(oxygen.formFactor(0.005)).isCloseTo(7.9974, within(1e-9));
        assertThat(oxygen.formFactor(0.01)).isCloseTo(7.9912, within(1e-9));
        double between = oxygen.formFactor(0.0095);
        assertThat(between).isBetween(7.9912, 7.9974);
    }

    @Test
    void mixtureRuleWeightsByMassFractionOverAtomicWeight() {
        MaterialScatteringFunctions water = MaterialScatteringFunctions.of(TestMaterials.WATER);
        double wH = 0.111894;
        double wO = 0.888106;
        double aH = 1.0080;
        double aO = 15.999;
        assertThat(water.electronMolPerG()).isCloseTo(wH * 1 / aH + wO * 8 / aO, within(1e-12));
        assertThat(water.squaredFormFactorMolPerG(0)).isCloseTo(wH / aH + wO * 64 / aO, within(1e-9));
        double x = 0.37;
        double fH = ElementScatteringFunctions.of(1).formFactor(x);
        double fO = ElementScatteringFunctions.of(8).formFactor(x);
        assertThat(water.squaredFormFactorMolPerG(x)).isCloseTo(wH / aH * fH * fH + wO / aO * fO * fO, within(1e-12));
        double sH = ElementScatteringFunctions.of(1).incoherentFunction(x);
        double sO = ElementScatteringFunctions.of(8).incoherentFunction(x);
        assertThat(water.incoherentFunctionMolPerG(x)).isCloseTo(wH / aH * sH + wO / aO * sO, within(1e-12));
        // about 3.343e23 electrons per gram of water (10 electrons per 18.015 g/mol)
        assertThat(water.electronMolPerG() * 6.02214076e23).isCloseTo(3.343e23, within(0.003e23));
    }

    @Test
    void unsupportedElementIsAnInputErrorNamingTheMaterial() {
        assertThatThrownBy(() -> MaterialScatteringFunctions.of("glass", new int[] {8, 92}, new double[] {0.5, 0.5}))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("glass")
                .hasMessageContaining("Z=92");
    }
}
