package org.spectlab.recon.ct;

import org.spectlab.core.error.InputException;
import org.spectlab.core.grid.Grid3;
import org.spectlab.core.grid.Volume;

/**
 * Bilinear conversion of CT numbers to linear attenuation coefficients at an emission energy, after
 * Kinahan PE, Townsend DW, Beyer T, Sashin D, "Attenuation correction for a combined 3D PET/CT
 * scanner", Med. Phys. 25 (1998) 2046-2053 (the water-bone mixture model; used for SPECT/CT by e.g.
 * Brown S, Bailey DL, Willowson K, Baldock C, Ann. Nucl. Med. 22 (2008) 491-497):
 * <ul>
 * <li>{@code HU <= 0}: a water-air mixture, {@code μ(E) = μ_w(E) (1 + HU/1000)} (0 below -1000 HU);</li>
 * <li>{@code HU > 0}: a water-bone mixture,
 * {@code μ(E) = μ_w(E) + (HU/1000) μ_w(E_CT) (μ_b(E) - μ_w(E)) / (μ_b(E_CT) - μ_w(E_CT))},</li>
 * </ul>
 * with water and cortical bone from {@link ReferenceAttenuation} and {@code E_CT} the effective energy
 * at which the scanner sees bone. The break point is 0 HU.
 *
 * <p>{@link #forKVp} gives the nominal {@code E_CT} of the simulated scanner's body protocol: 58, 65,
 * 71 and 76 keV at 80, 100, 120 and 140 kV (linear in between). These are its calibration numbers, found
 * as a clinic finds its own (Brown et al. 2008): a scan of a 20 cm water cylinder with a cortical-bone
 * insert, solving {@code HU_bone / 1000 = μ_b(E_CT) / μ_w(E_CT) - 1}. They exceed the beams'
 * half-value-layer effective energies (49-63 keV) because the patient hardens the beam.
 *
 * @param ctEffectiveEnergyKeV {@code E_CT}, keV
 */
public record BilinearHuConversion(double ctEffectiveEnergyKeV) {
    private static final double[] KVP = {80, 100, 120, 140};
    private static final double[] E_CT_KEV = {58, 65, 71, 76};

    /** Validates the energy. */
    public BilinearHuConversion {
        if (!(ctEffectiveEnergyKeV >= 35 && ctEffectiveEnergyKeV <= 100)) {
            throw InputException.field("CT effective energy (keV)", "must be 35 to 100 keV, got "
                    + ctEffectiveEnergyKeV);
        }
    }

    /** A conversion with an explicit CT effective energy. */
    public static BilinearHuConversion of(double ctEffectiveEnergyKeV) {
        return new BilinearHuConversion(ctEffectiveEnergyKeV);
    }

    /**
     * The conversion for a nominal tube voltage, 80-140 kV.
     *
     * @throws InputException outside 80-140 kV
     */
    public static BilinearHuConversion forKVp(double kVp) {
        if (!(kVp >= KVP[0] && kVp <= KVP[KVP.length - 1])) {
            throw InputException.field("CT tube voltage (kVp)", "must be 80 to 140 kV, got " + kVp);
        }
        int hi = 1;
        while (hi < KVP.length - 1 && KVP[hi] < kVp) {
            hi++;
        }
        double f = (kVp - KVP[hi - 1]) / (KVP[hi] - KVP[hi - 1]);
        return new BilinearHuConversion(E_CT_KEV[hi - 1] + f * (E_CT_KEV[hi] - E_CT_KEV[hi - 1]));
    }

    /** μ at {@code energyKeV} of a voxel with CT number {@code hu}, 1/cm. */
    public double muPerCm(double hu, double energyKeV) {
        return coefficients(energyKeV).muPerCm(hu);
    }

    /**
     * The whole CT converted at one energy, on the CT grid, unit {@code "1/cm"}.
     *
     * @param huVolume CT numbers
     * @param energyKeV emission energy, keV
     */
    public Volume convert(Volume huVolume, double energyKeV) {
        Coefficients c = coefficients(energyKeV);
        float[] hu = huVolume.data();
        float[] mu = new float[hu.length];
        for (int i = 0; i < hu.length; i++) {
            mu[i] = (float) c.muPerCm(hu[i]);
        }
        Grid3 g = huVolume.grid();
        return Volume.of(g, mu, "1/cm");
    }

    private Coefficients coefficients(double energyKeV) {
        double muW = ReferenceAttenuation.waterMuPerCm(energyKeV);
        double muB = ReferenceAttenuation.corticalBoneMuPerCm(energyKeV);
        double muWct = ReferenceAttenuation.waterMuPerCm(ctEffectiveEnergyKeV);
        double muBct = ReferenceAttenuation.corticalBoneMuPerCm(ctEffectiveEnergyKeV);
        return new Coefficients(muW, muWct * (muB - muW) / (muBct - muWct));
    }

    /** The two slopes at one energy: μ per unit (HU/1000) below and above 0 HU. */
    private record Coefficients(double muWater, double boneSlope) {
        double muPerCm(double hu) {
            if (hu <= 0) {
                return hu <= -1000 ? 0.0 : muWater * (1 + hu / 1000);
            }
            return muWater + boneSlope * hu / 1000;
        }
    }
}
