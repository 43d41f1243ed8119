package org.spectlab.phantoms.kinetics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.spectlab.core.error.InputException;
import org.spectlab.phantoms.config.PhantomConfig;
import org.spectlab.phantoms.library.PresetCatalog;

/** The activity at the scan start split into kinetic groups, voxel by voxel. */
class ScanKineticsTest {

    /** The shipped MDP example (lesion in a vertebral body at 5x) on 8 mm voxels, scan at {@code timeH}. */
    private static PhantomConfig.Rendered mdp(double timeH) throws Exception {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        ObjectNode root = (ObjectNode) yaml.readTree(PresetCatalog.exampleText("torso-mdp"));
        ObjectNode g = root.putObject("grid");
        g.putArray("size").add(48).add(32).add(85);
        g.put("voxel_mm", 8.0);
        root.putObject("sampling").put("sub_samples", 2).put("boundary_refinement", 1).put("threads", 1);
        ((ObjectNode) root.get("kinetics")).put("time_h", timeH);
        return PhantomConfig.parse(new ObjectMapper().writeValueAsString(root), "mdp").render();
    }

    @Test
    void groupsAddUpToTheScanStartMapAndLesionsFollowTheirHost() throws Exception {
        PhantomConfig.Rendered r = mdp(3);
        ScanKinetics sk = r.scanKinetics();
        assertThat(sk.groups()).containsExactlyInAnyOrder("remainder", "skeleton", "urinary_bladder");
        // the lesion (host red_marrow, the skeleton's trabecular cores) is in the skeleton's group
        List<String> regionGroups = r.truth().administration().regionGroups();
        int lesion = r.phantom().phantom().indexOf("metastasis_1");
        assertThat(regionGroups.get(lesion)).isEqualTo("skeleton");
        // entries, summed per voxel, are the map at the scan start: each group rendered alone with the same
        // sub-samples, so only float rounding differs (1e-6 of the voxel, 1e-9 of the maximum)
        float[] map = r.phantom().activity().data();
        double[] sum = new double[map.length];
        int[] voxel = sk.entryVoxels();
        byte[] group = sk.entryGroups();
        float[] conc = sk.entryConcentrationsBqPerMl();
        int mixed = 0;
        for (int e = 0; e < voxel.length; e++) {
            sum[voxel[e]] += conc[e];
            if (e > 0 && voxel[e] == voxel[e - 1]) {
                mixed++;
                assertThat(group[e]).isGreaterThan(group[e - 1]);
            } else if (e > 0) {
                assertThat(voxel[e]).isGreaterThan(voxel[e - 1]);
            }
        }
        double max = 0;
        for (float c : map) {
            max = Math.max(max, c);
        }
        for (int i = 0; i < map.length; i++) {
            assertThat(sum[i]).as("voxel " + i).isCloseTo(map[i], within(1e-6 * map[i] + 1e-9 * max));
        }
        // partial volume: voxels on group boundaries hold two or more groups
        assertThat(mixed).isGreaterThan(100);
        // the voxel at the lesion's centre (0, 85, 60) mm, inside the 12 mm lesion or its vertebra, carries
        // the skeleton's activity, the lesion's at 5x the marrow's (so well above the skeleton's mean)
        var grid = r.phantom().grid();
        int centre = grid.index((int) Math.round(grid.toVoxelX(0)), (int) Math.round(grid.toVoxelY(85)),
                (int) Math.round(grid.toVoxelZ(60)));
        int skeleton = sk.groups().indexOf("skeleton");
        double lesionSkeleton = 0;
        double lesionAll = 0;
        for (int e = 0; e < voxel.length; e++) {
            if (voxel[e] == centre) {
                lesionAll += conc[e];
                lesionSkeleton += group[e] == skeleton ? conc[e] : 0;
            }
        }
        assertThat(lesionAll).isPositive();
        assertThat(lesionSkeleton / lesionAll).isGreaterThan(0.8);
    }

    @Test
    void decaysPerStartActivityAreTheGroupsIntegralsOverItsStart() throws Exception {
        ScanKinetics sk = mdp(3).scanKinetics();
        TracerKinetics tk = sk.kinetics();
        for (String g : sk.groups()) {
            int i = sk.groups().indexOf(g);
            // 10 min starting 5 min into the scan; tolerance 1e-12 relative (same closed forms)
            double expected = tk.decaysMBqSIn(g, 3 + 300 / 3600.0, 600) / tk.activityMBqAt(g, 3);
            assertThat(sk.decaysPerStartActivityS(i, 300, 600)).isCloseTo(expected, within(1e-12 * expected));
        }
    }

    @Test
    void aGroupEmptyAtTheScanStartButFilledDuringItIsRefusedNamingTheField() throws Exception {
        // at injection the bladder is empty, then fills: it cannot be scaled from its start activity
        ScanKinetics sk = mdp(0).scanKinetics();
        int bladder = sk.groups().indexOf("urinary_bladder");
        assertThat(sk.entries()).isPositive();
        assertThatThrownBy(() -> sk.decaysPerStartActivityS(bladder, 0, 600)).isInstanceOf(InputException.class)
                .hasMessageStartingWith("'kinetics.time_h': group 'urinary_bladder' holds no activity at the scan start");
    }

    @Test
    void configCompartmentsAreGroupsByLabel() {
        String yaml = "grid: {size: [20, 20, 10], voxel_mm: 5}\n"
                + "sampling: {sub_samples: 2}\n"
                + "regions:\n"
                + "  - {id: tank, shape: {type: cylinder, centre_mm: [0, 0, 0], diameter_mm: 90, length_mm: 40},"
                + " material: water, concentration_bq_per_ml: 0}\n"
                + "  - {id: hot, shape: {type: sphere, centre_mm: [0, 0, 0], diameter_mm: 20}, material: water,"
                + " concentration_bq_per_ml: 0}\n"
                + "background_material: air\n"
                + "kinetics: {nuclide: Tc-99m, administered_mbq: 100, time_h: 1,"
                + " compartments: {tank: {coefficients: [0.5], half_times_h: [2]}, hot: {permanent_fraction: 0.2}}}\n";
        PhantomConfig.Rendered r = PhantomConfig.parse(yaml, "compartments").render();
        ScanKinetics sk = r.scanKinetics();
        assertThat(sk.groups()).containsExactly("tank", "hot");
        double lambdaPerS = Math.log(2) / sk.kinetics().physicalHalfLifeS();
        // the permanent compartment decays physically only: mean of exp(-lambda t) x duration, closed form
        double expected = -Math.expm1(-lambdaPerS * 600) / lambdaPerS;
        assertThat(sk.decaysPerStartActivityS(1, 0, 600)).isCloseTo(expected, within(1e-9 * expected));
        double total = 0;
        for (float c : sk.entryConcentrationsBqPerMl()) {
            total += c;
        }
        assertThat(total).isCloseTo(r.phantom().activity().sum(), within(1e-6 * total));
    }
}
