/**
 * Named phantom presets: the NEMA IEC body phantom, uniform cylinders, point and line sources, and an
 * anthropomorphic adult torso built from analytic organs. Each preset documents its dimensions and
 * where they come from.
 */
package org.spectlab.phantoms.library;
