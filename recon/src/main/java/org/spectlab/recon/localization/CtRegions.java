package org.spectlab.recon.localization;

import java.util.Map;
import org.spectlab.core.grid.Grid3;
import org.spectlab.core.grid.LabelVolume;
import org.spectlab.core.grid.Volume;

/**
 * A coarse region map from a CT in Hounsfield units, for naming where a hot spot is when no organ
 * segmentation is available: {@value #LUNG}, {@value #SOFT_TISSUE} and {@value #BONE}, with air
 * outside the patient left unlabelled (0, named "outside body" by {@link RegionNames}).
 *
 * <p>Thresholds: below {@value #AIR_LUNG_MAX_HU} HU is air or lung (air -1000 HU, inflated lung
 * about -900 to -600 HU), {@value #AIR_LUNG_MAX_HU} to {@value #BONE_MIN_HU} HU soft tissue including
 * fat (fat about -100 HU, muscle and organs +20 to +80 HU), from {@value #BONE_MIN_HU} HU bone
 * (cancellous bone from about +200 HU, cortical bone above +1000 HU); typical CT numbers as tabulated
 * in Bushberg JT et al., The Essential Physics of Medical Imaging, 3rd ed. (2012), ch. 10. Air-like
 * voxels connected within their transaxial slice to the slice border are outside the body; enclosed
 * ones are called lung (so bowel gas and the trachea are called lung too: this is a coarse map).
 */
public final class CtRegions {
    /** Label of lung (enclosed air-like voxels). */
    public static final int LUNG_LABEL = 1;
    /** Label of soft tissue (including fat). */
    public static final int SOFT_TISSUE_LABEL = 2;
    /** Label of bone. */
    public static final int BONE_LABEL = 3;
    /** Name of the lung region. */
    public static final String LUNG = "lung";
    /** Name of the soft-tissue region. */
    public static final String SOFT_TISSUE = "soft tissue";
    /** Name of the bone region. */
    public static final String BONE = "bone";
    /** Upper limit of air and lung, HU. */
    public static final double AIR_LUNG_MAX_HU = -400;
    /** Lower limit of bone, HU. */
    public static final double BONE_MIN_HU = 200;

    private CtRegions() {
    }

    /** The region map of a CT (values in HU) on the CT's own grid. */
    public static LabelVolume of(Volume ctHu) {
        Grid3 g = ctHu.grid();
        float[] hu = ctHu.data();
        short[] lab = new short[hu.length];
        for (int p = 0; p < hu.length; p++) {
            float v = hu[p];
            lab[p] = (short) (v < AIR_LUNG_MAX_HU ? LUNG_LABEL : v < BONE_MIN_HU ? SOFT_TISSUE_LABEL : BONE_LABEL);
        }
        int nx = g.nx();
        int ny = g.ny();
        int[] queue = new int[nx * ny];
        for (int k = 0; k < g.nz(); k++) {
            int base = k * nx * ny;
            int tail = 0;
            for (int i = 0; i < nx; i++) {
                tail = seed(lab, base, i, 0, nx, queue, tail);
                tail = seed(lab, base, i, ny - 1, nx, queue, tail);
            }
            for (int j = 0; j < ny; j++) {
                tail = seed(lab, base, 0, j, nx, queue, tail);
                tail = seed(lab, base, nx - 1, j, nx, queue, tail);
            }
            for (int head = 0; head < tail; head++) {
                int q = queue[head];
                int i = q % nx;
                int j = q / nx;
                if (i > 0) {
                    tail = seed(lab, base, i - 1, j, nx, queue, tail);
                }
                if (i < nx - 1) {
                    tail = seed(lab, base, i + 1, j, nx, queue, tail);
                }
                if (j > 0) {
                    tail = seed(lab, base, i, j - 1, nx, queue, tail);
                }
                if (j < ny - 1) {
                    tail = seed(lab, base, i, j + 1, nx, queue, tail);
                }
            }
        }
        return LabelVolume.of(g, lab, Map.of(LUNG_LABEL, LUNG, SOFT_TISSUE_LABEL, SOFT_TISSUE, BONE_LABEL, BONE));
    }

    /** Marks an air-like in-slice voxel as outside (0) and queues it. */
    private static int seed(short[] lab, int base, int i, int j, int nx, int[] queue, int tail) {
        int q = j * nx + i;
        if (lab[base + q] == LUNG_LABEL) {
            lab[base + q] = 0;
            queue[tail++] = q;
        }
        return tail;
    }
}
