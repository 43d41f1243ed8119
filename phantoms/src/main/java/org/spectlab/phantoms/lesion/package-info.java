/**
 * Lesions (tumours, inflammation foci): ellipsoidal or spherical foci with uptake relative to their
 * host organ or absolute, an optional necrotic core, checks that they lie inside the body and do not
 * overlap, and reproducible random placement inside a named organ.
 */
package org.spectlab.phantoms.lesion;
