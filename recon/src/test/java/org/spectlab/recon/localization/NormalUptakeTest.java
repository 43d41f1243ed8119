package org.spectlab.recon.localization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.spectlab.core.error.InputException;

/** Tracer patterns mapped onto label names (the torso phantom's names, as in truth/labels.json). */
class NormalUptakeTest {
    private static final List<String> TORSO = List.of("background", "body", "lung_left", "lung_right", "myocardium",
            "heart_blood", "liver", "spleen", "stomach", "kidney_left", "kidney_right", "urinary_bladder", "spine");

    @Test
    void leukocytesMarkSpleenLiverMarrowBloodPoolAndExcretoryOrgansOfTheTorso() {
        assertThat(NormalUptake.of("Tc99m-HMPAO-Leukocytes").hotLabelNames(TORSO)).containsExactly("heart_blood",
                "liver", "spleen", "kidney_left", "kidney_right", "urinary_bladder", "spine");
        assertThat(NormalUptake.of(NormalUptake.IN111_LEUKOCYTES).hotLabelNames(TORSO))
                .containsExactly("liver", "spleen", "spine");
        assertThat(NormalUptake.of(NormalUptake.NONE).hotLabelNames(TORSO)).isEmpty();
    }

    @Test
    void namesMatchIgnoringCaseSeparatorsAndSideButNotBySubstring() {
        NormalUptake mdp = NormalUptake.of(NormalUptake.TC99M_MDP);
        assertThat(mdp.hotLabelNames(List.of("Left Kidney", "kidney-right", "KIDNEY", "kidneys", "adrenal_left",
                "Bladder"))).containsExactly("Left Kidney", "kidney-right", "KIDNEY", "Bladder");
    }

    @Test
    void unknownTracerNamesTheFieldAndTheKnownNames() {
        assertThatThrownBy(() -> NormalUptake.of("fdg")).isInstanceOf(InputException.class)
                .hasMessageContaining("tracer").hasMessageContaining(NormalUptake.TC99M_LEUKOCYTES);
    }
}
