package org.spectlab.simulator.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.spectlab.core.error.InputException;
import org.spectlab.simulator.run.BatchRunner;
import org.spectlab.simulator.spect.SpectResult;
import org.spectlab.simulator.spect.SpectScenario;
import org.spectlab.simulator.study.SpectStudy;
import org.spectlab.simulator.study.StudyConfig;

/**
 * Checkpoints of a long single-machine run ({@code spectlab simulate --resume}): the run is cut
 * into chunks of units (views for forced detection, batches for analog), each written as a part
 * file {@code chunk-<first>-<last>.bin} into the checkpoint folder ({@code STUDY.checkpoint} beside
 * the study) as soon as it is complete. After a kill, the next run with the same folder reads the
 * valid chunks of the same configuration, computes only the missing units and merges exactly, so
 * the study is bit-identical to an uninterrupted run. Chunks that are corrupt, truncated, from
 * another configuration or overlapping are deleted and recomputed. The folder is removed once the
 * study is written.
 *
 * <p>Chunk size: {@code max(threads, ceil(units / 12))} units, so a kill loses at most about a
 * twelfth of the run while every thread stays busy within a chunk.
 */
public final class Checkpoint {
    /** Chunks a run is cut into (about; never fewer units per chunk than threads). */
    public static final int CHUNKS = 12;
    private static final Pattern CHUNK_FILE = Pattern.compile("chunk-\\d+-\\d+\\.bin");

    private Checkpoint() {
    }

    /** The checkpoint folder of a study folder: {@code <study>.checkpoint} beside it. */
    public static Path folderFor(Path studyDir) {
        Path abs = studyDir.toAbsolutePath().normalize();
        return abs.resolveSibling(abs.getFileName() + ".checkpoint");
    }

    /**
     * A SPECT stage for {@link SpectStudy#run(StudyConfig, int, SpectStudy.SpectStage, String, String,
     * Path, boolean)} that resumes from and writes to {@code folder}.
     *
     * @param folder   the checkpoint folder (created when missing)
     * @param progress told after each simulation batch
     * @param log      receives one line on what was reused, discarded and computed
     */
    public static SpectStudy.SpectStage stage(Path folder, BatchRunner.ProgressListener progress, Consumer<String> log) {
        return (config, scenario, threads) -> resume(config, scenario, threads, folder, progress, log, Long.MAX_VALUE);
    }

    /**
     * Resumes (or starts) a checkpointed run and returns the complete result.
     *
     * @param maxNewChunks stop with an {@link Interrupted} after computing this many new chunks
     *                     (simulates a kill; {@link Long#MAX_VALUE} for a normal run)
     */
    public static SpectResult resume(StudyConfig config, SpectScenario scenario, int threads, Path folder,
                                     BatchRunner.ProgressListener progress, Consumer<String> log, long maxNewChunks) {
        long t0 = System.nanoTime();
        ConfigIdentity identity = ConfigIdentity.of(config);
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the checkpoint folder " + folder + ": " + e.getMessage(), e);
        }
        for (Path tmp : ClusterJobs.listMatching(folder, Pattern.compile("\\..*\\.tmp"))) {
            ClusterJobs.delete(tmp); // left by a kill during a write
        }
        PartMerger merger = new PartMerger(identity, scenario);
        long reused = 0;
        int discarded = 0;
        for (Path f : ClusterJobs.listMatching(folder, CHUNK_FILE)) {
            try {
                Part p = PartFile.read(f);
                if (p.header().jobIndex() != PartHeader.CHECKPOINT) {
                    throw new InputException(f.getFileName() + ": not a checkpoint chunk");
                }
                merger.add(f.getFileName().toString(), p);
                reused += p.header().range().count();
            } catch (InputException e) {
                log.accept("checkpoint: discarding " + e.getMessage());
                ClusterJobs.delete(f);
                discarded++;
            }
        }
        List<UnitRange> todo = new ArrayList<>();
        long chunk = Math.max(threads, (identity.totalUnits() + CHUNKS - 1) / CHUNKS);
        for (UnitRange gap : merger.missing()) {
            for (long u = gap.first(); u < gap.end(); u += chunk) {
                todo.add(new UnitRange(gap.unit(), u, Math.min(chunk, gap.end() - u)));
            }
        }
        log.accept("checkpoint " + folder + ": " + reused + " of " + identity.totalUnits() + " "
                + identity.unit().key() + " reused" + (discarded > 0 ? ", " + discarded + " chunk(s) discarded" : "")
                + ", " + todo.size() + " chunk(s) to compute");
        List<UnitRange> now = todo.size() > maxNewChunks ? todo.subList(0, (int) maxNewChunks) : todo;
        PartRunner.compute(config, scenario, threads, PartHeader.CHECKPOINT, now, part -> {
            UnitRange r = part.header().range();
            Path f = folder.resolve("chunk-" + r.first() + "-" + (r.end() - 1) + ".bin");
            PartFile.write(f, part);
            merger.add(f.getFileName().toString(), part);
        }, progress);
        if (now.size() < todo.size()) {
            throw new Interrupted(now.size() + " of " + todo.size() + " chunks computed");
        }
        return merger.result(config.options(threads), (System.nanoTime() - t0) * 1e-9);
    }

    /** Deletes a checkpoint folder (after the study is written). */
    public static void delete(Path folder) {
        for (Path p : ClusterJobs.listMatching(folder, Pattern.compile(".*"))) {
            ClusterJobs.delete(p);
        }
        ClusterJobs.delete(folder);
    }

    /** Thrown by {@link #resume} when stopped after its chunk budget (a simulated kill). */
    public static final class Interrupted extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Interrupted(String message) {
            super(message);
        }
    }
}
