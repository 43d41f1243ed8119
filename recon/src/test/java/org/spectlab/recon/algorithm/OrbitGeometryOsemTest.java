package org.spectlab.recon.algorithm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.spectlab.core.grid.Volume;
import org.spectlab.core.projection.AcquisitionGeometry;
import org.spectlab.core.projection.ProjectionSet;
import org.spectlab.core.projection.RotationDirection;
import org.spectlab.recon.TestGeometries;
import org.spectlab.recon.TestPhantoms;
import org.spectlab.recon.calibration.QuantitativeCalibration;
import org.spectlab.recon.metadata.ReconstructionGeometry;
import org.spectlab.recon.projector.RotatedFrame;
import org.spectlab.recon.projector.RotationProjector;
import org.spectlab.recon.projector.SystemMatrix;
import org.spectlab.recon.projector.ViewTransform;
import org.spectlab.recon.transform.attenuation.AttenuationTransform;
import org.spectlab.recon.transform.psf.CollimatorSpec;
import org.spectlab.recon.transform.psf.DepthDependentBlur;

/**
 * Quantitative OSEM with attenuation correction on orbits other than one head on a 360° circle: a 180°
 * arc, two heads with different radii, and a non-circular (body-contouring) orbit with depth-dependent
 * collimator response.
 *
 * <p>The object is a uniform water cylinder (radius 60 mm) off the axis of rotation, at (30, -20) mm,
 * so that every view sees it at another column: an angle, arc or direction handled wrongly moves the
 * activity. For the arc and the two heads the projections are analytic (chord integrals, see
 * {@link TestPhantoms#attenuatedCylinderAt}), independent of the projector under test. With the
 * depth-dependent response the per-view radius matters, and there is no analytic reference for it
 * here: the non-circular data are made with recon's own projector (attenuation and PSF), so that case
 * checks geometric consistency (the per-view radii are used alike by forward and back projection, and
 * OSEM converges to the truth with them), not the response model itself, which
 * {@code DepthDependentBlurTest} and {@code ResolutionRecoveryTest} check.
 *
 * <p>Tolerances: 2% on the mean concentration within 30 mm of the cylinder's axis (the acceptance
 * figure of the reconstruction issue); the data are noise-free, so what remains is discretisation
 * (bilinear resampling, area-fraction voxelisation of the μ-map) and incomplete convergence, as in
 * {@link OsemCylinderTest}. Outside the cylinder (more than 12 mm beyond its edge, i.e. past the
 * partial-volume ring) the mean must stay below 3% of the concentration: misplaced views would put
 * tens of percent there, as the wrong-arc check shows.
 */
class OrbitGeometryOsemTest {
    private static final double X0_MM = 30;
    private static final double Y0_MM = -20;
    private static final double CYLINDER_RADIUS_MM = 60;
    private static final double CONCENTRATION_BQ_PER_ML = 20_000;
    private static final double SENSITIVITY_CPS_PER_MBQ = 90;
    private static final double TIME_PER_VIEW_S = 10;
    private static final double PIXEL_MM = 4.42;
    private static final int COLS = 64;
    private static final double MU = TestGeometries.WATER_MU_PER_CM_140KEV;

    private static ProjectionSet empty(AcquisitionGeometry orbit) {
        return ProjectionSet.zeros(orbit, 4, COLS, PIXEL_MM, PIXEL_MM, TestGeometries.PHOTOPEAK, TIME_PER_VIEW_S);
    }

    /** Counts per view per mm^3 in air: S [cps/MBq] * t [s] * C [Bq/mL] * 1e-6 [MBq/Bq] * 1e-3 [mL/mm^3]. */
    private static double countsPerMm3() {
        return SENSITIVITY_CPS_PER_MBQ * TIME_PER_VIEW_S * CONCENTRATION_BQ_PER_ML * 1e-9;
    }

    private static List<ViewTransform> model(ReconstructionGeometry g, Volume mu, boolean psf) {
        RotatedFrame frame = RotatedFrame.of(g);
        List<ViewTransform> t = new ArrayList<>();
        t.add(AttenuationTransform.of(frame, mu));
        if (psf) {
            t.add(DepthDependentBlur.of(frame, CollimatorSpec.siemensLehr(TestGeometries.LEAD_MU_PER_CM_140KEV)));
        }
        return t;
    }

    /** [mean concentration within 30 mm of the axis of the cylinder, mean outside it] relative to the truth. */
    private static double[] reconstruct(ProjectionSet data, boolean psf) {
        ReconstructionGeometry g = ReconstructionGeometry.of(data);
        Volume mu = TestPhantoms.disc(g.imageGrid(), X0_MM, Y0_MM, CYLINDER_RADIUS_MM, MU, "1/cm");
        Volume image;
        try (SystemMatrix a = RotationProjector.of(g, model(g, mu, psf), 2)) {
            image = QuantitativeCalibration.of(SENSITIVITY_CPS_PER_MBQ, TIME_PER_VIEW_S)
                    .toConcentration(Osem.of(12, 8).reconstruct(a, data, null, IterationListener.NONE));
        }
        double inside = TestPhantoms.meanInCircleAt(image, X0_MM, Y0_MM, 30) / CONCENTRATION_BQ_PER_ML;
        var grid = image.grid();
        double s = 0;
        int n = 0;
        for (int k = 0; k < grid.nz(); k++) {
            for (int j = 0; j < grid.ny(); j++) {
                for (int i = 0; i < grid.nx(); i++) {
                    double r = Math.hypot(grid.xMm(i) - X0_MM, grid.yMm(j) - Y0_MM);
                    if (r > CYLINDER_RADIUS_MM + 12 && Math.hypot(grid.xMm(i), grid.yMm(j)) < 110) {
                        s += image.get(i, j, k);
                        n++;
                    }
                }
            }
        }
        return new double[] {inside, s / n / CONCENTRATION_BQ_PER_ML};
    }

    @Test
    void halfCircleArcRecoversTheConcentration() {
        // 32 views over 180° from -45° (right anterior oblique to left posterior oblique, as in cardiac SPECT).
        AcquisitionGeometry arc = AcquisitionGeometry.circular(32, -45, 180, RotationDirection.CW, 250, 1);
        ProjectionSet data = TestPhantoms.attenuatedCylinderAt(empty(arc), X0_MM, Y0_MM, CYLINDER_RADIUS_MM,
                countsPerMm3(), MU);
        double[] r = reconstruct(data, false);
        assertThat(r[0]).as("mean in the cylinder / truth").isBetween(0.98, 1.02);
        assertThat(r[1]).as("mean outside / truth").isBetween(-0.03, 0.03);

        // The same views read as spread over 360°: the activity is misplaced (the check above can fail).
        AcquisitionGeometry wrong = AcquisitionGeometry.circular(32, -45, 360, RotationDirection.CW, 250, 1);
        double[] w = reconstruct(ProjectionSet.zeros(wrong, 4, COLS, PIXEL_MM, PIXEL_MM, TestGeometries.PHOTOPEAK,
                TIME_PER_VIEW_S).withData(data.data()), false);
        assertThat(Math.max(Math.abs(w[0] - 1), Math.abs(w[1]))).isGreaterThan(0.1);
    }

    @Test
    void twoHeadsWithTheirOwnRadiiRecoverTheConcentration() {
        // Two opposed heads (H mode), 32 stops each, merged in angular order: head 1 covers 0-180° at
        // 220 mm, head 2 180-360° at 265 mm.
        double[] radii = new double[64];
        for (int v = 0; v < 64; v++) {
            radii[v] = v < 32 ? 220 : 265;
        }
        AcquisitionGeometry heads = AcquisitionGeometry.of(64, 0, 360, RotationDirection.CW, radii, 2);
        ProjectionSet data = TestPhantoms.attenuatedCylinderAt(empty(heads), X0_MM, Y0_MM, CYLINDER_RADIUS_MM,
                countsPerMm3(), MU);
        double[] r = reconstruct(data, false);
        assertThat(r[0]).as("mean in the cylinder / truth").isBetween(0.98, 1.02);
        assertThat(r[1]).as("mean outside / truth").isBetween(-0.03, 0.03);
    }

    @Test
    void nonCircularOrbitWithDepthDependentResponseRecoversTheConcentration() {
        // Body contour: the detector face follows an ellipse (semi-axes 170 mm in x, 125 mm in y) with
        // 20 mm clearance; its distance from the axis at view angle θ is the ellipse's support function
        // along the detector direction (sin θ, -cos θ), 145 to 190 mm.
        int views = 48;
        double[] radii = new double[views];
        AcquisitionGeometry probe = AcquisitionGeometry.circular(views, 0, 360, RotationDirection.CW, 200, 1);
        for (int v = 0; v < views; v++) {
            double a = probe.angleRad(v);
            radii[v] = Math.hypot(170 * Math.sin(a), 125 * Math.cos(a)) + 20;
        }
        AcquisitionGeometry contour = AcquisitionGeometry.of(views, 0, 360, RotationDirection.CW, radii, 1);
        ProjectionSet empty = empty(contour);
        ReconstructionGeometry g = ReconstructionGeometry.of(empty);
        Volume truth = TestPhantoms.disc(g.imageGrid(), X0_MM, Y0_MM, CYLINDER_RADIUS_MM,
                countsPerMm3() * Math.pow(PIXEL_MM, 3), "counts/view");
        Volume mu = TestPhantoms.disc(g.imageGrid(), X0_MM, Y0_MM, CYLINDER_RADIUS_MM, MU, "1/cm");
        ProjectionSet data;
        try (SystemMatrix a = RotationProjector.of(g, model(g, mu, true), 2)) {
            data = empty.withData(a.forward(truth.data()));
        }
        // The radii enter the model: the circular orbit at 200 mm gives visibly different projections.
        ProjectionSet circular = empty(probe);
        ReconstructionGeometry gc = ReconstructionGeometry.of(circular);
        float[] other;
        try (SystemMatrix a = RotationProjector.of(gc, model(gc, mu, true), 2)) {
            other = a.forward(truth.data());
        }
        double maxRel = 0;
        float peak = 0;
        for (float f : data.data()) {
            peak = Math.max(peak, f);
        }
        for (int n = 0; n < other.length; n++) {
            maxRel = Math.max(maxRel, Math.abs(other[n] - data.data()[n]) / peak);
        }
        assertThat(maxRel).as("largest difference circular vs contour / peak").isGreaterThan(0.02);

        double[] r = reconstruct(data, true);
        assertThat(r[0]).as("mean in the cylinder / truth").isBetween(0.98, 1.02);
        assertThat(r[1]).as("mean outside / truth").isBetween(-0.03, 0.03);
    }
}
