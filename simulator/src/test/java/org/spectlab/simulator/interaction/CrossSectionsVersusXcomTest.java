package org.spectlab.simulator.interaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.spectlab.core.units.PhysicalConstants;

/**
 * Integrated incoherent and coherent cross sections from the EPDL97 S(x) and F(x) tables against NIST
 * XCOM (M.J. Berger, J.H. Hubbell et al., NIST Standard Reference Database 8). Reference values are
 * XCOM's element data (barns/atom) at XCOM grid energies, from the XCOM program's files MDATX3.001
 * (H), MDATX3.008 (O) and MDATX3.082 (Pb) (public copy: github.com/bruceravel/demeter,
 * lib/Xray/data/xcom). Water is mixed from them by mass fraction (H 0.111894, O 0.888106) with XCOM's
 * atomic weights (H 1.0079, O 15.9994), as XCOM itself does.
 *
 * <p>Tolerances and why:
 * <ul>
 *   <li>Incoherent, 2%: XCOM uses the S(x) of Hubbell et al. 1975 plus radiative and double-Compton
 *   corrections; EPDL97's S(x) is built on the same tables. Observed: below 0.4% for H, O and water,
 *   up to 1.3% for Pb at 30 keV.</li>
 *   <li>Coherent, H, O and water, 1%: XCOM uses the relativistic form factors of Hubbell and Overbo
 *   (1979); EPDL97's tabulated F(x) differs from them by well under 1% in sigma_coh for Z &lt;= 8
 *   (observed 0.1-0.5%).</li>
 *   <li>Coherent, Pb, 12% and below XCOM: for heavy atoms the relativistic form factors are larger at
 *   large x than EPDL97's F(x), so sigma_coh from EPDL97 is lower than XCOM's by 4% (30 keV) to 10%
 *   (300 keV). Coherent scattering is about 5% of the attenuation of lead at 140 keV, so this is a
 *   0.5% effect on mu; documented rather than hidden.</li>
 * </ul>
 */
class CrossSectionsVersusXcomTest {
    private static final double BARN_CM2 = 1e-24;

    @ParameterizedTest(name = "Z={0} E={1} keV")
    @CsvSource({
        // Z, E keV, XCOM incoherent b/atom, XCOM coherent b/atom, coherent tolerance (relative)
        "1, 30, 5.924E-01, 5.062E-03, 0.01",
        "1, 100, 4.923E-01, 4.619E-04, 0.01",
        "1, 150, 4.435E-01, 2.055E-04, 0.01",
        "1, 300, 3.535E-01, 5.139E-05, 0.01",
        "8, 30, 4.286E+00, 1.394E+00, 0.01",
        "8, 100, 3.880E+00, 1.591E-01, 0.01",
        "8, 150, 3.521E+00, 7.264E-02, 0.01",
        "8, 300, 2.821E+00, 1.849E-02, 0.01",
        "82, 30, 2.831E+01, 4.738E+02, 0.12",
        "82, 100, 3.404E+01, 7.320E+01, 0.12",
        "82, 150, 3.263E+01, 3.610E+01, 0.12",
        "82, 300, 2.765E+01, 1.028E+01, 0.12"})
    void elementCrossSectionsAgreeWithXcom(int z, double energyKeV, double xcomIncoherentBarn,
                                           double xcomCoherentBarn, double coherentTolerance) {
        MaterialScatteringFunctions element = MaterialScatteringFunctions.ofElement(z);
        double gramsPerAtom = ElementScatteringFunctions.of(z).atomicWeightGPerMol() / PhysicalConstants.AVOGADRO_PER_MOL;
        double incoherentBarn = ScatteringCrossSections.incoherentCm2PerG(element, energyKeV) * gramsPerAtom / BARN_CM2;
        double coherentBarn = ScatteringCrossSections.coherentCm2PerG(element, energyKeV) * gramsPerAtom / BARN_CM2;
        assertThat(incoherentBarn / xcomIncoherentBarn).isCloseTo(1.0, within(0.02));
        assertThat(coherentBarn / xcomCoherentBarn).isCloseTo(1.0, within(coherentTolerance));
        if (z == 82) {
            assertThat(coherentBarn).isLessThan(xcomCoherentBarn);
        }
    }

    @ParameterizedTest(name = "water E={0} keV")
    @CsvSource({
        // E keV, H incoh, O incoh, H coh, O coh (XCOM b/atom)
        "30, 5.924E-01, 4.286E+00, 5.062E-03, 1.394E+00",
        "100, 4.923E-01, 3.880E+00, 4.619E-04, 1.591E-01",
        "150, 4.435E-01, 3.521E+00, 2.055E-04, 7.264E-02",
        "300, 3.535E-01, 2.821E+00, 5.139E-05, 1.849E-02"})
    void waterMassAttenuationAgreesWithXcom(double energyKeV, double hIncoherent, double oIncoherent,
                                            double hCoherent, double oCoherent) {
        double na = PhysicalConstants.AVOGADRO_PER_MOL;
        double wH = 0.111894;
        double wO = 0.888106;
        double xcomIncoherent = na * BARN_CM2 * (wH * hIncoherent / 1.0079 + wO * oIncoherent / 15.9994);
        double xcomCoherent = na * BARN_CM2 * (wH * hCoherent / 1.0079 + wO * oCoherent / 15.9994);
        MaterialScatteringFunctions water = MaterialScatteringFunctions.of(TestMaterials.WATER);
        assertThat(ScatteringCrossSections.incoherentCm2PerG(water, energyKeV) / xcomIncoherent)
                .isCloseTo(1.0, within(0.02));
        assertThat(ScatteringCrossSections.coherentCm2PerG(water, energyKeV) / xcomCoherent)
                .isCloseTo(1.0, within(0.01));
        // the samplers' tabulated cross sections are the same integrals (energy-table error < 5e-4)
        assertThat(ComptonSampler.of(water).crossSectionCm2PerG(energyKeV) / xcomIncoherent)
                .isCloseTo(1.0, within(0.02));
        assertThat(RayleighSampler.of(water).crossSectionCm2PerG(energyKeV) / xcomCoherent)
                .isCloseTo(1.0, within(0.01));
    }
}
