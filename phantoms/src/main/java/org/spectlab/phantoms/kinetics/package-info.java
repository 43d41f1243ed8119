/**
 * Tracer kinetics: the biological retention of each compartment as a sum of exponentials
 * ({@link org.spectlab.phantoms.kinetics.Retention}), either given directly or solved exactly from a
 * first-order {@link org.spectlab.phantoms.kinetics.CompartmentModel}, combined with physical decay by
 * {@link org.spectlab.phantoms.kinetics.TracerKinetics}, the single source of compartment activities at a
 * time after administration, their integrals over an acquisition window, and the excreted activity;
 * {@link org.spectlab.phantoms.kinetics.ScanKinetics} splits the voxelised activity at the scan start by
 * compartment, so that a simulation can let each compartment change during the scan.
 * Times after administration are in hours; acquisition durations in seconds. Built-in agent templates
 * live in {@code org.spectlab.phantoms.agent}; retention can also be given per compartment in a
 * phantom config.
 */
package org.spectlab.phantoms.kinetics;
