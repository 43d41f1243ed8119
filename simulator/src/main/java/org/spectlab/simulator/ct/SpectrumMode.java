package org.spectlab.simulator.ct;

/** How the CT beam's energy spread is modelled. */
public enum SpectrumMode {
    /**
     * The full filtered tube spectrum: each ray's intensity is {@code Σ_E S(E) exp(-Σ_m μ_m(E) L_m)},
     * so {@code -ln(I/I0)} is non-linear in path length (beam hardening, cupping, streaks).
     */
    POLYENERGETIC,
    /** One effective energy: line integrals are linear in path length (no beam hardening). */
    EFFECTIVE_ENERGY
}
