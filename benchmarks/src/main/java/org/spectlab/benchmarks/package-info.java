/**
 * JMH benchmarks of the hot paths; each class is named after what it measures.
 */
package org.spectlab.benchmarks;
