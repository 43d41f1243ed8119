/**
 * Named phantom presets: the NEMA IEC body phantom, the Jaszczak deluxe phantom, uniform cylinders,
 * point and line sources, an anthropomorphic adult torso and an adult head and neck built from
 * analytic organs. Each preset documents its dimensions and where they come from;
 * {@link org.spectlab.phantoms.library.PresetCatalog} lists them with their shipped example configs.
 */
package org.spectlab.phantoms.library;
