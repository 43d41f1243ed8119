package org.spectlab.simulator.study;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.spectlab.core.error.InputException;
import org.spectlab.core.grid.Grid3;
import org.spectlab.simulator.ct.CtProtocol;
import org.spectlab.simulator.ct.Misregistration;

/**
 * The optional {@code ct} section: the simulated CT of the SPECT/CT study, written as
 * {@code ct/ct.nii} (HU) by {@link org.spectlab.simulator.ct.CtSimulator}. Keys: {@code enabled}
 * (default true), {@code kvp} (default 120 kV), {@code mas} (default 100 mAs per rotation),
 * {@code noise} (default true), {@code pixel_size_mm}, {@code matrix} and {@code slice_thickness_mm},
 * and {@code misregistration: {shift_mm: [x, y, z], rotation_z_deg: a}} (default none: the patient
 * moved between SPECT and CT, see {@link Misregistration}). Everything else is {@link CtProtocol#defaults}.
 * Its noise uses the seed {@link #seed}(simulation seed), whose streams are independent of the SPECT
 * streams.
 *
 * <p>The CT grid is centred on the phantom grid. In-plane it is {@code matrix x matrix} pixels of
 * {@code pixel_size_mm}; without {@code matrix} it covers the phantom's extent, and without
 * {@code pixel_size_mm} a given {@code matrix} spans the phantom's larger in-plane extent (e.g.
 * {@code matrix: 512} on a 128 x 128 phantom of 4 mm gives 512 pixels of 1 mm, a clinical CT grid).
 * Slices are {@code slice_thickness_mm} thick over the phantom's axial extent. Default (no key):
 * the phantom's own voxel size and extent, the cheapest CT (no finer than the phantom's voxels, e.g.
 * 4.42 mm pixels for the demo instead of 1 mm: about 20 times fewer pixels per slice, and CT time is
 * proportional to pixels), kept as default so that tests and the demo stay fast; a clinical grid is
 * opt-in.
 * Recon box-averages whatever grid is written onto its SPECT grid for the μ-map.
 *
 * @param enabled          whether a CT is simulated
 * @param kVp              tube voltage, kV
 * @param mAs              tube current-time product per rotation, mAs
 * @param noise            Poisson noise on the transmission data
 * @param pixelSizeMm      in-plane pixel size, mm (NaN: the phantom's)
 * @param sliceThicknessMm slice thickness, mm (NaN: the phantom's)
 * @param matrix           in-plane pixels per side (0: enough to cover the phantom)
 * @param misregistration  rigid patient motion between the SPECT and the CT
 */
public record CtConfig(boolean enabled, double kVp, double mAs, boolean noise, double pixelSizeMm,
                       double sliceThicknessMm, int matrix, Misregistration misregistration) {
    /** Largest in-plane CT matrix, pixels per side (2048^2 floats per slice is 16 MB). */
    static final int MAX_MATRIX = 2048;

    /** Mixed into the simulation seed for the CT noise (the ASCII of "CT" in the top bytes). */
    static final long SEED_SALT = 0x4354_0000_0000_0000L;

    /** The default: a CT at 120 kV, 100 mAs, with noise, on the phantom's voxel size. */
    public static CtConfig defaults() {
        return new CtConfig(true, 120, 100, true, Double.NaN, Double.NaN, 0, Misregistration.none());
    }

    /** The CT noise seed for a simulation seed. */
    public static long seed(long simulationSeed) {
        return simulationSeed ^ SEED_SALT;
    }

    /**
     * The CT grid: centred on the phantom grid, with the configured pixel size, matrix and slice
     * thickness (see the type's documentation for the defaults).
     */
    public Grid3 grid(Grid3 phantom) {
        double extentXMm = phantom.nx() * phantom.voxelXMm();
        double extentYMm = phantom.ny() * phantom.voxelYMm();
        double p = !Double.isNaN(pixelSizeMm) ? pixelSizeMm
                : matrix > 0 ? Math.max(extentXMm, extentYMm) / matrix : phantom.voxelXMm();
        double t = Double.isNaN(sliceThicknessMm) ? phantom.voxelZMm() : sliceThicknessMm;
        int nx = matrix > 0 ? matrix : Math.max(1, (int) Math.round(extentXMm / p));
        int ny = matrix > 0 ? matrix : Math.max(1, (int) Math.round(extentYMm / p));
        int nz = Math.max(1, (int) Math.round(phantom.nz() * phantom.voxelZMm() / t));
        double cx = phantom.originXMm() + 0.5 * (phantom.nx() - 1) * phantom.voxelXMm();
        double cy = phantom.originYMm() + 0.5 * (phantom.ny() - 1) * phantom.voxelYMm();
        double cz = phantom.originZMm() + 0.5 * (phantom.nz() - 1) * phantom.voxelZMm();
        return Grid3.of(nx, ny, nz, p, p, t, cx - 0.5 * (nx - 1) * p, cy - 0.5 * (ny - 1) * p, cz - 0.5 * (nz - 1) * t);
    }

    /** The acquisition protocol for a grid's slice thickness, a seed and a thread count. */
    public CtProtocol protocol(Grid3 ctGrid, long simulationSeed, int threads) {
        return CtProtocol.defaults(ctGrid.voxelZMm(), seed(simulationSeed)).withKVp(kVp).withMAs(mAs).withNoise(noise)
                .withMisregistration(misregistration).withRun(seed(simulationSeed), threads);
    }

    static CtConfig parse(ConfigNode c) {
        c.allowOnly("enabled", "kvp", "mas", "noise", "pixel_size_mm", "matrix", "slice_thickness_mm",
                "misregistration");
        boolean enabled = c.bool("enabled", true);
        double kvp = c.numberIn("kvp", 120, 30, 140, false);
        double mas = c.numberIn("mas", 100, 0, 10_000, true);
        boolean noise = c.bool("noise", true);
        double p = c.has("pixel_size_mm") ? c.numberIn("pixel_size_mm", Double.NaN, 0, 20, true) : Double.NaN;
        double t = c.has("slice_thickness_mm") ? c.numberIn("slice_thickness_mm", Double.NaN, 0, 20, true) : Double.NaN;
        int matrix = c.has("matrix") ? c.intIn("matrix", 0, 1, MAX_MATRIX, true) : 0;
        Misregistration motion = c.has("misregistration") ? parseMotion(c.child("misregistration"))
                : Misregistration.none();
        return new CtConfig(enabled, kvp, mas, noise, p, t, matrix, motion);
    }

    private static Misregistration parseMotion(ConfigNode m) {
        m.allowOnly("shift_mm", "rotation_z_deg");
        double[] shift = m.has("shift_mm") ? m.numbers("shift_mm", 3) : new double[3];
        for (int i = 0; i < 3; i++) {
            // A motion of more than 10 cm is no longer a misregistration but a different patient position.
            if (Math.abs(shift[i]) > 100) {
                throw InputException.field(m.at("shift_mm") + "[" + i + "]", "must be within [-100, 100] mm, got "
                        + ConfigNode.fmt(shift[i]));
            }
        }
        // Rotation about the scanner axis only (Misregistration); 45 degrees bounds any plausible patient roll.
        double rot = m.numberIn("rotation_z_deg", 0, -45, 45, false);
        return Misregistration.of(shift[0], shift[1], shift[2], rot);
    }

    void toTree(ObjectNode o, Grid3 phantom) {
        o.put("enabled", enabled);
        o.put("kvp", kVp);
        o.put("mas", mAs);
        o.put("noise", noise);
        Grid3 g = grid(phantom);
        o.put("pixel_size_mm", g.voxelXMm());
        if (g.nx() == g.ny()) {
            o.put("matrix", g.nx()); // a non-square grid is given by its pixel size alone
        }
        o.put("slice_thickness_mm", g.voxelZMm());
        ObjectNode m = o.putObject("misregistration");
        m.putArray("shift_mm").add(misregistration.shiftXMm()).add(misregistration.shiftYMm())
                .add(misregistration.shiftZMm());
        m.put("rotation_z_deg", misregistration.rotationZDeg());
    }
}
