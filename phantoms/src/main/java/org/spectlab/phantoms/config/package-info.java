/**
 * YAML (or JSON) phantom descriptions: the grid, a preset with options or explicit regions, lesions
 * (explicit or randomly placed), optional tracer kinetics. Every error names the offending field by
 * its path, e.g. {@code regions[2].shape.diameter_mm}.
 */
package org.spectlab.phantoms.config;
