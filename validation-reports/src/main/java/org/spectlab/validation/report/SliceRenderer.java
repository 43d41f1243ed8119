package org.spectlab.validation.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Renders 2-D slices (row-major {@code float[]}, row 0 at the top) to images: one colour map over a
 * display window, or a SPECT slice in a hot colour map fused (alpha-blended) over a CT slice in grey,
 * with optional circle markers. Pixels are magnified by an integer factor (nearest neighbour, no
 * smoothing, so voxels stay visible as a physicist expects). Values outside the window are clamped.
 */
public final class SliceRenderer {

    private SliceRenderer() {
    }

    /**
     * A slice in one colour map.
     *
     * @param data   row-major values, {@code width * height}
     * @param min    value shown black
     * @param max    value shown white (top of the map); must exceed min
     * @param scale  magnification (1-32)
     */
    public static BufferedImage render(float[] data, int width, int height, ColourMap map, double min, double max,
                                       int scale, List<Marker> markers) {
        check(data, width, height, min, max, scale);
        BufferedImage img = new BufferedImage(width * scale, height * scale, BufferedImage.TYPE_INT_RGB);
        double inv = 1.0 / (max - min);
        for (int r = 0; r < height; r++) {
            for (int c = 0; c < width; c++) {
                fill(img, c, r, scale, map.rgb((data[c + width * r] - min) * inv));
            }
        }
        drawMarkers(img, scale, markers);
        return img;
    }

    /**
     * A SPECT slice (hot, blended with weight {@code alpha} where above {@code spectMin}) over a CT slice
     * (grey, window ctMin-ctMax, e.g. -160..240 HU soft tissue) of the same size.
     */
    public static BufferedImage fused(float[] ct, float[] spect, int width, int height, double ctMin, double ctMax,
                                      double spectMin, double spectMax, double alpha, int scale, List<Marker> markers) {
        check(ct, width, height, ctMin, ctMax, scale);
        check(spect, width, height, spectMin, spectMax, scale);
        if (!(alpha >= 0 && alpha <= 1)) {
            throw new IllegalArgumentException("alpha must be in [0, 1], got " + alpha);
        }
        BufferedImage img = new BufferedImage(width * scale, height * scale, BufferedImage.TYPE_INT_RGB);
        double invCt = 1.0 / (ctMax - ctMin);
        double invSp = 1.0 / (spectMax - spectMin);
        for (int r = 0; r < height; r++) {
            for (int c = 0; c < width; c++) {
                int n = c + width * r;
                int grey = ColourMap.GREY.rgb((ct[n] - ctMin) * invCt);
                int rgb = grey;
                if (spect[n] > spectMin) {
                    int hot = ColourMap.HOT.rgb((spect[n] - spectMin) * invSp);
                    rgb = blend(grey, hot, alpha);
                }
                fill(img, c, r, scale, rgb);
            }
        }
        drawMarkers(img, scale, markers);
        return img;
    }

    /** PNG bytes of an image. */
    public static byte[] toPng(BufferedImage img) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(img, "png", out)) {
                throw new IllegalStateException("no PNG writer available");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Smallest and largest finite value of an array, {min, max}; {0, 1} when constant or empty. */
    public static double[] range(float[] data) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (float v : data) {
            if (Float.isFinite(v)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        if (!(hi > lo)) {
            return new double[] {Double.isFinite(lo) ? lo : 0, Double.isFinite(lo) ? lo + 1 : 1};
        }
        return new double[] {lo, hi};
    }

    private static int blend(int a, int b, double alpha) {
        int r = (int) Math.round((1 - alpha) * ((a >> 16) & 0xff) + alpha * ((b >> 16) & 0xff));
        int g = (int) Math.round((1 - alpha) * ((a >> 8) & 0xff) + alpha * ((b >> 8) & 0xff));
        int bl = (int) Math.round((1 - alpha) * (a & 0xff) + alpha * (b & 0xff));
        return (r << 16) | (g << 8) | bl;
    }

    private static void fill(BufferedImage img, int c, int r, int scale, int rgb) {
        for (int dy = 0; dy < scale; dy++) {
            for (int dx = 0; dx < scale; dx++) {
                img.setRGB(c * scale + dx, r * scale + dy, rgb);
            }
        }
    }

    private static void drawMarkers(BufferedImage img, int scale, List<Marker> markers) {
        if (markers == null || markers.isEmpty()) {
            return;
        }
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setStroke(new BasicStroke(Math.max(1.5f, scale / 3f)));
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, Math.max(10, 3 * scale)));
            for (Marker m : markers) {
                double cx = (m.column() + 0.5) * scale;
                double cy = (m.row() + 0.5) * scale;
                double rad = m.radiusPx() * scale;
                g.setColor(new Color(m.rgb()));
                g.drawOval((int) Math.round(cx - rad), (int) Math.round(cy - rad), (int) Math.round(2 * rad),
                        (int) Math.round(2 * rad));
                if (!m.label().isEmpty()) {
                    g.drawString(m.label(), (float) (cx + rad + 2), (float) (cy - rad));
                }
            }
        } finally {
            g.dispose();
        }
    }

    private static void check(float[] data, int width, int height, double min, double max, int scale) {
        if (width <= 0 || height <= 0 || (long) width * height != data.length) {
            throw new IllegalArgumentException("slice of " + data.length + " values is not " + width + "x" + height);
        }
        if (!(max > min)) {
            throw new IllegalArgumentException("display window needs max > min, got " + min + ".." + max);
        }
        if (scale < 1 || scale > 32) {
            throw new IllegalArgumentException("scale must be 1-32, got " + scale);
        }
    }
}
