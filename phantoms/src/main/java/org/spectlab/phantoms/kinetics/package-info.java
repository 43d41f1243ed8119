/**
 * Tracer kinetics: the biological retention of each compartment (organ or lesion label) as a sum of
 * exponentials, combined with physical decay, giving compartment activities at a time after
 * administration, their integrals over an acquisition window, the excreted activity, and the
 * phantom's activity concentrations at a time. Times after administration are in hours; acquisition
 * durations in seconds. No agent templates are built in: organ uptake fractions must come from a
 * cited biokinetic model (e.g. ICRP Publication 128) supplied by the user.
 */
package org.spectlab.phantoms.kinetics;
