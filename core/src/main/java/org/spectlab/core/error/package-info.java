/** Errors raised for bad user input (files, configurations, command arguments). */
package org.spectlab.core.error;
