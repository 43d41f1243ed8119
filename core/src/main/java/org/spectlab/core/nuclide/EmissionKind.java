package org.spectlab.core.nuclide;

/** What emits a photon line: the nucleus (gamma) or the atomic shell of the daughter (x-ray). */
public enum EmissionKind {
    /** A nuclear de-excitation photon. */
    GAMMA,
    /** A characteristic x-ray (K or L shell) following electron capture or internal conversion. */
    XRAY;

    /** The lower-case word used in data files and JSON ({@code "gamma"}, {@code "xray"}). */
    public String word() {
        return this == GAMMA ? "gamma" : "xray";
    }
}
