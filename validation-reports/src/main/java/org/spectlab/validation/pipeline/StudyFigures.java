package org.spectlab.validation.pipeline;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.spectlab.core.grid.Grid3;
import org.spectlab.core.grid.Volume;
import org.spectlab.core.projection.ProjectionSet;
import org.spectlab.metrics.detection.TruthLesion;
import org.spectlab.recon.localization.Detection;
import org.spectlab.validation.report.ColourMap;
import org.spectlab.validation.report.LinePlot;
import org.spectlab.validation.report.Marker;
import org.spectlab.validation.report.Montage;
import org.spectlab.validation.report.SliceRenderer;
import org.spectlab.validation.report.VolumeSlices;

/**
 * The pictures of a study report: a montage of projection views, SPECT slices fused over the CT in
 * three planes with detections (cyan) and true lesions (green) marked, a line profile of image and
 * truth through a lesion, the energy spectrum by component, and a coronal maximum-intensity
 * projection as a thumbnail. Display windows: CT soft tissue -160..240 HU; SPECT from
 * {@value #SPECT_FLOOR_FRACTION} to 1 times the 99.9th percentile of the image (so that one very hot
 * organ does not darken the rest).
 */
public final class StudyFigures {
    /** CT display window, HU (soft tissue: level 40, width 400). */
    public static final double CT_MIN_HU = -160;
    /** Upper end of the CT window, HU. */
    public static final double CT_MAX_HU = 240;
    /** SPECT values below this fraction of the display maximum show the CT only. */
    public static final double SPECT_FLOOR_FRACTION = 0.08;
    /** Opacity of the SPECT over the CT. */
    public static final double ALPHA = 0.65;
    /** Detections farther than this many voxels from a slice plane are not marked on it. */
    public static final double MARK_WITHIN_VOXELS = 2;

    private StudyFigures() {
    }

    /** Up to {@code count} evenly spaced views of a projection set, superior at the top, grey scale. */
    public static BufferedImage projectionMontage(ProjectionSet p, int count, int scale) {
        int n = Math.max(1, Math.min(count, p.views()));
        double max = percentile(p.data(), 0.999);
        List<BufferedImage> tiles = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (int t = 0; t < n; t++) {
            int v = (int) Math.round((double) t * p.views() / n);
            float[] img = new float[p.rows() * p.cols()];
            for (int r = 0; r < p.rows(); r++) {
                for (int c = 0; c < p.cols(); c++) {
                    img[c + p.cols() * (p.rows() - 1 - r)] = p.get(v, r, c);
                }
            }
            tiles.add(SliceRenderer.render(img, p.cols(), p.rows(), ColourMap.GREY, 0, max > 0 ? max : 1, scale, null));
            labels.add(String.format(Locale.ROOT, "%.0f°", p.geometry().angleDeg(v)));
        }
        return Montage.of(tiles, labels, Math.min(n, 6));
    }

    /** Display maximum of a SPECT image: the 99.9th percentile of its voxels (1 when not positive). */
    public static double spectDisplayMax(Volume spect) {
        double m = percentile(spect.data(), 0.999);
        return m > 0 ? m : 1;
    }

    /**
     * Axial, coronal and sagittal slices through a point, SPECT fused over the CT (both on the SPECT
     * grid), with markers for the detections near each plane and for the true lesions.
     */
    public static BufferedImage fusedPlanes(Volume spect, Volume ctOnGrid, double xMm, double yMm, double zMm,
                                            List<Detection> detections, List<TruthLesion> lesions, int scale) {
        Grid3 g = spect.grid();
        int i = clamp((int) Math.round(g.toVoxelX(xMm)), g.nx());
        int j = clamp((int) Math.round(g.toVoxelY(yMm)), g.ny());
        int k = clamp((int) Math.round(g.toVoxelZ(zMm)), g.nz());
        double max = spectDisplayMax(spect);
        double min = SPECT_FLOOR_FRACTION * max;
        List<BufferedImage> tiles = new ArrayList<>();
        for (int plane = 0; plane < 3; plane++) {
            VolumeSlices.Slice s = plane == 0 ? VolumeSlices.axial(spect, k)
                    : plane == 1 ? VolumeSlices.coronal(spect, j) : VolumeSlices.sagittal(spect, i);
            VolumeSlices.Slice c = plane == 0 ? VolumeSlices.axial(ctOnGrid, k)
                    : plane == 1 ? VolumeSlices.coronal(ctOnGrid, j) : VolumeSlices.sagittal(ctOnGrid, i);
            List<Marker> markers = new ArrayList<>();
            for (TruthLesion l : lesions) {
                mark(markers, g, plane, i, j, k, l.centre().xMm(), l.centre().yMm(), l.centre().zMm(),
                        l.radiusMm(), Marker.TRUTH, "");
            }
            for (Detection d : detections) {
                double r = Math.max(0.5 * 10 * Math.cbrt(6 * Math.max(d.volumeMl(), 0) / Math.PI), 1.5 * g.voxelXMm());
                mark(markers, g, plane, i, j, k, d.xMm(), d.yMm(), d.zMm(), r, Marker.DETECTION, d.id());
            }
            tiles.add(SliceRenderer.fused(c.data(), s.data(), s.width(), s.height(), CT_MIN_HU, CT_MAX_HU, min, max,
                    ALPHA, scale, markers));
        }
        return Montage.of(tiles, List.of("axial", "coronal", "sagittal"), 3);
    }

    /** Image and truth along x through a point (truth on the image grid). */
    public static LinePlot profileX(Volume image, Volume truthOnGrid, double yMm, double zMm, String title) {
        Grid3 g = image.grid();
        int j = clamp((int) Math.round(g.toVoxelY(yMm)), g.ny());
        int k = clamp((int) Math.round(g.toVoxelZ(zMm)), g.nz());
        double[] x = new double[g.nx()];
        double[] a = new double[g.nx()];
        double[] t = new double[g.nx()];
        double s = image.unit().equalsIgnoreCase("Bq/mL") ? 1e-3 : 1;
        for (int i = 0; i < g.nx(); i++) {
            x[i] = g.xMm(i);
            a[i] = image.get(i, j, k) * s;
            t[i] = truthOnGrid.get(i, j, k) * s;
        }
        String unit = s == 1e-3 ? "kBq/mL" : image.unit();
        return LinePlot.of(title, "x (mm, patient left +)", "uptake (" + unit + ")")
                .line("reconstruction", x, a).line("truth (box-averaged to the image grid)", x, t).size(760, 360);
    }

    /**
     * The detected spectrum of {@code spect/spectrum.csv} (counts per keV by component) as a plot, with
     * the photopeak window's edges as zero-height markers.
     */
    public static LinePlot spectrum(Path csv, ProjectionSet photopeak) {
        List<String> lines;
        try {
            lines = Files.readAllLines(csv);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + csv, e);
        }
        String[] header = null;
        List<double[]> rows = new ArrayList<>();
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split(",");
            if (header == null) {
                header = f;
                continue;
            }
            double[] v = new double[f.length];
            for (int c = 0; c < f.length; c++) {
                v[c] = Double.parseDouble(f[c].trim());
            }
            rows.add(v);
        }
        if (header == null || rows.isEmpty()) {
            throw new IllegalArgumentException(csv + ": no spectrum rows");
        }
        LinePlot plot = LinePlot.of("Detected energy spectrum (all views)", "energy (keV)", "counts per keV")
                .size(760, 380);
        double[] e = column(rows, 0);
        double[] total = new double[e.length];
        for (int c = 1; c < header.length; c++) {
            double[] y = column(rows, c);
            for (int n = 0; n < y.length; n++) {
                total[n] += y[n];
            }
            plot.line(header[c].trim(), e, y);
        }
        plot.line("total", e, total);
        double lo = photopeak.window().lowerKeV();
        double hi = photopeak.window().upperKeV();
        plot.points("photopeak window edges", new double[] {lo, hi}, new double[] {0, 0});
        return plot;
    }

    /** Coronal maximum-intensity projection of an image (superior at the top), hot colour map. */
    public static BufferedImage coronalMip(Volume v, int scale) {
        Grid3 g = v.grid();
        float[] mip = new float[g.nx() * g.nz()];
        Arrays.fill(mip, Float.NEGATIVE_INFINITY);
        for (int k = 0; k < g.nz(); k++) {
            int row = g.nz() - 1 - k;
            for (int j = 0; j < g.ny(); j++) {
                for (int i = 0; i < g.nx(); i++) {
                    int n = i + g.nx() * row;
                    mip[n] = Math.max(mip[n], v.get(i, j, k));
                }
            }
        }
        double max = percentile(mip, 0.995);
        return SliceRenderer.render(mip, g.nx(), g.nz(), ColourMap.HOT, 0, max > 0 ? max : 1, scale, null);
    }

    private static void mark(List<Marker> markers, Grid3 g, int plane, int i, int j, int k, double x, double y,
                             double z, double radiusMm, int rgb, String label) {
        double fi = g.toVoxelX(x);
        double fj = g.toVoxelY(y);
        double fk = g.toVoxelZ(z);
        double off = plane == 0 ? Math.abs(fk - k) : plane == 1 ? Math.abs(fj - j) : Math.abs(fi - i);
        if (off > MARK_WITHIN_VOXELS) {
            return;
        }
        double rPx = Math.max(radiusMm / g.voxelXMm(), 1);
        double col = plane == 2 ? fj : fi;
        double row = plane == 0 ? fj : g.nz() - 1 - fk;
        markers.add(Marker.of(col, row, rPx, rgb, label));
    }

    private static double[] column(List<double[]> rows, int c) {
        double[] out = new double[rows.size()];
        for (int n = 0; n < out.length; n++) {
            out[n] = rows.get(n)[c];
        }
        return out;
    }

    private static int clamp(int v, int n) {
        return Math.max(0, Math.min(n - 1, v));
    }

    /** The q-quantile of the finite values (nearest rank); 0 when there are none. */
    static double percentile(float[] data, double q) {
        float[] s = new float[data.length];
        int m = 0;
        for (float v : data) {
            if (Float.isFinite(v)) {
                s[m++] = v;
            }
        }
        if (m == 0) {
            return 0;
        }
        Arrays.sort(s, 0, m);
        return s[Math.min(m - 1, (int) Math.floor(q * (m - 1)))];
    }
}
