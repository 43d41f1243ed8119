package org.spectlab.core.io.nifti;

import java.nio.file.Path;
import org.spectlab.core.error.InputException;
import org.spectlab.core.grid.Grid3;

/**
 * Converts between a spectlab {@link Grid3} (DICOM LPS patient axes) and the NIfTI voxel-to-world
 * affine (RAS+): {@code x_RAS = -x_LPS}, {@code y_RAS = -y_LPS}, {@code z_RAS = z_LPS}.
 */
final class NiftiOrientation {
    /** Off-diagonal affine terms up to this fraction of the largest term count as zero (float32 rounding). */
    private static final double AXIS_ALIGNED_TOLERANCE = 1e-5;

    /** Where a file's voxels go on a spectlab grid: the grid, and which axes the file stores reversed. */
    record Placement(Grid3 grid, boolean flipX, boolean flipY, boolean flipZ) {
    }

    private NiftiOrientation() {
    }

    /**
     * The RAS affine of a grid, rows x, y, z of a 3x4 matrix: {@code diag(-dx, -dy, dz)} with
     * translation {@code (-originX, -originY, originZ)}.
     */
    static double[][] rasAffine(Grid3 g) {
        return new double[][] {
                {-g.voxelXMm(), 0, 0, -g.originXMm()},
                {0, -g.voxelYMm(), 0, -g.originYMm()},
                {0, 0, g.voxelZMm(), g.originZMm()}};
    }

    /**
     * Fills sform and qform (both code 1, scanner) for a grid. The rotation {@code diag(-1, -1, 1)} is
     * a half turn about z: quaternion (a, b, c, d) = (0, 0, 0, 1), qfac = +1.
     */
    static void setAffine(NiftiHeader h, Grid3 g) {
        double[][] a = rasAffine(g);
        for (int c = 0; c < 4; c++) {
            h.srowX[c] = (float) a[0][c];
            h.srowY[c] = (float) a[1][c];
            h.srowZ[c] = (float) a[2][c];
        }
        h.sformCode = 1;
        h.qformCode = 1;
        h.quaternB = 0;
        h.quaternC = 0;
        h.quaternD = 1;
        h.qoffsetX = (float) a[0][3];
        h.qoffsetY = (float) a[1][3];
        h.qoffsetZ = (float) a[2][3];
        h.pixdim[0] = 1;
        h.pixdim[1] = (float) g.voxelXMm();
        h.pixdim[2] = (float) g.voxelYMm();
        h.pixdim[3] = (float) g.voxelZMm();
    }

    /**
     * The RAS affine a header declares: the sform when sform_code &gt; 0, else the qform when
     * qform_code &gt; 0, else NIfTI's "method 1" (pixdim scaling, no rotation, no offset).
     */
    static double[][] affineOf(NiftiHeader h) {
        if (h.sformCode > 0) {
            double[][] a = new double[3][4];
            for (int c = 0; c < 4; c++) {
                a[0][c] = h.srowX[c];
                a[1][c] = h.srowY[c];
                a[2][c] = h.srowZ[c];
            }
            return a;
        }
        double dx = h.pixdim[1];
        double dy = h.pixdim[2];
        double dz = h.pixdim[3];
        if (h.qformCode <= 0) {
            return new double[][] {{dx, 0, 0, 0}, {0, dy, 0, 0}, {0, 0, dz, 0}};
        }
        double b = h.quaternB;
        double c = h.quaternC;
        double d = h.quaternD;
        double a = Math.sqrt(Math.max(0, 1 - (b * b + c * c + d * d)));
        double qfac = h.pixdim[0] == -1 ? -1 : 1;
        double[][] r = {
                {a * a + b * b - c * c - d * d, 2 * (b * c - a * d), 2 * (b * d + a * c)},
                {2 * (b * c + a * d), a * a + c * c - b * b - d * d, 2 * (c * d - a * b)},
                {2 * (b * d - a * c), 2 * (c * d + a * b), a * a + d * d - c * c - b * b}};
        double[] scale = {dx, dy, dz * qfac};
        double[] off = {h.qoffsetX, h.qoffsetY, h.qoffsetZ};
        double[][] m = new double[3][4];
        for (int row = 0; row < 3; row++) {
            for (int col = 0; col < 3; col++) {
                m[row][col] = r[row][col] * scale[col];
            }
            m[row][3] = off[row];
        }
        return m;
    }

    /**
     * Places a file's voxels on a spectlab grid. Accepts affines whose 3x3 part is diagonal up to
     * sign (axis i along x, j along y, k along z, either direction); a reversed axis is reported so the
     * data can be flipped into spectlab's increasing-coordinate order.
     */
    static Placement place(NiftiHeader h, int nx, int ny, int nz, Path file) {
        double[][] ras = affineOf(h);
        String source = h.sformCode > 0 ? "sform (srow_x/y/z)" : h.qformCode > 0 ? "qform (quatern_b/c/d, pixdim)"
                : "pixdim";
        double[][] lps = {
                {-ras[0][0], -ras[0][1], -ras[0][2], -ras[0][3]},
                {-ras[1][0], -ras[1][1], -ras[1][2], -ras[1][3]},
                ras[2].clone()};
        double largest = 0;
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                if (!Double.isFinite(lps[r][c]) || !Double.isFinite(lps[r][3])) {
                    throw new InputException(file + ": NIfTI " + source + " contains a non-finite number");
                }
                largest = Math.max(largest, Math.abs(lps[r][c]));
            }
        }
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                if (r != c && Math.abs(lps[r][c]) > AXIS_ALIGNED_TOLERANCE * largest) {
                    throw new InputException(file + ": NIfTI " + source + " is oblique or permutes the axes (voxel axes"
                            + " must run along x, y, z in that order); resample it to an axis-aligned grid first");
                }
            }
            if (!(Math.abs(lps[r][r]) > 0)) {
                throw new InputException(file + ": NIfTI " + source + " gives a zero voxel size along axis " + (r + 1));
            }
        }
        int[] n = {nx, ny, nz};
        double[] size = new double[3];
        double[] origin = new double[3];
        boolean[] flip = new boolean[3];
        for (int a = 0; a < 3; a++) {
            double step = lps[a][a];
            flip[a] = step < 0;
            size[a] = Math.abs(step);
            origin[a] = lps[a][3] + (flip[a] ? step * (n[a] - 1) : 0);
        }
        try {
            return new Placement(Grid3.of(nx, ny, nz, size[0], size[1], size[2], origin[0], origin[1], origin[2]),
                    flip[0], flip[1], flip[2]);
        } catch (InputException e) {
            throw new InputException(file + ": " + e.getMessage(), e);
        }
    }
}
