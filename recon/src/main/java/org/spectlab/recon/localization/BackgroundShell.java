package org.spectlab.recon.localization;

import java.util.Arrays;
import org.spectlab.core.grid.Grid3;

/**
 * A spherical shell of voxel offsets around a candidate, where its local background is measured.
 *
 * <p>For a blob of scale σ_t (total σ of a point source at the detection scale) the shell spans
 * {@code r_in = √3 σ_t + FWHM} to {@code r_out = r_in + max(FWHM, 2 voxels)}: √3 σ_t is the radius of
 * the ball whose normalised Laplacian peaks at σ_t (a uniform ball of radius r has its second moment
 * r²/5 per axis; the 3D γ-normalised LoG peaks near σ = r/√3, Lindeberg 1998), and one FWHM more keeps
 * the lesion's spill-out (partial-volume blur) out of the background.
 */
final class BackgroundShell {
    private final int[] di;
    private final int[] dj;
    private final int[] dk;
    private final double innerRadiusMm;
    private final double outerRadiusMm;

    private BackgroundShell(int[] di, int[] dj, int[] dk, double innerRadiusMm, double outerRadiusMm) {
        this.di = di;
        this.dj = dj;
        this.dk = dk;
        this.innerRadiusMm = innerRadiusMm;
        this.outerRadiusMm = outerRadiusMm;
    }

    /** The shell for a blob of total σ {@code totalSigmaMm} on grid {@code g}. */
    static BackgroundShell of(Grid3 g, double totalSigmaMm, double systemFwhmMm) {
        double maxVoxel = Math.max(g.voxelXMm(), Math.max(g.voxelYMm(), g.voxelZMm()));
        double rIn = Math.sqrt(3.0) * totalSigmaMm + systemFwhmMm;
        double rOut = rIn + Math.max(systemFwhmMm, 2.0 * maxVoxel);
        int hx = (int) Math.ceil(rOut / g.voxelXMm());
        int hy = (int) Math.ceil(rOut / g.voxelYMm());
        int hz = (int) Math.ceil(rOut / g.voxelZMm());
        int cap = (2 * hx + 1) * (2 * hy + 1) * (2 * hz + 1);
        int[] a = new int[cap];
        int[] b = new int[cap];
        int[] c = new int[cap];
        int n = 0;
        for (int k = -hz; k <= hz; k++) {
            double z = k * g.voxelZMm();
            for (int j = -hy; j <= hy; j++) {
                double y = j * g.voxelYMm();
                for (int i = -hx; i <= hx; i++) {
                    double x = i * g.voxelXMm();
                    double r = Math.sqrt(x * x + y * y + z * z);
                    if (r >= rIn && r <= rOut) {
                        a[n] = i;
                        b[n] = j;
                        c[n] = k;
                        n++;
                    }
                }
            }
        }
        return new BackgroundShell(Arrays.copyOf(a, n), Arrays.copyOf(b, n), Arrays.copyOf(c, n), rIn, rOut);
    }

    /** Number of offsets. */
    int size() {
        return di.length;
    }

    /** Offset along x of entry m, voxels. */
    int di(int m) {
        return di[m];
    }

    /** Offset along y of entry m, voxels. */
    int dj(int m) {
        return dj[m];
    }

    /** Offset along z of entry m, voxels. */
    int dk(int m) {
        return dk[m];
    }

    /** Inner radius, mm (lesions are segmented within it). */
    double innerRadiusMm() {
        return innerRadiusMm;
    }

    /** Outer radius, mm. */
    double outerRadiusMm() {
        return outerRadiusMm;
    }
}
