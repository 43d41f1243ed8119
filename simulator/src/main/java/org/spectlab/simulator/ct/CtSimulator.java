package org.spectlab.simulator.ct;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.commons.rng.UniformRandomProvider;
import org.spectlab.core.grid.Grid3;
import org.spectlab.core.grid.Volume;
import org.spectlab.core.material.Material;
import org.spectlab.core.material.MaterialLibrary;
import org.spectlab.simulator.run.BatchRandom;
import org.spectlab.simulator.xs.MaterialCrossSections;

/**
 * Simulates a transmission CT of a {@link MaterialMap} and reconstructs it in Hounsfield units, slice by
 * slice.
 *
 * <p>Per CT slice: parallel-beam line integrals over 180° through every material-map slice that the CT
 * slice overlaps (exact Siddon path lengths per material, in the frame of the misregistered phantom);
 * the transmitted intensity {@code T_E = Σ_E w(E) exp(-Σ_m μ_m(E) L_m)} of each overlapped slice is
 * averaged with the overlap fractions (so partial volume along z is non-linear, as in a real detector
 * row); Poisson noise on the photon count; {@code p = -ln(T)}; optional water linearisation; FBP onto
 * the CT grid; HU on the scale of the reference (effective) energy. Every ray is normalised by an air
 * (flat-field) scan, as on a scanner: materials attenuate by {@code μ_m(E) - μ_air(E)}
 * ({@link BeamModel#relativeTo}), so air reads -1000 HU wherever it is, inside the map or outside it,
 * and rays missing the map's non-air voxels have transmission 1 and are not traced; the others walk
 * voxels only inside the cylinder holding the non-air voxels (what lies outside it, when it is one
 * material, is added as one analytic length, so the path lengths are unchanged).
 *
 * <p>Approximations: parallel-beam geometry (no fan-beam magnification or rebinning), no scatter, no
 * bowtie filter, no focal-spot or detector blur beyond the bin width, no detector crosstalk or
 * electronic noise, Swank factor neglected. Deterministic for a seed: slice k draws its noise from
 * {@code BatchRandom.stream(seed, k)}; the thread count does not change the result.
 */
public final class CtSimulator {
    /** Materials with density below this (g/cm^3) count as air when bounding the object. */
    private static final double AIR_DENSITY_LIMIT = 0.01;

    private CtSimulator() {
    }

    /**
     * Simulates and reconstructs a CT.
     *
     * @param phantom  materials per voxel
     * @param ctGrid   the CT's reconstruction grid (in-plane pixels, slice centres along z)
     * @param protocol acquisition and reconstruction settings
     */
    public static SimulatedCt simulate(MaterialMap phantom, Grid3 ctGrid, CtProtocol protocol) {
        MaterialLibrary lib = MaterialLibrary.builtIn();
        List<Material> mats = new ArrayList<>(phantom.materials());
        int waterIndex = mats.size();
        mats.add(lib.get("water"));
        int airIndex = mats.size();
        mats.add(lib.get("air"));

        TubeSpectrum filtered = TubeSpectrum.tasmip(protocol.kVp())
                .filtered(lib.get("aluminium"), protocol.aluminiumFiltrationMm());
        double referenceKeV = Double.isNaN(protocol.effectiveEnergyKeV())
                ? filtered.effectiveEnergyKeV(lib.get("aluminium")) : protocol.effectiveEnergyKeV();
        boolean poly = protocol.spectrumMode() == SpectrumMode.POLYENERGETIC;
        TubeSpectrum beamSpectrum = poly ? filtered : TubeSpectrum.monoenergetic(referenceKeV);
        // every ray is normalised by the air scan: materials attenuate relative to air
        BeamModel beam = BeamModel.of(beamSpectrum, mats, poly ? protocol.spectralBinKeV() : 1).relativeTo(airIndex);
        double muWater = MaterialCrossSections.of(lib.get("water")).muPerCm(referenceKeV);
        double muAir = MaterialCrossSections.of(lib.get("air")).muPerCm(referenceKeV);
        WaterLinearisation lin = poly && protocol.waterCorrection()
                ? WaterLinearisation.fit(beam, waterIndex, muWater - muAir) : WaterLinearisation.identity();

        double i0 = filtered.totalFluencePerMm2PerMAs()
                * Math.pow(1000.0 / protocol.focusToIsocentreMm(), 2) * protocol.mAs()
                * protocol.detectorPitchMm() * protocol.sliceThicknessMm() * protocol.detectorEfficiency()
                / protocol.views();

        double rObj = objectRadiusMm(phantom);
        Misregistration mis = protocol.misregistration();
        double shiftXY = Math.hypot(mis.shiftXMm(), mis.shiftYMm());
        // The detector covers the object and the whole CT slice (pixels outside the covered circle would
        // get only part of the filtered projections).
        double ctHalfDiagonalMm = maxCornerDistanceMm(ctGrid);
        int half = (int) Math.ceil(Math.max(rObj + shiftXY, ctHalfDiagonalMm) / protocol.detectorPitchMm()) + 1;
        int nDet = 2 * half + 1;

        SliceJob job = new SliceJob(phantom, ctGrid, protocol, beam, lin, i0, rObj, nDet, muWater, muAir);
        float[] hu = new float[ctGrid.voxelCount()];
        int threads = Math.min(protocol.threads(), ctGrid.nz());
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    SliceWorker w = job.newWorker();
                    int k;
                    while ((k = next.getAndIncrement()) < ctGrid.nz()) {
                        w.slice(k, hu);
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("CT simulation interrupted", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException("CT simulation failed: " + c, c);
        } finally {
            pool.shutdownNow();
        }
        return new SimulatedCt(Volume.of(ctGrid, hu, "HU"), referenceKeV, muWater, muAir, i0, nDet);
    }

    private static double maxCornerDistanceMm(Grid3 g) {
        double xa = Math.max(Math.abs(g.xMm(0)), Math.abs(g.xMm(g.nx() - 1))) + 0.5 * g.voxelXMm();
        double ya = Math.max(Math.abs(g.yMm(0)), Math.abs(g.yMm(g.ny() - 1))) + 0.5 * g.voxelYMm();
        return Math.hypot(xa, ya);
    }

    /** Radius (mm) about the z axis of a cylinder holding every non-air voxel, with a half-diagonal margin. */
    static double objectRadiusMm(MaterialMap phantom) {
        Grid3 g = phantom.grid();
        boolean[] solid = new boolean[phantom.materials().size()];
        for (int m = 0; m < solid.length; m++) {
            solid[m] = phantom.materials().get(m).densityGPerCm3() >= AIR_DENSITY_LIMIT;
        }
        short[] idx = phantom.indices();
        double r2 = 0;
        int nxy = g.nx() * g.ny();
        for (int j = 0; j < g.ny(); j++) {
            double y = g.yMm(j);
            for (int i = 0; i < g.nx(); i++) {
                double x = g.xMm(i);
                double d2 = x * x + y * y;
                if (d2 <= r2) {
                    continue;
                }
                for (int k = 0, v = i + g.nx() * j; k < g.nz(); k++, v += nxy) {
                    if (solid[idx[v]]) {
                        r2 = d2;
                        break;
                    }
                }
            }
        }
        return Math.sqrt(r2) + 0.5 * Math.hypot(g.voxelXMm(), g.voxelYMm());
    }

    /** Everything a slice needs that does not change between slices. */
    private record SliceJob(MaterialMap phantom, Grid3 ctGrid, CtProtocol protocol, BeamModel beam,
                            WaterLinearisation lin, double i0, double rObj, int nDet, double muWater,
                            double muAir) {
        SliceWorker newWorker() {
            return new SliceWorker(this);
        }
    }

    /** Per-thread scratch and the per-slice pipeline. */
    private static final class SliceWorker {
        private final SliceJob job;
        private final SliceRayTracer tracer;
        private final ParallelBeamFbp fbp;
        private final double[] te;
        private final double[] tn;
        private final float[] sino;
        private final float[] image;
        private final double[] out = new double[2];
        private final double[] exponents;

        SliceWorker(SliceJob job) {
            this.job = job;
            Grid3 g = job.phantom.grid();
            this.tracer = new SliceRayTracer(g.nx(), g.ny(), g.voxelXMm(), g.voxelYMm(), g.originXMm(),
                    g.originYMm(), job.phantom.indices(), job.beam.materialCount());
            int views = job.protocol.views();
            this.fbp = new ParallelBeamFbp(views, job.nDet, job.protocol.kernel());
            this.te = new double[views * job.nDet];
            this.tn = new double[views * job.nDet];
            this.sino = new float[views * job.nDet];
            this.image = new float[job.ctGrid.nx() * job.ctGrid.ny()];
            this.exponents = new double[job.beam.binCount()];
        }

        void slice(int k, float[] hu) {
            CtProtocol p = job.protocol;
            Grid3 pg = job.phantom.grid();
            Grid3 cg = job.ctGrid;
            Misregistration mis = p.misregistration();
            double zc = cg.zMm(k);
            double zLo = zc - 0.5 * p.sliceThicknessMm();
            double zHi = zc + 0.5 * p.sliceThicknessMm();
            java.util.Arrays.fill(te, 0);
            java.util.Arrays.fill(tn, 0);
            double covered = 0;
            for (int kp = 0; kp < pg.nz(); kp++) {
                double a = pg.zMm(kp) - 0.5 * pg.voxelZMm() + mis.shiftZMm();
                double b = a + pg.voxelZMm();
                double overlap = Math.min(b, zHi) - Math.max(a, zLo);
                if (overlap > 1e-9) {
                    double w = overlap / p.sliceThicknessMm();
                    covered += w;
                    project(kp, w);
                }
            }
            double outside = Math.max(0, 1 - covered);
            int n = te.length;
            UniformRandomProvider rng = BatchRandom.stream(p.seed(), k);
            for (int r = 0; r < n; r++) {
                double tE = te[r] + outside;
                double tN = tn[r] + outside;
                double measured = tE;
                if (p.noise()) {
                    double lambda = job.i0 * tN;
                    long counts = PoissonDeviates.sample(rng, lambda);
                    measured = tE * Math.max(counts, 1L) / lambda;
                }
                sino[r] = (float) job.lin.apply(-Math.log(measured));
            }
            fbp.filter(sino);
            java.util.Arrays.fill(image, 0f);
            double scale = Math.PI / p.views() / (p.detectorPitchMm() / 10.0);
            fbp.backProject(sino, p.detectorPitchMm(), cg.nx(), cg.ny(), cg.voxelXMm(), cg.voxelYMm(),
                    cg.originXMm(), cg.originYMm(), scale, image);
            // the image holds μ - μ_air (air-scan normalised): water reads μ_w - μ_air, air 0
            double den = job.muWater - job.muAir;
            int off = cg.nx() * cg.ny() * k;
            for (int v = 0; v < image.length; v++) {
                hu[off + v] = (float) (1000 * (image[v] - den) / den);
            }
        }

        /** Adds w times the noise-free transmissions through phantom slice kp. */
        private void project(int kp, double w) {
            CtProtocol p = job.protocol;
            Misregistration mis = p.misregistration();
            int views = p.views();
            int nDet = job.nDet;
            double pitch = p.detectorPitchMm();
            double centre = 0.5 * (nDet - 1);
            double rot = Math.toRadians(mis.rotationZDeg());
            double cr = Math.cos(rot);
            double sr = Math.sin(rot);
            double rObj = job.rObj;
            // Voxels are walked only inside the object cylinder when what lies outside it is one material.
            int outside = tracer.outsideMaterial(kp, rObj);
            for (int v = 0; v < views; v++) {
                double th = Math.PI * (v + 0.5) / views; // the angles of ParallelBeamFbp
                double ct = Math.cos(th);
                double st = Math.sin(th);
                // Ray direction in the CT frame (-sin, cos); into the phantom frame by R^-1.
                double dx = -st;
                double dy = ct;
                double pdx = cr * dx + sr * dy;
                double pdy = -sr * dx + cr * dy;
                int base = v * nDet;
                for (int c = 0; c < nDet; c++) {
                    double u = (c - centre) * pitch;
                    double qx = u * ct - mis.shiftXMm();
                    double qy = u * st - mis.shiftYMm();
                    double px = cr * qx + sr * qy;
                    double py = -sr * qx + cr * qy;
                    double dist = Math.abs(px * pdy - py * pdx);
                    if (dist >= rObj) {
                        te[base + c] += w;
                        tn[base + c] += w;
                        continue;
                    }
                    tracer.clear();
                    if (outside == SliceRayTracer.OUTSIDE_MIXED) {
                        tracer.trace(kp, px, py, pdx, pdy, 1.0);
                    } else {
                        tracer.traceInCylinder(kp, px, py, pdx, pdy, rObj, outside);
                    }
                    job.beam.transmission(tracer.lengthCm, tracer.present, tracer.nPresent, exponents, out);
                    te[base + c] += w * out[0];
                    tn[base + c] += w * out[1];
                }
            }
        }
    }
}
