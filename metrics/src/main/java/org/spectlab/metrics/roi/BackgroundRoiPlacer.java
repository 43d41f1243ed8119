package org.spectlab.metrics.roi;

import java.util.ArrayList;
import java.util.List;
import org.spectlab.core.error.InputException;
import org.spectlab.core.grid.Grid3;
import org.spectlab.metrics.detection.PointMm;

/**
 * Places NEMA NU 2-style background ROI centres in one transverse slice: discs of a given diameter that
 * lie wholly inside a body mask at least {@code marginMm} from its edge, and at least {@code marginMm}
 * from every excluded sphere (hot or cold inserts, lung insert), spread as evenly as possible.
 *
 * <p>Candidates are the voxel centres of the slice meeting those constraints; the mask test is made
 * conservative by half a voxel diagonal (every mask voxel whose centre is within
 * {@code radius + margin + half diagonal} must be inside), so ROIs keep their margin to the mask's
 * edge to within half a voxel diagonal. The first pick is the
 * candidate farthest from all exclusions (ties: lowest voxel index); each further pick is the candidate
 * farthest from the picks so far (farthest-point sampling), and picks must not overlap. The result is
 * deterministic. NEMA NU 2-2018 sec. 7.4.1 asks for 12 background ROIs of 37 mm in the central slice,
 * at least 15 mm from the phantom edge, copied to the slices at +-1 and +-2 cm.
 */
public final class BackgroundRoiPlacer {

    private BackgroundRoiPlacer() {
    }

    /** An excluded sphere. */
    public record Exclusion(PointMm centre, double radiusMm) {
        /** An exclusion. */
        public static Exclusion of(PointMm centre, double radiusMm) {
            return new Exclusion(centre, radiusMm);
        }
    }

    /**
     * Places {@code count} disc centres in the slice nearest {@code zMm}.
     *
     * @param grid        the grid of the mask
     * @param bodyMask    true inside the body (same indexing as the grid)
     * @param zMm         slice position, mm
     * @param diameterMm  ROI diameter, mm
     * @param marginMm    minimum distance of the ROI edge from the mask edge and from exclusions, mm
     * @param exclusions  spheres to keep clear of
     * @param count       number of ROIs
     * @return centres (x, y, z of the slice), in pick order
     * @throws InputException when the mask cannot hold that many non-overlapping ROIs
     */
    public static List<PointMm> place(Grid3 grid, boolean[] bodyMask, double zMm, double diameterMm, double marginMm,
                                      List<Exclusion> exclusions, int count) {
        if (bodyMask.length != grid.voxelCount()) {
            throw new IllegalArgumentException("mask length does not match the grid");
        }
        int k = (int) Math.round(grid.toVoxelZ(zMm));
        if (k < 0 || k >= grid.nz()) {
            throw InputException.field("background slice z (mm)", zMm + " is outside the image");
        }
        double r = 0.5 * diameterMm;
        double reach = r + marginMm;
        double checkReach = reach + 0.5 * Math.hypot(grid.voxelXMm(), grid.voxelYMm());
        int ri = (int) Math.ceil(checkReach / grid.voxelXMm());
        int rj = (int) Math.ceil(checkReach / grid.voxelYMm());
        double z = grid.zMm(k);
        List<double[]> candidates = new ArrayList<>();
        for (int j = 0; j < grid.ny(); j++) {
            for (int i = 0; i < grid.nx(); i++) {
                double x = grid.xMm(i);
                double y = grid.yMm(j);
                if (!discInside(grid, bodyMask, i, j, k, ri, rj, checkReach)) {
                    continue;
                }
                double clearance = Double.POSITIVE_INFINITY;
                for (Exclusion e : exclusions) {
                    double d = PointMm.of(x, y, z).distanceMm(e.centre()) - e.radiusMm() - reach;
                    clearance = Math.min(clearance, d);
                }
                if (clearance >= 0) {
                    candidates.add(new double[] {x, y, clearance});
                }
            }
        }
        if (candidates.isEmpty()) {
            throw InputException.field("background ROIs", "no room for a " + diameterMm
                    + " mm ROI inside the body mask in slice z = " + z + " mm");
        }
        List<PointMm> picks = new ArrayList<>(count);
        int first = 0;
        for (int c = 1; c < candidates.size(); c++) {
            if (candidates.get(c)[2] > candidates.get(first)[2]) {
                first = c;
            }
        }
        double[] minDist = new double[candidates.size()];
        java.util.Arrays.fill(minDist, Double.POSITIVE_INFINITY);
        int pick = first;
        while (true) {
            double[] p = candidates.get(pick);
            picks.add(PointMm.of(p[0], p[1], z));
            if (picks.size() == count) {
                return picks;
            }
            int best = -1;
            for (int c = 0; c < candidates.size(); c++) {
                double[] q = candidates.get(c);
                minDist[c] = Math.min(minDist[c], Math.hypot(q[0] - p[0], q[1] - p[1]));
                if (best < 0 || minDist[c] > minDist[best]) {
                    best = c;
                }
            }
            if (minDist[best] < diameterMm) {
                throw InputException.field("background ROIs", "only " + picks.size() + " of " + count
                        + " non-overlapping " + diameterMm + " mm ROIs fit in slice z = " + z + " mm");
            }
            pick = best;
        }
    }

    private static boolean discInside(Grid3 g, boolean[] mask, int ci, int cj, int k, int ri, int rj, double reach) {
        double r2 = reach * reach;
        for (int j = cj - rj; j <= cj + rj; j++) {
            double dy = (j - cj) * g.voxelYMm();
            for (int i = ci - ri; i <= ci + ri; i++) {
                double dx = (i - ci) * g.voxelXMm();
                if (dx * dx + dy * dy > r2) {
                    continue;
                }
                if (i < 0 || j < 0 || i >= g.nx() || j >= g.ny() || !mask[g.index(i, j, k)]) {
                    return false;
                }
            }
        }
        return true;
    }
}
