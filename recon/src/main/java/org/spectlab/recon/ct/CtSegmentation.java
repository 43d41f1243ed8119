package org.spectlab.recon.ct;

import java.util.Map;
import org.spectlab.core.error.InputException;
import org.spectlab.core.grid.LabelVolume;
import org.spectlab.core.grid.Volume;

/**
 * Threshold segmentation of a CT into anatomical classes, as a labelled volume with names:
 * 1 {@code air} (HU &lt; -950), 2 {@code lung} (-950 to -400 HU), 3 {@code soft_tissue} (-400 to 200 HU),
 * 4 {@code bone} (&ge; 200 HU).
 *
 * <p>Thresholds: -400 HU separates aerated lung from soft tissue (Hu S, Hoffman EA, Reinhardt JM,
 * "Automatic lung segmentation for accurate quantitation of volumetric X-ray CT images", IEEE Trans.
 * Med. Imaging 20 (2001) 490-498, whose optimal thresholds lie near -400 to -500 HU); -950 HU is the
 * common air/emphysema cut (Gevenois PA et al., Am. J. Respir. Crit. Care Med. 154 (1996) 187-192);
 * +200 HU separates bone from contrast-free soft tissue (Kinahan et al., Med. Phys. 25 (1998) 2046,
 * whose bone segment starts well above soft-tissue values). No connectivity or morphology: a noisy
 * voxel is classified by its own value.
 */
public final class CtSegmentation {
    /** Label of air. */
    public static final short AIR = 1;
    /** Label of lung. */
    public static final short LUNG = 2;
    /** Label of soft tissue. */
    public static final short SOFT_TISSUE = 3;
    /** Label of bone. */
    public static final short BONE = 4;
    /** Upper limit of air, HU. */
    public static final double AIR_BELOW_HU = -950;
    /** Upper limit of lung, HU. */
    public static final double LUNG_BELOW_HU = -400;
    /** Lower limit of bone, HU. */
    public static final double BONE_FROM_HU = 200;

    private CtSegmentation() {
    }

    /** Segments a CT in HU with the default thresholds. */
    public static LabelVolume segment(Volume ctHu) {
        if (!"HU".equals(ctHu.unit())) {
            throw InputException.field("CT unit", "must be HU, got '" + ctHu.unit() + "'");
        }
        float[] hu = ctHu.data();
        short[] labels = new short[hu.length];
        for (int i = 0; i < hu.length; i++) {
            float h = hu[i];
            labels[i] = h < AIR_BELOW_HU ? AIR : h < LUNG_BELOW_HU ? LUNG : h < BONE_FROM_HU ? SOFT_TISSUE : BONE;
        }
        return LabelVolume.of(ctHu.grid(), labels,
                Map.of((int) AIR, "air", (int) LUNG, "lung", (int) SOFT_TISSUE, "soft_tissue", (int) BONE, "bone"));
    }
}
