package org.spectlab.validation.physics;

import java.util.ArrayList;
import java.util.List;
import org.spectlab.validation.suite.SuiteContributor;
import org.spectlab.validation.suite.ValidationCase;

/**
 * The {@code physics} suite: attenuation coefficients vs NIST, Monte Carlo narrow-beam transmission
 * vs Beer-Lambert, Klein-Nishina, incoherent/coherent cross sections vs XCOM, and radioactive decay.
 */
public final class PhysicsSuite {
    /** Suite name. */
    public static final String NAME = "physics";
    /** Photons per slab of the transmission case. */
    public static final int TRANSMISSION_PHOTONS = 200_000;
    /** Samples per energy of the Klein-Nishina case. */
    public static final int KN_SAMPLES = 200_000;

    private PhysicsSuite() {
    }

    /** Defines the suite and its cases. */
    public static SuiteContributor contributor() {
        return r -> r.define(NAME, "Photon interaction data, transport and decay against NIST tables, closed "
                + "forms and evaluated nuclear data.").addCases(NAME, PhysicsSuite::cases);
    }

    /** The cases, in report order. */
    public static List<ValidationCase> cases() {
        List<ValidationCase> out = new ArrayList<>(AttenuationCases.cases());
        out.add(TransmissionCases.narrowBeam(TRANSMISSION_PHOTONS));
        out.add(ScatteringCases.kleinNishina(KN_SAMPLES));
        out.add(ScatteringCases.versusXcom());
        out.add(DecayCases.decay());
        return out;
    }
}
