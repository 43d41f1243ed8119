package org.spectlab.validation.report;

import org.spectlab.core.grid.Grid3;
import org.spectlab.core.grid.Volume;

/**
 * Extracts the three orthogonal planes of a {@link Volume} as row-major slices in radiological
 * display convention: axial (x across, y down: anterior at the top), coronal (x across, z up:
 * superior at the top) and sagittal (y across, z up). Patient axes as in DICOM (x left, y posterior,
 * z superior); no interpolation (the voxel through the chosen index).
 */
public final class VolumeSlices {

    /** A slice: values and size. */
    public record Slice(float[] data, int width, int height) {
    }

    private VolumeSlices() {
    }

    /** Axial slice k: width nx, height ny. */
    public static Slice axial(Volume v, int k) {
        Grid3 g = v.grid();
        checkIndex(k, g.nz(), "axial slice");
        float[] out = new float[g.nx() * g.ny()];
        for (int j = 0; j < g.ny(); j++) {
            for (int i = 0; i < g.nx(); i++) {
                out[i + g.nx() * j] = v.get(i, j, k);
            }
        }
        return new Slice(out, g.nx(), g.ny());
    }

    /** Coronal slice j: width nx, height nz (superior at the top). */
    public static Slice coronal(Volume v, int j) {
        Grid3 g = v.grid();
        checkIndex(j, g.ny(), "coronal slice");
        float[] out = new float[g.nx() * g.nz()];
        for (int k = 0; k < g.nz(); k++) {
            int row = g.nz() - 1 - k;
            for (int i = 0; i < g.nx(); i++) {
                out[i + g.nx() * row] = v.get(i, j, k);
            }
        }
        return new Slice(out, g.nx(), g.nz());
    }

    /** Sagittal slice i: width ny, height nz (superior at the top). */
    public static Slice sagittal(Volume v, int i) {
        Grid3 g = v.grid();
        checkIndex(i, g.nx(), "sagittal slice");
        float[] out = new float[g.ny() * g.nz()];
        for (int k = 0; k < g.nz(); k++) {
            int row = g.nz() - 1 - k;
            for (int j = 0; j < g.ny(); j++) {
                out[j + g.ny() * row] = v.get(i, j, k);
            }
        }
        return new Slice(out, g.ny(), g.nz());
    }

    private static void checkIndex(int index, int n, String what) {
        if (index < 0 || index >= n) {
            throw new IllegalArgumentException(what + " index " + index + " outside 0-" + (n - 1));
        }
    }
}
