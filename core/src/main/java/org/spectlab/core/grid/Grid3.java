package org.spectlab.core.grid;

import org.spectlab.core.error.InputException;

/**
 * A regular 3D voxel grid in patient coordinates (millimetres, DICOM patient axes: x to the patient's
 * left, y posterior, z superior).
 *
 * <p>Voxel {@code (i, j, k)} has its centre at
 * {@code (originXMm + i*voxelXMm, originYMm + j*voxelYMm, originZMm + k*voxelZMm)}. Flat arrays on
 * this grid are indexed {@code i + nx * (j + ny * k)}.
 *
 * @param nx        voxels along x
 * @param ny        voxels along y
 * @param nz        voxels along z
 * @param voxelXMm  voxel size along x, mm
 * @param voxelYMm  voxel size along y, mm
 * @param voxelZMm  voxel size along z, mm
 * @param originXMm x of the centre of voxel (0,0,0), mm
 * @param originYMm y of the centre of voxel (0,0,0), mm
 * @param originZMm z of the centre of voxel (0,0,0), mm
 */
public record Grid3(int nx, int ny, int nz,
                    double voxelXMm, double voxelYMm, double voxelZMm,
                    double originXMm, double originYMm, double originZMm) {

    /** Largest number of voxels a grid may hold (2^31 - 9, the largest Java array). */
    public static final long MAX_VOXELS = Integer.MAX_VALUE - 8L;

    /** Validates sizes: positive dimensions, positive finite voxel sizes, at most {@link #MAX_VOXELS}. */
    public Grid3 {
        requireDimension("nx", nx);
        requireDimension("ny", ny);
        requireDimension("nz", nz);
        if ((long) nx * ny * nz > MAX_VOXELS) {
            throw InputException.field("grid size", nx + "x" + ny + "x" + nz
                    + " voxels exceeds the maximum of " + MAX_VOXELS);
        }
        requireVoxelSize("voxel size x (mm)", voxelXMm);
        requireVoxelSize("voxel size y (mm)", voxelYMm);
        requireVoxelSize("voxel size z (mm)", voxelZMm);
        if (!Double.isFinite(originXMm) || !Double.isFinite(originYMm) || !Double.isFinite(originZMm)) {
            throw InputException.field("origin (mm)", "must be finite numbers");
        }
    }

    /**
     * A grid with its given dimensions and voxel sizes, centred on the patient-coordinate origin
     * (the geometric centre of the grid is at (0, 0, 0) mm).
     */
    public static Grid3 centred(int nx, int ny, int nz, double voxelXMm, double voxelYMm, double voxelZMm) {
        return new Grid3(nx, ny, nz, voxelXMm, voxelYMm, voxelZMm,
                -0.5 * (nx - 1) * voxelXMm, -0.5 * (ny - 1) * voxelYMm, -0.5 * (nz - 1) * voxelZMm);
    }

    /** A centred grid of cubic voxels. */
    public static Grid3 centredCubic(int nx, int ny, int nz, double voxelMm) {
        return centred(nx, ny, nz, voxelMm, voxelMm, voxelMm);
    }

    /** A grid with all fields given explicitly. */
    public static Grid3 of(int nx, int ny, int nz, double voxelXMm, double voxelYMm, double voxelZMm,
                           double originXMm, double originYMm, double originZMm) {
        return new Grid3(nx, ny, nz, voxelXMm, voxelYMm, voxelZMm, originXMm, originYMm, originZMm);
    }

    /** Number of voxels. */
    public int voxelCount() {
        return nx * ny * nz;
    }

    /** Volume of one voxel in mL (cm^3). */
    public double voxelVolumeMl() {
        return voxelXMm * voxelYMm * voxelZMm * 1e-3;
    }

    /** Flat index of voxel (i, j, k); no bounds check. */
    public int index(int i, int j, int k) {
        return i + nx * (j + ny * k);
    }

    /** True when (i, j, k) is inside the grid. */
    public boolean contains(int i, int j, int k) {
        return i >= 0 && i < nx && j >= 0 && j < ny && k >= 0 && k < nz;
    }

    /** x of the centre of column i, mm. */
    public double xMm(int i) {
        return originXMm + i * voxelXMm;
    }

    /** y of the centre of row j, mm. */
    public double yMm(int j) {
        return originYMm + j * voxelYMm;
    }

    /** z of the centre of slice k, mm. */
    public double zMm(int k) {
        return originZMm + k * voxelZMm;
    }

    /** Continuous voxel coordinate along x of position xMm (voxel centres at whole numbers). */
    public double toVoxelX(double xMm) {
        return (xMm - originXMm) / voxelXMm;
    }

    /** Continuous voxel coordinate along y of position yMm. */
    public double toVoxelY(double yMm) {
        return (yMm - originYMm) / voxelYMm;
    }

    /** Continuous voxel coordinate along z of position zMm. */
    public double toVoxelZ(double zMm) {
        return (zMm - originZMm) / voxelZMm;
    }

    /** Extent of the grid along x (edge to edge), mm. */
    public double extentXMm() {
        return nx * voxelXMm;
    }

    /** Extent of the grid along y (edge to edge), mm. */
    public double extentYMm() {
        return ny * voxelYMm;
    }

    /** Extent of the grid along z (edge to edge), mm. */
    public double extentZMm() {
        return nz * voxelZMm;
    }

    /** True when the other grid has the same dimensions, voxel sizes and origin within 1e-6 mm. */
    public boolean sameGeometry(Grid3 other) {
        return nx == other.nx && ny == other.ny && nz == other.nz
                && close(voxelXMm, other.voxelXMm) && close(voxelYMm, other.voxelYMm)
                && close(voxelZMm, other.voxelZMm) && close(originXMm, other.originXMm)
                && close(originYMm, other.originYMm) && close(originZMm, other.originZMm);
    }

    private static boolean close(double a, double b) {
        return Math.abs(a - b) <= 1e-6;
    }

    private static void requireDimension(String name, int n) {
        if (n <= 0) {
            throw InputException.field(name, "must be a positive number of voxels, got " + n);
        }
    }

    private static void requireVoxelSize(String name, double sizeMm) {
        if (!(sizeMm > 0) || !Double.isFinite(sizeMm)) {
            throw InputException.field(name, "must be a positive finite size in mm, got " + sizeMm);
        }
    }
}
