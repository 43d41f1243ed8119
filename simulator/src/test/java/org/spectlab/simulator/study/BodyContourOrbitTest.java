package org.spectlab.simulator.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spectlab.core.error.InputException;
import org.spectlab.core.grid.Grid3;
import org.spectlab.core.io.interfile.Interfile;
import org.spectlab.core.projection.AcquisitionGeometry;
import org.spectlab.core.projection.ProjectionSet;
import org.spectlab.phantoms.config.PhantomConfig;
import org.spectlab.simulator.collimator.GeometricResponse;
import org.spectlab.simulator.collimator.HexagonalHoleArray;
import org.spectlab.simulator.collimator.Profiles;
import org.spectlab.simulator.run.BatchRunner;
import org.spectlab.simulator.spect.PatientOutline;
import org.spectlab.simulator.spect.AnalogSimulation;
import org.spectlab.simulator.spect.SpectResult;
import org.spectlab.simulator.spect.SpectScenario;

/**
 * {@code acquisition.body_contour}: automatic body-contour orbits. An elliptic water cylinder of
 * 400 x 240 mm (semi-axes a = 200 mm along x, b = 120 mm along y) has the support function
 * {@code h(θ) = c·n + sqrt(a² sin²θ + b² cos²θ)} along the detector normal {@code n = (sin θ, −cos θ)}
 * (c its centre), so each view's radius must be h(θ) + clearance, up to the voxelisation; the radii
 * must clear every voxel of matter, reach the engines (a line source is sharper at the short-axis
 * views than on the circular orbit of the largest radius) and be written to study.json and the
 * Interfile headers.
 */
class BodyContourOrbitTest {
    private static final double A_MM = 200;
    private static final double B_MM = 120;
    private static final double VOXEL_MM = 4;
    private static final double CLEARANCE_MM = 20;

    @TempDir
    Path dir;

    /** The elliptic cylinder centred at (cx, cy) with a one-voxel Tc-99m line source on the axis of rotation. */
    private static String yaml(double cx, double cy, String acquisition, String simulation) {
        return "phantom:\n"
                + "  grid: {size: [131, 75, 4], voxel_mm: " + VOXEL_MM + "}\n"
                + "  sampling: {sub_samples: 2}\n"
                + "  regions:\n"
                + "    - {id: body, shape: {type: elliptic_cylinder, centre_mm: [" + cx + ", " + cy + ", 0],"
                + " semi_axes_mm: [" + A_MM + ", " + B_MM + "], length_mm: 16}, material: water}\n"
                + "    - {id: line, shape: {type: cylinder, centre_mm: [0, 0, 0], diameter_mm: 4, length_mm: 16},"
                + " material: water, concentration_bq_per_ml: 1.0e8}\n"
                + "nuclide: Tc-99m\n"
                + "camera: {collimator: siemens-lehr, windows: [{name: photopeak, lower_keV: 126, upper_keV: 155}]}\n"
                + "acquisition: {" + acquisition + ", matrix: [128, 8], pixel_size_mm: 2, time_per_view_s: 10}\n"
                + "simulation: {" + simulation + "}\n";
    }

    private static String contour(int views, String extra) {
        return "views: " + views + extra + ", body_contour: {clearance_mm: " + CLEARANCE_MM + "}";
    }

    private static SpectScenario scenario(String yaml) {
        StudyConfig c = StudyConfig.parse(yaml, "t", null);
        PhantomConfig.Rendered r = c.phantom().render();
        return SpectStudy.scenario(c, r);
    }

    private static double supportMm(double cx, double cy, double angleRad) {
        double s = Math.sin(angleRad);
        double c = Math.cos(angleRad);
        return cx * s - cy * c + Math.sqrt(A_MM * A_MM * s * s + B_MM * B_MM * c * c);
    }

    /** Brute force, independent of PatientOutline: the outermost corner of any water voxel along n. */
    private static double voxelCornerExtentMm(SpectScenario s, double angleRad) {
        Grid3 g = s.grid();
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < g.nz(); k++) {
            for (int j = 0; j < g.ny(); j++) {
                for (int i = 0; i < g.nx(); i++) {
                    if (s.materials().get(s.materialOfVoxel()[g.index(i, j, k)]).densityGPerCm3() < 0.01) {
                        continue;
                    }
                    for (int corner = 0; corner < 4; corner++) {
                        double x = g.xMm(i) + ((corner & 1) == 0 ? -0.5 : 0.5) * g.voxelXMm();
                        double y = g.yMm(j) + ((corner & 2) == 0 ? -0.5 : 0.5) * g.voxelYMm();
                        max = Math.max(max, x * Math.sin(angleRad) - y * Math.cos(angleRad));
                    }
                }
            }
        }
        return max;
    }

    @Test
    void radiiFollowTheEllipseSupportFunctionPerHeadAndNeverCutThePatient() {
        // off-centre patient on two opposed heads: the heads at v and v + N/2 need different radii
        double cx = 40;
        double cy = -10;
        SpectScenario s = scenario(yaml(cx, cy, contour(36, ", heads: 2"), "histories: 0"));
        AcquisitionGeometry orbit = s.orbit();
        // Voxelisation: a voxel is water when most of its sub-samples are; its outer corner then lies at
        // most half a voxel diagonal beyond the ellipse, and the outermost water voxel's corner at least
        // at the ellipse less half a diagonal. Tolerance: half the 4 mm voxel's diagonal, 2.83 mm.
        double halfDiagonal = 0.5 * Math.sqrt(2) * VOXEL_MM;
        for (int v = 0; v < orbit.views(); v++) {
            double a = orbit.angleRad(v);
            double expected = supportMm(cx, cy, a) + CLEARANCE_MM;
            assertThat(orbit.radiusMm(v)).as("view %d at %.0f deg", v, orbit.angleDeg(v))
                    .isCloseTo(expected, within(halfDiagonal));
            // never cuts: every corner of every water voxel is at least the clearance behind the face
            assertThat(orbit.radiusMm(v) - voxelCornerExtentMm(s, a)).as("clearance of view %d", v)
                    .isGreaterThanOrEqualTo(CLEARANCE_MM - 1e-9);
        }
        // head 1 at 90 deg (patient's left: 40 + 200 mm) and head 2 opposite (−40 + 200 mm)
        assertThat(orbit.angleDeg(9)).isCloseTo(90.0, within(1e-9));
        assertThat(orbit.radiusMm(9) - orbit.radiusMm(27)).isCloseTo(2 * cx, within(2 * halfDiagonal));
        assertThat(orbit.isCircular()).isFalse();
    }

    @Test
    void analogEngineAcceptsTheContourAndRefusesAFaceOneMillimetreInside() {
        SpectScenario s = scenario(yaml(0, 0, contour(8, ""), "mode: analog, histories: 2000, batches: 2"));
        StudyConfig c = StudyConfig.parse(yaml(0, 0, contour(8, ""), "mode: analog, histories: 2000, batches: 2"),
                "t", null);
        SpectResult r = AnalogSimulation.run(s, c.options(1), BatchRunner.ProgressListener.NONE);
        assertThat(r.histories()).isEqualTo(2000);
        // with no clearance the face touches the outermost voxel corner, which is still accepted
        double[] radii = s.orbit().radiiMm();
        for (int v = 0; v < radii.length; v++) {
            radii[v] -= CLEARANCE_MM;
        }
        AnalogSimulation.run(withRadii(s, radii), c.options(1), BatchRunner.ProgressListener.NONE);
        // one view (the anterior short-axis one) a millimetre inside the patient is refused, by index
        radii[0] -= 1;
        assertThatThrownBy(() -> AnalogSimulation.run(withRadii(s, radii), c.options(1),
                BatchRunner.ProgressListener.NONE))
                .isInstanceOf(InputException.class).hasMessageStartingWith("'acquisition.radii_mm[0]': view 0");
    }

    private static SpectScenario withRadii(SpectScenario s, double[] radii) {
        AcquisitionGeometry o = s.orbit();
        AcquisitionGeometry g = AcquisitionGeometry.of(o.views(), o.startAngleDeg(), o.extentDeg(), o.direction(),
                radii, o.heads());
        return new SpectScenario(s.grid(), s.materialOfVoxel(), s.materials(), s.activityBqPerMl(), s.nuclide(),
                s.minLineYield(), s.minLineEnergyKeV(), s.camera(), g, s.rows(), s.cols(), s.pixelSizeMm(),
                s.timePerViewS(), s.kinetics());
    }

    @Test
    void forcedDetectionLineSourceIsSharperAtTheShortAxisViewsOfTheContour() {
        // 8 views: 0 and 180 deg look along the short axis (radius ~142 mm on the contour), 90 and 270
        // deg along the long axis (~222 mm, the largest radius). The circular orbit at the contour's
        // largest radius is the reference. Primaries are deterministic in forced detection (no noise).
        SpectScenario contourScenario = scenario(yaml(0, 0, contour(8, ""), "histories: 0, batches: 1"));
        double[] radii = contourScenario.orbit().radiiMm();
        double largest = 0;
        for (double r : radii) {
            largest = Math.max(largest, r);
        }
        StudyConfig cc = StudyConfig.parse(yaml(0, 0, contour(8, ""), "histories: 0, batches: 1"), "t", null);
        StudyConfig circ = StudyConfig.parse(yaml(0, 0, "views: 8, radius_mm: " + largest, "histories: 0, batches: 1"),
                "t", null);
        SpectScenario circularScenario = SpectStudy.scenario(circ, circ.phantom().render());
        SpectResult contourResult = SpectStudy.simulate(cc, contourScenario, 1, BatchRunner.ProgressListener.NONE);
        SpectResult circularResult = SpectStudy.simulate(circ, circularScenario, 1, BatchRunner.ProgressListener.NONE);
        GeometricResponse collimator = GeometricResponse.of(HexagonalHoleArray.of(contourScenario.camera().collimator()),
                contourScenario.camera().backGapMm());
        double intrinsic = contourScenario.camera().intrinsicFwhmMm();
        for (int v : new int[] {0, 4}) {
            double fContour = fwhmMm(contourResult, contourScenario, v);
            double fCircular = fwhmMm(circularResult, circularScenario, v);
            // Expected ratio from the collimator's textbook system FWHM at the source's distance from the
            // face (radius, the source on the axis) and the crystal: the engine's Gaussian response has
            // the geometric PSF's variance instead, and the 2 mm pixels add a little, so 10 %.
            double expected = collimator.formulaSystemFwhmMm(radii[v], intrinsic)
                    / collimator.formulaSystemFwhmMm(largest, intrinsic);
            assertThat(fContour / fCircular).as("view %d: contour %.2f mm at %.1f mm vs circular %.2f mm at %.1f mm",
                    v, fContour, radii[v], fCircular, largest).isCloseTo(expected, within(0.1 * expected));
            assertThat(fContour).isLessThan(0.85 * fCircular);
        }
        // at the long-axis views both orbits have the largest radius: the same image to rounding
        for (int v : new int[] {2, 6}) {
            assertThat(radii[v]).isCloseTo(largest, within(1e-9));
            assertThat(fwhmMm(contourResult, contourScenario, v))
                    .isCloseTo(fwhmMm(circularResult, circularScenario, v), within(1e-6));
        }
    }

    /** FWHM (mm) of view v's primary photopeak image summed over rows: the line source's LSF. */
    private static double fwhmMm(SpectResult r, SpectScenario s, int v) {
        float[] img = r.primary().get(0);
        double[] profile = new double[s.cols()];
        for (int row = 0; row < s.rows(); row++) {
            for (int col = 0; col < s.cols(); col++) {
                profile[col] += img[col + s.cols() * (row + s.rows() * v)];
            }
        }
        return Profiles.fwhm(profile, s.pixelSizeMm());
    }

    @Test
    void studyRecordsTheRadiiInStudyJsonAndInterfileHeaders() throws Exception {
        StudyConfig c = StudyConfig.parse(yaml(0, 0, contour(8, ""), "histories: 2000, batches: 2"), "t", null);
        SpectStudy.Outcome o = SpectStudy.run(c, 1, BatchRunner.ProgressListener.NONE, "test", dir.resolve("s"),
                false);
        SpectScenario s = SpectStudy.scenario(c, c.phantom().render());
        double[] radii = s.orbit().radiiMm();
        JsonNode json = new ObjectMapper().readTree(o.folder().resolve("study.json").toFile());
        assertThat(json.at("/orbit/source").asText()).isEqualTo("body_contour");
        assertThat(json.at("/config/acquisition/body_contour/clearance_mm").asDouble()).isEqualTo(CLEARANCE_MM);
        for (int v = 0; v < radii.length; v++) {
            assertThat(json.at("/orbit/radii_mm/" + v).asDouble()).isEqualTo(radii[v]);
            assertThat(json.at("/orbit/radii_mm/" + v).asDouble() - json.at("/orbit/patient_extent_mm/" + v).asDouble())
                    .isCloseTo(CLEARANCE_MM, within(1e-9));
        }
        for (String file : new String[] {"spect/photopeak.hs", "spect/expected/photopeak_primary.hs"}) {
            ProjectionSet p = Interfile.readProjections(o.folder().resolve(file));
            assertThat(p.geometry().radiiMm()).as(file).containsExactly(radii);
        }
        // the config as run parses back to the same contour (a cluster job re-resolves the same radii)
        StudyConfig again = StudyConfig.parse(json.get("config").toString(), "study.json", null);
        assertThat(SpectStudy.scenario(again, again.phantom().render()).orbit().radiiMm()).containsExactly(radii);
    }

    @Test
    void badBodyContourValuesAreRefusedNamingTheField() {
        String base = "histories: 0";
        assertRefused(yaml(0, 0, "views: 8, radius_mm: 250, body_contour: {clearance_mm: 20}", base),
                "'acquisition.body_contour': give exactly one of radius_mm");
        assertRefused(yaml(0, 0, "views: 8, body_contour: {}", base), "'acquisition.body_contour.clearance_mm': is required");
        assertRefused(yaml(0, 0, "views: 8, body_contour: {clearance_mm: -5}", base),
                "'acquisition.body_contour.clearance_mm': must be in [0, 500]");
        assertRefused(yaml(0, 0, "views: 8, body_contour: {clearance_mm: 20, margin_mm: 3}", base),
                "'acquisition.body_contour.margin_mm': unknown key");
        assertRefused(yaml(0, 0, "views: 8, body_contour: {clearance_mm: 20, min_radius_mm: 300, max_radius_mm: 250}",
                base), "'acquisition.body_contour.max_radius_mm': must exceed min_radius_mm");
        assertRefused(yaml(0, 0, "views: 8, body_contour: 20", base), "'acquisition.body_contour': must be a mapping");
    }

    @Test
    void gantryLimitsApplyMinimumRaisesAndMaximumRefuses() {
        // min_radius_mm 180: the short-axis views (142 mm) are raised to it, the long-axis ones (222) kept
        SpectScenario s = scenario(yaml(0, 0, "views: 8, body_contour: {clearance_mm: 20, min_radius_mm: 180}",
                "histories: 0"));
        assertThat(s.orbit().radiusMm(0)).isEqualTo(180.0);
        assertThat(s.orbit().radiusMm(2)).isGreaterThan(215.0);
        // max_radius_mm 200: the long-axis views cannot be reached; refused when the scenario is built
        StudyConfig c = StudyConfig.parse(yaml(0, 0, "views: 8, body_contour: {clearance_mm: 20, max_radius_mm: 200}",
                "histories: 0"), "t", null);
        assertThatThrownBy(() -> SpectStudy.scenario(c, c.phantom().render())).isInstanceOf(InputException.class)
                .hasMessageStartingWith("'acquisition.body_contour.max_radius_mm': view 2 (angle 90 deg) needs");
    }

    @Test
    void shippedContourExampleClearsTheIecPhantomAtItsClearance() {
        StudyConfig c = StudyConfig.load("example:iec-tc99m-contour");
        SpectScenario s = SpectStudy.scenario(c, c.phantom().render());
        PatientOutline outline = PatientOutline.of(s);
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        for (int v = 0; v < s.orbit().views(); v++) {
            double r = s.orbit().radiusMm(v);
            assertThat(r - outline.extentMm(s.orbit().angleRad(v))).isCloseTo(20.0, within(1e-9));
            min = Math.min(min, r);
            max = Math.max(max, r);
        }
        // what the example's header says (measured 99.6 and 172.6 mm): well inside the circular 250 mm
        assertThat(min).isBetween(95.0, 105.0);
        assertThat(max).isBetween(165.0, 180.0);
    }

    private static void assertRefused(String yaml, String messageStart) {
        assertThatThrownBy(() -> StudyConfig.parse(yaml, "t", null)).isInstanceOf(InputException.class)
                .hasMessageStartingWith(messageStart);
    }
}
