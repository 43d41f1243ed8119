package org.spectlab.core.camera;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.spectlab.core.error.InputException;

class CollimatorSpecTest {

    /** Lead at 140.5 keV: mu/rho = 2.33 cm^2/g (NIST XCOM, interpolated), rho = 11.35 g/cm^3 -> 2.64 /mm. */
    private static final double LEAD_MU_PER_MM_140KEV = 2.33 * 11.35 / 10.0;

    @Test
    void siemensLehrMatchesPublishedSensitivityAndResolution() {
        CollimatorSpec lehr = CollimatorLibrary.get("SIEMENS_LEHR");
        assertThat(lehr.holeDiameterMm()).isEqualTo(1.11);
        // Anger efficiency x 1e6 decays/s/MBq x 0.885 photons/decay (Tc-99m 140.5 keV, ENSDF).
        double cpsPerMBq = lehr.geometricEfficiency(LEAD_MU_PER_MM_140KEV) * 1e6 * 0.885;
        // Siemens Symbia specification: LEHR 202 cpm/uCi = 91 cps/MBq (system, 15% window, includes the
        // crystal's ~90% photopeak efficiency). The purely geometric figure must lie within 25% above it.
        assertThat(cpsPerMBq).isBetween(91.0, 91.0 * 1.25);
        // Siemens Symbia specification: system resolution 7.5 mm FWHM at 100 mm with LEHR, intrinsic
        // resolution 3.8 mm (3/8" crystal). Back gap: ~6 mm (collimator back face to mean interaction
        // depth). Geometric and intrinsic FWHM add in quadrature; tolerance 0.4 mm covers the back-gap
        // uncertainty (+-2 mm moves the result by 0.1 mm) and the rounding of the published figures.
        double system = Math.hypot(lehr.geometricFwhmMm(100, 6.0, LEAD_MU_PER_MM_140KEV), 3.8);
        assertThat(system).isCloseTo(7.5, within(0.4));
    }

    @Test
    void efficiencyFollowsTheAngerFormulaByHand() {
        CollimatorSpec c = CollimatorSpec.of("test", HoleShape.HEXAGONAL, 2.0, 0.5, 40.0);
        double le = 40.0; // infinite mu: no penetration correction
        double expected = 0.26 * 0.26 * (2.0 / le) * (2.0 / le) * (2.0 / 2.5) * (2.0 / 2.5);
        assertThat(c.geometricEfficiency(Double.POSITIVE_INFINITY)).isCloseTo(expected, within(1e-15));
        assertThat(c.geometricFwhmMm(0, 0, Double.POSITIVE_INFINITY)).isCloseTo(2.0, within(1e-12));
        assertThat(c.geometricFwhmMm(40, 0, Double.POSITIVE_INFINITY)).isCloseTo(4.0, within(1e-12));
    }

    @Test
    void everyPresetLoadsAndUnknownNamesAreRefused() {
        assertThat(CollimatorLibrary.names()).contains("siemens-lehr", "ge-megp", "philips-hegp").hasSize(13);
        for (String n : CollimatorLibrary.names()) {
            CollimatorSpec c = CollimatorLibrary.get(n);
            assertThat(c.openFraction()).isBetween(0.3, 0.95);
        }
        assertThatThrownBy(() -> CollimatorLibrary.get("kodak-lehr"))
                .isInstanceOf(InputException.class).hasMessageContaining("siemens-lehr");
    }
}
