package org.spectlab.simulator.cluster;

/**
 * The identifying header of a part file: which run (configuration hash, seed, unit, total units),
 * which job (index, or -1 for a checkpoint chunk) and which units it holds.
 *
 * @param formatVersion part file format version ({@link PartFile#FORMAT_VERSION})
 * @param identity      the run the part belongs to
 * @param jobIndex      job index of a split, or {@link #CHECKPOINT} for a checkpoint chunk
 * @param range         the units held
 */
public record PartHeader(int formatVersion, ConfigIdentity identity, int jobIndex, UnitRange range) {
    /** Job index of checkpoint chunks (not part of a split). */
    public static final int CHECKPOINT = -1;
}
