package org.spectlab.validation.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spectlab.core.error.InputException;
import org.spectlab.phantoms.lesion.Lesion;
import org.spectlab.validation.pipeline.StudyPipeline;
import org.spectlab.validation.report.HtmlChecks;

class TeachingDatasetTest {
    @TempDir
    Path dir;

    @Test
    void sameSeedGivesTheSameManifestAndBitIdenticalProjections() throws Exception {
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        // Thread-count independence is the simulator's own tested property; here the seed is what matters.
        List<TeachingDataset.GeneratedCase> made = TeachingDataset.generate(2, 42, a, 5000, true, false,
                StudyPipeline.Settings.allCorrections(2, 4, 2, "test"), line -> { });
        // b: the same dataset fanned out as two jobs run in reverse order, then collected
        for (int job : new int[] {1, 0}) {
            List<TeachingDataset.GeneratedCase> part = TeachingDataset.generate(2, 42, b, 5000, true, false,
                    StudyPipeline.Settings.allCorrections(2, 4, 2, "test"), line -> { },
                    TeachingDataset.CaseSelection.of(job, 2));
            assertThat(part).hasSize(1);
            assertThat(part.get(0).plan().id()).isEqualTo(job == 0 ? "case_001" : "case_002");
        }
        assertThat(b.resolve("manifest.csv")).doesNotExist();
        assertThat(TeachingDataset.collect(2, 42, b, 5000, true, line -> { })).isEqualTo(2);
        assertThat(Files.readString(a.resolve("manifest.csv"))).isEqualTo(Files.readString(b.resolve("manifest.csv")));
        assertThat(Files.readAllBytes(b.resolve("index.html"))).as("index.html of the fanned-out run")
                .isEqualTo(Files.readAllBytes(a.resolve("index.html")));
        // collect refuses a missing case and a foreign one (same folders, another dataset seed), naming the case
        Path partial = dir.resolve("partial");
        copyTree(a.resolve("case_001"), partial.resolve("case_001"));
        assertThatThrownBy(() -> TeachingDataset.collect(2, 42, partial, 5000, true, line -> { }))
                .isInstanceOf(InputException.class).hasMessageContaining("case_002").hasMessageContaining("missing");
        assertThatThrownBy(() -> TeachingDataset.collect(2, 43, a, 5000, true, line -> { }))
                .isInstanceOf(InputException.class).hasMessageContaining("case_001").hasMessageContaining("foreign");
        assertThatThrownBy(() -> TeachingDataset.collect(2, 42, a, 6000, true, line -> { }))
                .isInstanceOf(InputException.class).hasMessageContaining("foreign");
        List<Path> projections = new ArrayList<>();
        try (Stream<Path> s = Files.walk(a)) {
            s.filter(p -> p.getParent().getFileName().toString().equals("spect") && p.toString().endsWith(".s"))
                    .forEach(projections::add);
        }
        // Four windows (photopeak, TEW lower and upper scatter, DEW Compton window) per case.
        assertThat(projections).hasSize(8);
        for (Path p : projections) {
            assertThat(Files.readAllBytes(b.resolve(a.relativize(p)))).as(p.toString()).isEqualTo(Files.readAllBytes(p));
        }
        String manifest = Files.readString(a.resolve("manifest.csv"));
        assertThat(manifest.lines()).hasSize(3);
        assertThat(manifest).startsWith("case,seed,").contains("case_001").contains("case_002");
        // Every case's lesions are placed inside the axial field of view (the grid's z range).
        for (TeachingDataset.GeneratedCase c : made) {
            var g = c.config().phantom().grid();
            double zMin = g.originZMm() - 0.5 * g.voxelZMm();
            double zMax = zMin + g.nz() * g.voxelZMm();
            assertThat(c.config().phantom().lesions()).hasSize(c.plan().lesions().size());
            for (Lesion l : c.config().phantom().lesions()) {
                assertThat(l.centreZMm() - l.maxRadiusMm()).isGreaterThanOrEqualTo(zMin);
                assertThat(l.centreZMm() + l.maxRadiusMm()).isLessThanOrEqualTo(zMax);
            }
            assertThat(a.resolve(c.plan().id()).resolve("recon/recon.nii")).isRegularFile();
            assertThat(a.resolve(c.plan().id()).resolve("report.html")).isRegularFile();
        }
        String index = Files.readString(a.resolve("index.html"));
        assertThat(HtmlChecks.hasExternalLinks(index)).isFalse();
        assertThat(HtmlChecks.inlinePngs(index)).hasSize(2);
    }

    private static void copyTree(Path from, Path to) throws java.io.IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    @Test
    void jobSelectionsAreCheckedAndPartitionTheCases() {
        assertThatThrownBy(() -> TeachingDataset.CaseSelection.of(2, 2)).isInstanceOf(InputException.class)
                .hasMessageContaining("--job-index");
        assertThatThrownBy(() -> TeachingDataset.CaseSelection.of(0, 0)).isInstanceOf(InputException.class)
                .hasMessageContaining("--jobs");
        assertThatThrownBy(() -> TeachingDataset.generate(2, 1, dir.resolve("x"), 5000, true, false,
                StudyPipeline.Settings.allCorrections(2, 4, 2, "test"), line -> { },
                TeachingDataset.CaseSelection.of(0, 3))).isInstanceOf(InputException.class)
                .hasMessageContaining("--jobs");
    }

    @Test
    void caseSeedsAndPlansAreReproducibleAndDiffer() {
        long[] s1 = CasePlan.caseSeeds(7, 5);
        long[] s2 = CasePlan.caseSeeds(7, 3);
        // The first cases of a larger dataset are the cases of a smaller one with the same seed.
        assertThat(s1).startsWith(s2);
        assertThat(CasePlan.draw(1, s1[0])).isEqualTo(CasePlan.draw(1, s1[0]));
        assertThat(CasePlan.caseSeeds(8, 3)).isNotEqualTo(s2);
        List<CasePlan> plans = new ArrayList<>();
        for (int c = 0; c < 5; c++) {
            plans.add(CasePlan.draw(c + 1, s1[c]));
        }
        assertThat(plans.stream().map(CasePlan::lesionSummary).distinct().count()).isGreaterThan(1);
        for (CasePlan p : plans) {
            assertThat(p.bodyScale()).isBetween(0.85, 1.15);
            assertThat(p.lesions()).hasSizeBetween(1, 3);
        }
    }
}
