package org.spectlab.simulator.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spectlab.core.error.InputException;
import org.spectlab.core.io.nifti.Nifti;
import org.spectlab.phantoms.config.PhantomConfig;
import org.spectlab.phantoms.kinetics.ScanKinetics;
import org.spectlab.phantoms.kinetics.TracerKinetics;
import org.spectlab.simulator.run.BatchRunner;
import org.spectlab.simulator.spect.KineticGroups;
import org.spectlab.simulator.spect.SpectResult;
import org.spectlab.simulator.spect.SpectScenario;

/**
 * A Tc-99m MDP bone scan started 30 min after injection, through the real pipeline (phantom config,
 * agent, rendering, scenario, forced detection, study folder): the blood (remainder) clears with a 1-h
 * half-time into the bladder and the skeleton, so during the 20-min scan the bladder fills. Primaries
 * only (no scatter histories), which are deterministic, on a coarse 8-mm torso.
 */
class KineticsStudyTest {
    private static final double SCAN_START_H = 0.5;
    private static final double TIME_PER_VIEW_S = 75;
    private static final int VIEWS = 16;

    static String yaml(String acquisitionS) {
        return "phantom:\n"
                + "  grid: {size: [48, 32, 85], voxel_mm: 8}\n"
                + "  sampling: {sub_samples: 2, boundary_refinement: 1}\n"
                + "  preset: {name: adult_torso, options: {sex: male}}\n"
                + "  kinetics: {agent: tc99m-mdp, administered_mbq: 740, time_h: " + SCAN_START_H
                + (acquisitionS == null ? "" : ", acquisition_s: " + acquisitionS) + "}\n"
                + "nuclide: Tc-99m\n"
                + "camera: {collimator: siemens-lehr}\n"
                + "acquisition: {views: " + VIEWS + ", radius_mm: 280, matrix: [48, 85], pixel_size_mm: 8,"
                + " time_per_view_s: " + TIME_PER_VIEW_S + "}\n"
                + "simulation: {mode: forced-detection, histories: 0, batches: 1, seed: 3, noise_realisations: 1,"
                + " crystal_histories_per_keV: 200}\n"
                + "ct: {enabled: false}\n";
    }

    private static StudyConfig config;
    private static PhantomConfig.Rendered rendered;
    private static SpectScenario scenario;

    @TempDir
    static Path dir;

    @BeforeAll
    static void render() {
        config = StudyConfig.parse(yaml("1200"), "mdp", null);
        rendered = config.phantom().render();
        scenario = SpectStudy.scenario(config, rendered);
    }

    private static TracerKinetics tracer() {
        return rendered.truth().administration().kinetics();
    }

    @Test
    void bladderFactorsAreTheAgentsTimeActivityMeansPerSlot() {
        // tolerance 1e-12 relative: the factor and TracerKinetics are the same closed-form integrals
        KineticGroups k = scenario.kinetics();
        assertThat(k.names()).contains("urinary_bladder", "remainder", "skeleton");
        TracerKinetics tk = tracer();
        for (String group : k.names()) {
            int g = k.names().indexOf(group);
            for (int v = 0; v < VIEWS; v++) {
                double expected = tk.decaysMBqSIn(group, SCAN_START_H + v * TIME_PER_VIEW_S / 3600, TIME_PER_VIEW_S)
                        / (TIME_PER_VIEW_S * tk.activityMBqAt(group, SCAN_START_H));
                assertThat(scenario.viewFactor(g, v)).as(group + " view " + v).isCloseTo(expected,
                        within(1e-12 * expected));
            }
        }
        int b = k.names().indexOf("urinary_bladder");
        int r = k.names().indexOf("remainder");
        // sign and size: the bladder gains about a third during the 20 min (blood half-time 1 h, voiding
        // 12/day), the blood loses about a fifth; both relative to the start
        assertThat(scenario.viewFactor(b, VIEWS - 1)).isBetween(1.2, 1.5);
        assertThat(scenario.viewFactor(r, VIEWS - 1)).isBetween(0.75, 0.85);
        for (int v = 1; v < VIEWS; v++) {
            assertThat(scenario.viewFactor(b, v)).isGreaterThan(scenario.viewFactor(b, v - 1));
            assertThat(scenario.viewFactor(r, v)).isLessThan(scenario.viewFactor(r, v - 1));
        }
    }

    /** The scenario with the same entries and factors [group][view]. */
    private static SpectScenario withFactors(double[][] factor) {
        ScanKinetics sk = rendered.scanKinetics();
        return scenario.withKinetics(KineticGroups.of(scenario.grid(), sk.groups(), sk.entryVoxels(),
                sk.entryGroups(), sk.entryConcentrationsBqPerMl(), factor));
    }

    private static float[] primaries(SpectScenario s) {
        SpectResult r = SpectStudy.simulate(config, s, 2, BatchRunner.ProgressListener.NONE);
        return r.primary().get(0);
    }

    @Test
    void bladderCountsRiseAcrossTheScanAsTheBladderFills() {
        KineticGroups k = scenario.kinetics();
        int groups = k.groups();
        int b = k.names().indexOf("urinary_bladder");
        int pixels = scenario.rows() * scenario.cols();
        // each group's projection at its scan-start activity (factor 1 in every view)
        float[][] unit = new float[groups][];
        for (int g = 0; g < groups; g++) {
            double[][] f = new double[groups][VIEWS];
            Arrays.fill(f[g], 1.0);
            unit[g] = primaries(withFactors(f));
        }
        float[] kinetic = primaries(scenario);
        float[] physical = primaries(scenario.withKinetics(null));
        // per view, the bladder region (pixels where the bladder gives most of the start's counts): its
        // counts relative to physical decay alone, ratio = sum_g s_g F_g / D with s_g the groups' shares of
        // the region's start counts
        double[] ratio = new double[VIEWS];
        for (int v = 0; v < VIEWS; v++) {
            double kin = 0;
            double phys = 0;
            double expected = 0;
            double bladder = 0;
            double all = 0;
            for (int p = v * pixels; p < (v + 1) * pixels; p++) {
                double sum = 0;
                for (int g = 0; g < groups; g++) {
                    sum += unit[g][p];
                }
                if (unit[b][p] > 0.5 * sum && sum > 0) {
                    kin += kinetic[p];
                    phys += physical[p];
                    bladder += unit[b][p];
                    all += sum;
                    for (int g = 0; g < groups; g++) {
                        expected += scenario.viewFactor(g, v) * unit[g][p];
                    }
                }
            }
            assertThat(all).as("view " + v + " has a bladder region").isPositive();
            // the projections are the groups' start projections weighted by their factors; tolerance
            // 1e-5 relative for float32 images summed over a region
            assertThat(kin).as("view " + v).isCloseTo(expected, within(1e-5 * expected));
            ratio[v] = kin / phys;
            // size against TracerKinetics: between the bladder's factor and the others' extremes, mixed
            // by the bladder's share (1e-9 slack for rounding)
            double share = bladder / all;
            double d = scenario.viewDecayFactor(v);
            double lo = Double.POSITIVE_INFINITY;
            double hi = 0;
            for (int g = 0; g < groups; g++) {
                if (g != b) {
                    lo = Math.min(lo, scenario.viewFactor(g, v) / d);
                    hi = Math.max(hi, scenario.viewFactor(g, v) / d);
                }
            }
            double fb = scenario.viewFactor(b, v) / d;
            assertThat(ratio[v]).as("view " + v).isBetween(share * fb + (1 - share) * lo - 1e-9,
                    share * fb + (1 - share) * hi + 1e-9);
        }
        // sign: views v and 16 - v look at the patient from mirror-image angles (same attenuation, same
        // bladder share), so the later one sees more counts relative to decay because the bladder filled
        for (int v = 1; v < VIEWS / 2; v++) {
            assertThat(ratio[VIEWS - v]).as("view " + (VIEWS - v) + " vs " + v).isGreaterThan(ratio[v]);
        }
        // over the scan the bladder region gains about a quarter relative to physical decay
        assertThat(ratio[VIEWS - 1] / ratio[1]).isBetween(1.2, 1.35);
    }

    @Test
    void cumulatedTruthAgreesWithTheDecaysTheProjectionsWereSimulatedFrom() throws Exception {
        // truth/cumulated_activity.nii (rendered from each region's decays over acquisition_s) must equal,
        // voxel by voxel, sum over the voxel's group entries of C_g(t0) x sum over slots F[g][slot] x T.
        // Tolerance 1e-5 relative to the voxel plus 1e-6 of the maximum: float32 maps.
        Path out = dir.resolve("study");
        SpectStudy.run(config, 2, BatchRunner.ProgressListener.NONE, "t", out, false);
        float[] cumulated = Nifti.readVolume(out.resolve("truth/cumulated_activity.nii")).data();
        ScanKinetics sk = rendered.scanKinetics();
        int[] voxel = sk.entryVoxels();
        byte[] group = sk.entryGroups();
        float[] conc = sk.entryConcentrationsBqPerMl();
        double[] perGroupS = new double[sk.groups().size()];
        for (int g = 0; g < perGroupS.length; g++) {
            for (int slot = 0; slot < scenario.timeSlots(); slot++) {
                perGroupS[g] += scenario.viewFactor(g, slot) * TIME_PER_VIEW_S;
            }
        }
        double[] expected = new double[cumulated.length];
        for (int e = 0; e < voxel.length; e++) {
            expected[voxel[e]] += conc[e] * perGroupS[group[e]];
        }
        double max = 0;
        for (float c : cumulated) {
            max = Math.max(max, c);
        }
        for (int i = 0; i < cumulated.length; i++) {
            assertThat((double) cumulated[i]).as("voxel " + i).isCloseTo(expected[i],
                    within(1e-5 * expected[i] + 1e-6 * max));
        }
        // study.json records what acted during the scan and each group's decays, as TracerKinetics has them
        JsonNode manifest = new ObjectMapper().readTree(out.resolve("study.json").toFile());
        JsonNode kin = manifest.get("kinetics");
        assertThat(kin.get("during_scan").asText()).isEqualTo("biological+physical");
        assertThat(kin.get("scan_duration_s").asDouble()).isEqualTo(1200.0);
        TracerKinetics tk = tracer();
        List<String> seen = new java.util.ArrayList<>();
        for (JsonNode g : kin.get("groups")) {
            String name = g.get("group").asText();
            seen.add(name);
            double perStart = g.get("decays_during_scan_mbq_s").asDouble() / g.get("activity_at_scan_start_mbq").asDouble();
            double direct = tk.decaysMBqSIn(name, SCAN_START_H, 1200) / tk.activityMBqAt(name, SCAN_START_H);
            assertThat(perStart).as(name).isCloseTo(direct, within(1e-9 * direct));
        }
        assertThat(seen).containsAll(scenario.kinetics().names());
    }

    @Test
    void aMissingCumulatedWindowIsTheScanAndTheTruthHoldsIt() {
        // left out, acquisition_s becomes the scan's duration (16 views x 75 s = 1200 s, one head), in
        // the phantom tree as run and in the rendered truth, identical to giving it explicitly
        StudyConfig implicit = StudyConfig.parse(yaml(null), "mdp", null);
        assertThat(implicit.phantomTree().get("kinetics").get("acquisition_s").asDouble()).isEqualTo(1200.0);
        float[] a = implicit.phantom().render().truth().cumulatedBqSPerMl().data();
        float[] b = rendered.truth().cumulatedBqSPerMl().data();
        assertThat(a).isEqualTo(b);
        // an explicit 0 keeps the truth without a cumulated map
        StudyConfig none = StudyConfig.parse(yaml("0"), "mdp", null);
        assertThat(none.phantom().render().truth().cumulatedBqSPerMl()).isNull();
    }

    @Test
    void aCumulatedWindowOtherThanTheScanIsRejectedNamingTheField() {
        assertThatThrownBy(() -> StudyConfig.parse(yaml("1800"), "mdp", null)).isInstanceOf(InputException.class)
                .hasMessageStartingWith("'phantom.kinetics.acquisition_s': 1800 s differs from the scan's duration 1200 s");
    }

    @Test
    void withoutKineticsTheManifestSaysPhysicalDecay() throws Exception {
        Path out = dir.resolve("plain");
        SpectStudy.run(StudyConfig.parse(TinyStudy.yaml("120", ", histories: 0, noise_realisations: 1"), "t", null), 1,
                BatchRunner.ProgressListener.NONE, "t", out, false);
        JsonNode kin = new ObjectMapper().readTree(out.resolve("study.json").toFile()).get("kinetics");
        assertThat(kin.get("during_scan").asText()).isEqualTo("physical");
        assertThat(kin.has("groups")).isFalse();
    }
}
