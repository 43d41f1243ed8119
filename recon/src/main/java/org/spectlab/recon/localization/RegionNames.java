package org.spectlab.recon.localization;

import org.spectlab.core.grid.Grid3;
import org.spectlab.core.grid.LabelVolume;

/**
 * Names the organ or region at a point from a label map (organ labels of a phantom, or a CT
 * segmentation), and carries labels over to another grid.
 *
 * <p>The name is that of the label voxel nearest the point. When that voxel is unlabelled (label 0
 * without a name in the table) the nearest labelled voxel within {@code searchRadiusMm} is used
 * instead, so that a centre falling just outside an organ's outline (partial volume, small
 * misregistration) still gets the organ; beyond that the point is {@value #OUTSIDE_BODY}. Without a
 * label map every point is {@value #UNKNOWN}.
 */
public final class RegionNames {
    /** Name of a point with no labelled voxel near it. */
    public static final String OUTSIDE_BODY = "outside body";
    /** Name of every point when no label map is given. */
    public static final String UNKNOWN = "unknown";

    private final LabelVolume labels;
    private final double searchRadiusMm;

    private RegionNames(LabelVolume labels, double searchRadiusMm) {
        this.labels = labels;
        this.searchRadiusMm = searchRadiusMm;
    }

    /** Names from a label map (null for none), searching up to {@code searchRadiusMm} around unlabelled points. */
    public static RegionNames of(LabelVolume labels, double searchRadiusMm) {
        return new RegionNames(labels, Math.max(0.0, searchRadiusMm));
    }

    /** True when label {@code l} marks a region (non-zero, or zero given a name in the table). */
    static boolean isLabelled(LabelVolume labels, int l) {
        return l != 0 || labels.names().containsKey(0);
    }

    /** The label at a point (nearest voxel, or nearest labelled voxel within the search radius); 0 if none. */
    public int labelAt(double xMm, double yMm, double zMm) {
        if (labels == null) {
            return 0;
        }
        Grid3 g = labels.grid();
        double fi = g.toVoxelX(xMm);
        double fj = g.toVoxelY(yMm);
        double fk = g.toVoxelZ(zMm);
        int i0 = (int) Math.round(fi);
        int j0 = (int) Math.round(fj);
        int k0 = (int) Math.round(fk);
        if (g.contains(i0, j0, k0) && isLabelled(labels, labels.get(i0, j0, k0))) {
            return labels.get(i0, j0, k0);
        }
        int hx = (int) Math.ceil(searchRadiusMm / g.voxelXMm());
        int hy = (int) Math.ceil(searchRadiusMm / g.voxelYMm());
        int hz = (int) Math.ceil(searchRadiusMm / g.voxelZMm());
        double best = searchRadiusMm * searchRadiusMm;
        int found = 0;
        boolean any = false;
        for (int k = k0 - hz; k <= k0 + hz; k++) {
            for (int j = j0 - hy; j <= j0 + hy; j++) {
                for (int i = i0 - hx; i <= i0 + hx; i++) {
                    if (!g.contains(i, j, k)) {
                        continue;
                    }
                    int l = labels.get(i, j, k);
                    if (!isLabelled(labels, l)) {
                        continue;
                    }
                    double dx = (i - fi) * g.voxelXMm();
                    double dy = (j - fj) * g.voxelYMm();
                    double dz = (k - fk) * g.voxelZMm();
                    double d2 = dx * dx + dy * dy + dz * dz;
                    if (d2 <= best) {
                        best = d2;
                        found = l;
                        any = true;
                    }
                }
            }
        }
        return any ? found : 0;
    }

    /** The organ or region name at a point. */
    public String nameAt(double xMm, double yMm, double zMm) {
        if (labels == null) {
            return UNKNOWN;
        }
        int l = labelAt(xMm, yMm, zMm);
        return isLabelled(labels, l) ? labels.nameOf(l) : OUTSIDE_BODY;
    }

    /**
     * The labels carried onto {@code target} by nearest neighbour in patient coordinates (voxels whose
     * centre falls outside the label map get 0); the map itself when the grids already agree.
     */
    public static LabelVolume resample(LabelVolume labels, Grid3 target) {
        if (labels.grid().sameGeometry(target)) {
            return labels;
        }
        Grid3 s = labels.grid();
        int[] ii = new int[target.nx()];
        int[] jj = new int[target.ny()];
        int[] kk = new int[target.nz()];
        for (int i = 0; i < ii.length; i++) {
            ii[i] = nearest(s.toVoxelX(target.xMm(i)), s.nx());
        }
        for (int j = 0; j < jj.length; j++) {
            jj[j] = nearest(s.toVoxelY(target.yMm(j)), s.ny());
        }
        for (int k = 0; k < kk.length; k++) {
            kk[k] = nearest(s.toVoxelZ(target.zMm(k)), s.nz());
        }
        short[] src = labels.labels();
        short[] out = new short[target.voxelCount()];
        int p = 0;
        for (int k = 0; k < kk.length; k++) {
            for (int j = 0; j < jj.length; j++) {
                for (int i = 0; i < ii.length; i++, p++) {
                    if (ii[i] >= 0 && jj[j] >= 0 && kk[k] >= 0) {
                        out[p] = src[s.index(ii[i], jj[j], kk[k])];
                    }
                }
            }
        }
        return LabelVolume.of(target, out, labels.names());
    }

    private static int nearest(double f, int n) {
        long r = Math.round(f);
        return r >= 0 && r < n ? (int) r : -1;
    }
}
