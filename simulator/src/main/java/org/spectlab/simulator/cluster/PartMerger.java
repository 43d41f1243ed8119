package org.spectlab.simulator.cluster;

import org.spectlab.core.error.InputException;
import org.spectlab.simulator.run.TallySet;
import org.spectlab.simulator.spect.AnalogSimulation;
import org.spectlab.simulator.spect.PartialResult;
import org.spectlab.simulator.spect.SimulationOptions;
import org.spectlab.simulator.spect.SpectResult;
import org.spectlab.simulator.spect.SpectScenario;

/**
 * Adds parts of one run together, exactly, and makes the run's result once every unit is covered.
 * View parts are copied into their views (each value belongs to one view, so the merge is a copy
 * and bit-exact); batch parts add their raw fixed-point tallies (integer addition: exact and
 * order-independent). Parts of another run, parts that overlap and gaps are refused with an
 * {@link InputException} naming the part.
 */
public final class PartMerger {
    private final ConfigIdentity identity;
    private final SpectScenario scenario;
    private final String[] coveredBy;
    private final int plane;
    private double[][] projections;
    private double[][] spectrumPrimary;
    private double[][] spectrumScatter;
    /** [component][view][bin] of the Monte Carlo collimator's components, or null. */
    private double[][][] spectrumCollimator;
    private Part.ViewData shape;
    private final TallySet tallies = TallySet.create();

    /**
     * @param identity the run's identity (parts must match it)
     * @param scenario the run's scenario (the view parts' shape must match it)
     */
    public PartMerger(ConfigIdentity identity, SpectScenario scenario) {
        this.identity = identity;
        this.scenario = scenario;
        this.coveredBy = new String[Math.toIntExact(identity.totalUnits())];
        this.plane = scenario.rows() * scenario.cols();
    }

    /**
     * Adds a part.
     *
     * @param name the part's file name, for messages
     * @param part the part
     * @throws InputException when the part is foreign (other configuration or seed), overlaps a part
     *                        already added, or does not fit the run's shape
     */
    public void add(String name, Part part) {
        PartHeader h = part.header();
        ConfigIdentity id = h.identity();
        if (!id.configHash().equals(identity.configHash()) || id.seed() != identity.seed()) {
            throw new InputException(name + ": foreign part: configuration " + id.shortHash() + " seed " + id.seed()
                    + ", this run is " + identity.shortHash() + " seed " + identity.seed());
        }
        if (id.unit() != identity.unit() || id.totalUnits() != identity.totalUnits()) {
            throw new InputException(name + ": foreign part: " + id.totalUnits() + " " + id.unit().key()
                    + ", this run has " + identity.totalUnits() + " " + identity.unit().key());
        }
        UnitRange r = h.range();
        for (long u = r.first(); u < r.end(); u++) {
            String other = coveredBy[(int) u];
            if (other != null) {
                throw new InputException(name + ": duplicate part: " + identity.unit().key() + " " + u
                        + " is already in " + other);
            }
        }
        if (part.views() != null) {
            addViews(name, r, part.views());
        } else {
            tallies.merge(part.tallies());
        }
        for (long u = r.first(); u < r.end(); u++) {
            coveredBy[(int) u] = name;
        }
    }

    private void addViews(String name, UnitRange r, Part.ViewData d) {
        int views = scenario.orbit().views();
        if (d.plane() != plane || d.rows() != scenario.rows() || d.windows() != scenario.camera().windows().size()) {
            throw new InputException(name + ": foreign part: projection shape " + d.rows() + "x" + d.cols() + " with "
                    + d.windows() + " windows does not match the run");
        }
        if (shape == null) {
            shape = d;
            projections = new double[d.projections().length][views * plane];
            spectrumPrimary = new double[views][];
            spectrumScatter = new double[views][];
            spectrumCollimator = d.spectrumCollimator() == null ? null
                    : new double[d.spectrumCollimator().length][views][];
        } else if (d.groups() != shape.groups() || d.bins() != shape.bins() || d.histories() != shape.histories()
                || d.sites() != shape.sites() || d.projections().length != projections.length
                || (d.spectrumCollimator() == null) != (spectrumCollimator == null)) {
            throw new InputException(name + ": foreign part: error groups, spectrum bins, histories, interaction "
                    + "sites or collimator components differ from the other parts");
        }
        int first = (int) r.first();
        int count = (int) r.count();
        for (int c = 0; c < projections.length; c++) {
            System.arraycopy(d.projections()[c], 0, projections[c], first * plane, count * plane);
        }
        for (int v = 0; v < count; v++) {
            spectrumPrimary[first + v] = d.spectrumPrimary()[v];
            spectrumScatter[first + v] = d.spectrumScatter()[v];
            for (int c = 0; spectrumCollimator != null && c < spectrumCollimator.length; c++) {
                spectrumCollimator[c][first + v] = d.spectrumCollimator()[c][v];
            }
        }
    }

    /** The units no part has covered yet, as a list of inclusive ranges for messages (empty when complete). */
    public java.util.List<UnitRange> missing() {
        java.util.List<UnitRange> out = new java.util.ArrayList<>();
        int u = 0;
        while (u < coveredBy.length) {
            if (coveredBy[u] != null) {
                u++;
                continue;
            }
            int start = u;
            while (u < coveredBy.length && coveredBy[u] == null) {
                u++;
            }
            out.add(new UnitRange(identity.unit(), start, u - start));
        }
        return out;
    }

    /**
     * The run's result.
     *
     * @param options     the run's options (seed, histories, crystal response)
     * @param wallSeconds recorded as the simulation time
     * @throws InputException when units are missing
     */
    public SpectResult result(SimulationOptions options, double wallSeconds) {
        java.util.List<UnitRange> gaps = missing();
        if (!gaps.isEmpty()) {
            throw new InputException("incomplete run: no part holds " + gaps);
        }
        if (identity.unit() == WorkUnit.BATCHES) {
            return AnalogSimulation.finish(scenario, options, tallies, wallSeconds);
        }
        int views = scenario.orbit().views();
        PartialResult whole = new PartialResult(0, views, views, shape.rows(), shape.cols(), shape.windows(),
                shape.groups(), projections, spectrumPrimary, spectrumScatter, spectrumCollimator, shape.histories(),
                shape.sites());
        return whole.finish(scenario, options, wallSeconds);
    }
}
