package org.spectlab.validation.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.spectlab.core.grid.Grid3;
import org.spectlab.core.grid.LabelVolume;

/** The localizer's background map merges body-wall layers and bowel into body, and nothing else. */
class BackgroundLabelsTest {
    @Test
    void bowelAndBodyWallBecomeBodyWhileOrgansStay() {
        Grid3 g = Grid3.centredCubic(5, 1, 1, 4.0);
        short[] lab = {0, 1, 2, 3, 4};
        LabelVolume organs = LabelVolume.of(g, lab, Map.of(1, "body", 2, "colon", 3, "muscle", 4, "liver"));
        LabelVolume bg = StudyPipeline.backgroundLabels(organs);
        assertThat(bg.labels()).containsExactly(0, 1, 1, 1, 4);
        assertThat(bg.names()).containsOnlyKeys(1, 4);
        // the input map (used for names) is untouched
        assertThat(organs.labels()).containsExactly(0, 1, 2, 3, 4);
        // a map without a body label is returned as it is
        LabelVolume noBody = LabelVolume.of(g, lab, Map.of(2, "colon", 4, "liver"));
        assertThat(StudyPipeline.backgroundLabels(noBody)).isSameAs(noBody);
    }
}
