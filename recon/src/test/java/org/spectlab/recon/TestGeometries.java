package org.spectlab.recon;

import org.apache.commons.rng.UniformRandomProvider;
import org.spectlab.core.projection.AcquisitionGeometry;
import org.spectlab.core.projection.EnergyWindow;
import org.spectlab.core.projection.ProjectionSet;
import org.spectlab.core.projection.RotationDirection;
import org.spectlab.recon.metadata.ReconstructionGeometry;

/** Small geometries and helpers shared by the recon tests. */
public final class TestGeometries {
    /** Tc-99m photopeak window, 20 % (the clinical default). */
    public static final EnergyWindow PHOTOPEAK = EnergyWindow.centred("photopeak", 140.5, 20);
    /**
     * Linear attenuation of lead at 140.5 keV, 1/cm: NIST XCOM μ/ρ interpolated log-log between
     * 100 keV (5.549 cm²/g) and 150 keV (2.014 cm²/g) gives 2.39 cm²/g; × 11.35 g/cm³.
     */
    public static final double LEAD_MU_PER_CM_140KEV = 27.2;
    /** Water at 140.5 keV, 1/cm (NIST XCOM: μ/ρ = 0.1538 cm²/g at 140 keV, narrow beam). */
    public static final double WATER_MU_PER_CM_140KEV = 0.1538;

    private TestGeometries() {
    }

    /** An empty projection set: {@code views} over 360° (CW from 0), square pixels. */
    public static ProjectionSet projections(int views, int rows, int cols, double pixelMm, double radiusMm) {
        AcquisitionGeometry orbit = AcquisitionGeometry.circular(views, 0.0, 360.0, RotationDirection.CW, radiusMm, 1);
        return ProjectionSet.zeros(orbit, rows, cols, pixelMm, pixelMm, PHOTOPEAK, 10.0);
    }

    /** The reconstruction geometry of {@link #projections}. */
    public static ReconstructionGeometry geometry(int views, int rows, int cols, double pixelMm, double radiusMm) {
        return ReconstructionGeometry.of(projections(views, rows, cols, pixelMm, radiusMm));
    }

    /** Uniform random floats in [lo, hi). */
    public static float[] random(UniformRandomProvider rng, int n, double lo, double hi) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) (lo + (hi - lo) * rng.nextDouble());
        }
        return a;
    }

    /** Inner product in double precision. */
    public static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (double) a[i] * b[i];
        }
        return s;
    }
}
