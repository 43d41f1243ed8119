package org.spectlab.simulator.xs;

/**
 * A photon interaction process as tabulated by NIST XCOM.
 *
 * <p>{@link #PAIR} is the sum of pair production in the nuclear and in the electron field; it is zero
 * below 1.022 MeV (and so irrelevant for SPECT emission energies) but kept so that totals above that
 * energy agree with XCOM's "total attenuation with coherent scattering".
 */
public enum Process {
    /** Photoelectric absorption. */
    PHOTOELECTRIC,
    /** Incoherent (Compton) scattering, with binding-effect corrections (incoherent scattering function). */
    INCOHERENT,
    /** Coherent (Rayleigh) scattering. */
    COHERENT,
    /** Pair production, nuclear plus electron field (zero below 1022 keV). */
    PAIR
}
