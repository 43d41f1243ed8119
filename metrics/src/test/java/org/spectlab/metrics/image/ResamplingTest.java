package org.spectlab.metrics.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.spectlab.core.grid.Grid3;
import org.spectlab.core.grid.LabelVolume;
import org.spectlab.core.grid.Volume;

/** Box-average and majority resampling between grids of different voxel sizes and origins. */
class ResamplingTest {

    @Test
    void boxAverageOfTwoByTwoBlocksIsTheirMeanAndConservesActivity() {
        Grid3 fine = Grid3.centredCubic(8, 8, 8, 2.0);
        Grid3 coarse = Grid3.centredCubic(4, 4, 4, 4.0);
        float[] v = new float[fine.voxelCount()];
        for (int n = 0; n < v.length; n++) {
            v[n] = n % 7;
        }
        Volume src = Volume.of(fine, v, "Bq/mL");
        Volume out = Resampling.boxAverage(src, coarse);
        assertThat(out.unit()).isEqualTo("Bq/mL");
        double expected = 0;
        for (int c = 0; c < 2; c++) {
            for (int b = 0; b < 2; b++) {
                for (int a = 0; a < 2; a++) {
                    expected += src.get(2 + a, 4 + b, 6 + c);
                }
            }
        }
        // Exact up to float rounding (sums of 8 small integers / 8).
        assertThat(out.get(1, 2, 3)).isCloseTo((float) (expected / 8), within(1e-5f));
        // Activity = concentration x voxel volume, conserved when the grids cover the same box.
        assertThat(out.sum() * coarse.voxelVolumeMl()).isCloseTo(src.sum() * fine.voxelVolumeMl(), within(1e-6 * src.sum()));
    }

    @Test
    void boxAverageHandlesShiftedGridsAndCountsTheOutsideAsZero() {
        Grid3 src = Grid3.of(4, 1, 1, 10.0, 10.0, 10.0, 0.0, 0.0, 0.0);
        Volume s = Volume.of(src, new float[] {1f, 2f, 3f, 4f}, "Bq/mL");
        // Target voxels centred at 5, 15 (straddling two source voxels each) and 35 (half outside).
        Grid3 target = Grid3.of(3, 1, 1, 10.0, 10.0, 10.0, 5.0, 0.0, 0.0);
        Volume out = Resampling.boxAverage(s, target);
        assertThat(out.get(0, 0, 0)).isCloseTo(1.5f, within(1e-6f));
        assertThat(out.get(1, 0, 0)).isCloseTo(2.5f, within(1e-6f));
        assertThat(out.get(2, 0, 0)).isCloseTo(3.5f, within(1e-6f));
        Grid3 past = Grid3.of(1, 1, 1, 10.0, 10.0, 10.0, 35.0, 0.0, 0.0);
        assertThat(Resampling.boxAverage(s, past).get(0, 0, 0)).isCloseTo(2.0f, within(1e-6f));
    }

    @Test
    void majorityLabelsPicksTheLargestOverlapAndNearestWhenUpsampling() {
        Grid3 fine = Grid3.centredCubic(4, 1, 1, 1.0);
        short[] l = {1, 1, 1, 2};
        LabelVolume src = LabelVolume.of(fine, l, Map.of(1, "liver", 2, "lesion"));
        LabelVolume out = Resampling.majorityLabels(src, Grid3.of(1, 1, 1, 4.0, 1.0, 1.0, 0.0, 0.0, 0.0));
        assertThat(out.get(0, 0, 0)).isEqualTo(1);
        assertThat(out.names()).containsEntry(2, "lesion");
        Grid3 finer = Grid3.centredCubic(8, 1, 1, 0.5);
        LabelVolume up = Resampling.majorityLabels(src, finer);
        assertThat(up.get(6, 0, 0)).isEqualTo(2);
        assertThat(up.get(7, 0, 0)).isEqualTo(2);
        assertThat(up.get(5, 0, 0)).isEqualTo(1);
    }
}
