package org.spectlab.simulator.study;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.spectlab.core.grid.Grid3;
import org.spectlab.simulator.ct.CtProtocol;

/**
 * The optional {@code ct} section: the simulated CT of the SPECT/CT study, written as
 * {@code ct/ct.nii} (HU) by {@link org.spectlab.simulator.ct.CtSimulator}. Keys: {@code enabled}
 * (default true), {@code kvp} (default 120 kV), {@code mas} (default 100 mAs per rotation),
 * {@code noise} (default true), {@code pixel_size_mm} and {@code slice_thickness_mm} (default: the
 * phantom's voxel size). The CT covers the phantom grid's extent; everything else is
 * {@link CtProtocol#defaults}. Its noise uses the seed {@link #seed}(simulation seed), whose streams
 * are independent of the SPECT streams.
 *
 * @param enabled          whether a CT is simulated
 * @param kVp              tube voltage, kV
 * @param mAs              tube current-time product per rotation, mAs
 * @param noise            Poisson noise on the transmission data
 * @param pixelSizeMm      in-plane pixel size, mm (NaN: the phantom's)
 * @param sliceThicknessMm slice thickness, mm (NaN: the phantom's)
 */
public record CtConfig(boolean enabled, double kVp, double mAs, boolean noise, double pixelSizeMm,
                       double sliceThicknessMm) {
    /** Mixed into the simulation seed for the CT noise (the ASCII of "CT" in the top bytes). */
    static final long SEED_SALT = 0x4354_0000_0000_0000L;

    /** The default: a CT at 120 kV, 100 mAs, with noise, on the phantom's voxel size. */
    public static CtConfig defaults() {
        return new CtConfig(true, 120, 100, true, Double.NaN, Double.NaN);
    }

    /** The CT noise seed for a simulation seed. */
    public static long seed(long simulationSeed) {
        return simulationSeed ^ SEED_SALT;
    }

    /** The CT grid: the phantom grid's extent and centre with the configured pixel size and slice thickness. */
    public Grid3 grid(Grid3 phantom) {
        double p = Double.isNaN(pixelSizeMm) ? phantom.voxelXMm() : pixelSizeMm;
        double t = Double.isNaN(sliceThicknessMm) ? phantom.voxelZMm() : sliceThicknessMm;
        int nx = Math.max(1, (int) Math.round(phantom.nx() * phantom.voxelXMm() / p));
        int ny = Math.max(1, (int) Math.round(phantom.ny() * phantom.voxelYMm() / p));
        int nz = Math.max(1, (int) Math.round(phantom.nz() * phantom.voxelZMm() / t));
        double cx = phantom.originXMm() + 0.5 * (phantom.nx() - 1) * phantom.voxelXMm();
        double cy = phantom.originYMm() + 0.5 * (phantom.ny() - 1) * phantom.voxelYMm();
        double cz = phantom.originZMm() + 0.5 * (phantom.nz() - 1) * phantom.voxelZMm();
        return Grid3.of(nx, ny, nz, p, p, t, cx - 0.5 * (nx - 1) * p, cy - 0.5 * (ny - 1) * p, cz - 0.5 * (nz - 1) * t);
    }

    /** The acquisition protocol for a grid's slice thickness, a seed and a thread count. */
    public CtProtocol protocol(Grid3 ctGrid, long simulationSeed, int threads) {
        return CtProtocol.defaults(ctGrid.voxelZMm(), seed(simulationSeed)).withKVp(kVp).withMAs(mAs).withNoise(noise)
                .withRun(seed(simulationSeed), threads);
    }

    static CtConfig parse(ConfigNode c) {
        c.allowOnly("enabled", "kvp", "mas", "noise", "pixel_size_mm", "slice_thickness_mm");
        boolean enabled = c.bool("enabled", true);
        double kvp = c.numberIn("kvp", 120, 30, 140, false);
        double mas = c.numberIn("mas", 100, 0, 10_000, true);
        boolean noise = c.bool("noise", true);
        double p = c.has("pixel_size_mm") ? c.numberIn("pixel_size_mm", Double.NaN, 0, 20, true) : Double.NaN;
        double t = c.has("slice_thickness_mm") ? c.numberIn("slice_thickness_mm", Double.NaN, 0, 20, true) : Double.NaN;
        return new CtConfig(enabled, kvp, mas, noise, p, t);
    }

    void toTree(ObjectNode o, Grid3 phantom) {
        o.put("enabled", enabled);
        o.put("kvp", kVp);
        o.put("mas", mAs);
        o.put("noise", noise);
        Grid3 g = grid(phantom);
        o.put("pixel_size_mm", g.voxelXMm());
        o.put("slice_thickness_mm", g.voxelZMm());
    }
}
