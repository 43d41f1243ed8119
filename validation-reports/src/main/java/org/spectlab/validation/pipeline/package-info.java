/**
 * The whole chain on one study, as a pure Java API: simulate ({@code SpectStudy}) → reconstruct
 * ({@code StudyReconstruction}) → localize ({@code LesionLocalizer} with CT regions) → score
 * ({@code StudyScoring}), with the files each stage writes and the time it took
 * ({@link org.spectlab.validation.pipeline.StudyPipeline}); the reading-room view of the result
 * ({@link org.spectlab.validation.pipeline.ReadingFindings}) and the study's HTML report
 * ({@link org.spectlab.validation.pipeline.StudyReport}). Used by the demo and the teaching datasets.
 */
package org.spectlab.validation.pipeline;
