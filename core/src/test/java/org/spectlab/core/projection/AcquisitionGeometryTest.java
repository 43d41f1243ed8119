package org.spectlab.core.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.spectlab.core.error.InputException;

class AcquisitionGeometryTest {

    @Test
    void anglesFollowStartStepAndDirection() {
        AcquisitionGeometry cw = AcquisitionGeometry.circular(120, 0, 360, RotationDirection.CW, 250, 2);
        assertThat(cw.stepDeg()).isCloseTo(3.0, within(1e-12));
        assertThat(cw.angleDeg(10)).isCloseTo(30.0, within(1e-12));
        AcquisitionGeometry ccw = AcquisitionGeometry.circular(64, 180, 180, RotationDirection.CCW, 200, 1);
        assertThat(ccw.angleDeg(32)).isCloseTo(90.0, within(1e-12));
        assertThat(ccw.isCircular()).isTrue();
    }

    @Test
    void perViewRadiiAreCopiedAndChecked() {
        double[] r = {200, 210, 220};
        AcquisitionGeometry g = AcquisitionGeometry.of(3, 0, 360, RotationDirection.CW, r, 1);
        r[0] = 999;
        assertThat(g.radiusMm(0)).isEqualTo(200);
        assertThat(g.isCircular()).isFalse();
        assertThatThrownBy(() -> AcquisitionGeometry.of(3, 0, 360, RotationDirection.CW, new double[] {1, 2}, 1))
                .isInstanceOf(InputException.class).hasMessageContaining("radii");
        assertThatThrownBy(() -> AcquisitionGeometry.circular(3, 0, 400, RotationDirection.CW, 200, 1))
                .isInstanceOf(InputException.class).hasMessageContaining("extent of rotation");
    }

    @Test
    void clinicalTwentyPercentWindowAtTc99m() {
        EnergyWindow w = EnergyWindow.centred("photopeak", 140.5, 20);
        assertThat(w.lowerKeV()).isCloseTo(126.45, within(1e-9));
        assertThat(w.upperKeV()).isCloseTo(154.55, within(1e-9));
        assertThat(w.widthPercent()).isCloseTo(20.0, within(1e-9));
        assertThat(w.contains(140.5)).isTrue();
        assertThat(w.contains(154.55)).isFalse();
        assertThatThrownBy(() -> EnergyWindow.of("bad", 150, 120)).isInstanceOf(InputException.class);
    }

    @Test
    void projectionSetIndexesViewRowColumn() {
        AcquisitionGeometry g = AcquisitionGeometry.circular(4, 0, 360, RotationDirection.CW, 250, 1);
        ProjectionSet p = ProjectionSet.zeros(g, 3, 5, 4.42, 4.42, EnergyWindow.centred("pp", 140.5, 20), 20);
        p.data()[p.index(2, 1, 3)] = 7f;
        assertThat(p.get(2, 1, 3)).isEqualTo(7f);
        assertThat(p.index(2, 1, 3)).isEqualTo(3 + 5 * (1 + 3 * 2));
        assertThat(p.total()).isEqualTo(7.0);
    }
}
