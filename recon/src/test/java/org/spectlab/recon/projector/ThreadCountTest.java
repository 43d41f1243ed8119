package org.spectlab.recon.projector;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.spectlab.core.grid.Volume;
import org.spectlab.recon.TestGeometries;
import org.spectlab.recon.metadata.ReconstructionGeometry;
import org.spectlab.recon.transform.attenuation.AttenuationTransform;
import org.spectlab.recon.transform.psf.CollimatorSpec;
import org.spectlab.recon.transform.psf.DepthDependentBlur;

/** Forward and back projections with attenuation and PSF are bit-identical for 1, 2 and 3 threads. */
class ThreadCountTest {

    private static float[][] project(ReconstructionGeometry g, float[] mu, float[] x, float[] y, int threads) {
        RotatedFrame frame = RotatedFrame.of(g);
        List<ViewTransform> t = List.of(AttenuationTransform.of(frame, Volume.of(g.imageGrid(), mu, "1/cm")),
                DepthDependentBlur.of(frame, CollimatorSpec.siemensLehr(TestGeometries.LEAD_MU_PER_CM_140KEV)));
        try (RotationProjector a = RotationProjector.of(g, t, threads)) {
            return new float[][] {a.forward(x), a.back(y)};
        }
    }

    @Test
    void resultsDoNotDependOnTheThreadCount() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(77L);
        ReconstructionGeometry g = TestGeometries.geometry(9, 7, 30, 4.42, 200.0);
        float[] mu = TestGeometries.random(rng, g.voxelCount(), 0.0, 0.2);
        float[] x = TestGeometries.random(rng, g.voxelCount(), 0.0, 1.0);
        float[] y = TestGeometries.random(rng, g.viewSize() * g.views(), 0.0, 1.0);
        float[][] one = project(g, mu, x, y, 1);
        for (int threads : new int[] {2, 3}) {
            float[][] many = project(g, mu, x, y, threads);
            assertThat(many[0]).containsExactly(one[0]);
            assertThat(many[1]).containsExactly(one[1]);
        }
    }
}
