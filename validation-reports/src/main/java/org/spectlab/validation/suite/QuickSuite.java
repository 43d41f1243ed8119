package org.spectlab.validation.suite;

import org.spectlab.validation.camera.CameraSuite;
import org.spectlab.validation.patient.PatientSuite;
import org.spectlab.validation.physics.PhysicsSuite;
import org.spectlab.validation.reconstruction.ReconstructionSuite;

/**
 * The {@code quick} suite: a subset of the others that runs in well under a minute on two cores and
 * that the test suite runs (its outputs are the regression baseline in
 * {@code validation-reports/baselines/quick}). It reuses the cases of the other suites by name, so
 * they are defined once.
 */
public final class QuickSuite {
    /** Suite name. */
    public static final String NAME = "quick";

    private QuickSuite() {
    }

    /** Defines the suite. */
    public static SuiteContributor contributor() {
        return r -> r.define(NAME, "Fast subset of physics, camera, patient and reconstruction (the test suite runs it).")
                .include(NAME, PhysicsSuite.NAME, "attenuation-water", "attenuation-lead", "attenuation-nai",
                        "transmission-narrow-beam", "klein-nishina", "scattering-vs-xcom", "decay")
                .include(NAME, CameraSuite.NAME, "collimator-siemens-lehr", "collimator-ge-megp", "qc-siemens-lehr",
                        "energy-resolution-tc-99m", "vendor-siemens-lehr")
                .include(NAME, PatientSuite.NAME, "scatter-fraction-water-cylinder")
                .include(NAME, ReconstructionSuite.NAME, "osem-ac-uniform-cylinder", "fbp-uniform-disc");
    }
}
