package org.spectlab.recon.localization;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.spectlab.core.error.InputException;
import org.spectlab.core.grid.Grid3;
import org.spectlab.core.grid.LabelVolume;
import org.spectlab.core.grid.Volume;

/**
 * Finds hot spots in a reconstructed image and describes each one.
 *
 * <ol>
 * <li>Candidates: local maxima in (x, y, z, scale) of the scale-normalised Laplacian of Gaussian over
 * smoothing σ of 1 to 4 system σ ({@link ScaleSpace}).</li>
 * <li>Background: at the candidate's scale, the values of the smoothed image in a shell around it
 * ({@link BackgroundShell}). With a label map the shell is cut to the candidate's own organ when that
 * part holds at least a quarter of the shell; otherwise, and without labels, the whole shell is used.
 * In a hot organ (one named in the settings) the background is instead the organ's own uptake level
 * (the upper quartile of its voxels, which a partial-volume rim does not drag down) and robust SD over
 * all its voxels in the input image, so a uniformly hot organ is its own
 * background and only focal uptake above it counts.</li>
 * <li>Decision: blob value B_s and shell median b_s give the matched-scale contrast (B_s - b_s) / b_s
 * and significance z = (B_s - b_s) / σ_s. The noise SD σ_s is the larger of the shell's robust SD at
 * that scale and the input image's shell robust SD times the smoothing's white-noise factor (the
 * former sees correlated noise and background structure, the latter is precise for white noise),
 * floored at 10⁻³ of the background so that noise-free images give finite values. A candidate passes
 * when z ≥ minConfidence and the contrast reaches minContrast, or hotOrganMinContrast in a hot organ
 * (where the noise SD is the organ's robust SD times the white-noise factor).</li>
 * <li>Non-maximum suppression: by decreasing z, a candidate is dropped if it lies in a lesion already
 * segmented or within one system FWHM of an accepted centre.</li>
 * <li>Description ({@link LesionSegmentation}): threshold region, peak, mean, volume, sub-voxel centre;
 * voxel-level contrast and CNR of the peak against the shell of the input image; organ name
 * ({@link RegionNames}) from the label map, and separately the coarse CT class from a CT region map
 * ({@link CtRegions}) when one is given.</li>
 * </ol>
 * With a label map, candidates in unlabelled voxels (label 0, outside the body) are dropped, and a
 * candidate outside the hot organs whose blob reaches into one must also exceed that organ's median
 * uptake by the ordinary contrast threshold (spill-out of a hot organ is not a lesion).
 * Approximations: spherical background shell; stationary noise within the shell; the segmentation
 * threshold is taken relative to the largest voxel, which noise biases upwards (smaller volumes in
 * noisy images); the image must be at least 5 voxels along each axis.
 */
public final class LesionLocalizer {
    private static final double ORGAN_SHELL_FRACTION = 0.25;
    /** Quantile of a hot organ's voxel values taken as its uptake level. */
    private static final double ORGAN_LEVEL_QUANTILE = 0.75;
    private static final int ORGAN_SHELL_MIN_VOXELS = 10;
    private static final double NOISE_FLOOR_FRACTION = 1e-3;

    private final LocalizationSettings settings;

    private LesionLocalizer(LocalizationSettings settings) {
        this.settings = settings;
    }

    /** A localizer with these settings. */
    public static LesionLocalizer of(LocalizationSettings settings) {
        return new LesionLocalizer(settings);
    }

    /** The settings. */
    public LocalizationSettings settings() {
        return settings;
    }

    /** Detections in an image without a label map (local background only; organ "unknown"). */
    public List<Detection> localize(Volume image) {
        return localize(image, null);
    }

    /**
     * Detections in an image, most confident first, with organ-relative background and organ names
     * from {@code labels} (any grid; carried over by nearest neighbour), or none when null.
     */
    public List<Detection> localize(Volume image, LabelVolume labels) {
        return localize(image, labels, null);
    }

    /**
     * Detections with organ-relative background and organ names from {@code labels} (e.g. a phantom's
     * organ label map, or null) and the CT class of each centre from {@code ctRegions} (a
     * {@link CtRegions} map, or null). Without {@code labels} the CT regions serve for both.
     */
    public List<Detection> localize(Volume image, LabelVolume labels, LabelVolume ctRegions) {
        return localize(image, labels, labels, ctRegions);
    }

    /**
     * As {@link #localize(Volume, LabelVolume, LabelVolume)}, with the organ-relative background (shell
     * cut, hot organs, spill-out guard, outside-the-body test) taken from {@code backgroundLabels} and
     * the names from {@code labels}. A background map merges structures whose uptake is not told apart
     * from their surroundings (e.g. bowel loops and body-wall layers into the soft tissue around them):
     * a shell cut to a thin organ sees its partial-volume edge, not its level.
     */
    public List<Detection> localize(Volume image, LabelVolume labels, LabelVolume backgroundLabels,
                                    LabelVolume ctRegions) {
        if (labels == null && ctRegions != null) {
            labels = ctRegions;
        }
        if (backgroundLabels == null) {
            backgroundLabels = labels;
        }
        Grid3 g = image.grid();
        if (g.nx() < 5 || g.ny() < 5 || g.nz() < 5) {
            throw InputException.field("image", "must be at least 5 voxels along each axis, got "
                    + g.nx() + "x" + g.ny() + "x" + g.nz());
        }
        float[] raw = image.data();
        double maxAbs = 0;
        for (int p = 0; p < raw.length; p++) {
            if (!Float.isFinite(raw[p])) {
                throw InputException.field("image", "voxel " + p + " is not a finite number (" + raw[p] + ")");
            }
            maxAbs = Math.max(maxAbs, Math.abs(raw[p]));
        }
        short[] lab = backgroundLabels == null ? null : RegionNames.resample(backgroundLabels, g).labels();
        Set<Integer> hot = hotLabels(backgroundLabels);
        Map<Integer, OrganBackground> organs = lab == null ? Map.of() : organBackgrounds(raw, lab, hot);
        ScaleSpace space = ScaleSpace.of(image, settings.systemFwhmMm());
        BlobCandidates cands = BlobCandidates.find(space);
        BackgroundShell[] shells = new BackgroundShell[space.count()];
        double[] noiseFactor = new double[space.count()];
        int maxShell = 0;
        for (int n = 0; n < shells.length; n++) {
            shells[n] = BackgroundShell.of(g, space.totalSigmaMm(n), settings.systemFwhmMm());
            noiseFactor[n] = space.whiteNoiseFactor(n);
            maxShell = Math.max(maxShell, shells[n].size());
        }
        Scratch s = new Scratch(maxShell);
        List<Accepted> accepted = new ArrayList<>();
        for (int a = 0; a < cands.size(); a++) {
            int p = cands.voxel(a);
            int n = cands.scale(a);
            if (lab != null && lab[p] == 0) {
                continue; // outside the body (unlabelled): no lesion there
            }
            OrganBackground organ = lab == null ? null : organs.get((int) lab[p]);
            Accepted c = organ != null
                    ? decideInHotOrgan(p, n, space.smoothed(n), noiseFactor[n], organ, 1e-9 * maxAbs)
                    : evaluate(p, n, space, shells, noiseFactor, raw, lab, s, 1e-9 * maxAbs);
            if (c != null && organ == null && !organs.isEmpty()
                    && !aboveNearbyHotOrgans(p, space.smoothed(n)[p], Math.sqrt(3.0) * space.totalSigmaMm(n), g,
                    lab, organs)) {
                c = null;
            }
            if (c != null) {
                accepted.add(c);
            }
        }
        accepted.sort(Comparator.comparingDouble(Accepted::z).reversed());
        return describe(accepted, image, space, shells, labels, ctRegions);
    }

    private Set<Integer> hotLabels(LabelVolume labels) {
        Set<Integer> hot = new HashSet<>();
        if (labels != null) {
            for (Map.Entry<Integer, String> e : labels.names().entrySet()) {
                if (settings.isHotOrgan(e.getValue())) {
                    hot.add(e.getKey());
                }
            }
        }
        return hot;
    }

    /** A candidate that passed the decision, with its background figures. */
    private record Accepted(int voxel, int scale, double z, double rawBackground, double rawSd) {
    }

    /** Shell value buffers, reused for every candidate. */
    private static final class Scratch {
        final float[] smooth;
        final float[] raw;
        final int[] label;

        Scratch(int n) {
            smooth = new float[n];
            raw = new float[n];
            label = new int[n];
        }
    }

    private Accepted evaluate(int p, int n, ScaleSpace space, BackgroundShell[] shells, double[] noiseFactor,
                              float[] raw, short[] lab, Scratch s, double absoluteFloor) {
        int count = gather(p, n, space, shells, raw, lab, s);
        int own = lab == null ? 0 : lab[p];
        if (lab != null && own != 0) {
            int same = 0;
            for (int m = 0; m < count; m++) {
                if (s.label[m] == own) {
                    s.smooth[same] = s.smooth[m];
                    s.raw[same] = s.raw[m];
                    same++;
                }
            }
            if (same >= Math.max(ORGAN_SHELL_MIN_VOXELS, ORGAN_SHELL_FRACTION * count)) {
                count = same;
            } else {
                // Too little of the candidate's organ around it: the whole shell is its background.
                count = gather(p, n, space, shells, raw, null, s);
            }
        }
        return decide(p, n, space.smoothed(n), noiseFactor[n], s, count, absoluteFloor);
    }

    /** Copies the shell's smoothed values, input values and labels (when given) into the scratch buffers. */
    private static int gather(int p, int n, ScaleSpace space, BackgroundShell[] shells, float[] raw, short[] lab,
                              Scratch s) {
        Grid3 g = space.grid();
        float[] l = space.smoothed(n);
        BackgroundShell shell = shells[n];
        int nx = g.nx();
        int ny = g.ny();
        int i0 = p % nx;
        int j0 = (p / nx) % ny;
        int k0 = p / (nx * ny);
        int count = 0;
        for (int m = 0; m < shell.size(); m++) {
            int i = i0 + shell.di(m);
            int j = j0 + shell.dj(m);
            int k = k0 + shell.dk(m);
            if (g.contains(i, j, k)) {
                int q = i + nx * (j + ny * k);
                s.smooth[count] = l[q];
                s.raw[count] = raw[q];
                s.label[count] = lab == null ? 0 : lab[q];
                count++;
            }
        }
        return count;
    }

    private Accepted decide(int p, int n, float[] l, double noiseFactor, Scratch s, int count,
                            double absoluteFloor) {
        if (count < ORGAN_SHELL_MIN_VOXELS) {
            return null;
        }
        double bs = RobustStats.median(s.smooth, count);
        double sdSmooth = RobustStats.robustSd(s.smooth, count, bs);
        double br = RobustStats.median(s.raw, count);
        double sdRaw = RobustStats.robustSd(s.raw, count, br);
        double floor = NOISE_FLOOR_FRACTION * Math.abs(bs) + absoluteFloor;
        double sigma = Math.max(Math.max(sdSmooth, sdRaw * noiseFactor), floor);
        double signal = l[p] - bs;
        if (!(signal > 0) || sigma <= 0) {
            return null;
        }
        double z = signal / sigma;
        double contrast = bs > 0 ? signal / bs : Double.POSITIVE_INFINITY;
        if (z < settings.minConfidence() || contrast < settings.minContrast()) {
            return null;
        }
        double rawFloor = NOISE_FLOOR_FRACTION * Math.abs(br) + absoluteFloor;
        return new Accepted(p, n, z, br, Math.max(sdRaw, rawFloor));
    }

    /**
     * Spill-out guard for a candidate outside the hot organs: when its blob (the ball of radius
     * {@code radiusMm} = √3 σ_t, the extent of a ball whose normalised Laplacian peaks at this scale)
     * reaches into hot organs, its smoothed value must exceed the highest of their uptake levels by
     * the ordinary contrast threshold, so that the blurred edge of a normally hot organ (liver, spleen,
     * blood pool next to myocardium) is not reported while a focus clearly hotter than its hot neighbour
     * still is.
     */
    private boolean aboveNearbyHotOrgans(int p, double blobValue, double radiusMm, Grid3 g, short[] lab,
                                         Map<Integer, OrganBackground> organs) {
        int nx = g.nx();
        int ny = g.ny();
        int i0 = p % nx;
        int j0 = (p / nx) % ny;
        int k0 = p / (nx * ny);
        int hx = (int) Math.floor(radiusMm / g.voxelXMm());
        int hy = (int) Math.floor(radiusMm / g.voxelYMm());
        int hz = (int) Math.floor(radiusMm / g.voxelZMm());
        double r2 = radiusMm * radiusMm;
        double highest = Double.NEGATIVE_INFINITY;
        int last = Integer.MIN_VALUE;
        for (int k = Math.max(0, k0 - hz); k <= Math.min(g.nz() - 1, k0 + hz); k++) {
            double dz = (k - k0) * g.voxelZMm();
            for (int j = Math.max(0, j0 - hy); j <= Math.min(ny - 1, j0 + hy); j++) {
                double dy = (j - j0) * g.voxelYMm();
                for (int i = Math.max(0, i0 - hx); i <= Math.min(nx - 1, i0 + hx); i++) {
                    double dx = (i - i0) * g.voxelXMm();
                    if (dx * dx + dy * dy + dz * dz > r2) {
                        continue;
                    }
                    int l = lab[i + nx * (j + ny * k)];
                    if (l != last) {
                        last = l;
                        OrganBackground o = organs.get(l);
                        if (o != null) {
                            highest = Math.max(highest, o.median());
                        }
                    }
                }
            }
        }
        return highest == Double.NEGATIVE_INFINITY || !(highest > 0)
                || (blobValue - highest) / highest >= settings.minContrast();
    }

    /** Level (upper quartile) and robust SD of the input image over one hot organ. */
    private record OrganBackground(double median, double robustSd) {
    }

    /** Statistics of the input image over each hot organ present in the (resampled) label map. */
    private static Map<Integer, OrganBackground> organBackgrounds(float[] raw, short[] lab, Set<Integer> hot) {
        Map<Integer, OrganBackground> out = new HashMap<>();
        for (int label : hot) {
            int count = 0;
            for (short l : lab) {
                if (l == label) {
                    count++;
                }
            }
            if (count < ORGAN_SHELL_MIN_VOXELS) {
                continue;
            }
            float[] v = new float[count];
            int m = 0;
            for (int p = 0; p < lab.length; p++) {
                if (lab[p] == label) {
                    v[m++] = raw[p];
                }
            }
            // the organ's level is its upper quartile, not its median: a thin or small organ (trabecular
            // marrow cores, kidney cortex, blood pool) has a partial-volume rim of lower values that drags
            // the median down and lets its own uniform uptake pass as focal
            double level = RobustStats.quantile(v.clone(), count, ORGAN_LEVEL_QUANTILE);
            double median = RobustStats.median(v, count);
            out.put(label, new OrganBackground(level, RobustStats.robustSd(v, count, median)));
        }
        return out;
    }

    /**
     * Decision inside a hot organ: the blob against the organ's uptake level, noise from the organ's
     * robust SD scaled by the smoothing's white-noise factor, and the hot-organ contrast threshold. A
     * uniformly hot organ never exceeds its own median after smoothing, so it is not reported.
     */
    private Accepted decideInHotOrgan(int p, int n, float[] l, double noiseFactor, OrganBackground organ,
                                      double absoluteFloor) {
        double b = organ.median();
        double floor = NOISE_FLOOR_FRACTION * Math.abs(b) + absoluteFloor;
        double sigma = Math.max(organ.robustSd() * noiseFactor, floor);
        double signal = l[p] - b;
        if (!(signal > 0) || sigma <= 0) {
            return null;
        }
        double z = signal / sigma;
        double contrast = b > 0 ? signal / b : Double.POSITIVE_INFINITY;
        if (z < settings.minConfidence() || contrast < settings.hotOrganMinContrast()) {
            return null;
        }
        return new Accepted(p, n, z, b, Math.max(organ.robustSd(), floor));
    }

    private List<Detection> describe(List<Accepted> accepted, Volume image, ScaleSpace space,
                                     BackgroundShell[] shells, LabelVolume labels, LabelVolume ctRegions) {
        Grid3 g = image.grid();
        LesionSegmentation seg = new LesionSegmentation(g, image.data());
        RegionNames names = RegionNames.of(labels, 0.5 * settings.systemFwhmMm());
        RegionNames ct = RegionNames.of(ctRegions, 0.5 * settings.systemFwhmMm());
        float[] fine = space.smoothed(0);
        List<Detection> out = new ArrayList<>();
        double fwhm = settings.systemFwhmMm();
        for (Accepted c : accepted) {
            if (out.size() >= settings.maxDetections()) {
                break;
            }
            if (seg.isOwned(c.voxel()) || near(out, g, c.voxel(), fwhm)) {
                continue;
            }
            double searchMm = space.totalSigmaMm(c.scale());
            int seed = seg.argmaxNear(fine, c.voxel(), searchMm);
            if (seg.isOwned(seed)) {
                continue;
            }
            double peak = seg.peakAt(seed);
            LesionSegmentation.Region r = seg.segment(seed, peak, c.rawBackground(),
                    settings.segmentationFraction(), shells[c.scale()].innerRadiusMm(), fine, out.size() + 1);
            double x = g.originXMm() + r.ci() * g.voxelXMm();
            double y = g.originYMm() + r.cj() * g.voxelYMm();
            double z = g.originZMm() + r.ck() * g.voxelZMm();
            double excess = r.peak() - c.rawBackground();
            double contrast = c.rawBackground() > 0 ? excess / c.rawBackground() : Double.NaN;
            out.add(Detection.of("d" + (out.size() + 1), x, y, z, c.z(), names.nameAt(x, y, z),
                    ct.nameAt(x, y, z), r.peak(), r.mean(), r.voxels() * g.voxelVolumeMl(), contrast,
                    excess / c.rawSd()));
        }
        return out;
    }

    private static boolean near(List<Detection> found, Grid3 g, int p, double distanceMm) {
        int nx = g.nx();
        int ny = g.ny();
        double x = g.xMm(p % nx);
        double y = g.yMm((p / nx) % ny);
        double z = g.zMm(p / (nx * ny));
        for (Detection d : found) {
            if (d.distanceMm(x, y, z) < distanceMm) {
                return true;
            }
        }
        return false;
    }
}
