package org.spectlab.simulator.collimator;

import org.apache.commons.rng.UniformRandomProvider;
import org.spectlab.core.material.Material;
import org.spectlab.core.material.MaterialLibrary;
import org.spectlab.simulator.interaction.ComptonSampler;
import org.spectlab.simulator.interaction.RayleighSampler;
import org.spectlab.simulator.interaction.ScatteredPhoton;
import org.spectlab.simulator.interaction.ScatteringAngleSampler;
import org.spectlab.core.units.PhysicalConstants;
import org.spectlab.simulator.source.Directions;
import org.spectlab.simulator.transport.AttenuationSource;
import org.spectlab.simulator.transport.MaterialTables;
import org.spectlab.simulator.xs.MaterialCrossSections;
import org.spectlab.simulator.xs.Process;

/**
 * The scattering medium of the camera quality-control "with scatter" set-up ({@link QcMedium#PMMA},
 * NEMA's acrylic, or {@link QcMedium#WATER}): a slab that covers the collimator face and holds the
 * source, which lies at its distance from the face with {@link #BEHIND_SOURCE_MM} of the medium
 * behind it. Photons are followed from the source through photoabsorption, incoherent (bound
 * Compton, {@link ComptonSampler}) and coherent ({@link RayleighSampler}) scattering, with the NIST
 * XCOM attenuation of the medium, until they are absorbed, leave the slab's back face (lost), fall
 * below {@link #CUTOFF_KEV}, or reach the collimator face, where they enter the collimator at their
 * position, direction and energy.
 *
 * <p><b>Directional biasing.</b> Only photons heading within a few degrees of the collimator axis
 * can pass it, a solid angle of ~10⁻³ of the sphere, so analog scattering would almost never send
 * a scattered photon there. At each scattering the new direction is therefore drawn, with
 * probability {@link #FORCED_SHARE}, uniformly inside a cone around the axis (half-angle given
 * by the caller, a few times the collimator's acceptance) and otherwise from the process's own
 * angular distribution; the photon's weight is multiplied by p(ω) / (q c(ω) + (1 - q) p(ω)), with p
 * the physical density per steradian ({@link ScatteringAngleSampler#angularPdf} / 2π), c the
 * cone's uniform density and q the forced share: the one-sample mixture estimator, unbiased for
 * every direction. The Compton energy of a forced direction follows from its angle (free-electron
 * kinematics, as {@link ComptonSampler} samples it; binding enters through the angular density).
 *
 * <p>Set-up: NEMA NU 1-2007 (Performance Measurements of Gamma Cameras), section 3.2 "System
 * Spatial Resolution with Scatter": as the test without scatter (two capillary line sources of at
 * most 1.0 mm inside diameter, 100 mm from the collimator face) with the 100 mm between source and
 * collimator filled by an acrylic scattering block placed directly on the collimator, the source
 * against its far side, and a second acrylic block 50 mm thick behind the source; the blocks cover
 * the UFOV or at least ten times the collimator's FWTM (as summarised in
 * github.com/ayoubelmhamdi/CQ, src/NEMA2007_gamma_camerad.md; the standard itself is sold by NEMA).
 * Approximations: the slab is laterally infinite (the blocks are wide enough that photons
 * scattered beyond their sides hardly reach the field of view); the source is the point of
 * {@link PointSourceSetup} (its image summed along one axis is the line-spread function of a line
 * source, without the capillary's glass wall); the slab touches the collimator (no air gap).
 */
final class ScatterSlab {
    /** Medium behind the source, mm (NEMA NU 1-2007 section 3.2: a 50 mm acrylic block). */
    static final double BEHIND_SOURCE_MM = 50.0;
    /** Below this energy photons are dropped: they cannot reach any useful window (below every window's lower edge). */
    static final double CUTOFF_KEV = 20.0;
    /** Share of scatterings whose direction is drawn inside the forward cone. */
    static final double FORCED_SHARE = 0.5;

    private final double sourceDepthMm;
    private final double thicknessMm;
    private final MaterialTables tables;
    private final ComptonSampler compton;
    private final RayleighSampler rayleigh;
    /** Cosine of the forced cone's half-angle, and the cone's uniform density per steradian. */
    private final double coneCos;
    private final double conePerSr;
    private final double forcedShare;

    private ScatterSlab(String materialName, double sourceDepthMm, double maxEnergyKeV, double coneTan,
                        double forcedShare) {
        this.forcedShare = forcedShare;
        this.sourceDepthMm = sourceDepthMm;
        this.thicknessMm = sourceDepthMm + BEHIND_SOURCE_MM;
        Material medium = MaterialLibrary.builtIn().get(materialName);
        MaterialCrossSections xs = MaterialCrossSections.of(medium);
        Process[] processes = {Process.PHOTOELECTRIC, Process.INCOHERENT, Process.COHERENT};
        AttenuationSource source = (m, p, e) -> xs.muPerCm(processes[p], e);
        this.tables = MaterialTables.build(1, source, CUTOFF_KEV - 1.0, maxEnergyKeV + 1.0, 0.25);
        this.compton = ComptonSampler.of(medium);
        this.rayleigh = RayleighSampler.of(medium);
        this.coneCos = 1.0 / Math.sqrt(1.0 + coneTan * coneTan);
        this.conePerSr = 1.0 / (2 * Math.PI * (1.0 - coneCos));
    }

    /**
     * The slab of material {@code materialName} (built-in library) for a source at
     * {@code sourceDepthMm} from the collimator face, photons up to {@code maxEnergyKeV}, scattered
     * directions forced into the cone of half-angle atan(coneTan).
     */
    static ScatterSlab of(String materialName, double sourceDepthMm, double maxEnergyKeV, double coneTan) {
        if (!(coneTan > 0) || coneTan > 10) {
            throw new IllegalArgumentException("cone tangent must be in (0, 10], got " + coneTan);
        }
        return of(materialName, sourceDepthMm, maxEnergyKeV, coneTan, FORCED_SHARE);
    }

    /** As {@link #of(String, double, double, double)} with another forced share (0: analog scattering, for tests). */
    static ScatterSlab of(String materialName, double sourceDepthMm, double maxEnergyKeV, double coneTan,
                          double forcedShare) {
        if (!(forcedShare >= 0 && forcedShare < 1)) {
            throw new IllegalArgumentException("forced share must be in [0, 1), got " + forcedShare);
        }
        return new ScatterSlab(materialName, sourceDepthMm, maxEnergyKeV, coneTan, forcedShare);
    }

    /** Cosine of the forced cone's half-angle. */
    double coneCos() {
        return coneCos;
    }

    /** Source to collimator face, mm (the medium in front of the source). */
    double sourceDepthMm() {
        return sourceDepthMm;
    }

    /**
     * Follows a photon from the source (lateral origin) with direction {@code dir} (dir[2] &gt; 0
     * towards the collimator) and energy {@code energy[0]}. On return with a non-negative value,
     * {@code pos[0..1]} hold its lateral position on the collimator face (mm, from the source's
     * projection), {@code dir} its direction, {@code state[0]} its energy and {@code state[1]} its
     * weight (1 when it arrives unscattered).
     *
     * @param pos      scratch for the position (x, y, distance from the face), caller-owned
     * @param state    in: {@code state[0]} the emitted energy, keV; out: energy and weight
     * @param scratch  holder for scattering results
     * @return the number of scatterings in the medium, or -1 when the photon never reaches the face
     */
    int transport(double[] pos, double[] dir, double[] state, UniformRandomProvider rng, ScatteredPhoton scratch) {
        pos[0] = 0;
        pos[1] = 0;
        pos[2] = sourceDepthMm;
        double e = state[0];
        double weight = 1.0;
        int scatters = 0;
        while (true) {
            double step = -Math.log(1.0 - rng.nextDouble()) / tables.muTotalPerCm(0, e) * 10.0;
            double dz = dir[2];
            double w = pos[2] - step * dz;
            if (w <= 0) {
                double toFace = pos[2] / dz; // dz > 0 here
                pos[0] += toFace * dir[0];
                pos[1] += toFace * dir[1];
                pos[2] = 0;
                state[0] = e;
                state[1] = weight;
                return scatters;
            }
            if (w >= thicknessMm) {
                return -1; // left through the back face
            }
            pos[0] += step * dir[0];
            pos[1] += step * dir[1];
            pos[2] = w;
            int process = tables.chooseProcess(0, e, rng.nextDouble());
            if (process == AttenuationSource.PHOTOELECTRIC) {
                return -1;
            }
            ScatteringAngleSampler sampler = process == AttenuationSource.INCOHERENT ? compton : rayleigh;
            double incident = e;
            double cosTheta;
            if (rng.nextDouble() < forcedShare) {
                // uniform in the cone around +z (towards the collimator)
                double cz = 1.0 - rng.nextDouble() * (1.0 - coneCos);
                double sz = Math.sqrt(Math.max(0.0, 1.0 - cz * cz));
                double phi = 2 * Math.PI * rng.nextDouble();
                double nx = sz * Math.cos(phi);
                double ny = sz * Math.sin(phi);
                cosTheta = Math.max(-1.0, Math.min(1.0, dir[0] * nx + dir[1] * ny + dir[2] * cz));
                dir[0] = nx;
                dir[1] = ny;
                dir[2] = cz;
                if (process == AttenuationSource.INCOHERENT) {
                    e = incident / (1.0 + incident / PhysicalConstants.ELECTRON_REST_ENERGY_KEV * (1.0 - cosTheta));
                }
            } else {
                sampler.sample(rng, incident, scratch);
                cosTheta = scratch.cosTheta();
                if (process == AttenuationSource.INCOHERENT) {
                    e = scratch.energyKeV();
                }
                Directions.deflect(dir, cosTheta, 2 * Math.PI * rng.nextDouble());
            }
            // density of the direction taken, per steradian, physical and under the mixture
            double physical = sampler.angularPdf(cosTheta, incident) / (2 * Math.PI);
            double cone = dir[2] >= coneCos ? conePerSr : 0.0;
            weight *= physical / (forcedShare * cone + (1 - forcedShare) * physical);
            scatters++;
            if (e < CUTOFF_KEV) {
                return -1;
            }
        }
    }
}
