package org.spectlab.phantoms.voxel;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.spectlab.core.grid.Grid3;
import org.spectlab.phantoms.model.Phantom;
import org.spectlab.phantoms.model.Region;
import org.spectlab.phantoms.shape.Aabb;

/** One voxelisation: shared read-only inputs, disjoint per-slice outputs, contiguous slice blocks per thread. */
/** One voxelisation: shared read-only inputs and disjoint per-slice outputs. */
final class VoxelJob {
    final int n;
    final int refine;
    final int threads;
    final Grid3 grid;
    final Region[] regions;
    final int[] lo;      // per region: iLo, jLo, kLo
    final int[] hi;      // per region: iHi, jHi, kHi
    final double[] bbox; // per region: min/max x,y,z
    final double[] concOfOwner;
    final int[] materialOfOwner;
    final int[] labelOfOwner;
    final int materialCount;
    final int labelCount;
    final double[] xs;
    final double[] ys;
    final double[] offZ;
    final int fractionRegion;
    final float[] activity;
    final short[] labels;
    final short[] materials;
    final float[] fraction;
    final long[][] counts;
    /** Group of each owner (index 0 = background), -1 for none; null unless activity is split by group. */
    final int[] groupOfOwner;
    /** Activity concentration by [group][voxel], Bq/mL, or null. */
    final float[][] groupActivity;

    VoxelJob(Grid3 grid, Phantom phantom, int fractionRegion, int n, int refine, int threads) {
        this(grid, phantom, fractionRegion, n, refine, threads, null, 0);
    }

    /**
     * A job that also splits the activity by group: region r adds its concentration to group
     * {@code groupOfRegion[r]} (negative: to none).
     */
    VoxelJob(Grid3 grid, Phantom phantom, int fractionRegion, int n, int refine, int threads, int[] groupOfRegion,
             int groups) {
        this.n = n;
        this.refine = refine;
        this.threads = threads;
        this.grid = grid;
        this.fractionRegion = fractionRegion;
        List<Region> list = phantom.regions();
        int nr = list.size();
        regions = list.toArray(new Region[0]);
        lo = new int[3 * nr];
        hi = new int[3 * nr];
        bbox = new double[6 * nr];
        concOfOwner = new double[nr + 1];
        materialOfOwner = new int[nr + 1];
        labelOfOwner = new int[nr + 1];
        List<String> labelNames = phantom.labelNames();
        List<String> materialNames = phantom.materialNames();
        labelCount = labelNames.size();
        materialCount = materialNames.size();
        for (int r = 0; r < nr; r++) {
            Region reg = regions[r];
            Aabb b = reg.shape().bounds();
            bbox[6 * r] = b.minXMm();
            bbox[6 * r + 1] = b.minYMm();
            bbox[6 * r + 2] = b.minZMm();
            bbox[6 * r + 3] = b.maxXMm();
            bbox[6 * r + 4] = b.maxYMm();
            bbox[6 * r + 5] = b.maxZMm();
            lo[3 * r] = Math.max(0, voxelIndex(grid.toVoxelX(b.minXMm())));
            lo[3 * r + 1] = Math.max(0, voxelIndex(grid.toVoxelY(b.minYMm())));
            lo[3 * r + 2] = Math.max(0, voxelIndex(grid.toVoxelZ(b.minZMm())));
            hi[3 * r] = Math.min(grid.nx() - 1, voxelIndex(grid.toVoxelX(b.maxXMm())));
            hi[3 * r + 1] = Math.min(grid.ny() - 1, voxelIndex(grid.toVoxelY(b.maxYMm())));
            hi[3 * r + 2] = Math.min(grid.nz() - 1, voxelIndex(grid.toVoxelZ(b.maxZMm())));
            concOfOwner[r + 1] = reg.concentrationBqPerMl();
            materialOfOwner[r + 1] = materialNames.indexOf(reg.material());
            labelOfOwner[r + 1] = labelNames.indexOf(reg.label());
        }
        xs = lattice(grid.nx(), grid.originXMm(), grid.voxelXMm());
        ys = lattice(grid.ny(), grid.originYMm(), grid.voxelYMm());
        offZ = new double[n];
        for (int s = 0; s < n; s++) {
            offZ[s] = ((s + 0.5) / n - 0.5) * grid.voxelZMm();
        }
        int nv = grid.voxelCount();
        if (fractionRegion < 0) {
            activity = new float[nv];
            labels = new short[nv];
            materials = new short[nv];
            fraction = null;
        } else {
            activity = null;
            labels = null;
            materials = null;
            fraction = new float[nv];
        }
        counts = new long[grid.nz()][nr + 1];
        if (groupOfRegion == null) {
            groupOfOwner = null;
            groupActivity = null;
        } else {
            groupOfOwner = new int[nr + 1];
            groupOfOwner[0] = -1;
            for (int r = 0; r < nr; r++) {
                groupOfOwner[r + 1] = groupOfRegion[r] < 0 ? -1 : groupOfRegion[r];
            }
            groupActivity = new float[groups][nv];
        }
    }

    /** Voxel whose cell [i-1/2, i+1/2) holds continuous coordinate v (clamped to int range). */
    private int voxelIndex(double v) {
        double f = Math.floor(v + 0.5);
        return (int) Math.max(-1, Math.min(Integer.MAX_VALUE - 1, f));
    }

    private double[] lattice(int count, double origin, double size) {
        double[] out = new double[count * n];
        for (int i = 0; i < count; i++) {
            for (int s = 0; s < n; s++) {
                out[i * n + s] = origin + i * size + ((s + 0.5) / n - 0.5) * size;
            }
        }
        return out;
    }

    void run() {
        int nz = grid.nz();
        int t = Math.min(threads, nz);
        if (t == 1) {
            new SliceWorker(this).run(0, nz);
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(t, r -> {
            Thread th = new Thread(r, "voxeliser");
            th.setDaemon(true);
            return th;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < t; w++) {
                final int k0 = (int) ((long) nz * w / t);
                final int k1 = (int) ((long) nz * (w + 1) / t);
                futures.add(pool.submit(() -> new SliceWorker(this).run(k0, k1)));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("voxelisation interrupted", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException("voxelisation failed", c);
        } finally {
            pool.shutdownNow();
        }
    }
}
