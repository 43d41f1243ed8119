package org.spectlab.recon.ct;

import org.spectlab.core.error.InputException;
import org.spectlab.core.grid.Grid3;
import org.spectlab.core.grid.Volume;

/**
 * Rigid translation between two volumes on the same grid, e.g. a CT and a reference CT (or a CT and
 * a truth map in HU): the shift {@code s} with {@code moving(x) ≈ reference(x - s)} that maximises the
 * normalised cross-correlation over the overlap. Integer voxel shifts within a search range are scored
 * exhaustively; the peak is refined to sub-voxel precision by a parabola through the peak and its two
 * neighbours along each axis (the classic three-point peak interpolation). Cost: one pass over the
 * volume per candidate shift, {@code (2 R + 1)^3} passes for a range of R voxels.
 */
public final class TranslationRegistration {

    /**
     * A measured shift.
     *
     * @param dxMm        shift along x, mm
     * @param dyMm        shift along y, mm
     * @param dzMm        shift along z, mm
     * @param correlation normalised cross-correlation at the best integer shift
     */
    public record Shift(double dxMm, double dyMm, double dzMm, double correlation) {
    }

    private TranslationRegistration() {
    }

    /**
     * Registers {@code moving} to {@code reference}.
     *
     * @param maxShiftMm search range along each axis, mm
     * @throws InputException if the grids differ or the range is not positive
     */
    public static Shift register(Volume reference, Volume moving, double maxShiftMm) {
        Grid3 g = reference.grid();
        if (!g.sameGeometry(moving.grid())) {
            throw InputException.field("registration grids", "the moving volume must be on the reference grid");
        }
        if (!(maxShiftMm > 0) || !Double.isFinite(maxShiftMm)) {
            throw InputException.field("registration search range (mm)", "must be positive, got " + maxShiftMm);
        }
        int rx = Math.min(g.nx() - 1, (int) Math.ceil(maxShiftMm / g.voxelXMm()));
        int ry = Math.min(g.ny() - 1, (int) Math.ceil(maxShiftMm / g.voxelYMm()));
        int rz = Math.min(g.nz() - 1, (int) Math.ceil(maxShiftMm / g.voxelZMm()));
        int sx = 2 * rx + 1;
        int sy = 2 * ry + 1;
        int sz = 2 * rz + 1;
        double[] ncc = new double[sx * sy * sz];
        int best = 0;
        for (int c = -rz; c <= rz; c++) {
            for (int b = -ry; b <= ry; b++) {
                for (int a = -rx; a <= rx; a++) {
                    int q = (a + rx) + sx * ((b + ry) + sy * (c + rz));
                    ncc[q] = correlation(reference.data(), moving.data(), g, a, b, c);
                    if (ncc[q] > ncc[best]) {
                        best = q;
                    }
                }
            }
        }
        int ba = best % sx;
        int bb = (best / sx) % sy;
        int bc = best / (sx * sy);
        double fa = refine(ncc, best, 1, ba, sx);
        double fb = refine(ncc, best, sx, bb, sy);
        double fc = refine(ncc, best, sx * sy, bc, sz);
        return new Shift((ba - rx + fa) * g.voxelXMm(), (bb - ry + fb) * g.voxelYMm(), (bc - rz + fc) * g.voxelZMm(),
                ncc[best]);
    }

    /** Sub-voxel offset of the parabola vertex through (-1, 0, +1); 0 at the edge of the search or if flat. */
    private static double refine(double[] ncc, int q, int stride, int pos, int size) {
        if (pos == 0 || pos == size - 1) {
            return 0;
        }
        double m = ncc[q - stride];
        double c = ncc[q];
        double p = ncc[q + stride];
        double den = m - 2 * c + p;
        if (!(den < 0)) {
            return 0;
        }
        return Math.max(-0.5, Math.min(0.5, 0.5 * (m - p) / den));
    }

    /** NCC of moving[i,j,k] against reference[i-a, j-b, k-c] over their overlap. */
    private static double correlation(float[] ref, float[] mov, Grid3 g, int a, int b, int c) {
        int nx = g.nx();
        int ny = g.ny();
        int nz = g.nz();
        double sm = 0;
        double sr = 0;
        double smm = 0;
        double srr = 0;
        double smr = 0;
        long n = 0;
        int i0 = Math.max(0, a);
        int i1 = Math.min(nx, nx + a);
        for (int k = Math.max(0, c); k < Math.min(nz, nz + c); k++) {
            for (int j = Math.max(0, b); j < Math.min(ny, ny + b); j++) {
                int mBase = nx * (j + ny * k);
                int rBase = nx * ((j - b) + ny * (k - c)) - a;
                for (int i = i0; i < i1; i++) {
                    double m = mov[mBase + i];
                    double r = ref[rBase + i];
                    sm += m;
                    sr += r;
                    smm += m * m;
                    srr += r * r;
                    smr += m * r;
                }
                n += i1 - i0;
            }
        }
        if (n < 2) {
            return -1;
        }
        double cov = smr - sm * sr / n;
        double vm = smm - sm * sm / n;
        double vr = srr - sr * sr / n;
        return vm > 0 && vr > 0 ? cov / Math.sqrt(vm * vr) : -1;
    }
}
