package org.spectlab.core.units;

/**
 * Physical constants used across spectlab.
 *
 * <p>Source: CODATA 2018 recommended values (NIST, physics.nist.gov/constants).
 */
public final class PhysicalConstants {
    /** Electron rest energy m_e c^2 in keV (CODATA 2018: 0.51099895000 MeV). */
    public static final double ELECTRON_REST_ENERGY_KEV = 510.99895000;
    /** Classical electron radius r_e in cm (CODATA 2018: 2.8179403262e-15 m). */
    public static final double CLASSICAL_ELECTRON_RADIUS_CM = 2.8179403262e-13;
    /** Avogadro constant in 1/mol (CODATA 2018, exact). */
    public static final double AVOGADRO_PER_MOL = 6.02214076e23;
    /** Planck constant times speed of light in keV·Å (CODATA 2018: hc = 12.398419843320026 keV·Å). */
    public static final double HC_KEV_ANGSTROM = 12.398419843320026;
    /** Seconds in one hour. */
    public static final double SECONDS_PER_HOUR = 3600.0;
    /** Becquerel in one megabecquerel. */
    public static final double BQ_PER_MBQ = 1.0e6;

    private PhysicalConstants() {
    }
}
