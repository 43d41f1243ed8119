/**
 * The outputs of a validation run: {@code summary.json} and the HTML report of a suite, written
 * together by {@link org.spectlab.validation.output.ValidationOutput}.
 */
package org.spectlab.validation.output;
