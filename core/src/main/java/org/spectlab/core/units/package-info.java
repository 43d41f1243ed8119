/** Physical constants with their sources, and unit conversions used at stage boundaries. */
package org.spectlab.core.units;
