/**
 * SPECT projection data and how it was acquired: energy windows, the camera orbit, and the
 * projections themselves.
 *
 * <p>Angle convention (the one used everywhere in spectlab): the detector of a view at angle
 * {@code θ} sits at {@code (x, y) = R (sin θ, -cos θ)} in patient millimetres, so θ = 0 is anterior
 * (the camera above a supine patient), θ = 90° is at the patient's left, and θ grows clockwise as
 * seen from the patient's feet. A projection pixel's column axis is {@code (cos θ, sin θ, 0)}
 * (towards the patient's left at θ = 0) and its row axis is +z (superior); both are centred on the
 * axis of rotation.
 */
package org.spectlab.core.projection;
