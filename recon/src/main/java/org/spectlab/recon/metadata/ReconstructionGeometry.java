package org.spectlab.recon.metadata;

import java.util.Objects;
import org.spectlab.core.error.InputException;
import org.spectlab.core.grid.Grid3;
import org.spectlab.core.projection.AcquisitionGeometry;
import org.spectlab.core.projection.ProjectionSet;

/**
 * The pairing of a projection matrix and an image grid that the rotation-based projectors support.
 *
 * <p>Restrictions (checked by the factories): square projection pixels ({@code pixelSizeColMm ==
 * pixelSizeRowMm}); an image of {@code cols x cols x rows} cubic voxels whose size equals the
 * projection pixel size; the grid centred on the axis of rotation in x and y, and its z-slices
 * aligned with the projection rows (slice {@code k} at the height of row {@code k}). Activity and
 * attenuation outside the cylinder inscribed in the image square are only partly seen (the rotated
 * frame is {@code cols} voxels deep), so images should be kept inside that cylinder.
 *
 * @param imageGrid   the image grid (cols x cols x rows voxels of {@code pixelSizeMm})
 * @param orbit       views, angles and radii of the acquisition
 * @param rows        projection rows (axial)
 * @param cols        projection columns (transaxial)
 * @param pixelSizeMm projection pixel size = image voxel size, mm
 */
public record ReconstructionGeometry(Grid3 imageGrid, AcquisitionGeometry orbit, int rows, int cols,
                                     double pixelSizeMm) {

    private static final double TOLERANCE_MM = 1e-6;

    /** Validates the restrictions listed on the type. */
    public ReconstructionGeometry {
        Objects.requireNonNull(imageGrid, "imageGrid");
        Objects.requireNonNull(orbit, "orbit");
        if (!(pixelSizeMm > 0) || !Double.isFinite(pixelSizeMm)) {
            throw InputException.field("pixel size (mm)", "must be positive, got " + pixelSizeMm);
        }
        if (imageGrid.nx() != cols || imageGrid.ny() != cols || imageGrid.nz() != rows) {
            throw InputException.field("image grid", "must be cols x cols x rows = " + cols + "x" + cols + "x" + rows
                    + " voxels to match the projections, got " + imageGrid.nx() + "x" + imageGrid.ny() + "x"
                    + imageGrid.nz());
        }
        if (!near(imageGrid.voxelXMm(), pixelSizeMm) || !near(imageGrid.voxelYMm(), pixelSizeMm)
                || !near(imageGrid.voxelZMm(), pixelSizeMm)) {
            throw InputException.field("image voxel size", "must equal the projection pixel size " + pixelSizeMm
                    + " mm in x, y and z");
        }
        Grid3 centred = Grid3.centredCubic(cols, cols, rows, pixelSizeMm);
        if (!near(imageGrid.originXMm(), centred.originXMm()) || !near(imageGrid.originYMm(), centred.originYMm())
                || !near(imageGrid.originZMm(), centred.originZMm())) {
            throw InputException.field("image grid origin", "the grid must be centred on the axis of rotation (origin "
                    + centred.originXMm() + ", " + centred.originYMm() + ", " + centred.originZMm() + " mm)");
        }
    }

    /**
     * The geometry of a projection set with its natural image grid: {@code cols x cols x rows} voxels
     * of the projection pixel size, centred on the axis of rotation.
     *
     * @throws InputException when the projection pixels are not square
     */
    public static ReconstructionGeometry of(ProjectionSet projections) {
        if (!near(projections.pixelSizeColMm(), projections.pixelSizeRowMm())) {
            throw InputException.field("scaling factor (mm/pixel)", "reconstruction needs square pixels, got "
                    + projections.pixelSizeColMm() + " x " + projections.pixelSizeRowMm() + " mm");
        }
        double pixelMm = projections.pixelSizeColMm();
        return new ReconstructionGeometry(Grid3.centredCubic(projections.cols(), projections.cols(),
                projections.rows(), pixelMm), projections.geometry(), projections.rows(), projections.cols(), pixelMm);
    }

    /** Number of views. */
    public int views() {
        return orbit.views();
    }

    /** Values in one view ({@code rows * cols}). */
    public int viewSize() {
        return rows * cols;
    }

    /** Number of image voxels. */
    public int voxelCount() {
        return imageGrid.voxelCount();
    }

    private static boolean near(double a, double b) {
        return Math.abs(a - b) <= TOLERANCE_MM;
    }
}
