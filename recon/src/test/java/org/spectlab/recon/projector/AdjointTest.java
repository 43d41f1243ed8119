package org.spectlab.recon.projector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.spectlab.core.grid.Volume;
import org.spectlab.recon.TestGeometries;
import org.spectlab.recon.metadata.ReconstructionGeometry;
import org.spectlab.recon.transform.attenuation.AttenuationTransform;
import org.spectlab.recon.transform.psf.CollimatorSpec;
import org.spectlab.recon.transform.psf.DepthDependentBlur;

/**
 * The back projector is the adjoint of the forward projector: {@code <A x, y> = <x, A^T y>} for
 * random non-negative x, y and μ-map. Tolerance 1e-5 relative: both sides are the same sums of
 * float products in a different order, so only float rounding (~1e-7 per term, partly cancelling)
 * separates them; a wrong weight, a missing transpose or a mismatched boundary would show at the
 * 1e-3 level or worse.
 */
class AdjointTest {

    @ParameterizedTest(name = "attenuation={0}, psf={1}, threads={2}")
    @CsvSource({"false,false,1", "true,false,1", "false,true,1", "true,true,1", "true,true,2"})
    void backProjectorIsTheAdjointOfTheForwardProjector(boolean attenuation, boolean psf, int threads) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(20240611L);
        // 24 columns of 4.42 mm, 6 rows, 15 views over 360 deg (angles not multiples of 90 deg).
        ReconstructionGeometry g = TestGeometries.geometry(15, 6, 24, 4.42, 120.0);
        RotatedFrame frame = RotatedFrame.of(g);
        List<ViewTransform> transforms = new ArrayList<>();
        if (attenuation) {
            float[] mu = TestGeometries.random(rng, g.voxelCount(), 0.0, 0.3);
            transforms.add(AttenuationTransform.of(frame, Volume.of(g.imageGrid(), mu, "1/cm")));
        }
        if (psf) {
            transforms.add(DepthDependentBlur.of(frame, CollimatorSpec.siemensLehr(TestGeometries.LEAD_MU_PER_CM_140KEV)));
        }
        float[] x = TestGeometries.random(rng, g.voxelCount(), 0.0, 1.0);
        float[] y = TestGeometries.random(rng, g.viewSize() * g.views(), 0.0, 1.0);
        try (RotationProjector a = RotationProjector.of(g, transforms, threads)) {
            double lhs = TestGeometries.dot(a.forward(x), y);
            double rhs = TestGeometries.dot(x, a.back(y));
            assertThat(lhs).isPositive();
            assertThat((lhs - rhs) / lhs).isCloseTo(0.0, within(1e-5));
        }
    }
}
