package org.spectlab.recon.localization;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.spectlab.core.error.InputException;

/**
 * What the localizer is told about the camera and how strict it is.
 *
 * <p>A candidate is reported when its matched-scale significance reaches {@code minConfidence} and
 * its matched-scale contrast (blob / background - 1) reaches {@code minContrast}, or
 * {@code hotOrganMinContrast} when the candidate lies in an organ named in {@code hotOrgans}
 * (organs with high physiological uptake, e.g. liver, spleen, kidneys, bladder, marrow).
 *
 * @param systemFwhmMm          spatial resolution of the reconstructed image (FWHM), mm; sets the
 *                              blob scales (1 to 4 system σ) and the background shell
 * @param minConfidence         least significance (signal / noise SD at the matched scale)
 * @param minContrast           least matched-scale contrast outside hot organs
 * @param hotOrganMinContrast   least matched-scale contrast, relative to the organ's own background,
 *                              inside hot organs
 * @param hotOrgans             names of hot organs (lower case; matched case-insensitively to label names)
 * @param maxDetections         largest number of detections reported (the most confident)
 * @param segmentationFraction  lesion boundary at this fraction of (peak - background) above background
 */
public record LocalizationSettings(double systemFwhmMm, double minConfidence, double minContrast,
                                   double hotOrganMinContrast, Set<String> hotOrgans, int maxDetections,
                                   double segmentationFraction) {

    /**
     * Default significance threshold: 5 noise SDs. In a noise-only image of R resolution elements the
     * expected number of maxima above t SDs is about R (4 ln 2)^{3/2} (2π)^{-2} (t² - 1) e^{-t²/2}
     * (Worsley KJ et al., Hum Brain Mapp 4 (1996) 58-73): 0.1 false maxima for R = 10^4 at t = 5.
     */
    public static final double DEFAULT_MIN_CONFIDENCE = 5.0;
    /** Default least contrast outside hot organs: 1.3 : 1 at the matched scale. */
    public static final double DEFAULT_MIN_CONTRAST = 0.3;
    /** Default least contrast inside hot organs: 2 : 1 against the organ's own background. */
    public static final double DEFAULT_HOT_ORGAN_MIN_CONTRAST = 1.0;
    /** Default largest number of detections. */
    public static final int DEFAULT_MAX_DETECTIONS = 50;
    /**
     * Default segmentation threshold, 42 % of (peak - background): the fixed threshold of Erdi YE et
     * al., Cancer 80 (1997) 2505-2509, widely used for emission-tomography lesion volumes (40-50 %).
     */
    public static final double DEFAULT_SEGMENTATION_FRACTION = 0.42;

    /** Validates every field and normalises organ names to lower case. */
    public LocalizationSettings {
        if (!(systemFwhmMm > 0) || !Double.isFinite(systemFwhmMm)) {
            throw InputException.field("system FWHM (mm)", "must be a positive number of mm, got " + systemFwhmMm);
        }
        if (!(minConfidence > 0) || !Double.isFinite(minConfidence)) {
            throw InputException.field("minimum confidence", "must be a positive number, got " + minConfidence);
        }
        if (!(minContrast >= 0) || !Double.isFinite(minContrast)) {
            throw InputException.field("minimum contrast", "must be a number >= 0, got " + minContrast);
        }
        if (!(hotOrganMinContrast >= 0) || !Double.isFinite(hotOrganMinContrast)) {
            throw InputException.field("hot-organ minimum contrast", "must be a number >= 0, got "
                    + hotOrganMinContrast);
        }
        if (maxDetections < 1) {
            throw InputException.field("maximum detections", "must be at least 1, got " + maxDetections);
        }
        if (!(segmentationFraction > 0 && segmentationFraction < 1)) {
            throw InputException.field("segmentation fraction", "must be between 0 and 1, got "
                    + segmentationFraction);
        }
        TreeSet<String> names = new TreeSet<>();
        for (String n : hotOrgans) {
            String t = n.trim().toLowerCase(Locale.ROOT);
            if (t.isEmpty()) {
                throw InputException.field("hot organs", "names must not be empty");
            }
            names.add(t);
        }
        hotOrgans = Set.copyOf(names);
    }

    /** Default thresholds for a camera of the given resolution, no hot organs. */
    public static LocalizationSettings of(double systemFwhmMm) {
        return new LocalizationSettings(systemFwhmMm, DEFAULT_MIN_CONFIDENCE, DEFAULT_MIN_CONTRAST,
                DEFAULT_HOT_ORGAN_MIN_CONTRAST, Set.of(), DEFAULT_MAX_DETECTIONS, DEFAULT_SEGMENTATION_FRACTION);
    }

    /** The same settings with these hot organs. */
    public LocalizationSettings withHotOrgans(Set<String> names) {
        return new LocalizationSettings(systemFwhmMm, minConfidence, minContrast, hotOrganMinContrast, names,
                maxDetections, segmentationFraction);
    }

    /** The same settings with this detection limit. */
    public LocalizationSettings withMaxDetections(int n) {
        return new LocalizationSettings(systemFwhmMm, minConfidence, minContrast, hotOrganMinContrast, hotOrgans,
                n, segmentationFraction);
    }

    /** The same settings with this significance threshold. */
    public LocalizationSettings withMinConfidence(double z) {
        return new LocalizationSettings(systemFwhmMm, z, minContrast, hotOrganMinContrast, hotOrgans,
                maxDetections, segmentationFraction);
    }

    /** The same settings with these contrast thresholds (outside and inside hot organs). */
    public LocalizationSettings withMinContrast(double outside, double insideHotOrgans) {
        return new LocalizationSettings(systemFwhmMm, minConfidence, outside, insideHotOrgans, hotOrgans,
                maxDetections, segmentationFraction);
    }

    /** True when the (any-case) organ name is a hot organ. */
    public boolean isHotOrgan(String name) {
        return name != null && hotOrgans.contains(name.trim().toLowerCase(Locale.ROOT));
    }
}
