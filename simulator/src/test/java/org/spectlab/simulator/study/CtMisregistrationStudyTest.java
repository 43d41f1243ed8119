package org.spectlab.simulator.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spectlab.core.grid.Volume;
import org.spectlab.core.io.nifti.Nifti;
import org.spectlab.recon.ct.TranslationRegistration;
import org.spectlab.simulator.run.BatchRunner;

/**
 * A study configured with a CT misregistration ({@code ct.misregistration.shift_mm}) writes a CT shifted
 * by it: registering the study's {@code ct/ct.nii} to the CT of the same study without motion recovers
 * the configured shift within 1 mm (the acceptance criterion of the CT issue), and study.json records it.
 */
class CtMisregistrationStudyTest {
    @TempDir
    Path dir;

    private static String yaml(String ct, long seed) {
        return TinyStudy.yaml().replace("seed: 11", "seed: " + seed) + "ct: " + ct + "\n";
    }

    @Test
    void studyCtIsShiftedByTheConfiguredMisregistration() throws Exception {
        // 2 mm CT voxels over the tiny study's 96 x 96 x 48 mm (48 x 48 x 24); the cylinder (60 mm across,
        // 36 mm long) has edges in x, y and z, so all three components are determined. The two studies
        // have different seeds, hence independent CT noise (~10 HU at these settings, CtProtocol).
        String grid = "{pixel_size_mm: 2, slice_thickness_mm: 2";
        Path still = dir.resolve("still");
        Path moved = dir.resolve("moved");
        SpectStudy.run(StudyConfig.parse(yaml(grid + "}", 11), "still", null), 2, BatchRunner.ProgressListener.NONE,
                "test", still, false);
        SpectStudy.run(StudyConfig.parse(yaml(grid + ", misregistration: {shift_mm: [3.3, -2.4, 1.6]}}", 12),
                "moved", null), 2, BatchRunner.ProgressListener.NONE, "test", moved, false);
        Volume reference = Nifti.readVolume(still.resolve("ct/ct.nii"));
        Volume ct = Nifti.readVolume(moved.resolve("ct/ct.nii"));
        assertThat(new int[] {ct.grid().nx(), ct.grid().ny(), ct.grid().nz()}).containsExactly(48, 48, 24);

        // Tolerance 1 mm: the acceptance criterion; the three-point peak fit on 2 mm voxels is good to a few
        // tenths of a millimetre (CtAttenuationMapTest measures the same shift on a unit-level CT).
        TranslationRegistration.Shift s = TranslationRegistration.register(reference, ct, 8);
        assertThat(s.dxMm()).isCloseTo(3.3, within(1.0));
        assertThat(s.dyMm()).isCloseTo(-2.4, within(1.0));
        assertThat(s.dzMm()).isCloseTo(1.6, within(1.0));
        // ... and the still study is not shifted (the registration does not just return a constant).
        TranslationRegistration.Shift none = TranslationRegistration.register(reference,
                Nifti.readVolume(still.resolve("ct/ct.nii")), 8);
        assertThat(Math.abs(none.dxMm()) + Math.abs(none.dyMm()) + Math.abs(none.dzMm())).isLessThan(1e-9);

        JsonNode m = new ObjectMapper().readTree(moved.resolve("study.json").toFile());
        JsonNode mis = m.at("/config/ct/misregistration");
        assertThat(mis.get("shift_mm").get(0).asDouble()).isEqualTo(3.3);
        assertThat(mis.get("shift_mm").get(1).asDouble()).isEqualTo(-2.4);
        assertThat(mis.get("shift_mm").get(2).asDouble()).isEqualTo(1.6);
        assertThat(mis.get("rotation_z_deg").asDouble()).isEqualTo(0.0);
        assertThat(m.at("/config/ct/matrix").asInt()).isEqualTo(48);
    }
}
