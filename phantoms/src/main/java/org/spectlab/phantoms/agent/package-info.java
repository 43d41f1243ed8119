/**
 * Radiopharmaceutical agents: biodistribution templates (nuclide, administration {@link
 * org.spectlab.phantoms.agent.Route}, a first-order compartment model with a cited source for every
 * fraction and half-time, and the published figures it reproduces) read from the data file
 * {@code agents.yaml} by {@link org.spectlab.phantoms.agent.AgentLibrary}, the anatomical
 * {@link org.spectlab.phantoms.agent.LabelGroups} their compartments fill, and the mapping of an
 * administration onto a rendered phantom's regions. Times in hours after administration.
 */
package org.spectlab.phantoms.agent;
