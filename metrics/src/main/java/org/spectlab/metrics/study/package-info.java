/**
 * Scoring of a whole study folder against its ground truth, as the {@code score} command does it:
 * {@link org.spectlab.metrics.study.StudyScoring} reads {@code truth/} and an image and/or detections
 * file and returns the {@link org.spectlab.metrics.report.MetricsReport}.
 */
package org.spectlab.metrics.study;
