package org.spectlab.simulator.study;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.spectlab.core.grid.Grid3;
import org.spectlab.core.grid.Volume;
import org.spectlab.core.material.Material;
import org.spectlab.simulator.xs.MaterialCrossSections;

/**
 * True linear attenuation maps (1/cm) of a voxelised patient at one photon energy: each voxel gets
 * the total μ (photoelectric + incoherent + coherent, NIST XCOM by the mixture rule, see
 * {@link MaterialCrossSections}) of its material — exactly what the simulation's transport uses.
 * These are ground truth for validation; reconstruction must not read them.
 */
public final class AttenuationMaps {
    private AttenuationMaps() {
    }

    /**
     * The μ-map at an energy.
     *
     * @param grid            the voxel grid
     * @param materialOfVoxel material index per voxel
     * @param materials       the materials by index
     * @param energyKeV       photon energy, keV
     * @return a volume in 1/cm
     */
    public static Volume muPerCm(Grid3 grid, short[] materialOfVoxel, List<Material> materials, double energyKeV) {
        float[] muOfMaterial = new float[materials.size()];
        for (int m = 0; m < muOfMaterial.length; m++) {
            muOfMaterial[m] = (float) MaterialCrossSections.of(materials.get(m)).muPerCm(energyKeV);
        }
        float[] data = new float[materialOfVoxel.length];
        for (int i = 0; i < data.length; i++) {
            data[i] = muOfMaterial[materialOfVoxel[i]];
        }
        return Volume.of(grid, data, "1/cm");
    }

    /** The file name of a μ-map: {@code mu_<E>keV.nii}, E to 0.1 keV without a trailing ".0" (mu_140.5keV.nii, mu_70keV.nii). */
    public static String fileName(double energyKeV) {
        String e = BigDecimal.valueOf(energyKeV).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
        return "mu_" + e + "keV.nii";
    }
}
