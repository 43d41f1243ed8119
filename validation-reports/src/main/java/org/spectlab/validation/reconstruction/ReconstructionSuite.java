package org.spectlab.validation.reconstruction;

import static org.spectlab.validation.suite.ValidationCase.config;

import java.util.ArrayList;
import java.util.List;
import org.spectlab.core.grid.Volume;
import org.spectlab.core.material.MaterialLibrary;
import org.spectlab.core.projection.AcquisitionGeometry;
import org.spectlab.core.projection.EnergyWindow;
import org.spectlab.core.projection.ProjectionSet;
import org.spectlab.core.projection.RotationDirection;
import org.spectlab.recon.algorithm.IterationListener;
import org.spectlab.recon.algorithm.Osem;
import org.spectlab.recon.calibration.QuantitativeCalibration;
import org.spectlab.recon.fbp.FbpWindow;
import org.spectlab.recon.fbp.FilteredBackProjection;
import org.spectlab.recon.metadata.ReconstructionGeometry;
import org.spectlab.recon.projector.ParallelLoops;
import org.spectlab.recon.projector.RotatedFrame;
import org.spectlab.recon.projector.RotationProjector;
import org.spectlab.recon.projector.SystemMatrix;
import org.spectlab.recon.transform.attenuation.AttenuationTransform;
import org.spectlab.simulator.xs.MaterialCrossSections;
import org.spectlab.validation.suite.CaseContext;
import org.spectlab.validation.suite.Quantity;
import org.spectlab.validation.suite.Reference;
import org.spectlab.validation.suite.SuiteContributor;
import org.spectlab.validation.suite.Tolerance;
import org.spectlab.validation.suite.ValidationCase;

/**
 * The {@code reconstruction} suite: quantitative accuracy of OSEM with attenuation correction and of
 * FBP on analytic, noise-free projections of uniform cylinders ({@link AnalyticPhantoms}). Whole-pipeline
 * cases (simulated phantoms, NEMA IEC body CRC, lesion detection) are added to this suite by later
 * stages through a {@link SuiteContributor} with {@code registry.addCases(ReconstructionSuite.NAME, ...)}.
 */
public final class ReconstructionSuite {
    /** Suite name. */
    public static final String NAME = "reconstruction";
    private static final double PIXEL_MM = 4.42;
    private static final double ORBIT_RADIUS_MM = 250;
    private static final EnergyWindow PHOTOPEAK = EnergyWindow.centred("photopeak", 140.5, 20);

    private ReconstructionSuite() {
    }

    /** Defines the suite. */
    public static SuiteContributor contributor() {
        return r -> r.define(NAME, "Quantitative accuracy of OSEM (with attenuation correction) and FBP on "
                + "analytic projections.").addCases(NAME, () -> List.of(osemUniformCylinder(), fbpDisc(), NemaIecCase.of()));
    }

    private static ProjectionSet empty(int views, int rows, int cols, double timePerViewS) {
        AcquisitionGeometry orbit = AcquisitionGeometry.circular(views, 0, 360, RotationDirection.CW, ORBIT_RADIUS_MM, 1);
        return ProjectionSet.zeros(orbit, rows, cols, PIXEL_MM, PIXEL_MM, PHOTOPEAK, timePerViewS);
    }

    /** OSEM + AC of a 100 mm radius water cylinder, 20 kBq/mL. */
    public static ValidationCase osemUniformCylinder() {
        return ValidationCase.of("osem-ac-uniform-cylinder",
                "OSEM with attenuation correction of analytic attenuated projections of a uniform water cylinder "
                        + "(radius 100 mm); mean concentration within 50 mm of the axis vs the truth.",
                config("views", 64, "matrix", "64x4", "pixel_mm", PIXEL_MM, "radius_mm", 100,
                        "concentration_Bq_per_mL", 20000, "sensitivity_cps_per_MBq", 90, "time_per_view_s", 10,
                        "iterations", 12, "subsets", 8, "mu_water_source", "NIST XCOM at 140.5 keV",
                        "roi_radius_mm", 50),
                ReconstructionSuite::osem);
    }

    static List<Quantity> osem(CaseContext ctx) {
        double concentration = 20_000;
        double sensitivity = 90;
        ProjectionSet empty = empty(64, 4, 64, 10);
        double mu = MaterialCrossSections.of(MaterialLibrary.builtIn().get("water")).muPerCm(140.5);
        // counts per view per mm^3 in air: S [cps/MBq] * t [s] * C [Bq/mL] * 1e-6 [MBq/Bq] * 1e-3 [mL/mm^3]
        double countsPerMm3 = sensitivity * empty.timePerViewS() * concentration * 1e-9;
        ProjectionSet measured = AnalyticPhantoms.uniformCylinder(empty, 100, countsPerMm3, mu);
        ReconstructionGeometry g = ReconstructionGeometry.of(measured);
        Volume muMap = AnalyticPhantoms.disc(g.imageGrid(), 100, mu, "1/cm");
        Volume image;
        try (SystemMatrix a = RotationProjector.of(g, List.of(AttenuationTransform.of(RotatedFrame.of(g), muMap)),
                ctx.threads())) {
            image = Osem.of(12, 8).reconstruct(a, measured, null, IterationListener.NONE);
        }
        Volume bqPerMl = QuantitativeCalibration.of(sensitivity, empty.timePerViewS()).toConcentration(image);
        List<Quantity> q = new ArrayList<>();
        q.add(Quantity.of("mean_concentration_r50mm", "Bq/mL", AnalyticPhantoms.meanInCircle(bqPerMl, 50),
                Reference.exact(concentration, "true concentration of the analytic phantom"),
                Tolerance.relative(0.02, "noise-free data: bilinear resampling and the half-voxel attenuation "
                        + "sum (O(mu dx)^2 ~ 5e-3) and incomplete convergence; no AC would be 30-50% low")));
        return q;
    }

    /** Ramp and Hann FBP of a uniform disc without attenuation. */
    public static ValidationCase fbpDisc() {
        return ValidationCase.of("fbp-uniform-disc",
                "Filtered back projection (ramp; Hann 0.5 cycles/cm) of analytic projections of a uniform disc "
                        + "(radius 80 mm, no attenuation); mean within 40 mm of the axis vs the true value.",
                config("views", 120, "matrix", "64x4", "pixel_mm", PIXEL_MM, "radius_mm", 80,
                        "value_counts_per_view_per_voxel", 10, "windows", List.of("ramp", "hann 0.5/cm"),
                        "roi_radius_mm", 40),
                ReconstructionSuite::fbp);
    }

    static List<Quantity> fbp(CaseContext ctx) {
        double value = 10;
        ProjectionSet data = AnalyticPhantoms.uniformCylinder(empty(120, 4, 64, 10), 80,
                value / (PIXEL_MM * PIXEL_MM * PIXEL_MM), 0);
        List<Quantity> q = new ArrayList<>();
        try (ParallelLoops loops = ParallelLoops.of(ctx.threads())) {
            Volume ramp = FilteredBackProjection.of(FbpWindow.ramp()).reconstruct(data, loops);
            q.add(Quantity.of("mean_r40mm_ramp", "counts/view", AnalyticPhantoms.meanInCircle(ramp, 40),
                    Reference.exact(value, "true value of the analytic disc"),
                    Tolerance.relative(0.01, "band-limited ramp (Gibbs ringing averages out over the region) and "
                            + "linear interpolation in back projection; a wrong scale is off by >= 2x")));
            Volume hann = FilteredBackProjection.of(FbpWindow.hann(0.5)).reconstruct(data, loops);
            q.add(Quantity.of("mean_r40mm_hann", "counts/view", AnalyticPhantoms.meanInCircle(hann, 40),
                    Reference.exact(value, "true value of the analytic disc"),
                    Tolerance.relative(0.02, "the window is 1 at zero frequency; edge smoothing reaches ~15 mm "
                            + "inwards, outside the 40 mm region")));
        }
        return q;
    }
}
