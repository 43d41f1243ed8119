package org.spectlab.simulator.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spectlab.core.error.InputException;
import org.spectlab.simulator.run.BatchRunner;
import org.spectlab.simulator.study.SpectStudy;
import org.spectlab.simulator.study.StudyConfig;

/**
 * Split into 1, 3 and 7 jobs, run in scrambled order (one re-run), merge: the study's data files
 * are byte-identical to the single run's, for forced detection (split by views) and analog (split by
 * batches). Missing, duplicate and foreign parts are refused naming the file.
 */
class SplitRunMergeTest {
    @TempDir
    Path dir;

    /**
     * A water cylinder, 8 views of 16 x 16, 8 batches: a second per run. The CT (written by the
     * shared study code, independent of the SPECT part) is simulated for forced detection only, to
     * keep the test short.
     */
    static String yaml(String mode, long histories, long seed) {
        return "phantom:\n"
                + "  grid: {size: [16, 16, 8], voxel_mm: 6}\n"
                + "  sampling: {sub_samples: 2}\n"
                + "  preset: {name: uniform_cylinder, options: {diameter_mm: 60, length_mm: 36,"
                + " concentration_bq_per_ml: 200000}}\n"
                + "nuclide: Tc-99m\n"
                + "camera: {collimator: siemens-lehr}\n"
                + "acquisition: {views: 8, radius_mm: 120, matrix: [16, 16], pixel_size_mm: 6, time_per_view_s: 10}\n"
                + "simulation: {mode: " + mode + ", histories: " + histories + ", batches: 8, seed: " + seed
                + ", noise_realisations: 2, crystal_histories_per_keV: 200}\n"
                + (mode.equals("analog") ? "ct: {enabled: false}\n" : "");
    }

    static StudyConfig config(String mode, long histories, long seed) {
        return StudyConfig.parse(yaml(mode, histories, seed), "test", null);
    }

    private void splitRunMergeIsTheSingleRun(StudyConfig cfg) throws Exception {
        splitRunMergeIsTheSingleRun(cfg, dir);
    }

    private static void splitRunMergeIsTheSingleRun(StudyConfig cfg, Path dir) throws Exception {
        Path single = dir.resolve("single");
        SpectStudy.run(cfg, 2, BatchRunner.ProgressListener.NONE, "t", single, false);
        Random order = new Random(42);
        for (int jobs : new int[] {1, 3, 7}) {
            Path split = dir.resolve("split-" + jobs);
            List<JobSpec> specs = ClusterJobs.split(cfg, jobs, split, SchedulerFiles.defaults(), false);
            assertThat(specs).hasSize(jobs);
            List<Integer> ks = new ArrayList<>();
            for (int k = 0; k < jobs; k++) {
                ks.add(k);
            }
            Collections.shuffle(ks, order);
            for (int k : ks) {
                var o = ClusterJobs.run(split.resolve(JobSpec.fileName(k)), 1 + k % 2, false,
                        BatchRunner.ProgressListener.NONE);
                assertThat(o.skipped()).isFalse();
            }
            byte[] before = Files.readAllBytes(split.resolve("part-0.bin"));
            var again = ClusterJobs.run(split.resolve(JobSpec.fileName(0)), 1, false, BatchRunner.ProgressListener.NONE);
            assertThat(again.skipped()).as("re-run of a finished job").isTrue();
            assertThat(Files.readAllBytes(split.resolve("part-0.bin"))).isEqualTo(before);
            Path merged = dir.resolve("merged-" + jobs);
            ClusterJobs.merge(split, merged, 1, "t", false);
            SameStudy.assertSameStudy(single, merged);
        }
    }

    @Test
    void forcedDetectionSplitByViewsMergesToTheSingleRunBitForBit() throws Exception {
        StudyConfig cfg = config("forced-detection", 4000, 11);
        assertThat(ConfigIdentity.of(cfg).unit()).isEqualTo(WorkUnit.VIEWS);
        splitRunMergeIsTheSingleRun(cfg);
    }

    @Test
    void forcedDetectionWithTheMonteCarloCollimatorSplitByViewsMergesToTheSingleRunBitForBit() throws Exception {
        // the part files carry the collimator components' images and spectra; every part builds the
        // same kernel tables (few photons here: their noise does not matter to the identity)
        String yaml = yaml("forced-detection", 4000, 11)
                .replace("camera: {collimator: siemens-lehr}", "camera: {collimator: siemens-lehr, collimator_model: "
                        + "monte-carlo}")
                .replace("crystal_histories_per_keV: 200}", "crystal_histories_per_keV: 200, kernel_photons: 4000}");
        assertThat(yaml).contains("monte-carlo").contains("kernel_photons");
        StudyConfig cfg = StudyConfig.parse(yaml, "test", null);
        splitRunMergeIsTheSingleRun(cfg, Files.createDirectories(dir.resolve("mc")));
        assertThat(dir.resolve("mc/single/spect/expected")).isDirectoryContaining(p -> p.getFileName().toString()
                .contains("penetration"));
    }

    @Test
    void analogSplitByBatchesMergesToTheSingleRunBitForBit() throws Exception {
        StudyConfig cfg = config("analog", 20_000, 11);
        assertThat(ConfigIdentity.of(cfg).unit()).isEqualTo(WorkUnit.BATCHES);
        splitRunMergeIsTheSingleRun(cfg);
    }

    @Test
    void kineticsDuringTheScanSplitAndMergeBitForBitInBothModes() throws Exception {
        // the cylinder given an agent is all remainder (blood clearing with 1 h at 0.5 h): one kinetic
        // group whose factors differ from physical decay, so the kinetic weights take part in every part
        String agent = "}}\n  kinetics: {agent: tc99m-mdp, administered_mbq: 740, time_h: 0.5}\n";
        for (String mode : new String[] {"forced-detection", "analog"}) {
            String yaml = yaml(mode, mode.equals("analog") ? 20_000 : 4000, 13)
                    .replace(" concentration_bq_per_ml: 200000}}\n", agent);
            assertThat(yaml).contains("tc99m-mdp");
            StudyConfig cfg = StudyConfig.parse(yaml, "test", null);
            assertThat(SpectStudy.scenario(cfg, cfg.phantom().render()).duringScan()).isEqualTo("biological+physical");
            splitRunMergeIsTheSingleRun(cfg, Files.createDirectories(dir.resolve(mode)));
        }
    }

    @Test
    void jobFilesRoundTripTheConfigurationAndItsHash() {
        StudyConfig cfg = config("forced-detection", 4000, 11);
        Path split = dir.resolve("split");
        ClusterJobs.split(cfg, 3, split, SchedulerFiles.defaults(), false);
        JobSpec j = JobSpec.read(split.resolve("job-2.yaml"));
        assertThat(j.config().toTree()).isEqualTo(cfg.toTree());
        assertThat(j.identity()).isEqualTo(ConfigIdentity.of(cfg));
        assertThat(j.part()).isEqualTo(new UnitRange(WorkUnit.VIEWS, 6, 2));
        assertThat(ConfigIdentity.of(config("forced-detection", 4000, 12)).configHash())
                .isNotEqualTo(j.identity().configHash());
        assertThatThrownBy(() -> ClusterJobs.split(cfg, 9, dir.resolve("x"), SchedulerFiles.defaults(), false))
                .isInstanceOf(InputException.class).hasMessageContaining("--jobs").hasMessageContaining("1 to 8");
        assertThatThrownBy(() -> ClusterJobs.split(cfg, 3, split, SchedulerFiles.defaults(), false))
                .isInstanceOf(InputException.class).hasMessageContaining("--force");
    }

    @Test
    void missingDuplicateAndForeignPartsAreRefusedNamingTheFile() throws Exception {
        StudyConfig cfg = config("forced-detection", 2000, 11);
        Path split = dir.resolve("split");
        ClusterJobs.split(cfg, 3, split, SchedulerFiles.defaults(), false);
        ClusterJobs.run(split.resolve("job-0.yaml"), 1, false, BatchRunner.ProgressListener.NONE);
        ClusterJobs.run(split.resolve("job-2.yaml"), 1, false, BatchRunner.ProgressListener.NONE);
        Path out = dir.resolve("study");
        assertThatThrownBy(() -> ClusterJobs.merge(split, out, 1, "t", false)).isInstanceOf(InputException.class)
                .hasMessageContaining("missing part part-1.bin").hasMessageContaining("views 3-5");
        ClusterJobs.run(split.resolve("job-1.yaml"), 1, false, BatchRunner.ProgressListener.NONE);
        // duplicate: a copy of a part under another name
        Files.copy(split.resolve("part-1.bin"), split.resolve("part-1-copy.bin"));
        assertThatThrownBy(() -> ClusterJobs.merge(split, out, 1, "t", false)).isInstanceOf(InputException.class)
                .hasMessageContaining("part-1-copy.bin").hasMessageContaining("duplicate");
        Files.delete(split.resolve("part-1-copy.bin"));
        // duplicate: one job's part in another's place
        Path saved = dir.resolve("part-2.saved");
        Files.move(split.resolve("part-2.bin"), saved);
        Files.copy(split.resolve("part-1.bin"), split.resolve("part-2.bin"));
        assertThatThrownBy(() -> ClusterJobs.merge(split, out, 1, "t", false)).isInstanceOf(InputException.class)
                .hasMessageContaining("part-2.bin").hasMessageContaining("duplicated");
        // foreign: the part of the same job from another seed
        Path other = dir.resolve("other");
        ClusterJobs.split(config("forced-detection", 2000, 12), 3, other, SchedulerFiles.defaults(), false);
        ClusterJobs.run(other.resolve("job-2.yaml"), 1, false, BatchRunner.ProgressListener.NONE);
        Files.copy(other.resolve("part-2.bin"), split.resolve("part-2.bin"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertThatThrownBy(() -> ClusterJobs.merge(split, out, 1, "t", false)).isInstanceOf(InputException.class)
                .hasMessageContaining("part-2.bin").hasMessageContaining("foreign").hasMessageContaining("seed 12");
        // a truncated part (a job killed by a non-atomic copy) is refused at merge, and re-run replaces it
        Files.move(saved, split.resolve("part-2.bin"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        byte[] good = Files.readAllBytes(split.resolve("part-2.bin"));
        Files.write(split.resolve("part-2.bin"), java.util.Arrays.copyOf(good, good.length - 100));
        assertThatThrownBy(() -> ClusterJobs.merge(split, out, 1, "t", false)).isInstanceOf(InputException.class)
                .hasMessageContaining("part-2.bin").hasMessageContaining("truncated");
        assertThat(ClusterJobs.run(split.resolve("job-2.yaml"), 1, false, BatchRunner.ProgressListener.NONE).skipped())
                .isFalse();
        assertThat(Files.readAllBytes(split.resolve("part-2.bin"))).isEqualTo(good);
        ClusterJobs.merge(split, out, 1, "t", false);
        assertThat(out.resolve("spect/photopeak.s")).isRegularFile();
    }
}
