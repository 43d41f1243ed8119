package org.spectlab.validation.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * An x-y line plot rendered to PNG in memory with XChart: computed curves as lines, reference points
 * as markers, optional error bars and logarithmic axes. Typical uses: mu vs energy against NIST
 * points, FWHM or sensitivity vs distance against the formula, CRC vs iteration, FROC curves, energy
 * spectra split by component.
 */
public final class LinePlot {
    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final List<Series> series = new ArrayList<>();
    private boolean logX;
    private boolean logY;
    private int widthPx = 720;
    private int heightPx = 420;

    /** One series. */
    private record Series(String name, double[] x, double[] y, double[] errors, boolean markersOnly) {
    }

    private LinePlot(String title, String xLabel, String yLabel) {
        this.title = Objects.requireNonNull(title, "title");
        this.xLabel = Objects.requireNonNull(xLabel, "xLabel");
        this.yLabel = Objects.requireNonNull(yLabel, "yLabel");
    }

    /** A plot with a title and axis labels (units in the labels, e.g. {@code "energy (keV)"}). */
    public static LinePlot of(String title, String xLabel, String yLabel) {
        return new LinePlot(title, xLabel, yLabel);
    }

    /** Adds a curve drawn as a line. */
    public LinePlot line(String name, double[] x, double[] y) {
        series.add(new Series(name, check(x, y), y.clone(), null, false));
        return this;
    }

    /** Adds points drawn as markers without a line (e.g. reference values). */
    public LinePlot points(String name, double[] x, double[] y) {
        series.add(new Series(name, check(x, y), y.clone(), null, true));
        return this;
    }

    /** Adds points with symmetric error bars (e.g. Monte Carlo estimates with their standard error). */
    public LinePlot pointsWithErrors(String name, double[] x, double[] y, double[] errors) {
        if (errors.length != y.length) {
            throw new IllegalArgumentException("need one error per point");
        }
        series.add(new Series(name, check(x, y), y.clone(), errors.clone(), true));
        return this;
    }

    /** Logarithmic axes. */
    public LinePlot logAxes(boolean x, boolean y) {
        this.logX = x;
        this.logY = y;
        return this;
    }

    /** Image size in pixels. */
    public LinePlot size(int width, int height) {
        if (width < 100 || height < 100 || width > 4000 || height > 4000) {
            throw new IllegalArgumentException("plot size must be 100-4000 px, got " + width + "x" + height);
        }
        this.widthPx = width;
        this.heightPx = height;
        return this;
    }

    /** The plot title. */
    public String title() {
        return title;
    }

    /**
     * The plot as JSON (title, axis labels, log axes, size in px, and each series with its points), so a
     * summary file can carry its figures and a report can be rebuilt from it ({@link #fromJson}).
     */
    public ObjectNode toJson() {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("title", title);
        n.put("x_label", xLabel);
        n.put("y_label", yLabel);
        n.put("log_x", logX);
        n.put("log_y", logY);
        n.put("width_px", widthPx);
        n.put("height_px", heightPx);
        ArrayNode list = n.putArray("series");
        for (Series s : series) {
            ObjectNode sn = list.addObject();
            sn.put("name", s.name());
            sn.put("markers_only", s.markersOnly());
            array(sn.putArray("x"), s.x());
            array(sn.putArray("y"), s.y());
            if (s.errors() != null) {
                array(sn.putArray("errors"), s.errors());
            }
        }
        return n;
    }

    /**
     * Reads a plot written by {@link #toJson}.
     *
     * @throws IllegalArgumentException naming the member that is missing or malformed
     */
    public static LinePlot fromJson(JsonNode n) {
        LinePlot p = of(text(n, "title"), text(n, "x_label"), text(n, "y_label"));
        p.logAxes(n.path("log_x").asBoolean(false), n.path("log_y").asBoolean(false));
        p.size(n.path("width_px").asInt(720), n.path("height_px").asInt(420));
        for (JsonNode sn : n.path("series")) {
            double[] x = doubles(sn, "x");
            double[] y = doubles(sn, "y");
            if (sn.has("errors")) {
                p.pointsWithErrors(text(sn, "name"), x, y, doubles(sn, "errors"));
            } else if (sn.path("markers_only").asBoolean(false)) {
                p.points(text(sn, "name"), x, y);
            } else {
                p.line(text(sn, "name"), x, y);
            }
        }
        return p;
    }

    private static void array(ArrayNode a, double[] v) {
        for (double d : v) {
            if (Double.isFinite(d)) {
                a.add(d);
            } else {
                a.add(Double.toString(d));
            }
        }
    }

    private static String text(JsonNode n, String member) {
        JsonNode v = n.get(member);
        if (v == null || !v.isTextual()) {
            throw new IllegalArgumentException("figure member '" + member + "' is missing or not text");
        }
        return v.asText();
    }

    private static double[] doubles(JsonNode n, String member) {
        JsonNode v = n.get(member);
        if (v == null || !v.isArray()) {
            throw new IllegalArgumentException("figure series member '" + member + "' is missing or not an array");
        }
        double[] out = new double[v.size()];
        for (int i = 0; i < out.length; i++) {
            JsonNode e = v.get(i);
            out[i] = e.isNumber() ? e.asDouble() : Double.parseDouble(e.asText());
        }
        return out;
    }

    /** Renders the plot as PNG bytes. */
    public byte[] toPng() {
        if (series.isEmpty()) {
            throw new IllegalStateException("plot '" + title + "' has no series");
        }
        XYChart chart = new XYChartBuilder().width(widthPx).height(heightPx).title(title).xAxisTitle(xLabel)
                .yAxisTitle(yLabel).build();
        Styler st = chart.getStyler();
        st.setChartBackgroundColor(Color.WHITE);
        st.setPlotBackgroundColor(Color.WHITE);
        st.setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setXAxisLogarithmic(logX);
        chart.getStyler().setYAxisLogarithmic(logY);
        chart.getStyler().setAntiAlias(true);
        for (Series s : series) {
            XYSeries xy = s.errors() == null ? chart.addSeries(s.name(), s.x(), s.y())
                    : chart.addSeries(s.name(), s.x(), s.y(), s.errors());
            if (s.markersOnly()) {
                xy.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                xy.setMarker(SeriesMarkers.CIRCLE);
            } else {
                xy.setMarker(SeriesMarkers.NONE);
                xy.setLineStyle(new BasicStroke(2f));
            }
        }
        try {
            return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render plot '" + title + "'", e);
        }
    }

    private static double[] check(double[] x, double[] y) {
        if (x.length != y.length || x.length == 0) {
            throw new IllegalArgumentException("series needs as many x as y values, at least one");
        }
        return x.clone();
    }
}
