package org.spectlab.cli;

import org.spectlab.simulator.run.BatchRunner;

/**
 * Feeds a {@link ProgressLine} from a simulation's {@link BatchRunner.ProgressListener} callbacks:
 * the transport phase in batches with its rate in histories/s (histories per batch = histories /
 * batches, exact to within one history per batch), the projection phase of forced detection in
 * views with its rate in views/s, and the Monte Carlo collimator kernel tables of forced detection
 * in tables. Thread-safe (the line is); no allocation per callback.
 */
public final class SimulationProgress implements BatchRunner.ProgressListener {
    private final ProgressLine line;
    private final double historiesPerBatch;

    /**
     * @param line      where progress goes
     * @param histories photon histories of the whole run
     * @param batches   batches of the whole run (≥ 1)
     */
    public SimulationProgress(ProgressLine line, long histories, int batches) {
        this.line = line;
        this.historiesPerBatch = (double) histories / Math.max(1, batches);
    }

    /** A listener that tells nothing when the line is off, else a {@link SimulationProgress}. */
    public static BatchRunner.ProgressListener of(ProgressLine line, long histories, int batches) {
        return line.mode() == ProgressLine.Mode.OFF ? BatchRunner.ProgressListener.NONE
                : new SimulationProgress(line, histories, batches);
    }

    @Override
    public void phase(String name, long total) {
        if (PROJECTION.equals(name)) {
            line.begin(name, total, "views", "views", 1.0);
        } else if (KERNELS.equals(name)) {
            line.begin(name, total, "tables", "tables", 1.0);
        } else {
            line.begin(name, total, "batches", "histories", historiesPerBatch);
        }
    }

    @Override
    public void batchDone(long batchesDone) {
        line.update(batchesDone);
    }

    @Override
    public void viewsDone(long viewsDone) {
        line.update(viewsDone);
    }

    @Override
    public void tablesDone(long tablesDone) {
        line.update(tablesDone);
    }
}
