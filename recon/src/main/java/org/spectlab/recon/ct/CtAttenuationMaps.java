package org.spectlab.recon.ct;

import org.spectlab.core.error.InputException;
import org.spectlab.core.grid.Grid3;
import org.spectlab.core.grid.Volume;
import org.spectlab.recon.filter.GaussianPostFilter;

/**
 * Attenuation maps for SPECT from a CT in HU: bilinear conversion on the CT grid
 * ({@link BilinearHuConversion}), box-average resampling onto the SPECT grid ({@link GridResampler};
 * outside the CT the map is 0, air), then optional Gaussian smoothing to the SPECT resolution
 * (reusing {@link GaussianPostFilter}). Converting before averaging keeps the result exact for voxels
 * that straddle the 0 HU break point.
 */
public final class CtAttenuationMaps {
    private CtAttenuationMaps() {
    }

    /**
     * The μ-map (1/cm) at one emission energy on the SPECT grid.
     *
     * @param ctHu            the CT, unit HU
     * @param conversion      HU to μ conversion (e.g. {@code BilinearHuConversion.forKVp(120)})
     * @param energyKeV       emission energy, keV
     * @param spectGrid       target grid
     * @param smoothingFwhmMm Gaussian FWHM, mm; 0 for none
     */
    public static Volume muMap(Volume ctHu, BilinearHuConversion conversion, double energyKeV, Grid3 spectGrid,
                               double smoothingFwhmMm) {
        if (!"HU".equals(ctHu.unit())) {
            throw InputException.field("CT unit", "must be HU, got '" + ctHu.unit() + "'");
        }
        if (!(smoothingFwhmMm >= 0) || !Double.isFinite(smoothingFwhmMm)) {
            throw InputException.field("attenuation map smoothing FWHM (mm)", "must be >= 0, got " + smoothingFwhmMm);
        }
        Volume mu = GridResampler.boxAverage(conversion.convert(ctHu, energyKeV), spectGrid, 0.0);
        return smoothingFwhmMm > 0 ? GaussianPostFilter.of(smoothingFwhmMm).apply(mu) : mu;
    }
}
