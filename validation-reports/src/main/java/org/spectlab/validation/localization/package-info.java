/**
 * The {@code localization} validation suite: the acceptance test of lesion localization on randomised
 * torso SPECT/CT studies ({@link org.spectlab.validation.localization.LocalizationCases} draws them,
 * {@link org.spectlab.validation.localization.LocalizationSuite} runs the whole pipeline on each and
 * pools the detections into sensitivity, false positives per case, localization error, organ
 * accuracy and the FROC curve).
 */
package org.spectlab.validation.localization;
