package org.spectlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spectlab.core.grid.Volume;
import org.spectlab.core.io.interfile.Interfile;
import org.spectlab.core.io.nifti.Nifti;
import org.spectlab.core.nuclide.NuclideLibrary;
import org.spectlab.recon.study.ReconInputs;
import org.spectlab.recon.study.ReconOptions;
import org.spectlab.recon.study.StudyReconstruction;
import org.spectlab.simulator.run.BatchRunner;
import org.spectlab.simulator.study.SpectStudy;
import org.spectlab.simulator.study.StudyConfig;

/**
 * A study on an automatic body-contour orbit ({@code acquisition.body_contour}) end to end: the
 * simulator resolves the per-view radii around an elliptic water cylinder, recon reads them back from
 * the study folder (the same radii as study.json's {@code orbit.radii_mm}, bit for bit) and
 * reconstructs with CT attenuation and the depth-dependent collimator response at those radii to the
 * true total activity.
 *
 * <p>Tolerance 3 %, as in {@link MonteCarloQuantitationTest} (the same physics, set-up and
 * corrections on a circular orbit; its Poisson error is ~0.15 % and the bound covers the systematic
 * differences between the simulator and recon's nominal model). Decay over the acquisition is
 * applied to the truth as there.
 */
class BodyContourStudyTest {
    @TempDir
    Path dir;

    private static final String YAML = "phantom:\n"
            + "  grid: {size: [36, 26, 12], voxel_mm: 6}\n"
            + "  sampling: {sub_samples: 2}\n"
            + "  regions:\n"
            + "    - {id: body, shape: {type: elliptic_cylinder, centre_mm: [0, 0, 0], semi_axes_mm: [90, 55],"
            + " length_mm: 48}, material: water, concentration_bq_per_ml: 50000}\n"
            + "nuclide: Tc-99m\n"
            + "camera: {collimator: siemens-lehr}\n"
            + "acquisition: {views: 32, heads: 2, body_contour: {clearance_mm: 20}, matrix: [36, 12], pixel_size_mm: 6,"
            + " time_per_view_s: 10}\n"
            + "simulation: {histories: 40000, batches: 4, seed: 5, noise_realisations: 1}\n";

    @Test
    void contourStudySimulatesAndReconstructsWithItsPerViewRadii() throws Exception {
        Path study = dir.resolve("study");
        StudyConfig config = StudyConfig.parse(YAML, "contour", null);
        SpectStudy.run(config, 2, BatchRunner.ProgressListener.NONE, "test", study, false);
        JsonNode manifest = new ObjectMapper().readTree(study.resolve("study.json").toFile());
        JsonNode radiiJson = manifest.at("/orbit/radii_mm");
        assertThat(radiiJson.size()).isEqualTo(32);

        ReconOptions options = ReconOptions.defaults().withIterations(10, 8).withAttenuation("ct").withPsf(true)
                .withScatter(study.resolve("spect/expected/photopeak_scatter.hs").toString()).withThreads(2);
        double[] read = ReconInputs.read(study, options).geometry().orbit().radiiMm();
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        for (int v = 0; v < read.length; v++) {
            assertThat(read[v]).as("view %d", v).isEqualTo(radiiJson.get(v).asDouble());
            min = Math.min(min, read[v]);
            max = Math.max(max, read[v]);
        }
        // a contour, not a circle: ~75 mm at the short-axis views, ~110 mm at the long-axis ones
        assertThat(max - min).isGreaterThan(30.0);

        StudyReconstruction.Result r = StudyReconstruction.run(study, dir.resolve("recon"), options, s -> { });
        Volume image = Nifti.readVolume(r.imageFile());
        double totalMBq = image.sum() * image.grid().voxelVolumeMl() * 1e-6;
        double trueMBq = manifest.at("/counts/total_activity_mbq").asDouble();
        double decay = NuclideLibrary.get("Tc-99m").meanDecayFactorOver(0, 16 * 10.0);
        double counts = 0;
        for (float c : Interfile.readProjections(study.resolve("spect/photopeak.hs")).data()) {
            counts += c;
        }
        assertThat(totalMBq / (trueMBq * decay))
                .as("recovered / true total activity (Poisson error %.4f)", 1 / Math.sqrt(counts))
                .isBetween(0.97, 1.03);
    }
}
