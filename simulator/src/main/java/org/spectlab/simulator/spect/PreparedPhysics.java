package org.spectlab.simulator.spect;

import java.util.List;
import org.spectlab.core.material.Material;
import org.spectlab.core.nuclide.EmissionLine;
import org.spectlab.simulator.collimator.CollimatorModel;
import org.spectlab.simulator.collimator.CollimatorTransport;
import org.spectlab.simulator.collimator.GeometricResponse;
import org.spectlab.simulator.collimator.HexagonalHoleArray;
import org.spectlab.simulator.crystal.CrystalResponse;
import org.spectlab.simulator.crystal.NaiCrystal;
import org.spectlab.simulator.crystal.WindowAcceptance;
import org.spectlab.simulator.interaction.ComptonSampler;
import org.spectlab.simulator.interaction.RayleighSampler;
import org.spectlab.simulator.interaction.ScatteringAngleSampler;
import org.spectlab.simulator.source.VoxelSource;
import org.spectlab.simulator.transport.AttenuationSource;
import org.spectlab.simulator.transport.MaterialTables;
import org.spectlab.simulator.transport.VoxelMedium;
import org.spectlab.simulator.transport.WoodcockTracker;
import org.spectlab.simulator.xs.MaterialCrossSections;
import org.spectlab.simulator.xs.Process;

/**
 * The physics of one scenario, prepared once and shared (read-only) by every thread: attenuation
 * tables (NIST XCOM), scattering samplers (EPDL97 form factors and scattering functions), the
 * voxel medium and source (by kinetic group with {@link SpectScenario#kinetics()}), the collimator's
 * geometric response and the crystal's response.
 */
final class PreparedPhysics {
    final SpectScenario scenario;
    final MaterialTables tables;
    final VoxelMedium medium;
    final WoodcockTracker tracker;
    final VoxelSource source;
    /** Kinetic group of each source entry, or null without kinetics (every emission in group 0). */
    final byte[] entryGroup;
    final ScatteringAngleSampler[] compton;
    final ScatteringAngleSampler[] rayleigh;
    final GeometricResponse collimator;
    final HexagonalHoleArray holes;
    final double efficiency;
    /** The crystal with its layers (analog detection follows photons through it one by one). */
    final NaiCrystal nai;
    final CrystalResponse crystal;
    final WindowAcceptance acceptance;
    final double[] lineEnergyKeV;
    final double[] lineYield;
    final double totalYield;
    final double cutoffKeV;
    final double intrinsicSigmaMm;
    /** Monte Carlo collimator transport, or null for the geometric (ideal-septa) model. */
    final CollimatorTransport collimatorTransport;

    PreparedPhysics(SpectScenario s, SimulationOptions options) {
        this.scenario = s;
        List<EmissionLine> lines = s.lines();
        lineEnergyKeV = new double[lines.size()];
        lineYield = new double[lines.size()];
        double maxLine = 0;
        double sum = 0;
        for (int i = 0; i < lineEnergyKeV.length; i++) {
            lineEnergyKeV[i] = lines.get(i).energyKeV();
            lineYield[i] = lines.get(i).yieldPerDecay();
            maxLine = Math.max(maxLine, lineEnergyKeV[i]);
            sum += lineYield[i];
        }
        totalYield = sum;
        List<Material> materials = s.materials();
        MaterialCrossSections[] xs = new MaterialCrossSections[materials.size()];
        compton = new ScatteringAngleSampler[materials.size()];
        rayleigh = new ScatteringAngleSampler[materials.size()];
        for (int m = 0; m < xs.length; m++) {
            xs[m] = MaterialCrossSections.of(materials.get(m));
            compton[m] = ComptonSampler.of(materials.get(m));
            rayleigh[m] = RayleighSampler.of(materials.get(m));
        }
        Process[] processes = {Process.PHOTOELECTRIC, Process.INCOHERENT, Process.COHERENT};
        AttenuationSource source0 = (m, p, e) -> xs[m].muPerCm(processes[p], e);
        tables = MaterialTables.build(xs.length, source0, 5.0, maxLine + 2.0, 0.25);
        medium = VoxelMedium.of(s.grid(), s.materialOfVoxel(), tables);
        tracker = new WoodcockTracker(medium);
        KineticGroups kinetics = s.kinetics();
        source = kinetics == null ? VoxelSource.of(s.activityBqPerMl())
                : VoxelSource.ofEntries(s.grid(), kinetics.entryVoxels(), kinetics.entryBq());
        entryGroup = kinetics == null ? null : kinetics.entryGroups();
        SpectCamera camera = s.camera();
        holes = HexagonalHoleArray.of(camera.collimator());
        collimator = GeometricResponse.of(holes, camera.backGapMm());
        efficiency = collimator.efficiency();
        nai = camera.crystal();
        crystal = CrystalResponse.simulate(nai, 5.0, maxLine + 2.0, 1.0, options.crystalHistoriesPerKeV(),
                options.seed() ^ 0x5DEECE66DL);
        acceptance = crystal.windowAcceptance(camera.energyResolution(), camera.windows());
        double lowest = camera.lowestWindowKeV();
        cutoffKeV = Math.max(5.0, lowest - 4 * camera.energyResolution().sigmaKeV(lowest));
        intrinsicSigmaMm = camera.intrinsicFwhmMm() / (2 * Math.sqrt(2 * Math.log(2)));
        collimatorTransport = options.collimatorModel() == CollimatorModel.MONTE_CARLO
                ? CollimatorTransport.of(holes, maxLine + 1.0) : null;
    }

    /**
     * Standard deviation (mm, per axis) of the collimator-detector response at a distance from the
     * collimator face: the second moment of the geometric point-spread function (integrated
     * numerically from the hole transfer function) plus the intrinsic resolution, in quadrature.
     */
    double responseSigmaMm(double distanceMm) {
        double formula = collimator.formulaGeometricFwhmMm(Math.max(distanceMm, 0));
        double half = 2.0 * formula;
        int n = 61;
        double step = 2 * half / (n - 1);
        double sum = 0;
        double sumX2 = 0;
        for (int i = 0; i < n; i++) {
            double x = -half + i * step;
            for (int j = 0; j < n; j++) {
                double y = -half + j * step;
                double p = collimator.psfPerMm2(x, y, Math.max(distanceMm, 0));
                sum += p;
                sumX2 += p * x * x;
            }
        }
        double geometricVariance = sum > 0 ? sumX2 / sum : 0;
        return Math.sqrt(geometricVariance + intrinsicSigmaMm * intrinsicSigmaMm);
    }
}
