package org.spectlab.simulator.spect;

import java.util.List;
import org.spectlab.core.error.InputException;
import org.spectlab.core.grid.Grid3;
import org.spectlab.core.material.Material;
import org.spectlab.core.projection.AcquisitionGeometry;

/**
 * The patient's transaxial outline as a detector sees it: for a view at angle θ (convention of
 * {@link org.spectlab.core.projection}: detector at {@code R (sin θ, −cos θ)}), {@link #extentMm}
 * is the patient's largest extent along the detector normal {@code n = (sin θ, −cos θ)}, i.e. the
 * support function {@code max (x sin θ − y cos θ)} over the patient. The collimator face of a view
 * clears the patient exactly when its radius is at least that extent.
 *
 * <p>"Patient" is every voxel whose material has a density of at least {@link #MIN_DENSITY_G_PER_CM3}
 * (anything but air; the patient table too, when the phantom holds one), over the whole axial length
 * of the grid and its whole width: the face is treated as an unbounded plane, which is exact for the
 * analog engine (it intersects escaping photons with that plane) and conservative for a real camera
 * (its ~53 cm face is wider than a body). Each voxel counts by its outer corner along n, so the
 * extent is never below that of the voxelised patient; it exceeds the continuous outline by at most
 * half a voxel diagonal.
 *
 * <p>Air beyond a face plane (grid voxels lighter than {@link #MIN_DENSITY_G_PER_CM3}) is allowed:
 * photons cross it in a straight line in the analog engine, and the rare interaction there (air is
 * ~800 times less dense than water) is counted as if it happened in front of the face.
 */
public final class PatientOutline {
    /** Materials at least this dense (g/cm³) are patient; air (0.0012 g/cm³) is not. */
    public static final double MIN_DENSITY_G_PER_CM3 = 0.01;

    /** x and y (mm) of the centres of voxel columns that hold matter anywhere along z. */
    private final double[] xMm;
    private final double[] yMm;
    private final double halfXMm;
    private final double halfYMm;

    private PatientOutline(double[] xMm, double[] yMm, double halfXMm, double halfYMm) {
        this.xMm = xMm;
        this.yMm = yMm;
        this.halfXMm = halfXMm;
        this.halfYMm = halfYMm;
    }

    /**
     * The outline of a material map.
     *
     * @param grid            the patient grid
     * @param materialOfVoxel material index per voxel
     * @param materials       the materials the indices refer to
     */
    public static PatientOutline of(Grid3 grid, short[] materialOfVoxel, List<Material> materials) {
        boolean[] dense = new boolean[materials.size()];
        for (int m = 0; m < dense.length; m++) {
            dense[m] = materials.get(m).densityGPerCm3() >= MIN_DENSITY_G_PER_CM3;
        }
        int nxy = grid.nx() * grid.ny();
        boolean[] column = new boolean[nxy];
        int count = 0;
        for (int k = 0; k < grid.nz(); k++) {
            int off = k * nxy;
            for (int c = 0; c < nxy; c++) {
                if (!column[c] && dense[materialOfVoxel[off + c]]) {
                    column[c] = true;
                    count++;
                }
            }
        }
        double[] x = new double[count];
        double[] y = new double[count];
        int n = 0;
        for (int j = 0; j < grid.ny(); j++) {
            for (int i = 0; i < grid.nx(); i++) {
                if (column[i + grid.nx() * j]) {
                    x[n] = grid.xMm(i);
                    y[n] = grid.yMm(j);
                    n++;
                }
            }
        }
        return new PatientOutline(x, y, 0.5 * grid.voxelXMm(), 0.5 * grid.voxelYMm());
    }

    /** The outline of a scenario's material map. */
    public static PatientOutline of(SpectScenario s) {
        return of(s.grid(), s.materialOfVoxel(), s.materials());
    }

    /** True when no voxel is denser than air. */
    public boolean isEmpty() {
        return xMm.length == 0;
    }

    /**
     * The patient's largest extent along the normal of the detector at this angle, mm from the axis
     * of rotation (negative when the whole patient lies on the far side of the axis); −∞ when empty.
     */
    public double extentMm(double angleRad) {
        double s = Math.sin(angleRad);
        double c = Math.cos(angleRad);
        // the outer corner of a voxel along n adds half a voxel along each axis, weighted by |n|'s components
        double corner = halfXMm * Math.abs(s) + halfYMm * Math.abs(c);
        double max = Double.NEGATIVE_INFINITY;
        for (int p = 0; p < xMm.length; p++) {
            double b = xMm[p] * s - yMm[p] * c;
            if (b > max) {
                max = b;
            }
        }
        return max + corner;
    }

    /**
     * Fails, naming {@code acquisition.radius_mm} for a circular orbit and {@code acquisition.radii_mm[v]}
     * otherwise, when a view's collimator face is inside the patient (its radius below the extent).
     */
    public void requireOutside(AcquisitionGeometry orbit) {
        for (int v = 0; v < orbit.views(); v++) {
            double extent = extentMm(orbit.angleRad(v));
            double r = orbit.radiusMm(v);
            if (r < extent) {
                String field = orbit.isCircular() ? "acquisition.radius_mm" : "acquisition.radii_mm[" + v + "]";
                throw InputException.field(field, "view " + v + " at " + r + " mm (angle "
                        + Math.round(orbit.angleDeg(v) * 100) / 100.0 + " deg) is inside the patient, which reaches "
                        + Math.round(extent * 10) / 10.0 + " mm from the axis towards that detector");
            }
        }
    }
}
