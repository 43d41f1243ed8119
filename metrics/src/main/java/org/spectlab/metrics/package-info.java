/**
 * Scoring of images and detections against ground truth, and statistics to compare simulations with reference data. Depends on core only.
 */
package org.spectlab.metrics;
