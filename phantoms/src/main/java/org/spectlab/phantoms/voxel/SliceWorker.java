package org.spectlab.phantoms.voxel;

import java.util.Arrays;
import org.spectlab.core.grid.Grid3;
import org.spectlab.phantoms.shape.Shape;

/**
 * Per-thread kernel of the {@link Voxeliser}: processes a contiguous block of slices with
 * preallocated scratch buffers (no allocation per voxel).
 *
 * <p>For each slice it computes the owner (region index + 1, 0 = background) of every coarse
 * sub-sample and a per-voxel summary (the owner when all n^3 agree, else -1). With boundary
 * refinement, a voxel is re-sampled on the fine lattice when it is mixed or when any of its 26
 * neighbours has a different summary: a surface that slips between the coarse points of one voxel
 * still shows in a neighbour, so such voxels are not taken as uniform. A rolling window of three
 * summaries (previous, current, next slice) serves the neighbour test. Inside a re-sampled voxel,
 * only the coarse cells near a change of owner are tested on the fine lattice (see
 * {@link #resampleFine}); three slices of coarse owners are kept for that.
 */
final class SliceWorker {
    private final VoxelJob job;
    private final int n;
    private final int n3;
    private final int m;
    private final int m3;
    private final int unit;
    private final int nx;
    private final int ny;
    private short[] owner;
    private short[] ownerNext;
    private short[] ownerPrev;
    private int[] sumPrev;
    private int[] sumCur;
    private int[] sumNext;
    /** Fine-lattice points per owner tag of the voxel being re-sampled, and the tags touched. */
    private final int[] ownerTally;
    private final int[] touched;
    private int touchedCount;
    private final double[] fineOffX;
    private final double[] fineOffY;
    private final double[] fineOffZ;
    private final int[] candidates;
    private final int[] keep;
    private final int[] materialTally;
    /** Owner tags seen around the current cell, highest first (at most 27). */
    private final short[] near = new short[28];
    private int nearOwners;
    private final int[] labelTally;
    /** Per-group concentration sums of the voxel being reduced, or null without a group split. */
    private final double[] groupConc;

    SliceWorker(VoxelJob job) {
        this.job = job;
        n = job.n;
        n3 = n * n * n;
        m = n * job.refine;
        m3 = m * m * m;
        unit = job.refine * job.refine * job.refine;
        nx = job.grid.nx();
        ny = job.grid.ny();
        owner = new short[nx * ny * n3];
        ownerNext = job.refine > 1 ? new short[nx * ny * n3] : null;
        ownerPrev = job.refine > 1 ? new short[nx * ny * n3] : null;
        sumPrev = new int[nx * ny];
        sumCur = new int[nx * ny];
        sumNext = new int[nx * ny];
        ownerTally = new int[job.regions.length + 1];
        touched = new int[job.regions.length + 1];
        fineOffX = offsets(m, job.grid.voxelXMm());
        fineOffY = offsets(m, job.grid.voxelYMm());
        fineOffZ = offsets(m, job.grid.voxelZMm());
        candidates = new int[job.regions.length];
        keep = new int[job.regions.length];
        materialTally = new int[job.materialCount];
        labelTally = new int[job.labelCount];
        groupConc = job.groupActivity == null ? null : new double[job.groupActivity.length];
    }

    private static double[] offsets(int count, double size) {
        double[] o = new double[count];
        for (int s = 0; s < count; s++) {
            o[s] = ((s + 0.5) / count - 0.5) * size;
        }
        return o;
    }

    /** Processes slices k0 (inclusive) to k1 (exclusive). */
    void run(int k0, int k1) {
        int nz = job.grid.nz();
        if (job.refine == 1) {
            for (int k = k0; k < k1; k++) {
                coarse(k, owner, sumCur);
                reduce(k, false);
            }
            return;
        }
        if (k0 > 0) {
            coarse(k0 - 1, ownerPrev, sumPrev);
        } else {
            Arrays.fill(sumPrev, Integer.MIN_VALUE);
        }
        coarse(k0, owner, sumCur);
        for (int k = k0; k < k1; k++) {
            if (k + 1 < nz) {
                coarse(k + 1, ownerNext, sumNext);
            } else {
                Arrays.fill(sumNext, Integer.MIN_VALUE);
            }
            reduce(k, true);
            int[] t = sumPrev;
            sumPrev = sumCur;
            sumCur = sumNext;
            sumNext = t;
            short[] o = ownerPrev;
            ownerPrev = owner;
            owner = ownerNext;
            ownerNext = o;
        }
    }

    /** Coarse owners of slice k into {@code buf}, per-voxel summaries into {@code summary}. */
    private void coarse(int k, short[] buf, int[] summary) {
        Arrays.fill(buf, (short) 0);
        double zc = job.grid.zMm(k);
        boolean any = false;
        for (int r = 0; r < job.regions.length; r++) {
            if (k >= job.lo[3 * r + 2] && k <= job.hi[3 * r + 2]) {
                any = true;
                fillRegion(buf, r, zc);
            }
        }
        if (!any) {
            Arrays.fill(summary, 0);
            return;
        }
        for (int v = 0; v < nx * ny; v++) {
            int base = v * n3;
            int first = buf[base];
            for (int s = 1; s < n3; s++) {
                if (buf[base + s] != first) {
                    first = -1;
                    break;
                }
            }
            summary[v] = first;
        }
    }

    private void fillRegion(short[] buf, int r, double zc) {
        Shape shape = job.regions[r].shape();
        short tag = (short) (r + 1);
        double[] b = job.bbox;
        double minX = b[6 * r];
        double minY = b[6 * r + 1];
        double minZ = b[6 * r + 2];
        double maxX = b[6 * r + 3];
        double maxY = b[6 * r + 4];
        double maxZ = b[6 * r + 5];
        int i0 = job.lo[3 * r];
        int i1 = job.hi[3 * r];
        int j0 = job.lo[3 * r + 1];
        int j1 = job.hi[3 * r + 1];
        double[] xs = job.xs;
        double[] ys = job.ys;
        for (int sz = 0; sz < n; sz++) {
            double z = zc + job.offZ[sz];
            if (z < minZ || z > maxZ) {
                continue;
            }
            for (int j = j0; j <= j1; j++) {
                for (int sy = 0; sy < n; sy++) {
                    double y = ys[j * n + sy];
                    if (y < minY || y > maxY) {
                        continue;
                    }
                    int rowOffset = (sz * n + sy) * n;
                    for (int i = i0; i <= i1; i++) {
                        int base = (j * nx + i) * n3 + rowOffset;
                        int xi = i * n;
                        for (int sx = 0; sx < n; sx++) {
                            double x = xs[xi + sx];
                            if (x >= minX && x <= maxX && shape.contains(x, y, z)) {
                                buf[base + sx] = tag;
                            }
                        }
                    }
                }
            }
        }
    }

    /** Writes the outputs of slice k from {@link #owner} and the summaries. */
    private void reduce(int k, boolean refining) {
        int sliceBase = nx * ny * k;
        long[] counts = job.counts[k];
        int nc = 0;
        if (refining) {
            for (int r = 0; r < job.regions.length; r++) {
                if (k >= job.lo[3 * r + 2] && k <= job.hi[3 * r + 2]) {
                    candidates[nc++] = r;
                }
            }
        }
        for (int j = 0; j < ny; j++) {
            for (int i = 0; i < nx; i++) {
                int v = j * nx + i;
                int s = sumCur[v];
                int out = sliceBase + v;
                if (s >= 0 && (!refining || nc == 0 || neighboursAgree(i, j, s))) {
                    counts[s] += (long) n3 * unit;
                    writeUniform(out, s);
                } else if (refining) {
                    resampleFine(i, j, k, nc);
                    reduceTallied(out, counts);
                } else {
                    reduceMixed(owner, v * n3, n3, unit, out, counts);
                }
            }
        }
    }

    private boolean neighboursAgree(int i, int j, int s) {
        for (int dj = -1; dj <= 1; dj++) {
            int jj = j + dj;
            if (jj < 0 || jj >= ny) {
                continue;
            }
            for (int di = -1; di <= 1; di++) {
                int ii = i + di;
                if (ii < 0 || ii >= nx) {
                    continue;
                }
                int w = jj * nx + ii;
                if (sumCur[w] != s || (sumPrev[w] != s && sumPrev[w] != Integer.MIN_VALUE)
                        || (sumNext[w] != s && sumNext[w] != Integer.MIN_VALUE)) {
                    return false;
                }
            }
        }
        return true;
    }

    private void writeUniform(int out, int tag) {
        if (job.fraction != null) {
            job.fraction[out] = tag == job.fractionRegion + 1 ? 1f : 0f;
        } else {
            job.activity[out] = (float) job.concOfOwner[tag];
            if (groupConc != null) {
                for (int g = 0; g < groupConc.length; g++) {
                    job.groupActivity[g][out] = g == job.groupOfOwner[tag] ? (float) job.concOfOwner[tag] : 0f;
                }
            }
            job.materials[out] = (short) job.materialOfOwner[tag];
            job.labels[out] = (short) job.labelOfOwner[tag];
        }
    }

    /**
     * Owners of voxel (i, j, k) tallied on the fine lattice (into {@link #ownerTally}), testing the nc slice candidates.
     * The fine lattice splits each coarse sub-sample's cell into refine^3 points; a cell whose coarse
     * sample and all 26 neighbouring coarse samples (across voxel and slice borders) have one owner is
     * taken as uniform without testing its fine points, by the same argument as the voxel-level
     * neighbour test one level down: a surface crossing the cell changes the owner between the
     * cell's sample and a neighbour's.
     */
    private void resampleFine(int i, int j, int k, int nc) {
        int local = 0;
        int[] cand = candidates;
        Grid3 g = job.grid;
        double xc = g.xMm(i);
        double yc = g.yMm(j);
        double zc = g.zMm(k);
        // keep only regions whose voxel range covers (i, j); order (priority) is preserved
        for (int q = 0; q < nc; q++) {
            int r = cand[q];
            if (i >= job.lo[3 * r] && i <= job.hi[3 * r] && j >= job.lo[3 * r + 1] && j <= job.hi[3 * r + 1]) {
                keep[local++] = r;
            }
        }
        int rf = job.refine;
        int rf3 = rf * rf * rf;
        int base = (j * nx + i) * n3;
        for (int cz = 0; cz < n; cz++) {
            for (int cy = 0; cy < n; cy++) {
                for (int cx = 0; cx < n; cx++) {
                    short own = owner[base + (cz * n + cy) * n + cx];
                    if (uniformCell(i, j, k, cx, cy, cz, own)) {
                        tally(own, rf3);
                        continue;
                    }
                    int ns = nearOwners;
                    for (int tz = 0; tz < rf; tz++) {
                        int fz = cz * rf + tz;
                        double z = zc + fineOffZ[fz];
                        for (int ty = 0; ty < rf; ty++) {
                            int fy = cy * rf + ty;
                            double y = yc + fineOffY[fy];
                            for (int tx = 0; tx < rf; tx++) {
                                double x = xc + fineOffX[cx * rf + tx];
                                short o = nearOwnerAt(x, y, z, ns);
                                tally(o >= 0 ? o : ownerAt(x, y, z, local), 1);
                            }
                        }
                    }
                }
            }
        }
    }

    /**
     * The owner of a point among the regions seen at the 27 coarse samples around its cell (kept in
     * {@link #near}, highest priority first): the first that contains it, or -1 when none does (then
     * every candidate is tested). A region seen at none of those samples is not tested: like the
     * uniformity test, this misses only features that fit between coarse samples.
     */
    private short nearOwnerAt(double x, double y, double z, int count) {
        for (int q = 0; q < count; q++) {
            int tag = near[q];
            if (tag == 0) {
                continue;
            }
            if (job.regions[tag - 1].shape().contains(x, y, z)) {
                return (short) tag;
            }
        }
        return -1;
    }

    /** The owner tag of a point: the last kept region containing it, 0 for none. */
    private short ownerAt(double x, double y, double z, int local) {
        double[] bb = job.bbox;
        for (int q = local - 1; q >= 0; q--) {
            int r = keep[q];
            int b = 6 * r;
            if (x < bb[b] || y < bb[b + 1] || z < bb[b + 2] || x > bb[b + 3] || y > bb[b + 4] || z > bb[b + 5]) {
                continue;
            }
            if (job.regions[r].shape().contains(x, y, z)) {
                return (short) (r + 1);
            }
        }
        return 0;
    }

    /**
     * True when the 26 coarse samples around sample (cx, cy, cz) of voxel (i, j, k) all have owner
     * {@code own}; samples beyond the grid count as different.
     */
    private boolean uniformCell(int i, int j, int k, int cx, int cy, int cz, short own) {
        int nz = job.grid.nz();
        boolean uniform = true;
        near[0] = own;
        nearOwners = 1;
        for (int dz = -1; dz <= 1; dz++) {
            int sz = cz + dz;
            int kk = k;
            if (sz < 0) {
                sz += n;
                kk--;
            } else if (sz >= n) {
                sz -= n;
                kk++;
            }
            if (kk < 0 || kk >= nz) {
                uniform = false;
                continue;
            }
            short[] buf = kk == k ? owner : kk < k ? ownerPrev : ownerNext;
            for (int dy = -1; dy <= 1; dy++) {
                int sy = cy + dy;
                int jj = j;
                if (sy < 0) {
                    sy += n;
                    jj--;
                } else if (sy >= n) {
                    sy -= n;
                    jj++;
                }
                if (jj < 0 || jj >= ny) {
                    uniform = false;
                    continue;
                }
                for (int dx = -1; dx <= 1; dx++) {
                    int sx = cx + dx;
                    int ii = i;
                    if (sx < 0) {
                        sx += n;
                        ii--;
                    } else if (sx >= n) {
                        sx -= n;
                        ii++;
                    }
                    if (ii < 0 || ii >= nx) {
                        uniform = false;
                        continue;
                    }
                    short o = buf[(jj * nx + ii) * n3 + (sz * n + sy) * n + sx];
                    if (o != own) {
                        uniform = false;
                        addNear(o);
                    }
                }
            }
        }
        return uniform;
    }

    /** Adds an owner tag to {@link #near}, kept in decreasing tag (priority) order without repeats. */
    private void addNear(short tag) {
        int q = 0;
        while (q < nearOwners && near[q] > tag) {
            q++;
        }
        if (q < nearOwners && near[q] == tag) {
            return;
        }
        System.arraycopy(near, q, near, q + 1, nearOwners - q);
        near[q] = tag;
        nearOwners++;
    }

    private void tally(int tag, int weight) {
        if (ownerTally[tag] == 0) {
            touched[touchedCount++] = tag;
        }
        ownerTally[tag] += weight;
    }

    /**
     * Writes voxel {@code out} from the fine-lattice tallies of {@link #resampleFine} and clears them:
     * activity the tally-weighted mean concentration, material and label the majority (ties to the
     * larger index, as {@link #majority}).
     */
    private void reduceTallied(int out, long[] counts) {
        double conc = 0;
        for (int q = 0; q < touchedCount; q++) {
            int o = touched[q];
            int c = ownerTally[o];
            counts[o] += c;
            conc += c * job.concOfOwner[o];
            if (groupConc != null && job.groupOfOwner[o] >= 0) {
                groupConc[job.groupOfOwner[o]] += c * job.concOfOwner[o];
            }
        }
        double inv = 1.0 / m3;
        writeGroups(out, inv);
        if (job.fraction != null) {
            job.fraction[out] = (float) (ownerTally[job.fractionRegion + 1] * inv);
        } else {
            job.activity[out] = (float) (conc * inv);
            job.materials[out] = (short) majorityOfTallies(materialTally, job.materialOfOwner);
            job.labels[out] = (short) majorityOfTallies(labelTally, job.labelOfOwner);
        }
        for (int q = 0; q < touchedCount; q++) {
            ownerTally[touched[q]] = 0;
        }
        touchedCount = 0;
    }

    /** The index (via {@code ofOwner}) with the largest summed tally over the touched owners; ties to the larger index. */
    private int majorityOfTallies(int[] tally, int[] ofOwner) {
        for (int q = 0; q < touchedCount; q++) {
            int o = touched[q];
            tally[ofOwner[o]] += ownerTally[o];
        }
        int best = -1;
        int bestCount = -1;
        for (int q = 0; q < touchedCount; q++) {
            int idx = ofOwner[touched[q]];
            int c = tally[idx];
            if (c > bestCount || (c == bestCount && idx > best)) {
                best = idx;
                bestCount = c;
            }
        }
        for (int q = 0; q < touchedCount; q++) {
            tally[ofOwner[touched[q]]] = 0;
        }
        return best;
    }

    /** Reduces {@code len} owner tags of one voxel, each worth {@code weight} fine-lattice units. */
    private void reduceMixed(short[] buf, int base, int len, int weight, int out, long[] counts) {
        double conc = 0;
        int own = 0;
        int target = job.fractionRegion + 1;
        for (int s = 0; s < len; s++) {
            int o = buf[base + s];
            counts[o] += weight;
            conc += job.concOfOwner[o];
            if (groupConc != null && job.groupOfOwner[o] >= 0) {
                groupConc[job.groupOfOwner[o]] += job.concOfOwner[o];
            }
            if (o == target) {
                own++;
            }
            materialTally[job.materialOfOwner[o]]++;
            labelTally[job.labelOfOwner[o]]++;
        }
        double inv = 1.0 / len;
        writeGroups(out, inv);
        if (job.fraction != null) {
            job.fraction[out] = (float) (own * inv);
        } else {
            job.activity[out] = (float) (conc * inv);
            job.materials[out] = (short) majority(buf, base, len, materialTally, job.materialOfOwner);
            job.labels[out] = (short) majority(buf, base, len, labelTally, job.labelOfOwner);
        }
        for (int s = 0; s < len; s++) {
            int o = buf[base + s];
            materialTally[job.materialOfOwner[o]] = 0;
            labelTally[job.labelOfOwner[o]] = 0;
        }
    }

    /** Writes voxel {@code out} of each group's activity, {@link #groupConc} times {@code inv}; clears the sums. */
    private void writeGroups(int out, double inv) {
        if (groupConc == null) {
            return;
        }
        for (int g = 0; g < groupConc.length; g++) {
            job.groupActivity[g][out] = (float) (groupConc[g] * inv);
            groupConc[g] = 0;
        }
    }

    /** The index with the largest tally; ties go to the larger index (typically the later region). */
    private static int majority(short[] buf, int base, int len, int[] tally, int[] ofOwner) {
        int best = -1;
        int bestCount = -1;
        for (int s = 0; s < len; s++) {
            int idx = ofOwner[buf[base + s]];
            int c = tally[idx];
            if (c > bestCount || (c == bestCount && idx > best)) {
                best = idx;
                bestCount = c;
            }
        }
        return best;
    }
}
