/**
 * Materials as elemental compositions (mass fractions) and densities, and the elements they are
 * made of. Cross sections are not here: they belong to the simulator, which alone may use exact
 * physics data (reconstruction converts CT numbers to attenuation itself).
 */
package org.spectlab.core.material;
