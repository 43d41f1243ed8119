package org.spectlab.simulator.collimator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Percentage.withPercentage;

import org.junit.jupiter.api.Test;
import org.spectlab.core.camera.CollimatorLibrary;
import org.spectlab.core.error.InputException;
import org.spectlab.core.projection.EnergyWindow;
import org.spectlab.simulator.run.BatchRunner;

class CameraQcTest {

    @Test
    void idealCollimatorQcMatchesTheAnalyticReference() {
        CameraQcRequest r = CameraQcRequest.defaults(CollimatorLibrary.get("ge-legp"), 140.5, Double.POSITIVE_INFINITY)
                .withRun(400_000, 2L, 2);
        CameraQcResult q = CameraQc.measure(r, BatchRunner.ProgressListener.NONE);
        double expected = q.analyticEfficiency() * 1e6 * r.resolution().windowAcceptance(140.5, r.window());
        assertThat(Math.abs(q.sensitivityCpsPerMBq() - expected) / q.sensitivityStdErrorCpsPerMBq()).isLessThan(4.0);
        assertThat(q.fractionGeometric()).isEqualTo(1.0);
        assertThat(q.fractionPenetration()).isZero();
        assertThat(q.fractionCollimatorScatter()).isZero();
        // energy FWHM from the spectrum of ~6e4 counts, bins FWHM/20: the NEMA estimate has ~1 % noise
        assertThat(q.energyFwhmKeV()).isCloseTo(r.resolution().fwhmKeV(140.5), withPercentage(4));
        GeometricResponse g = GeometricResponse.of(HexagonalHoleArray.of(r.collimator()), 0);
        assertThat(q.fwhmMm()).isCloseTo(g.formulaSystemFwhmMm(100, 3.6), withPercentage(7));
        assertThat(q.fwtmMm()).isGreaterThan(1.7 * q.fwhmMm()).isLessThan(2.2 * q.fwhmMm());
    }

    @Test
    void penetrationFractionsAddUpAndSensitivityScalesWithYield() {
        CameraQcRequest r = CameraQcRequest.defaults(CollimatorLibrary.get("siemens-me"), 245.0, 0.72)
                .withRun(100_000, 3L, 1);
        CameraQcResult q = CameraQc.measure(r, BatchRunner.ProgressListener.NONE);
        assertThat(q.fractionGeometric() + q.fractionPenetration()).isCloseTo(1.0, withPercentage(1e-9));
        assertThat(q.fractionPenetration()).isGreaterThan(0.0);
        CameraQcRequest half = new CameraQcRequest(r.collimator(), r.distanceMm(), r.energyKeV(), r.leadMuPerMm(),
                r.intrinsicFwhmMm(), r.resolution(), r.window(), 0.5, r.backGapMm(), r.detectorHalfWidthMm(),
                r.histories(), r.seed(), r.threads());
        assertThat(CameraQc.measure(half, BatchRunner.ProgressListener.NONE).sensitivityCpsPerMBq())
                .isCloseTo(0.5 * q.sensitivityCpsPerMBq(), withPercentage(1e-9));
    }

    @Test
    void rejectsAWindowWithoutThePhotopeak() {
        CameraQcRequest d = CameraQcRequest.defaults(CollimatorLibrary.get("ge-legp"), 140.5, 2.64);
        assertThatThrownBy(() -> new CameraQcRequest(d.collimator(), 100, 140.5, 2.64, 3.6, d.resolution(),
                EnergyWindow.of("low", 90, 120), 1, 0, 200, 10_000, 1, 1))
                .isInstanceOf(InputException.class).hasMessageContaining("energy window");
    }
}
