package org.spectlab.validation.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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
        TeachingDataset.generate(2, 42, b, 5000, true, false, StudyPipeline.Settings.allCorrections(2, 4, 2, "test"),
                line -> { });
        assertThat(Files.readString(a.resolve("manifest.csv"))).isEqualTo(Files.readString(b.resolve("manifest.csv")));
        List<Path> projections = new ArrayList<>();
        try (Stream<Path> s = Files.walk(a)) {
            s.filter(p -> p.getParent().getFileName().toString().equals("spect") && p.toString().endsWith(".s"))
                    .forEach(projections::add);
        }
        // Three windows (photopeak, lower and upper scatter) per case.
        assertThat(projections).hasSize(6);
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
