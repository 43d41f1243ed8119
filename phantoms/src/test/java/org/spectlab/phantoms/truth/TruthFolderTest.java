package org.spectlab.phantoms.truth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spectlab.core.grid.Grid3;
import org.spectlab.core.grid.LabelVolume;
import org.spectlab.core.grid.Volume;
import org.spectlab.core.io.nifti.Nifti;
import org.spectlab.phantoms.library.AdultTorso;
import org.spectlab.phantoms.model.Phantom;
import org.spectlab.phantoms.voxel.VoxelisedPhantom;
import org.spectlab.phantoms.voxel.Voxeliser;

class TruthFolderTest {
    @TempDir
    Path dir;

    @Test
    void writesEveryFileReadableAndReplacesAnEarlierTruthWithoutLeftovers() throws Exception {
        Phantom p = AdultTorso.build(AdultTorso.Options.of(AdultTorso.Sex.MALE, Map.of("liver", 4000.0)));
        VoxelisedPhantom vp = Voxeliser.of(1).render(Grid3.centredCubic(20, 14, 36, 20.0), p);
        PhantomTruth truth = PhantomTruth.of(vp, List.of(), Double.NaN);
        Files.createDirectories(dir.resolve("truth"));
        Files.writeString(dir.resolve("truth/stale.txt"), "from an earlier run");
        List<Path> files = TruthFolder.write(vp, truth, dir);
        assertThat(files).hasSize(6).allMatch(Files::isRegularFile);
        assertThat(dir.resolve("truth/stale.txt")).doesNotExist();
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s.map(x -> x.getFileName().toString()).toList()).containsExactly("truth");
        }
        Volume a = Nifti.readVolume(dir.resolve("truth/activity.nii"));
        assertThat(a.unit()).isEqualTo("Bq/mL");
        assertThat(a.sum()).isEqualTo(vp.activity().sum());
        LabelVolume l = Nifti.readLabels(dir.resolve("truth/labels.nii"));
        assertThat(l.labels()).isEqualTo(vp.labels().labels());
        LabelVolume m = Nifti.readLabels(dir.resolve("truth/materials.nii"));
        assertThat(m.labels()).isEqualTo(vp.materials().labels());
        ObjectMapper om = new ObjectMapper();
        JsonNode ln = om.readTree(Files.readString(dir.resolve("truth/labels.json")));
        assertThat(ln.get("0").asText()).isEqualTo("background");
        assertThat(ln.get(Integer.toString(p.labelNames().indexOf("liver"))).asText()).isEqualTo("liver");
        JsonNode mn = om.readTree(Files.readString(dir.resolve("truth/materials.json")));
        assertThat(mn.get("0").asText()).isEqualTo("air");
        assertThat(mn.size()).isEqualTo(vp.materialNames().size());
        JsonNode pj = om.readTree(Files.readString(dir.resolve("truth/phantom.json")));
        assertThat(pj.get("phantom").asText()).isEqualTo("adult_torso_male");
    }
}
