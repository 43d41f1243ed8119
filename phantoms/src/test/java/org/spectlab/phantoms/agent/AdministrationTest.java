package org.spectlab.phantoms.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spectlab.core.error.InputException;
import org.spectlab.core.grid.Volume;
import org.spectlab.core.io.nifti.Nifti;
import org.spectlab.core.nuclide.NuclideLibrary;
import org.spectlab.phantoms.config.PhantomConfig;
import org.spectlab.phantoms.library.PresetCatalog;
import org.spectlab.phantoms.model.Phantom;
import org.spectlab.phantoms.truth.TruthFolder;

/** An agent administered to the library torso through a phantom config, down to phantom.json and NIfTI. */
class AdministrationTest {

    /** The shipped MDP example on 8 mm voxels (same extent) with 2^3 sub-samples, to stay fast. */
    static String coarse(String text, int nz) throws Exception {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        ObjectNode root = (ObjectNode) yaml.readTree(text);
        ObjectNode g = root.putObject("grid");
        g.putArray("size").add(48).add(32).add(nz);
        g.put("voxel_mm", 8.0);
        root.putObject("sampling").put("sub_samples", 2).put("boundary_refinement", 1).put("threads", 1);
        return new ObjectMapper().writeValueAsString(root);
    }

    /** The MDP example without its lesion (fixed in mm, it would leave a rescaled spine), torso options set. */
    private static JsonNode scaledAdministration(String torsoOptionsJson) throws Exception {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = (ObjectNode) json.readTree(coarse(PresetCatalog.exampleText("torso-mdp"), 100));
        root.remove("lesions");
        ((ObjectNode) root.get("preset")).set("options", json.readTree(torsoOptionsJson));
        return PhantomConfig.parse(json.writeValueAsString(root), "scaled").render().truth().toTree()
                .get("administration");
    }

    @Test
    void defaultPatientMassFollowsTheTorsoScaleSoTheRemainderShareStays() throws Exception {
        JsonNode ref = scaledAdministration("{\"sex\": \"male\"}");
        JsonNode big = scaledAdministration("{\"sex\": \"male\", \"scale\": 1.2}");
        JsonNode tall = scaledAdministration("{\"sex\": \"female\", \"height_cm\": 150}");
        // ICRP 89 reference 73 kg male / 60 kg female (163 cm): an isotropic scale multiplies it by scale^3; a
        // height alone keeps the reference body-mass index, so the weight goes with height^2
        assertThat(ref.get("patient_mass_kg").asDouble()).isEqualTo(73.0);
        assertThat(big.get("patient_mass_kg").asDouble()).isCloseTo(73.0 * 1.2 * 1.2 * 1.2, Offset.offset(1e-9));
        double s = 150.0 / 163.0;
        assertThat(tall.get("patient_mass_kg").asDouble()).isCloseTo(60.0 * s * s, Offset.offset(1e-9));
        // the phantom and its patient scale alike, so the torso holds the same share of the remainder; the
        // share moves only by partial-volume sampling of the rescaled outline (8 mm voxels, 2^3 sub-samples:
        // well under 1 % of the body volume). With the unscaled 73 kg it would grow 1.728-fold (capped at 1).
        double share = group(ref, LabelGroups.REMAINDER).get("share_in_phantom").asDouble();
        assertThat(group(big, LabelGroups.REMAINDER).get("share_in_phantom").asDouble())
                .isCloseTo(share, Offset.offset(0.01 * share));
    }

    @Test
    void mdpTorsoRendersWithExactBookkeepingLesionRatioAndCumulatedMap(@TempDir Path dir) throws Exception {
        PhantomConfig cfg = PhantomConfig.parse(coarse(PresetCatalog.exampleText("torso-mdp"), 85), "torso-mdp");
        PhantomConfig.Rendered r = cfg.render();
        JsonNode a = r.truth().toTree().get("administration");
        assertThat(a.get("agent").asText()).isEqualTo("tc99m-mdp");
        assertThat(a.get("nuclide").asText()).isEqualTo("Tc-99m");
        assertThat(a.get("route").asText()).isEqualTo("iv_bolus");
        assertThat(a.get("scan_time_h").asDouble()).isEqualTo(3.0);
        assertThat(a.get("acquisition_duration_s").asDouble()).isEqualTo(1200.0);
        double lambdaPerH = Math.log(2) / (NuclideLibrary.get("Tc-99m").halfLifeS() / 3600);
        // one patient, several times: body + excreted (its own compartments) = A0 exp(-lambda t), 1e-9 relative
        for (JsonNode b : a.get("bookkeeping")) {
            double t = b.get("time_h").asDouble();
            assertThat(b.get("body_activity_mbq").asDouble() + b.get("excreted_activity_mbq").asDouble())
                    .as("t = " + t).isCloseTo(740 * Math.exp(-lambdaPerH * t), Offset.offset(740e-9));
        }
        assertThat(a.get("bookkeeping")).hasSize(4);
        // the torso lies wholly inside the grid: the regions carry exactly the activity the phantom holds (1e-9)
        assertThat(r.phantom().totalActivityBq() * 1e-6).isCloseTo(
                a.get("body_activity_in_phantom_at_scan_mbq").asDouble(), Offset.offset(1e-9 * 740));
        // the remainder (blood, soft tissue) is spread over the 73 kg ICRP 89 reference patient's soft tissue,
        // 73 L less the skeleton and bladder of the phantom: the torso holds only its share of it
        JsonNode rem = group(a, LabelGroups.REMAINDER);
        double organsMl = r.phantom().labelVolumeMl("urinary_bladder");
        for (String bone : new String[] {"spine", "ribs", "pelvis", "femoral_head_left", "femoral_head_right",
            "red_marrow"}) {
            organsMl += r.phantom().labelVolumeMl(bone);
        }
        assertThat(r.phantom().phantom().region("body").concentrationBqPerMl() * (73000 - organsMl) * 1e-6)
                .isCloseTo(rem.get("activity_at_scan_mbq").asDouble(), Offset.offset(1e-9 * 740));
        assertThat(rem.get("share_in_phantom").asDouble()).isBetween(0.4, 0.8);
        // the metastasis takes its activity from the skeleton group at 5x its host (the vertebral body's
        // trabecular core, which shares the skeleton's concentration)
        Phantom p = r.phantom().phantom();
        assertThat(p.region("metastasis_1").concentrationBqPerMl())
                .isCloseTo(5 * p.region("spine_trabecular").concentrationBqPerMl(), Offset.offset(1e-6));
        assertThat(p.region("spine_cortical").concentrationBqPerMl()).isGreaterThan(
                5 * p.region("liver").concentrationBqPerMl()); // bone scan: bone well above soft tissue at 3 h
        // cumulated activity: the voxel sum equals the phantom's share of the groups' decays in the window
        // (float32 voxel sum, 1e-4)
        double decays = 0;
        for (JsonNode c : a.get("compartments")) {
            decays += c.get("decays_in_acquisition_mbq_s").asDouble() * c.get("share_in_phantom").asDouble();
        }
        assertThat(a.get("cumulated_activity").get("total_on_grid_mbq_s").asDouble() / decays)
                .isCloseTo(1.0, Offset.offset(1e-4));
        // written beside activity.nii, read back
        TruthFolder.write(r.phantom(), r.truth(), dir);
        Path cum = dir.resolve("truth").resolve(TruthFolder.CUMULATED_FILE);
        assertThat(Files.exists(cum)).isTrue();
        Volume back = Nifti.readVolume(cum);
        assertThat(back.sum() / r.truth().cumulatedBqSPerMl().sum()).isCloseTo(1.0, Offset.offset(1e-6));
        assertThat(Files.readString(dir.resolve("truth/phantom.json"))).contains("\"administration\"")
                .contains("Bq s/mL");
    }

    @Test
    void organCutByTheFieldOfViewKeepsItsConcentration() throws Exception {
        String text = PresetCatalog.exampleText("torso-mdp");
        PhantomConfig.Rendered wholeR = PhantomConfig.parse(coarse(text, 85), "w").render();
        Phantom whole = wholeR.phantom().phantom();
        // 41 slices of 8 mm centred: 328 mm of the 660 mm torso, on the same lattice (shifted 22 voxels)
        PhantomConfig.Rendered cutR = PhantomConfig.parse(coarse(text, 41), "c").render();
        // the cut grid holds less activity than the patient's body (bladder and upper chest are off the grid)
        assertThat(cutR.phantom().totalActivityBq()).isLessThan(0.9 * wholeR.phantom().totalActivityBq());
        Phantom cut = cutR.phantom().phantom();
        for (String id : new String[] {"liver", "spine_cortical", "body"}) {
            // the cut grid's whole-phantom volumes come from a rendering on the same lattice as the full grid:
            // identical sub-sample points, so equal to float rounding (1e-9)
            assertThat(cut.region(id).concentrationBqPerMl() / whole.region(id).concentrationBqPerMl()).as(id)
                    .isCloseTo(1.0, Offset.offset(1e-9));
        }
    }

    @Test
    void badAgentConfigsNameTheField() throws Exception {
        String base = "grid: {size: [40, 28, 80], voxel_mm: 10}\nsampling: {sub_samples: 1}\n"
                + "preset: {name: adult_torso}\n";
        assertThatThrownBy(() -> PhantomConfig.parse(base + "kinetics: {agent: tc99m-foo, administered_mbq: 740}\n", "t"))
                .isInstanceOf(InputException.class).hasMessageContaining("kinetics.agent")
                .hasMessageContaining("unknown agent 'tc99m-foo'").hasMessageContaining("tc99m-mdp, tc99m-sestamibi");
        assertThatThrownBy(() -> PhantomConfig.parse(base
                + "kinetics: {agent: tc99m-mdp, nuclide: In-111, administered_mbq: 740}\n", "t"))
                .isInstanceOf(InputException.class).hasMessageContaining("kinetics.nuclide");
        assertThatThrownBy(() -> PhantomConfig.parse(base
                + "lesions: [{id: m, kind: tumour, organ: liver, centre_mm: [-70, 0, -40], diameter_mm: 20,"
                + " concentration_bq_per_ml: 1000}]\n"
                + "kinetics: {agent: tc99m-mdp, administered_mbq: 740}\n", "t"))
                .isInstanceOf(InputException.class).hasMessageContaining("lesions[0]").hasMessageContaining("uptake_ratio");
        assertThatThrownBy(() -> PhantomConfig.parse(base
                + "kinetics: {agent: tc99m-mdp, administered_mbq: 740, compartments: {}}\n", "t"))
                .isInstanceOf(InputException.class).hasMessageContaining("compartments");
    }

    @Test
    void routesChangeWhereActivityStarts() throws Exception {
        String base = "grid: {size: [40, 28, 80], voxel_mm: 10}\nsampling: {sub_samples: 1}\n"
                + "preset: {name: adult_torso}\n";
        // inhalation: at 1 min the DTPA aerosol is almost all in the lungs
        JsonNode dtpa = PhantomConfig.parse(base + "kinetics: {agent: tc99m-dtpa-aerosol, administered_mbq: 40,"
                + " time_h: 0.0167}\n", "t").render().truth().toTree().get("administration");
        assertThat(fraction(dtpa, "lungs")).isGreaterThan(0.98);
        // ingestion: at 10 min the sulfur colloid is mostly in the stomach; the torso models the small intestine
        // and colon, so their activity is rendered (a group whose labels a phantom lacks is marked outside it:
        // the head/neck test)
        JsonNode sc = PhantomConfig.parse(base + "kinetics: {agent: tc99m-sulfur-colloid-oral, administered_mbq: 20,"
                + " time_h: 0.1667}\n", "t").render().truth().toTree().get("administration");
        assertThat(fraction(sc, "stomach")).isCloseTo(Math.pow(0.5, 0.1667 / Math.log(2)), Offset.offset(1e-6));
        assertThat(group(sc, "small_intestine").get("in_phantom").asBoolean()).isTrue();
        assertThat(group(sc, "colon").get("in_phantom").asBoolean()).isTrue();
        assertThat(group(sc, "stomach").get("in_phantom").asBoolean()).isTrue();
        // labelled cells: lungs first (at 2 min mostly there), liver and spleen/marrow by 24 h
        JsonNode wbc = PhantomConfig.parse(base + "kinetics: {agent: in111-oxine-wbc, administered_mbq: 18,"
                + " time_h: 0.0333}\n", "t").render().truth().toTree().get("administration");
        assertThat(fraction(wbc, "lungs")).isGreaterThan(0.8);
    }

    @Test
    void iodideFillsTheThyroidOfTheHeadNeckPhantom() throws Exception {
        String cfg = "grid: {size: [24, 28, 36], voxel_mm: 8}\nsampling: {sub_samples: 2}\n"
                + "preset: {name: head_neck}\n"
                + "kinetics: {agent: i123-iodide, administered_mbq: 20, time_h: 24}\n";
        PhantomConfig.Rendered r = PhantomConfig.parse(cfg, "t").render();
        JsonNode a = r.truth().toTree().get("administration");
        JsonNode thyroid = group(a, "thyroid");
        assertThat(thyroid.get("labels").toString()).contains("thyroid_left").contains("thyroid_right");
        // 30 % of the iodide reaches the thyroid (ICRP 56 fraction) minus what has not yet been taken up by 24 h
        assertThat(thyroid.get("fraction_of_administered_atoms").asDouble()).isBetween(0.28, 0.30);
        // the head/neck phantom has no stomach or bladder: their activity is outside the phantom, not rendered
        assertThat(group(a, "stomach").get("in_phantom").asBoolean()).isFalse();
        assertThat(group(a, "urinary_bladder").get("in_phantom").asBoolean()).isFalse();
        assertThat(r.phantom().totalActivityBq() * 1e-6).isLessThan(
                a.get("body_activity_at_scan_mbq").asDouble() - group(a, "urinary_bladder").get("activity_at_scan_mbq")
                        .asDouble() + 1e-9);
        Phantom p = r.phantom().phantom();
        // thyroid concentration far above the rest of the neck (about 20 mL of thyroid hold 29 % of the atoms)
        assertThat(p.region("thyroid_left").concentrationBqPerMl())
                .isGreaterThan(100 * p.region("neck_muscle").concentrationBqPerMl());
    }

    @Test
    void lutetiumDotatateTorsoAtOneDayWithALiverMetastasis() throws Exception {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = (ObjectNode) json.readTree(coarse(PresetCatalog.exampleText("torso-mdp"), 85));
        root.set("lesions", json.readTree("[{\"id\": \"net_1\", \"kind\": \"tumour\", \"organ\": \"liver\","
                + " \"diameter_mm\": 20, \"uptake_ratio\": 10}]"));
        root.set("lesion_placement", json.readTree("{\"seed\": 7, \"margin_mm\": 5}"));
        root.set("kinetics", json.readTree("{\"agent\": \"lu177-dotatate\", \"administered_mbq\": 7400,"
                + " \"time_h\": 24, \"acquisition_s\": 1800, \"report_times_h\": [4, 48, 168]}"));
        PhantomConfig.Rendered r = PhantomConfig.parse(json.writeValueAsString(root), "lu").render();
        JsonNode a = r.truth().toTree().get("administration");
        assertThat(a.get("nuclide").asText()).isEqualTo("Lu-177");
        double lambdaPerH = Math.log(2) / (NuclideLibrary.get("Lu-177").halfLifeS() / 3600);
        for (JsonNode b : a.get("bookkeeping")) {
            double t = b.get("time_h").asDouble();
            // body + excreted = A0 exp(-lambda t) at every reported time, 1e-9 relative
            assertThat(b.get("body_activity_mbq").asDouble() + b.get("excreted_activity_mbq").asDouble())
                    .as("t = " + t).isCloseTo(7400 * Math.exp(-lambdaPerH * t), Offset.offset(7400e-9));
        }
        // the label's 58 % urinary excretion at 24 h is the model's excreted fraction (bladder content is
        // still in the body: the excreted group is urine that has left it, so <= 0.58)
        assertThat(a.get("excreted_fraction").asDouble()).isBetween(0.50, 0.58);
        // every organ the label names is a group of its own, wholly in the phantom
        for (String g : new String[] {"kidneys", "liver", "spleen"}) {
            assertThat(group(a, g).get("share_in_phantom").asDouble()).as(g).isEqualTo(1.0);
        }
        Phantom p = r.phantom().phantom();
        assertThat(p.region("net_1").concentrationBqPerMl())
                .isCloseTo(10 * p.region("liver").concentrationBqPerMl(), Offset.offset(1e-6));
        // spleen (2.5 % in about 150 mL) far above liver (2 % in about 1.8 L) per mL, as in post-therapy scans
        assertThat(p.region("spleen").concentrationBqPerMl()).isGreaterThan(5 * p.region("liver").concentrationBqPerMl());
    }

    private static double fraction(JsonNode a, String group) {
        return group(a, group).get("fraction_of_administered_atoms").asDouble();
    }

    private static JsonNode group(JsonNode a, String group) {
        for (JsonNode c : a.get("compartments")) {
            if (c.get("group").asText().equals(group)) {
                return c;
            }
        }
        throw new AssertionError("no group " + group + " in " + a.get("compartments"));
    }
}
