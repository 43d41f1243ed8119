/**
 * Photon interaction cross sections for the Monte Carlo: NIST XCOM element tables (photoelectric,
 * incoherent, coherent and pair production, cm^2/g, 1 keV to 3 MeV), their exact log-log interpolation
 * that never crosses an absorption edge ({@link org.spectlab.simulator.xs.ElementCrossSections}), the
 * mixture rule for materials ({@link org.spectlab.simulator.xs.MaterialCrossSections}), and the fast
 * uniform-grid tables the transport kernel reads ({@link org.spectlab.simulator.xs.MaterialXsTable}).
 * Only the simulator uses these exact data; reconstruction derives attenuation from CT numbers itself.
 */
package org.spectlab.simulator.xs;
