/**
 * Tracer kinetics: the biological retention of each compartment (organ or lesion label) as a sum of
 * exponentials, combined with physical decay, giving compartment activities at a time after
 * administration, their integrals over an acquisition window, the excreted activity, and the
 * phantom's activity concentrations at a time. Times after administration are in hours; acquisition
 * durations in seconds. No agent templates are built in: the ICRP Publication 128 biokinetic tables
 * could not be retrieved from public sources for this code base, and agents are only built in with
 * numbers that can be cited. Organ uptake fractions and half-times must come from a cited biokinetic
 * model (e.g. ICRP Publication 128) supplied by the user, per compartment, in the phantom config.
 */
package org.spectlab.phantoms.kinetics;
