package org.spectlab.simulator.ct;

/**
 * Exact path lengths of a straight line through the voxels of one axial slice of a material map,
 * accumulated per material: Siddon's method in the incremental form of Amanatides &amp; Woo
 * (Siddon RL, Med. Phys. 12 (1985) 252; Amanatides J, Woo A, Eurographics '87, 3-10). Each voxel
 * boundary crossing costs a comparison, an addition and a look-up of the voxel's material (lengths are
 * summed per run of one material, as differences of the run's end parameters); there is no sampling error.
 * Where the voxels around the patient are all one material (air), {@link #traceInCylinder} walks only the
 * chord inside the patient's cylinder and adds the rest of the chord analytically.
 *
 * <p>Coordinates in mm in the map's patient frame; the slice's voxel edges are at
 * {@code origin - voxel/2 + i * voxel}. One instance per thread (it owns its scratch arrays).
 */
final class SliceRayTracer {
    /** {@link #outsideMaterial}: no voxel reaches outside the cylinder. */
    static final int OUTSIDE_NONE = -1;
    /** {@link #outsideMaterial}: the voxels reaching outside the cylinder are of more than one material. */
    static final int OUTSIDE_MIXED = -2;
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
    /** Increments of the next x / y boundary parameters, indexed by the step selector (see {@link #trace}). */
    private final double[] stepX = new double[2];
    private final double[] stepY = new double[2];

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
     * The material of every voxel of slice {@code k} that reaches outside the cylinder of radius {@code rMm}
     * about the z axis (x = y = 0); {@link #OUTSIDE_NONE} if no voxel does, {@link #OUTSIDE_MIXED} if they
     * are of more than one material.
     */
    int outsideMaterial(int k, double rMm) {
        // A voxel lies inside when its farthest corner does; a 1e-6 mm margin puts voxels that touch the
        // circle on the outside, so rounding can only make the walk longer, never skip a voxel.
        double r2 = rMm > 1e-6 ? (rMm - 1e-6) * (rMm - 1e-6) : -1;
        int base = nx * ny * k;
        int m = OUTSIDE_NONE;
        for (int j = 0; j < ny; j++) {
            double fy = Math.max(Math.abs(y0 + j * dy), Math.abs(y0 + (j + 1) * dy));
            for (int i = 0; i < nx; i++) {
                double fx = Math.max(Math.abs(x0 + i * dx), Math.abs(x0 + (i + 1) * dx));
                if (fx * fx + fy * fy <= r2) {
                    continue;
                }
                int mv = map[base + i + nx * j];
                if (m == OUTSIDE_NONE) {
                    m = mv;
                } else if (m != mv) {
                    return OUTSIDE_MIXED;
                }
            }
        }
        return m;
    }

    /**
     * Adds the path lengths of the line {@code p + t c} (unit direction) through slice {@code k}, as
     * {@link #trace(int, double, double, double, double, double) trace} with weight 1 does, but walks the
     * voxels only along the chord inside the cylinder of radius {@code rMm} about the z axis and adds the
     * rest of the chord through the slice to {@code outsideMaterial}, which must be
     * {@link #outsideMaterial(int, double)} of this slice and radius (not {@link #OUTSIDE_MIXED}). The
     * lengths are the same up to rounding; the saving is the walk through the air around the patient.
     */
    void traceInCylinder(int k, double px, double py, double cx, double cy, double rMm, int outsideMaterial) {
        double tClosest = -(px * cx + py * cy);
        double d2 = Math.max(0, px * px + py * py - tClosest * tClosest);
        double h = d2 < rMm * rMm ? Math.sqrt(rMm * rMm - d2) : 0;
        double skippedMm = trace(k, px, py, cx, cy, 1.0, tClosest - h, tClosest + h);
        if (outsideMaterial >= 0) {
            addLength(outsideMaterial, 0.1 * skippedMm);
        }
    }

    /** Adds a path length (cm) through material {@code m}, e.g. a part of the chord not walked voxel by voxel. */
    void addLength(int m, double cm) {
        if (cm > 0) {
            double before = lengthCm[m];
            lengthCm[m] = before + cm;
            if (before == 0) {
                present[nPresent++] = m;
            }
        }
    }

    /**
     * Adds {@code weight} times the path lengths of the line {@code p + t c} (unit direction) through
     * slice {@code k} of the map.
     */
    void trace(int k, double px, double py, double cx, double cy, double weight) {
        trace(k, px, py, cx, cy, weight, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
    }

    /**
     * Adds {@code weight} times the path lengths of the part {@code tFrom <= t <= tTo} of the line
     * {@code p + t c} (unit direction, t in mm) through slice {@code k} of the map, and returns the length
     * (mm, unweighted) of the line's chord through the map's slice that lies outside {@code [tFrom, tTo]}
     * and was not walked, so that a caller who knows what fills it can account for it.
     */
    double trace(int k, double px, double py, double cx, double cy, double weight, double tFrom, double tTo) {
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
            return 0;
        }
        if (Math.abs(cy) > 1e-12) {
            double t1 = (y0 - py) / cy;
            double t2 = (yEnd - py) / cy;
            tmin = Math.max(tmin, Math.min(t1, t2));
            tmax = Math.min(tmax, Math.max(t1, t2));
        } else if (py <= y0 || py >= yEnd) {
            return 0;
        }
        if (!(tmax > tmin)) {
            return 0;
        }
        double chordMm = tmax - tmin;
        tmin = Math.max(tmin, tFrom);
        tmax = Math.min(tmax, tTo);
        if (!(tmax > tmin)) {
            return chordMm;
        }
        double skippedMm = chordMm - (tmax - tmin);
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
        double w = 0.1 * weight; // mm to cm
        // The walk accumulates runs of one material (their length is the difference of the run's end and
        // start parameters) rather than every voxel's segment, so consecutive voxels do not wait on each
        // other's store; the step is chosen without a branch (the x/y pattern of a ray is hard to predict):
        // s = 1 steps along x, s = 0 along y.
        double[] nextX = stepX;
        double[] nextY = stepY;
        nextX[0] = 0;
        nextX[1] = tDeltaX;
        nextY[0] = tDeltaY;
        nextY[1] = 0;
        int stepIdxJ = stepJ * nx;
        int m = map[idx];
        double runStart = tmin;
        while (true) {
            double tn = Math.min(tNextX, tNextY);
            if (tn >= tmax) {
                addLength(m, w * (tmax - runStart));
                return skippedMm;
            }
            int s = tNextX < tNextY ? 1 : 0;
            i += s * stepI;
            j += (1 - s) * stepJ;
            if (i < 0 || i >= nx || j < 0 || j >= ny) {
                addLength(m, w * (tn - runStart));
                return skippedMm;
            }
            idx += s * stepI + (1 - s) * stepIdxJ;
            tNextX += nextX[s];
            tNextY += nextY[s];
            int mn = map[idx];
            if (mn != m) {
                // A zero-length run (a ray through a voxel corner) adds nothing and does not register its
                // material: it would be listed in `present` with length 0 and then again, counting it twice.
                addLength(m, w * (tn - runStart));
                m = mn;
                runStart = tn;
            }
        }
    }
}
