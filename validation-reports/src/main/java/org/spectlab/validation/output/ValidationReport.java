package org.spectlab.validation.output;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.spectlab.core.material.MaterialLibrary;
import org.spectlab.simulator.xs.MaterialCrossSections;
import org.spectlab.validation.baseline.BaselineComparison;
import org.spectlab.validation.baseline.Drift;
import org.spectlab.validation.report.HtmlReport;
import org.spectlab.validation.report.LinePlot;
import org.spectlab.validation.report.Table;
import org.spectlab.validation.suite.CaseResult;
import org.spectlab.validation.suite.Quantity;
import org.spectlab.validation.suite.SuiteResult;

/**
 * The HTML report of a suite run: run configuration, verdict, the case table and the quantity table
 * (pass green, fail red), every case's configuration, figures (deviation in units of the tolerance
 * for every quantity; mu/rho vs energy against the NIST points when attenuation cases ran; FWHM vs
 * distance when collimator cases ran; then the figures each case drew, e.g. measured curves against
 * their reference formulas) and, with a baseline, the drift table.
 */
public final class ValidationReport {
    private static final Pattern FWHM = Pattern.compile("fwhm_(\\d+)mm");
    private static final Pattern MU_RHO = Pattern.compile("mu_rho_(\\d+)keV");

    private ValidationReport() {
    }

    /** Builds the report (baseline may be null). */
    public static HtmlReport of(SuiteResult r, BaselineComparison baseline) {
        boolean ok = r.passed() && (baseline == null || baseline.passed());
        HtmlReport.Builder b = HtmlReport.builder()
                .title("spectlab validation: suite " + r.suite() + (ok ? " PASSED" : " FAILED"))
                .subtitle("spectlab " + r.softwareVersion() + ", started " + r.startedUtc() + " (UTC)");
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("suite", r.suite());
        run.put("description", r.description());
        run.put("software version", r.softwareVersion());
        run.put("seed", r.seed());
        run.put("threads per case", r.threads());
        run.put("wall time (s)", String.format(Locale.ROOT, "%.1f", r.wallTimeS()));
        run.put("cases", r.cases().size() + " (" + r.failedCases() + " failed)");
        if (baseline != null) {
            run.put("baseline", baseline.baselineFile() + (baseline.passed() ? " (no drift)"
                    : " (" + baseline.failures().size() + " drifted)"));
        }
        b.section("Configuration").keyValues(run);

        Table.Builder cases = Table.builder("Cases", "case", "description", "quantities", "failed", "time (s)", "verdict");
        for (CaseResult c : r.cases()) {
            cases.row(c.passed() ? Table.Status.PASS : Table.Status.FAIL, c.name(), c.description(),
                    Integer.toString(c.quantities().size()), Integer.toString(c.failedCount()),
                    String.format(Locale.ROOT, "%.2f", c.wallTimeS()),
                    c.error() != null ? "ERROR: " + c.error() : c.passed() ? "pass" : "FAIL");
        }
        b.section("Cases").table(cases.build());

        Table.Builder qs = Table.builder("Quantities", "case", "quantity", "value", "reference", "source",
                "tolerance", "deviation", "verdict");
        for (CaseResult c : r.cases()) {
            for (Quantity q : c.quantities()) {
                qs.row(q.passed() ? Table.Status.PASS : Table.Status.FAIL, c.name(), q.name(),
                        withUncertainty(q.value(), q.uncertainty(), q.unit()),
                        withUncertainty(q.reference().value(), q.reference().standardUncertainty(), q.unit()),
                        q.reference().source(), q.tolerance().describe() + " (" + q.tolerance().rationale() + ")",
                        String.format(Locale.ROOT, "%.3g", q.deviation()), q.passed() ? "pass" : "FAIL");
            }
        }
        b.section("Quantities").table(qs.build());
        figures(b, r);

        b.section("Case configurations");
        for (CaseResult c : r.cases()) {
            Map<String, Object> cfg = new LinkedHashMap<>();
            cfg.put("case", c.name());
            cfg.putAll(c.configuration());
            b.keyValues(cfg);
        }
        if (baseline != null) {
            Table.Builder d = Table.builder("Drift against " + baseline.baselineFile(), "case", "quantity", "value",
                    "baseline", "tolerance", "deviation", "note");
            for (Drift x : baseline.drifts()) {
                d.row(x.passed() ? Table.Status.PASS : Table.Status.FAIL, x.caseName(), x.quantity(),
                        String.format(Locale.ROOT, "%.6g", x.value()), String.format(Locale.ROOT, "%.6g", x.baselineValue()),
                        x.tolerance(), String.format(Locale.ROOT, "%.3g", x.deviation()), x.note());
            }
            b.section("Regression baseline").table(d.build());
        }
        return b.build();
    }

    private static void figures(HtmlReport.Builder b, SuiteResult r) {
        b.section("Figures");
        List<Double> idx = new ArrayList<>();
        List<Double> dev = new ArrayList<>();
        for (CaseResult c : r.cases()) {
            for (Quantity q : c.quantities()) {
                idx.add((double) idx.size() + 1);
                double bound = q.tolerance().bound();
                double d = Math.abs(q.deviation());
                dev.add(bound > 0 ? Math.min(d / bound, 10) : (d == 0 ? 0 : 10));
            }
        }
        if (!idx.isEmpty()) {
            double[] x = unbox(idx);
            b.plot(LinePlot.of("Deviation from the reference in units of the tolerance (pass <= 1)",
                    "quantity (in table order)", "|deviation| / tolerance").points("quantities", x, unbox(dev))
                    .line("tolerance", new double[] {1, x.length}, new double[] {1, 1}));
        }
        attenuationFigure(b, r);
        resolutionFigure(b, r);
        for (CaseResult c : r.cases()) {
            for (LinePlot p : c.figures()) {
                b.plot(p);
            }
        }
    }

    private static void attenuationFigure(HtmlReport.Builder b, SuiteResult r) {
        LinePlot plot = LinePlot.of("Mass attenuation coefficient: spectlab (XCOM, lines) vs NIST NISTIR 5632 (points)",
                "energy (keV)", "mu/rho (cm^2/g)").logAxes(true, true);
        boolean any = false;
        for (CaseResult c : r.cases()) {
            if (!c.name().startsWith("attenuation-") || c.quantities().isEmpty()
                    || !c.configuration().containsKey("material")) {
                continue;
            }
            String material = String.valueOf(c.configuration().get("material"));
            MaterialCrossSections xs = MaterialCrossSections.of(MaterialLibrary.builtIn().get(material));
            double[] e = new double[60];
            double[] mu = new double[e.length];
            for (int i = 0; i < e.length; i++) {
                e[i] = 60 * Math.pow(500.0 / 60, i / (e.length - 1.0));
                mu[i] = xs.totalMassAttenuationCm2PerG(e[i]);
            }
            List<Double> px = new ArrayList<>();
            List<Double> py = new ArrayList<>();
            for (Quantity q : c.quantities()) {
                Matcher m = MU_RHO.matcher(q.name());
                if (m.matches()) {
                    px.add(Double.parseDouble(m.group(1)));
                    py.add(q.reference().value());
                }
            }
            plot.line(material + " (spectlab)", e, mu).points(material + " (NIST)", unbox(px), unbox(py));
            any = true;
        }
        if (any) {
            b.plot(plot);
        }
    }

    private static void resolutionFigure(HtmlReport.Builder b, SuiteResult r) {
        LinePlot plot = LinePlot.of("Nominal geometric resolution of the collimator presets (140.5 keV)",
                "source distance from the collimator face (mm)", "FWHM (mm)");
        boolean any = false;
        for (CaseResult c : r.cases()) {
            List<Double> z = new ArrayList<>();
            List<Double> f = new ArrayList<>();
            for (Quantity q : c.quantities()) {
                Matcher m = FWHM.matcher(q.name());
                if (m.matches()) {
                    z.add(Double.parseDouble(m.group(1)));
                    f.add(q.value());
                }
            }
            if (z.size() >= 2) {
                plot.line(c.name().replace("collimator-", ""), unbox(z), unbox(f));
                any = true;
            }
        }
        if (any) {
            b.plot(plot);
        }
    }

    private static String withUncertainty(double v, double u, String unit) {
        String s = u > 0 ? String.format(Locale.ROOT, "%.6g ± %.2g", v, u) : String.format(Locale.ROOT, "%.6g", v);
        return "1".equals(unit) ? s : s + " " + unit;
    }

    private static double[] unbox(List<Double> l) {
        double[] a = new double[l.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = l.get(i);
        }
        return a;
    }
}
