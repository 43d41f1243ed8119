package org.spectlab.simulator.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spectlab.simulator.run.BatchRunner;
import org.spectlab.simulator.study.SpectStudy;
import org.spectlab.simulator.study.StudyConfig;

/**
 * A checkpointed run interrupted after some chunks (what a kill leaves: complete chunks, a
 * half-written temporary file, here also a truncated chunk) and resumed — with another thread
 * count — writes a study byte-identical to the uninterrupted single run, for both modes.
 */
class CheckpointTest {
    @TempDir
    Path dir;

    private final List<String> log = new ArrayList<>();

    private void interruptedThenResumedIsTheSingleRun(StudyConfig cfg) throws Exception {
        Path single = dir.resolve("single");
        SpectStudy.run(cfg, 1, BatchRunner.ProgressListener.NONE, "t", single, false);
        Path study = dir.resolve("resumed");
        Path cp = Checkpoint.folderFor(study);
        assertThat(cp.getFileName().toString()).isEqualTo("resumed.checkpoint");
        // first attempt: "killed" after 3 chunks
        assertThatThrownBy(() -> SpectStudy.run(cfg, 1, (c, s, t) -> Checkpoint.resume(c, s, t, cp,
                BatchRunner.ProgressListener.NONE, log::add, 3), "t", "t", study, false))
                .isInstanceOf(Checkpoint.Interrupted.class);
        assertThat(study).doesNotExist();
        List<Path> chunks = chunks(cp);
        assertThat(chunks).hasSize(3);
        // what a kill during a write leaves: a temporary file; and a chunk cut short
        Files.writeString(cp.resolve(".chunk-7-7.bin12345.tmp"), "half");
        byte[] last = Files.readAllBytes(chunks.get(2));
        Files.write(chunks.get(2), java.util.Arrays.copyOf(last, last.length / 2));
        // resumed with 2 threads: reuses 2 chunks, recomputes the rest
        SpectStudy.run(cfg, 2, Checkpoint.stage(cp, BatchRunner.ProgressListener.NONE, log::add), "resumed", "t",
                study, false);
        assertThat(String.join("\n", log)).contains("discarding").contains("truncated").contains(" reused");
        SameStudy.assertSameStudy(single, study);
        // a resume of a complete checkpoint computes nothing and gives the same study again
        log.clear();
        Path again = dir.resolve("again");
        SpectStudy.run(cfg, 2, (c, s, t) -> Checkpoint.resume(c, s, t, cp, BatchRunner.ProgressListener.NONE,
                log::add, 0), "resumed", "t", again, false);
        assertThat(log.get(0)).contains("8 of 8").contains("0 chunk(s) to compute");
        SameStudy.assertSameStudy(single, again);
        Checkpoint.delete(cp);
        assertThat(cp).doesNotExist();
    }

    @Test
    void forcedDetectionResumesBitForBit() throws Exception {
        interruptedThenResumedIsTheSingleRun(SplitRunMergeTest.config("forced-detection", 4000, 11));
    }

    @Test
    void analogResumesBitForBit() throws Exception {
        interruptedThenResumedIsTheSingleRun(SplitRunMergeTest.config("analog", 20_000, 11));
    }

    @Test
    void chunksOfAnotherConfigurationAreDiscarded() throws Exception {
        Path cp = dir.resolve("x.checkpoint");
        StudyConfig other = SplitRunMergeTest.config("forced-detection", 2000, 99);
        assertThatThrownBy(() -> SpectStudy.run(other, 1, (c, s, t) -> Checkpoint.resume(c, s, t, cp,
                BatchRunner.ProgressListener.NONE, log::add, 2), "t", "t", dir.resolve("x"), false))
                .isInstanceOf(Checkpoint.Interrupted.class);
        StudyConfig cfg = SplitRunMergeTest.config("forced-detection", 2000, 11);
        SpectStudy.run(cfg, 1, Checkpoint.stage(cp, BatchRunner.ProgressListener.NONE, log::add), "r", "t",
                dir.resolve("x"), false);
        assertThat(String.join("\n", log)).contains("foreign part").contains("2 chunk(s) discarded");
        SpectStudy.run(cfg, 1, BatchRunner.ProgressListener.NONE, "t", dir.resolve("single"), false);
        SameStudy.assertSameStudy(dir.resolve("single"), dir.resolve("x"));
    }

    private static List<Path> chunks(Path cp) throws Exception {
        try (Stream<Path> s = Files.list(cp)) {
            return s.filter(p -> p.getFileName().toString().startsWith("chunk-")).sorted().toList();
        }
    }
}
