package org.spectlab.recon.localization;

import java.util.Arrays;
import org.spectlab.core.grid.Grid3;

/**
 * Local maxima of the blob response in (x, y, z, scale): a voxel of scale n whose response is at
 * least that of its 26 neighbours at scale n and of the 27 voxels around it at scales n-1 and n+1
 * (where those exist), and above a pre-selection threshold. The threshold, median + 3 robust SD of
 * the response at that scale (and above 10⁻⁵ of its largest value, so that float rounding on flat
 * regions does not count), only bounds the work; the decision is taken later on the
 * candidate's contrast and significance. At most {@value #MAX_CANDIDATES} candidates are kept, the
 * strongest responses first.
 */
final class BlobCandidates {
    /** Largest number of candidates passed on to the background check. */
    static final int MAX_CANDIDATES = 20000;
    /** Voxels sampled per scale for the threshold's median and MAD. */
    private static final int THRESHOLD_SAMPLES = 200_000;

    private final int[] voxel;
    private final int[] scale;
    private final float[] strength;

    private BlobCandidates(int[] voxel, int[] scale, float[] strength) {
        this.voxel = voxel;
        this.scale = scale;
        this.strength = strength;
    }

    /** Finds the candidates of a scale space, strongest response first. */
    static BlobCandidates find(ScaleSpace space) {
        Grid3 g = space.grid();
        int nx = g.nx();
        int ny = g.ny();
        int nz = g.nz();
        int sy = nx;
        int sz = nx * ny;
        int[] offsets = new int[26];
        int o = 0;
        for (int dk = -1; dk <= 1; dk++) {
            for (int dj = -1; dj <= 1; dj++) {
                for (int di = -1; di <= 1; di++) {
                    if (di != 0 || dj != 0 || dk != 0) {
                        offsets[o++] = di + sy * dj + sz * dk;
                    }
                }
            }
        }
        int cap = 1024;
        int[] vox = new int[cap];
        int[] sc = new int[cap];
        float[] st = new float[cap];
        int count = 0;
        for (int n = 0; n < space.count(); n++) {
            float[] r = space.response(n);
            float[] below = n > 0 ? space.response(n - 1) : null;
            float[] above = n + 1 < space.count() ? space.response(n + 1) : null;
            float thr = threshold(r);
            for (int k = 1; k < nz - 1; k++) {
                for (int j = 1; j < ny - 1; j++) {
                    int base = sz * k + sy * j;
                    for (int i = 1; i < nx - 1; i++) {
                        int p = base + i;
                        float v = r[p];
                        if (v <= thr || !isMaximum(r, p, v, offsets, false)
                                || (below != null && !isMaximum(below, p, v, offsets, true))
                                || (above != null && !isMaximum(above, p, v, offsets, true))) {
                            continue;
                        }
                        if (count == cap) {
                            cap *= 2;
                            vox = Arrays.copyOf(vox, cap);
                            sc = Arrays.copyOf(sc, cap);
                            st = Arrays.copyOf(st, cap);
                        }
                        vox[count] = p;
                        sc[count] = n;
                        st[count] = v;
                        count++;
                    }
                }
            }
        }
        return strongest(vox, sc, st, count);
    }

    private static boolean isMaximum(float[] r, int p, float v, int[] offsets, boolean withCentre) {
        if (withCentre && r[p] > v) {
            return false;
        }
        for (int off : offsets) {
            if (r[p + off] > v) {
                return false;
            }
        }
        return true;
    }

    /** median + 3 × 1.4826 MAD of a strided sample, and at least 1e-5 of the maximum (and > 0). */
    private static float threshold(float[] r) {
        int stride = Math.max(1, r.length / THRESHOLD_SAMPLES);
        int m = (r.length + stride - 1) / stride;
        float[] s = new float[m];
        float max = 0;
        for (int a = 0, p = 0; a < m; a++, p += stride) {
            s[a] = r[p];
        }
        for (float v : r) {
            if (v > max) {
                max = v;
            }
        }
        double median = RobustStats.median(s, m);
        for (int a = 0; a < m; a++) {
            s[a] = (float) Math.abs(s[a] - median);
        }
        double mad = RobustStats.median(s, m);
        return (float) Math.max(Math.max(median + 3.0 * RobustStats.MAD_TO_SD * mad, 1e-5 * max), 0.0);
    }

    private static BlobCandidates strongest(int[] vox, int[] sc, float[] st, int count) {
        Integer[] order = new Integer[count];
        for (int a = 0; a < count; a++) {
            order[a] = a;
        }
        Arrays.sort(order, (a, b) -> Float.compare(st[b], st[a]));
        int keep = Math.min(count, MAX_CANDIDATES);
        int[] v = new int[keep];
        int[] s = new int[keep];
        float[] w = new float[keep];
        for (int a = 0; a < keep; a++) {
            v[a] = vox[order[a]];
            s[a] = sc[order[a]];
            w[a] = st[order[a]];
        }
        return new BlobCandidates(v, s, w);
    }

    /** Number of candidates. */
    int size() {
        return voxel.length;
    }

    /** Flat voxel index of candidate a. */
    int voxel(int a) {
        return voxel[a];
    }

    /** Scale of candidate a. */
    int scale(int a) {
        return scale[a];
    }

    /** Blob response of candidate a. */
    float strength(int a) {
        return strength[a];
    }
}
