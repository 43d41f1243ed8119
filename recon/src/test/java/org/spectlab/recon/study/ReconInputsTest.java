package org.spectlab.recon.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spectlab.core.error.InputException;
import org.spectlab.core.io.interfile.Interfile;
import org.spectlab.core.projection.AcquisitionGeometry;
import org.spectlab.core.projection.EnergyWindow;
import org.spectlab.core.projection.ProjectionSet;
import org.spectlab.core.projection.RotationDirection;

class ReconInputsTest {
    @TempDir
    Path dir;

    private Path study(boolean withManifest) throws Exception {
        Path s = dir.resolve(withManifest ? "with" : "without");
        Files.createDirectories(s.resolve("spect"));
        AcquisitionGeometry orbit = AcquisitionGeometry.circular(16, 0, 360, RotationDirection.CW, 200.0, 1);
        Interfile.writeProjections(ProjectionSet.zeros(orbit, 8, 16, 4.0, 4.0,
                EnergyWindow.centred("photopeak", 140.5, 20), 10.0), s.resolve("spect/photopeak.hs"));
        if (withManifest) {
            Files.writeString(s.resolve("study.json"), "{\"camera\": {\"planar_sensitivity_cps_per_mbq\": 91.5}, "
                    + "\"config\": {\"camera\": {\"collimator\": \"ge-lehr\", \"intrinsic_fwhm_mm\": 3.9}, "
                    + "\"ct\": {\"kvp\": 100}}}");
        }
        return s;
    }

    @Test
    void studyJsonSuppliesTheCameraAndGivenOptionsWin() throws Exception {
        Path s = study(true);
        ReconInputs in = ReconInputs.read(s, ReconOptions.defaults().withPsf(true).withIterations(2, 4));
        assertThat(in.options().collimator()).isEqualTo("ge-lehr");
        assertThat(in.options().intrinsicFwhmMm()).isEqualTo(3.9);
        assertThat(in.options().sensitivityCpsPerMBq()).isEqualTo(91.5);
        assertThat(in.options().ctKvp()).isEqualTo(100.0);
        assertThat(in.psfModel().intrinsicFwhmMm()).isEqualTo(3.9);
        assertThat(in.inputs()).containsKey("study_manifest");
        ReconInputs given = ReconInputs.read(s, ReconOptions.defaults().withCamera("siemens-lehr", 3.2)
                .withSensitivity(80.0).withCt(null, 130.0));
        assertThat(given.options().collimator()).isEqualTo("siemens-lehr");
        assertThat(given.options().intrinsicFwhmMm()).isEqualTo(3.2);
        assertThat(given.options().sensitivityCpsPerMBq()).isEqualTo(80.0);
        assertThat(given.options().ctKvp()).isEqualTo(130.0);
    }

    @Test
    void withoutStudyJsonTheFallbacksApplyAndPsfNeedsACollimator() throws Exception {
        Path s = study(false);
        ReconInputs in = ReconInputs.read(s, ReconOptions.defaults());
        assertThat(in.options().intrinsicFwhmMm()).isEqualTo(ReconOptions.FALLBACK_INTRINSIC_FWHM_MM);
        assertThat(in.options().ctKvp()).isEqualTo(ReconOptions.FALLBACK_CT_KVP);
        assertThat(in.options().sensitivityCpsPerMBq()).isNull();
        assertThat(in.psfModel()).isNull();
        assertThatThrownBy(() -> ReconInputs.read(s, ReconOptions.defaults().withPsf(true)))
                .isInstanceOf(InputException.class).hasMessageContaining("--collimator");
        assertThatThrownBy(() -> ReconInputs.read(s, ReconOptions.defaults().withIterations(1, 17)))
                .isInstanceOf(InputException.class).hasMessageContaining("--subsets");
        assertThatThrownBy(() -> ReconInputs.read(s, ReconOptions.defaults().withFilter("gaussian:x")))
                .isInstanceOf(InputException.class).hasMessageContaining("--filter");
    }

    @Test
    void leadAttenuationFollowsXcomAndStepsAtTheKEdge() {
        // 100 keV is a table point: 5.549 cm2/g x 11.35 g/cm3 exactly (XCOM, Pb).
        assertThat(LeadAttenuation.muPerCm(100.0)).isCloseTo(5.549 * 11.35, within(1e-9));
        // Across the K edge (88.0 keV) the coefficient jumps by the XCOM ratio 7.683 / 1.910.
        double ratio = LeadAttenuation.muPerCm(88.0046) / LeadAttenuation.muPerCm(88.0044);
        assertThat(ratio).isCloseTo(7.683 / 1.910, within(0.01));
        assertThatThrownBy(() -> LeadAttenuation.muPerCm(30)).isInstanceOf(InputException.class);
    }
}
