package org.spectlab.simulator.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spectlab.core.error.InputException;
import org.spectlab.core.grid.Grid3;
import org.spectlab.core.grid.Volume;
import org.spectlab.core.io.interfile.Interfile;
import org.spectlab.core.io.nifti.Nifti;
import org.spectlab.core.projection.ProjectionSet;
import org.spectlab.simulator.run.BatchRunner;

/** The study writer on a tiny study: layout, read-back, Poisson statistics, atomicity, determinism. */
class SpectStudyTest {
    @TempDir
    static Path dir;

    private static Path study;
    private static SpectStudy.Outcome outcome;

    @BeforeAll
    static void simulateOnce() {
        study = dir.resolve("study");
        outcome = SpectStudy.run(StudyConfig.parse(TinyStudy.yaml(), "tiny", null), 2, BatchRunner.ProgressListener.NONE,
                "test-1.0", study, false);
    }

    @Test
    void writesEveryFileOfTheLayoutAndNothingElse() throws Exception {
        List<String> expected = List.of("study.json", "truth/activity.nii", "truth/labels.nii", "truth/labels.json",
                "truth/materials.nii", "truth/materials.json", "truth/phantom.json", "truth/mu_140.5keV.nii",
                "spect/photopeak.hs", "spect/photopeak.s", "spect/lower_scatter.hs", "spect/upper_scatter.s",
                "spect/noise_1/photopeak.hs", "spect/noise_1/upper_scatter.s", "spect/expected/photopeak.hs",
                "spect/expected/photopeak_primary.hs", "spect/expected/photopeak_scatter.s",
                "spect/expected/lower_scatter_scatter.hs", "spect/spectrum.csv", "ct/ct.nii");
        for (String f : expected) {
            assertThat(study.resolve(f)).as(f).isRegularFile();
        }
        try (Stream<Path> s = Files.walk(study)) {
            List<String> all = s.filter(Files::isRegularFile).map(p -> study.relativize(p).toString().replace('\\', '/'))
                    .sorted().toList();
            assertThat(all).containsExactlyInAnyOrderElementsOf(outcome.files());
        }
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains(".tmp-"));
        }
    }

    @Test
    void projectionsReadBackWithGeometryAndTotalIsPrimaryPlusScatter() {
        ProjectionSet counts = Interfile.readProjections(study.resolve("spect/photopeak.hs"));
        assertThat(counts.views()).isEqualTo(4);
        assertThat(counts.rows()).isEqualTo(16);
        assertThat(counts.cols()).isEqualTo(16);
        assertThat(counts.pixelSizeColMm()).isEqualTo(6.0);
        assertThat(counts.timePerViewS()).isEqualTo(10.0);
        assertThat(counts.geometry().radiusMm(0)).isEqualTo(120.0);
        assertThat(counts.window().name()).isEqualTo("photopeak");
        for (float c : counts.data()) {
            assertThat(c).isGreaterThanOrEqualTo(0f).isEqualTo((float) Math.rint(c));
        }
        float[] t = Interfile.readProjections(study.resolve("spect/expected/photopeak.hs")).data();
        float[] p = Interfile.readProjections(study.resolve("spect/expected/photopeak_primary.hs")).data();
        float[] s = Interfile.readProjections(study.resolve("spect/expected/photopeak_scatter.hs")).data();
        double sumT = 0;
        double sumS = 0;
        for (int i = 0; i < t.length; i++) {
            // float rounding of the sum: a few ulps
            assertThat(t[i]).isCloseTo(p[i] + s[i], within(1e-5f * Math.max(1f, t[i])));
            sumT += t[i];
            sumS += s[i];
        }
        // a 60 mm water cylinder scatters: some, but far from all, photopeak counts are scatter
        assertThat(sumS / sumT).isBetween(0.02, 0.5);
        assertThat(sumT).isCloseTo(outcome.result().primarySum(0) + outcome.result().scatterSum(0),
                within(1e-5 * sumT));
    }

    @Test
    void poissonCountsHaveTheExpectedMeanAndVariance() {
        for (String f : List.of("spect/photopeak.hs", "spect/noise_1/photopeak.hs", "spect/lower_scatter.hs")) {
            String window = Path.of(f).getFileName().toString();
            float[] mu = Interfile.readProjections(study.resolve("spect/expected/" + window)).data();
            float[] n = Interfile.readProjections(study.resolve(f)).data();
            double sumMu = 0;
            double sumN = 0;
            double dispersion = 0;
            double inverseMeans = 0;
            int k = 0;
            for (int i = 0; i < mu.length; i++) {
                sumMu += mu[i];
                sumN += n[i];
                if (mu[i] > 5) {
                    dispersion += (n[i] - mu[i]) * (n[i] - mu[i]) / mu[i];
                    inverseMeans += 1.0 / mu[i];
                    k++;
                }
            }
            assertThat(sumMu).as(f).isGreaterThan(1000);
            // total ~ Poisson(sum mu): z within 4 sigma (two-sided 6e-5 false alarm per check)
            assertThat(Math.abs(sumN - sumMu) / Math.sqrt(sumMu)).as(f + " z of the total").isLessThan(4);
            // index of dispersion: sum (n-mu)^2/mu has mean k and variance 2k + sum 1/mu for Poisson
            assertThat(k).isGreaterThan(50);
            assertThat(Math.abs(dispersion - k) / Math.sqrt(2 * k + inverseMeans)).as(f + " dispersion z").isLessThan(4);
        }
        // the two realisations are different draws
        float[] a = Interfile.readProjections(study.resolve("spect/photopeak.hs")).data();
        float[] b = Interfile.readProjections(study.resolve("spect/noise_1/photopeak.hs")).data();
        assertThat(a).isNotEqualTo(b);
    }

    @Test
    void truthAndMuMapReadBack() {
        Volume act = Nifti.readVolume(study.resolve("truth/activity.nii"));
        Volume mu = Nifti.readVolume(study.resolve("truth/mu_140.5keV.nii"));
        Grid3 g = act.grid();
        assertThat(mu.grid().sameGeometry(g)).isTrue();
        // centre voxel: water, 200 kBq/mL. NIST XCOM water at 140.5 keV: mu/rho = 0.1538 cm^2/g (total
        // with coherent); 0.5 % covers interpolation between the XCOM grid points 100 and 150 keV.
        assertThat(act.get(8, 8, 4)).isCloseTo((float) TinyStudy.CONCENTRATION_BQ_PER_ML, within(1f));
        assertThat((double) mu.get(8, 8, 4)).isCloseTo(0.1538, within(0.1538 * 0.005));
        // corner: air (0.001205 g/cm^3 x 0.1356 cm^2/g = 1.6e-4 /cm)
        assertThat((double) mu.get(0, 0, 0)).isBetween(1.0e-4, 2.5e-4);
    }

    @Test
    void ctIsInHounsfieldUnitsOnThePhantomGrid() {
        Volume ct = Nifti.readVolume(study.resolve("ct/ct.nii"));
        assertThat(ct.grid().sameGeometry(Nifti.readVolume(study.resolve("truth/activity.nii")).grid())).isTrue();
        // water 0 HU and air -1000 HU by definition of the scale; 60 HU covers the quantum noise of 6 mm
        // pixels at 100 mAs (about 10 HU at 1 mm, CtProtocol) plus residual beam hardening
        double centre = 0;
        for (int k = 2; k < 6; k++) {
            centre += ct.get(8, 8, k) / 4.0;
        }
        assertThat(centre).isBetween(-60.0, 60.0);
        assertThat((double) ct.get(0, 0, 0)).isBetween(-1060.0, -940.0);
    }

    @Test
    void manifestRecordsConfigCountsAndProvenance() throws Exception {
        JsonNode m = new ObjectMapper().readTree(study.resolve("study.json").toFile());
        assertThat(m.get("software").get("version").asText()).isEqualTo("test-1.0");
        assertThat(m.get("seed").asLong()).isEqualTo(11);
        assertThat(m.get("counts").get("histories").asLong()).isEqualTo(4000);
        assertThat(m.get("counts").get("interaction_sites").asLong()).isPositive();
        assertThat(m.get("counts").get("windows").get(0).get("name").asText()).isEqualTo("photopeak");
        assertThat(m.get("counts").get("windows").get(0).get("expected_total").asDouble())
                .isCloseTo(outcome.result().primarySum(0) + outcome.result().scatterSum(0), within(1e-6));
        assertThat(m.get("mean_relative_standard_error").asDouble()).isBetween(0.0, 1.0);
        // geometric collimator model: the planar sensitivity is the ideal-septa figure, both keys equal
        assertThat(m.get("camera").get("planar_sensitivity_model").asText()).startsWith("geometric");
        assertThat(m.get("camera").get("planar_sensitivity_cps_per_mbq").asDouble())
                .isEqualTo(m.get("camera").get("planar_sensitivity_geometric_cps_per_mbq").asDouble()).isPositive();
        assertThat(m.get("provenance").get("cross_sections").asText()).contains("XCOM");
        assertThat(m.get("provenance").get("scattering_functions").asText()).contains("EPDL97");
        assertThat(m.get("provenance").get("decay_data").asText()).contains("DDEP");
        assertThat(m.get("timings_s").get("simulation").asDouble()).isPositive();
        assertThat(m.get("provenance").get("ct").asText()).contains("TASMIP");
        assertThat(m.get("ct").get("seed").asLong()).isEqualTo(CtConfig.seed(11));
        // the recorded config is runnable as is
        StudyConfig again = StudyConfig.parse(m.get("config").toString(), "study.json", null);
        assertThat(again.toTree().toString()).isEqualTo(m.get("config").toString());
        String csv = Files.readString(study.resolve("spect/spectrum.csv"));
        assertThat(csv).contains("# energy_keV:").contains("\nenergy_keV,primary,scatter\n");
    }

    @Test
    void refusesANonEmptyFolderUnlessForcedAndReplacesItWhole() throws Exception {
        Path out = dir.resolve("taken");
        Files.createDirectories(out);
        Files.writeString(out.resolve("old.txt"), "x");
        StudyConfig cfg = StudyConfig.parse(TinyStudy.yaml("120", ", histories: 0, noise_realisations: 1"), "t", null);
        assertThatThrownBy(() -> SpectStudy.run(cfg, 1, BatchRunner.ProgressListener.NONE, "t", out, false))
                .isInstanceOf(InputException.class).hasMessageStartingWith("'--out'");
        SpectStudy.run(cfg, 1, BatchRunner.ProgressListener.NONE, "t", out, true);
        assertThat(out.resolve("old.txt")).doesNotExist();
        assertThat(out.resolve("spect/photopeak.hs")).isRegularFile();
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains(".tmp-") || n.contains(".old-"));
        }
    }

    @Test
    void agentStudyListsTheCumulatedActivityMapInItsManifest() throws Exception {
        Path out = dir.resolve("agent");
        // the tiny cylinder given an agent: it is all remainder (soft tissue), and acquisition_s makes the
        // phantom write truth/cumulated_activity.nii, which the manifest must list like every other file
        String yaml = TinyStudy.yaml("120", ", histories: 0, noise_realisations: 1").replace(
                " concentration_bq_per_ml: " + TinyStudy.CONCENTRATION_BQ_PER_ML + "}}\n",
                "}}\n  kinetics: {agent: tc99m-mdp, administered_mbq: 740, time_h: 3, acquisition_s: 40}\n");
        SpectStudy.Outcome o = SpectStudy.run(StudyConfig.parse(yaml, "agent", null), 1,
                BatchRunner.ProgressListener.NONE, "t", out, false);
        assertThat(out.resolve("truth/cumulated_activity.nii")).isRegularFile();
        assertThat(o.files()).contains("truth/cumulated_activity.nii");
        try (Stream<Path> s = Files.walk(out)) {
            List<String> all = s.filter(Files::isRegularFile).map(p -> out.relativize(p).toString().replace('\\', '/'))
                    .sorted().toList();
            assertThat(all).containsExactlyInAnyOrderElementsOf(o.files());
        }
        JsonNode manifest = new ObjectMapper().readTree(out.resolve("study.json").toFile());
        assertThat(manifest.get("files").toString()).contains("truth/cumulated_activity.nii");
    }

    @Test
    void radiusInsideThePatientIsRejectedBeforeAnythingIsWritten() {
        Path out = dir.resolve("inside");
        // the cylinder has radius 30 mm; its voxels' outer corners reach about 36 mm
        StudyConfig cfg = StudyConfig.parse(TinyStudy.yaml("25", ""), "t", null);
        assertThatThrownBy(() -> SpectStudy.run(cfg, 1, BatchRunner.ProgressListener.NONE, "t", out, false))
                .isInstanceOf(InputException.class).hasMessageStartingWith("'acquisition.radius_mm': view 0");
        assertThat(out).doesNotExist();
    }

    @Test
    void sameSeedGivesByteIdenticalProjectionsForOneAndTwoThreads() throws Exception {
        Path one = dir.resolve("one");
        StudyConfig cfg = StudyConfig.parse(TinyStudy.yaml(), "tiny", null);
        SpectStudy.run(cfg, 1, BatchRunner.ProgressListener.NONE, "test-1.0", one, false);
        int compared = 0;
        try (Stream<Path> s = Files.walk(study.resolve("spect"))) {
            for (Path p : s.filter(x -> x.toString().endsWith(".s")).toList()) {
                Path q = one.resolve(study.relativize(p));
                assertThat(Files.mismatch(p, q)).as(p.toString()).isEqualTo(-1L);
                compared++;
            }
        }
        assertThat(compared).isEqualTo(4 * 2 + 4 * 3); // 4 windows x (2 noise realisations + 3 expected)
        assertThat(Files.mismatch(study.resolve("ct/ct.nii"), one.resolve("ct/ct.nii"))).isEqualTo(-1L);
    }

    @Test
    void monteCarloCollimatorAndScatterOrdersWriteTheirParts() throws Exception {
        Path out = dir.resolve("mc");
        String yaml = TinyStudy.yaml("120", ", mode: analog, histories: 1000000, noise_realisations: 1, scatter_order_images: true")
                .replace("camera: {collimator: siemens-lehr}", "camera: {collimator: siemens-lehr, "
                        + "collimator_model: monte-carlo}") + "ct: {enabled: false}\n";
        StudyConfig cfg = StudyConfig.parse(yaml, "mc", null);
        assertThat(cfg.options(1).collimatorModel().key()).isEqualTo("monte-carlo");
        SpectStudy.Outcome o = SpectStudy.run(cfg, 2, BatchRunner.ProgressListener.NONE, "t", out, false);
        float[] t = Interfile.readProjections(out.resolve("spect/expected/photopeak.hs")).data();
        float[][] parts = new float[5][];
        String[] names = {"primary", "scatter", "penetration", "collimator_scatter", "lead_xray"};
        for (int c = 0; c < 5; c++) {
            parts[c] = Interfile.readProjections(out.resolve("spect/expected/photopeak_" + names[c] + ".hs")).data();
        }
        double sumT = 0;
        double[] sums = new double[5];
        for (int i = 0; i < t.length; i++) {
            float sum = 0;
            for (int c = 0; c < 5; c++) {
                sum += parts[c][i];
                sums[c] += parts[c][i];
            }
            assertThat(t[i]).isCloseTo(sum, within(1e-5f * Math.max(1f, t[i])));
            sumT += t[i];
        }
        // LEHR at 140.5 keV: penetration is present but small next to the primaries (septal scatter
        // is too rare to count on here; AnalogCollimatorTransportTest checks it)
        assertThat(sums[2]).isPositive().isLessThan(0.2 * sums[0]);
        assertThat(sums[3]).isLessThan(sums[0]);
        JsonNode w0 = new ObjectMapper().readTree(Files.readString(out.resolve("study.json"))).get("counts")
                .get("windows").get(0);
        assertThat(w0.get("expected_penetration").asDouble()).isCloseTo(sums[2], within(1e-4 * sumT));
        // the planar sensitivity follows the collimator model: Monte Carlo (penetration, septal scatter,
        // lead x-rays) with its standard error, the ideal-septa figure beside it. LEHR at 140.5 keV:
        // penetration and septal scatter add a few per cent (CameraQcTest: ~3-6 %), the Monte Carlo error
        // is ~1 %; the crystal response is the same in both. So MC / geometric within [0.97, 1.15].
        JsonNode cam = new ObjectMapper().readTree(Files.readString(out.resolve("study.json"))).get("camera");
        double mc = cam.get("planar_sensitivity_cps_per_mbq").asDouble();
        double se = cam.get("planar_sensitivity_std_error_cps_per_mbq").asDouble();
        double geo = cam.get("planar_sensitivity_geometric_cps_per_mbq").asDouble();
        System.out.printf("planar sensitivity: monte-carlo %.2f ± %.2f, geometric %.2f cps/MBq%n", mc, se, geo);
        assertThat(cam.get("planar_sensitivity_model").asText()).startsWith("monte-carlo");
        assertThat(se).isPositive().isLessThan(0.03 * mc);
        assertThat(mc / geo).isBetween(0.97, 1.15);
        assertThat(w0.get("expected_total").asDouble()).isCloseTo(sumT, within(1e-4 * sumT));
        String csv = Files.readString(out.resolve("spect/spectrum.csv"));
        assertThat(csv).contains("\nenergy_keV,primary,scatter,penetration,collimator_scatter,lead_xray\n");
        String row = csv.lines().filter(l -> l.startsWith("140.5,")).findFirst().orElseThrow();
        assertThat(row.split(",")).hasSize(6);
        assertThat(o.files()).contains("spect/expected/photopeak_penetration.hs", "spect/expected/lower_scatter_lead_xray.s");
        // scatter by order adds up to the scatter image
        float[] sc = parts[1];
        float[][] orders = new float[3][];
        for (int k = 0; k < 3; k++) {
            orders[k] = Interfile.readProjections(out.resolve("spect/expected/photopeak_scatter_order"
                    + (k == 2 ? "3plus" : String.valueOf(k + 1)) + ".hs")).data();
        }
        for (int i = 0; i < sc.length; i++) {
            assertThat(orders[0][i] + orders[1][i] + orders[2][i]).isCloseTo(sc[i], within(1e-5f * Math.max(1f, sc[i])));
        }
        assertThat(w0.has("expected_scatter_order1")).isTrue();
    }
}
