/**
 * Widths of line and point spread profiles: FWHM and FWTM by the NEMA NU 1 method (parabolic peak,
 * linear interpolation at half and tenth maximum) and by a least-squares Gaussian fit.
 *
 * <p>Positions are millimetres; profile values in any unit (counts, Bq/mL).
 */
package org.spectlab.metrics.profile;
