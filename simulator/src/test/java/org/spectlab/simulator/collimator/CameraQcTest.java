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
    void waterAroundTheSourceAddsScatterTailsAndAScatterFraction() {
        // NEMA NU 1 with / without scatter: Tc-99m, LEHR, 100 mm; monte-carlo collimator and crystal
        CameraQcRequest air = CameraQcRequest.defaults(CollimatorLibrary.get("siemens-lehr"), 140.5, 2.64)
                .withCollimatorModel(CollimatorModel.MONTE_CARLO).withRun(1_500_000, 4L, 2);
        CameraQcResult inAir = CameraQc.measure(air, BatchRunner.ProgressListener.NONE);
        CameraQcResult inWater = CameraQc.measure(air.withMedium(QcMedium.WATER), BatchRunner.ProgressListener.NONE);
        System.out.printf("LEHR 100 mm: air FWHM %.2f FWTM %.2f mm (ratio %.3f), sensitivity %.1f ± %.1f; water FWHM "
                + "%.2f FWTM %.2f mm (ratio %.3f), sensitivity %.1f ± %.1f, scatter fraction %.3f%n", inAir.fwhmMm(),
                inAir.fwtmMm(), inAir.fwtmMm() / inAir.fwhmMm(), inAir.sensitivityCpsPerMBq(),
                inAir.sensitivityStdErrorCpsPerMBq(), inWater.fwhmMm(), inWater.fwtmMm(),
                inWater.fwtmMm() / inWater.fwhmMm(), inWater.sensitivityCpsPerMBq(),
                inWater.sensitivityStdErrorCpsPerMBq(), inWater.fractionMediumScatter());
        assertThat(inAir.fractionMediumScatter()).isZero();
        // Scatter in 100 mm of water reaches the 20 % window: Tc-99m scatter fractions in 10-20 cm of
        // water are 0.2-0.4 of the window counts (e.g. Floyd et al., Phys. Med. Biol. 29 (1984) 1217);
        // here only the narrower cone the collimator accepts, so at least 0.1
        assertThat(inWater.fractionMediumScatter()).isBetween(0.1, 0.5);
        // the scatter tails widen the LSF's base more than its peak: FWTM/FWHM grows. The ratio's
        // sampling error from ~1e4 LSF counts is ~1 %; require 5 % growth
        assertThat(inWater.fwtmMm() / inWater.fwhmMm()).isGreaterThan(1.05 * inAir.fwtmMm() / inAir.fwhmMm());
        // 100 mm of water attenuates the primaries by exp(-0.154 /cm x 10 cm) = 0.21 (XCOM water at
        // 140.5 keV, 0.1505 cm^2/g incl. coherent); scatter adds back part of it
        assertThat(inWater.sensitivityCpsPerMBq() / inAir.sensitivityCpsPerMBq()).isBetween(0.21, 0.45);
        // the collimator shares still add up to one
        assertThat(inWater.fractionGeometric() + inWater.fractionPenetration() + inWater.fractionCollimatorScatter())
                .isCloseTo(1.0, withPercentage(1e-9));
        assertThatThrownBy(() -> CameraQc.measure(air.withCollimatorModel(CollimatorModel.GEOMETRIC)
                .withMedium(QcMedium.WATER), BatchRunner.ProgressListener.NONE))
                .isInstanceOf(InputException.class).hasMessageContaining("medium");
    }

    @Test
    void aCustomCollimatorWithAPresetsNumbersGivesTheIdenticalResult() {
        var preset = CollimatorLibrary.get("siemens-lehr");
        var custom = org.spectlab.core.camera.CollimatorSpec.of("custom", preset.shape(), preset.holeDiameterMm(),
                preset.septalThicknessMm(), preset.holeLengthMm());
        CameraQcRequest r = CameraQcRequest.defaults(preset, 140.5, 2.64)
                .withCollimatorModel(CollimatorModel.MONTE_CARLO).withRun(200_000, 5L, 2);
        CameraQcRequest c = new CameraQcRequest(custom, r.distanceMm(), r.energyKeV(), r.leadMuPerMm(),
                r.intrinsicFwhmMm(), r.resolution(), r.window(), r.photonsPerDecay(), r.backGapMm(),
                r.detectorHalfWidthMm(), r.histories(), r.seed(), r.threads(), r.collimatorModel(),
                r.crystalThicknessMm());
        assertThat(CameraQc.measure(c, BatchRunner.ProgressListener.NONE))
                .isEqualTo(CameraQc.measure(r, BatchRunner.ProgressListener.NONE));
    }

    @Test
    void rejectsAWindowWithoutThePhotopeak() {
        CameraQcRequest d = CameraQcRequest.defaults(CollimatorLibrary.get("ge-legp"), 140.5, 2.64);
        assertThatThrownBy(() -> new CameraQcRequest(d.collimator(), 100, 140.5, 2.64, 3.6, d.resolution(),
                EnergyWindow.of("low", 90, 120), 1, 0, 200, 10_000, 1, 1))
                .isInstanceOf(InputException.class).hasMessageContaining("energy window");
    }
}
