/**
 * The spectlab command-line application (picocli).
 */
package org.spectlab.cli;
