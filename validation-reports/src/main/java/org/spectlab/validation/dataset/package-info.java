/**
 * Teaching datasets: N randomised patients from one seed, each a full study folder with its
 * reconstruction, detections, metrics and report, plus {@code manifest.csv} and an {@code index.html}
 * of thumbnails ({@link org.spectlab.validation.dataset.TeachingDataset}); the random case plans
 * ({@link org.spectlab.validation.dataset.CasePlan}).
 */
package org.spectlab.validation.dataset;
