package org.spectlab.simulator.ct;

/**
 * Exact path lengths of a straight line through the voxels of one axial slice of a material map,
 * accumulated per material: Siddon's method in the incremental form of Amanatides &amp; Woo
 * (Siddon RL, Med. Phys. 12 (1985) 252; Amanatides J, Woo A, Eurographics '87, 3-10). Each voxel
 * boundary crossing costs one comparison and one addition; there is no sampling error.
 *
 * <p>Coordinates in mm in the map's patient frame; the slice's voxel edges are at
 * {@code origin - voxel/2 + i * voxel}. One instance per thread (it owns its scratch arrays).
 */
final class SliceRayTracer {
    private final int nx;
    private final int ny;
    private final double dx;
    private final double dy;
    private final double x0;
    private final double y0;
    private final short[] map;
    /** Path length per material, cm (accumulated, cleared by {@link #clear}). */
    final double[] lengthCm;
    /** Materials with non-zero length, first {@link #nPresent} entries. */
    final int[] present;
    int nPresent;

    SliceRayTracer(int nx, int ny, double dxMm, double dyMm, double originXMm, double originYMm, short[] map,
                   int materials) {
        this.nx = nx;
        this.ny = ny;
        this.dx = dxMm;
        this.dy = dyMm;
        this.x0 = originXMm - 0.5 * dxMm;
        this.y0 = originYMm - 0.5 * dyMm;
        this.map = map;
        this.lengthCm = new double[materials];
        this.present = new int[materials];
    }

    /** Resets the accumulated lengths. */
    void clear() {
        for (int q = 0; q < nPresent; q++) {
            lengthCm[present[q]] = 0;
        }
        nPresent = 0;
    }

    /**
     * Adds {@code weight} times the path lengths of the line {@code p + t c} (unit direction) through
     * slice {@code k} of the map.
     */
    void trace(int k, double px, double py, double cx, double cy, double weight) {
        double tmin = Double.NEGATIVE_INFINITY;
        double tmax = Double.POSITIVE_INFINITY;
        double xEnd = x0 + nx * dx;
        double yEnd = y0 + ny * dy;
        if (Math.abs(cx) > 1e-12) {
            double t1 = (x0 - px) / cx;
            double t2 = (xEnd - px) / cx;
            tmin = Math.max(tmin, Math.min(t1, t2));
            tmax = Math.min(tmax, Math.max(t1, t2));
        } else if (px <= x0 || px >= xEnd) {
            return;
        }
        if (Math.abs(cy) > 1e-12) {
            double t1 = (y0 - py) / cy;
            double t2 = (yEnd - py) / cy;
            tmin = Math.max(tmin, Math.min(t1, t2));
            tmax = Math.min(tmax, Math.max(t1, t2));
        } else if (py <= y0 || py >= yEnd) {
            return;
        }
        if (!(tmax > tmin)) {
            return;
        }
        double tMid = tmin + 1e-9 * (tmax - tmin);
        int i = (int) Math.floor((px + cx * tMid - x0) / dx);
        int j = (int) Math.floor((py + cy * tMid - y0) / dy);
        i = Math.min(nx - 1, Math.max(0, i));
        j = Math.min(ny - 1, Math.max(0, j));
        int stepI;
        int stepJ;
        double tNextX;
        double tNextY;
        double tDeltaX;
        double tDeltaY;
        if (cx > 1e-12) {
            stepI = 1;
            tDeltaX = dx / cx;
            tNextX = (x0 + (i + 1) * dx - px) / cx;
        } else if (cx < -1e-12) {
            stepI = -1;
            tDeltaX = -dx / cx;
            tNextX = (x0 + i * dx - px) / cx;
        } else {
            stepI = 0;
            tDeltaX = Double.POSITIVE_INFINITY;
            tNextX = Double.POSITIVE_INFINITY;
        }
        if (cy > 1e-12) {
            stepJ = 1;
            tDeltaY = dy / cy;
            tNextY = (y0 + (j + 1) * dy - py) / cy;
        } else if (cy < -1e-12) {
            stepJ = -1;
            tDeltaY = -dy / cy;
            tNextY = (y0 + j * dy - py) / cy;
        } else {
            stepJ = 0;
            tDeltaY = Double.POSITIVE_INFINITY;
            tNextY = Double.POSITIVE_INFINITY;
        }
        int base = nx * ny * k;
        int idx = base + i + nx * j;
        int stepIdxJ = stepJ * nx;
        double t = tmin;
        double w = 0.1 * weight; // mm to cm
        double[] len = lengthCm;
        while (true) {
            boolean alongX = tNextX < tNextY;
            double tn = alongX ? tNextX : tNextY;
            boolean last = tn >= tmax;
            if (last) {
                tn = tmax;
            }
            double seg = w * (tn - t);
            if (seg > 0) {
                // A zero-length segment (a ray through a voxel corner) must not register its material:
                // it would stay at length 0 and be listed again in `present`, counting it twice.
                int m = map[idx];
                double before = len[m];
                len[m] = before + seg;
                if (before == 0) {
                    present[nPresent++] = m;
                }
            }
            if (last) {
                return;
            }
            t = tn;
            if (alongX) {
                i += stepI;
                if (i < 0 || i >= nx) {
                    return;
                }
                idx += stepI;
                tNextX += tDeltaX;
            } else {
                j += stepJ;
                if (j < 0 || j >= ny) {
                    return;
                }
                idx += stepIdxJ;
                tNextY += tDeltaY;
            }
        }
    }
}
