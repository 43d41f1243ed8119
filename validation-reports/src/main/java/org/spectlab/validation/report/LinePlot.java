package org.spectlab.validation.report;

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
