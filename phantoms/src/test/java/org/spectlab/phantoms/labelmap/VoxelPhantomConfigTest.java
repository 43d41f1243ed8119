package org.spectlab.phantoms.labelmap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spectlab.core.error.InputException;
import org.spectlab.core.grid.Grid3;
import org.spectlab.core.grid.LabelVolume;
import org.spectlab.core.grid.Volume;
import org.spectlab.core.io.interfile.Interfile;
import org.spectlab.core.io.nifti.Nifti;
import org.spectlab.phantoms.config.PhantomConfig;
import org.spectlab.phantoms.model.Phantom;
import org.spectlab.phantoms.model.Region;
import org.spectlab.phantoms.shape.EllipticCylinder;
import org.spectlab.phantoms.shape.Ellipsoid;
import org.spectlab.phantoms.shape.Rotation;
import org.spectlab.phantoms.voxel.VoxelisedPhantom;
import org.spectlab.phantoms.voxel.Voxeliser;

/** Voxel phantoms from a label map, a label table and an activity map, read through a phantom config. */
class VoxelPhantomConfigTest {
    private static final Grid3 GRID = Grid3.centredCubic(28, 26, 20, 4.0);

    /** An analytic phantom with one material per label, rendered with partial-volume activity. */
    private static VoxelisedPhantom analytic() {
        Phantom p = Phantom.of("analytic", List.of(
                Region.of("tank", EllipticCylinder.of(0, 0, 0, 50, 45, 70, Rotation.identity()), "water", 1000),
                Region.of("lung", Ellipsoid.of(-20, 5, 0, 15, 20, 25), "lung", 200),
                Region.of("hot", Ellipsoid.sphere(22, -10, 4, 22), "soft_tissue", 9000),
                Region.of("bone", Ellipsoid.of(0, 30, -5, 8, 8, 20), "cortical_bone", 0)));
        return Voxeliser.standard(2).render(GRID, p);
    }

    private static final String TABLE = """
            # label value -> organ (written by the test)
            labels:
              1: {name: tank, material: water, concentration_bq_per_ml: 1000}
              2: {name: lung, material: lung, concentration_bq_per_ml: 200}
              3: {name: hot, material: soft_tissue, concentration_bq_per_ml: 9000}
              4: {name: bone, material: cortical_bone}
            """;

    private static Path write(Path dir, String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return f;
    }

    /**
     * Round trip: the analytic phantom's labels and activity written to NIfTI, read back as a voxel
     * phantom (relative paths), give identical label, material and activity maps; the region
     * bookkeeping equals the activity map's sum (float precision, 1e-6).
     */
    @Test
    void analyticPhantomWrittenAndReadBackGivesIdenticalMaps(@TempDir Path dir) throws IOException {
        VoxelisedPhantom a = analytic();
        Nifti.writeLabels(a.labels(), dir.resolve("labels.nii"));
        Nifti.writeVolume(a.activity(), dir.resolve("activity.nii.gz"));
        write(dir, "table.yaml", TABLE);
        Path cfg = write(dir, "phantom.yaml", "voxel: {labels: labels.nii, table: table.yaml}\n"
                + "activity_map: activity.nii.gz\n");
        PhantomConfig c = PhantomConfig.read(cfg);
        assertThat(c.grid().sameGeometry(GRID)).isTrue();
        VoxelisedPhantom v = c.render().phantom();
        assertThat(v.activity().data()).containsExactly(a.activity().data());
        assertThat(names(v.labels())).containsExactly(names(a.labels()));
        assertThat(materialNames(v)).containsExactly(materialNames(a));
        // partial-volume activity over background-labelled voxels is kept in a region of its own
        assertThat(c.phantom().region(VoxelPhantomFiles.BACKGROUND_ACTIVITY_ID).label()).isEqualTo("background");
        assertThat(v.totalActivityBq() / (v.activity().sum() * GRID.voxelVolumeMl())).isCloseTo(1.0, offset(1e-6));
        // without the activity map, each label carries its table concentration, voxel by voxel
        Path noMap = write(dir, "labels-only.yaml", "voxel: {labels: labels.nii, table: table.yaml}\n");
        VoxelisedPhantom u = PhantomConfig.read(noMap).render().phantom();
        String[] labelOf = names(a.labels());
        float[] act = u.activity().data();
        for (int n = 0; n < act.length; n++) {
            double expected = switch (labelOf[n]) {
                case "tank" -> 1000;
                case "lung" -> 200;
                case "hot" -> 9000;
                default -> 0;
            };
            assertThat((double) act[n]).isEqualTo(expected);
        }
        assertThat(u.regionVolumeMl("hot")).isEqualTo(a.labels().count(3) * GRID.voxelVolumeMl());
    }

    /** The same label map as Interfile (.hv) reads back to identical labels. */
    @Test
    void interfileLabelMapReadsBackIdentically(@TempDir Path dir) throws IOException {
        VoxelisedPhantom a = analytic();
        short[] l = a.labels().labels();
        float[] f = new float[l.length];
        for (int n = 0; n < l.length; n++) {
            f[n] = l[n];
        }
        Interfile.writeImage(Volume.of(GRID, f, "labels"), dir.resolve("labels.hv"));
        write(dir, "table.yaml", TABLE);
        Path cfg = write(dir, "p.yaml", "voxel: {labels: labels.hv, table: table.yaml}\n");
        VoxelisedPhantom v = PhantomConfig.read(cfg).render().phantom();
        assertThat(names(v.labels())).containsExactly(names(a.labels()));
    }

    @Test
    void badFilesGiveOneClearErrorNamingTheFileAndField(@TempDir Path dir) throws IOException {
        VoxelisedPhantom a = analytic();
        Nifti.writeLabels(a.labels(), dir.resolve("labels.nii"));
        // unknown material in the table
        write(dir, "bad-material.yaml", TABLE.replace("material: lung,", "material: lungg,"));
        Path c1 = write(dir, "c1.yaml", "voxel: {labels: labels.nii, table: bad-material.yaml}\n");
        assertThatThrownBy(() -> PhantomConfig.read(c1)).isInstanceOf(InputException.class)
                .hasMessageContaining("bad-material.yaml").hasMessageContaining("'labels.2.material'")
                .hasMessageContaining("unknown material 'lungg'");
        // a label value of the map missing from the table
        write(dir, "short.yaml", TABLE.replace("  3: {name: hot, material: soft_tissue, concentration_bq_per_ml: 9000}\n",
                ""));
        Path c2 = write(dir, "c2.yaml", "voxel: {labels: labels.nii, table: short.yaml}\n");
        assertThatThrownBy(() -> PhantomConfig.read(c2)).isInstanceOf(InputException.class)
                .hasMessageStartingWith("'voxel.labels'").hasMessageContaining("labels.nii")
                .hasMessageContaining("label value 3").hasMessageContaining("short.yaml");
        // activity map on another grid
        write(dir, "table.yaml", TABLE);
        Nifti.writeVolume(Volume.zeros(Grid3.centredCubic(28, 26, 21, 4.0), "Bq/mL"), dir.resolve("other.nii"));
        Path c3 = write(dir, "c3.yaml", "voxel: {labels: labels.nii, table: table.yaml}\nactivity_map: other.nii\n");
        assertThatThrownBy(() -> PhantomConfig.read(c3)).isInstanceOf(InputException.class)
                .hasMessageStartingWith("'activity_map'").hasMessageContaining("other.nii")
                .hasMessageContaining("labels.nii").hasMessageContaining("28 x 26 x 21");
        // negative activity
        Volume neg = a.activity().copy();
        neg.set(14, 13, 10, -5f);
        Nifti.writeVolume(neg, dir.resolve("neg.nii"));
        Path c4 = write(dir, "c4.yaml", "voxel: {labels: labels.nii, table: table.yaml}\nactivity_map: neg.nii\n");
        assertThatThrownBy(() -> PhantomConfig.read(c4)).isInstanceOf(InputException.class)
                .hasMessageStartingWith("'activity_map'").hasMessageContaining("neg.nii")
                .hasMessageContaining("-5.0 Bq/mL at voxel (14, 13, 10)");
        // missing file
        Path c6 = write(dir, "c6.yaml", "voxel: {labels: nope.nii, table: table.yaml}\n");
        assertThatThrownBy(() -> PhantomConfig.read(c6)).isInstanceOf(InputException.class)
                .hasMessageStartingWith("'voxel.labels': no such file");
    }

    /** Lesions and kinetics work on label-map organs; compartments group labels. */
    @Test
    void lesionsAndCompartmentsWorkOnLabelMapOrgans(@TempDir Path dir) throws IOException {
        Nifti.writeLabels(analytic().labels(), dir.resolve("labels.nii"));
        write(dir, "table.yaml", TABLE.replace("name: lung, material: lung,", "name: lung, material: lung, "
                + "compartment: soft,").replace("name: hot, material: soft_tissue,", "name: hot, material: soft_tissue, "
                + "compartment: soft,"));
        Path cfg = write(dir, "p.yaml", """
                voxel: {labels: labels.nii, table: table.yaml}
                lesions:
                  - {id: t1, kind: tumour, organ: tank, centre_mm: [20, 25, -20], diameter_mm: 10, uptake_ratio: 4}
                kinetics: {nuclide: Tc-99m, administered_mbq: 100, time_h: 0,
                           compartments: {tank: {permanent_fraction: 0.5}, soft: {permanent_fraction: 0.3},
                                          t1: {permanent_fraction: 0.01}}}
                """);
        PhantomConfig c = PhantomConfig.read(cfg);
        assertThat(c.phantom().region("lung").label()).isEqualTo("soft");
        VoxelisedPhantom v = c.render().phantom();
        // at t = 0 the compartments hold their fractions of the administered activity (float sums, 1e-4)
        assertThat(v.totalActivityBq() * 1e-6).isCloseTo(100 * 0.81, offset(100 * 0.81 * 1e-4));
    }

    private static String[] names(LabelVolume l) {
        short[] d = l.labels();
        String[] out = new String[d.length];
        for (int n = 0; n < d.length; n++) {
            out[n] = l.nameOf(d[n]);
        }
        return out;
    }

    private static String[] materialNames(VoxelisedPhantom v) {
        short[] d = v.materials().labels();
        String[] out = new String[d.length];
        for (int n = 0; n < d.length; n++) {
            out[n] = v.materialNames().get(d[n]);
        }
        return out;
    }
}
