package org.spectlab.validation.report;

import freemarker.core.HTMLOutputFormat;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.spectlab.core.io.AtomicFiles;

/**
 * A self-contained HTML report: one file with inline CSS and images embedded as base64 PNG data URIs,
 * no scripts and no external links, so it opens offline and can be mailed or archived as is.
 * Rendered by FreeMarker with HTML auto-escaping: every text given to the builder (titles,
 * descriptions, table cells, captions) is escaped, so a {@code <script>} in a case description shows
 * as text.
 *
 * <p>Usage: {@code HtmlReport.builder().title("...").section("Configuration").keyValues(map)
 * .section("Cases").table(t).plot(p).image("caption", img).findings("caption", rows).build().write(path)}.
 * Blocks are added to the most recent section. Reusable by validation, demo and scoring outputs.
 */
public final class HtmlReport {
    private static final Configuration FREEMARKER = configuration();

    private final String title;
    private final String subtitle;
    private final List<Map<String, Object>> sections;

    private HtmlReport(String title, String subtitle, List<Map<String, Object>> sections) {
        this.title = title;
        this.subtitle = subtitle;
        this.sections = sections;
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** The complete HTML document. */
    public String render() {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("title", title);
        model.put("subtitle", subtitle);
        model.put("sections", sections);
        try {
            Template t = FREEMARKER.getTemplate("report.ftlh");
            StringWriter out = new StringWriter();
            t.process(model, out);
            return out.toString();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the report template", e);
        } catch (TemplateException e) {
            throw new IllegalStateException("report template failed: " + e.getMessage(), e);
        }
    }

    /** Writes the document atomically (UTF-8). */
    public void write(Path file) {
        AtomicFiles.writeString(file, render());
    }

    private static Configuration configuration() {
        Configuration cfg = new Configuration(Configuration.VERSION_2_3_33);
        cfg.setClassForTemplateLoading(HtmlReport.class, "");
        cfg.setOutputFormat(HTMLOutputFormat.INSTANCE);
        cfg.setAutoEscapingPolicy(Configuration.ENABLE_IF_SUPPORTED_AUTO_ESCAPING_POLICY);
        cfg.setDefaultEncoding("UTF-8");
        cfg.setLocale(Locale.ROOT);
        cfg.setNumberFormat("computer");
        cfg.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        cfg.setLogTemplateExceptions(false);
        cfg.setAPIBuiltinEnabled(false);
        return cfg;
    }

    /** Builds a report; blocks go to the latest section. */
    public static final class Builder {
        private String title = "spectlab report";
        private String subtitle = "";
        private final List<Map<String, Object>> sections = new ArrayList<>();

        private Builder() {
        }

        /** Document title. */
        public Builder title(String newTitle) {
            this.title = Objects.requireNonNull(newTitle, "title");
            return this;
        }

        /** A line under the title (e.g. software version and date). */
        public Builder subtitle(String newSubtitle) {
            this.subtitle = Objects.requireNonNull(newSubtitle, "subtitle");
            return this;
        }

        /** Starts a section. */
        public Builder section(String heading) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("heading", Objects.requireNonNull(heading, "heading"));
            s.put("id", "s" + (sections.size() + 1));
            s.put("blocks", new ArrayList<Map<String, Object>>());
            sections.add(s);
            return this;
        }

        /** A paragraph of text. */
        public Builder paragraph(String text) {
            return block("paragraph", "text", Objects.requireNonNull(text, "text"));
        }

        /** A two-column table of settings (values shown with {@link String#valueOf}). */
        public Builder keyValues(Map<String, ?> values) {
            List<List<String>> rows = new ArrayList<>();
            values.forEach((k, v) -> rows.add(List.of(k, String.valueOf(v))));
            return block("keyValues", "rows", rows);
        }

        /** A table with coloured rows. */
        public Builder table(Table table) {
            List<String> classes = new ArrayList<>();
            for (Table.Status s : table.statuses()) {
                classes.add(s.name().toLowerCase(Locale.ROOT));
            }
            Map<String, Object> b = newBlock("table");
            b.put("caption", table.caption());
            b.put("headers", table.headers());
            b.put("rows", table.rows());
            b.put("classes", classes);
            current().add(b);
            return this;
        }

        /** A plot, rendered now to an inline PNG. */
        public Builder plot(LinePlot plot) {
            return png(plot.title(), plot.toPng());
        }

        /** An image (slice, montage), encoded now as an inline PNG. */
        public Builder image(String caption, BufferedImage image) {
            return png(caption, SliceRenderer.toPng(image));
        }

        /** A PNG given as bytes, with a caption. */
        public Builder png(String caption, byte[] png) {
            Map<String, Object> b = newBlock("image");
            b.put("caption", Objects.requireNonNull(caption, "caption"));
            b.put("src", "data:image/png;base64," + Base64.getEncoder().encodeToString(png));
            current().add(b);
            return this;
        }

        /** A findings table: reported findings next to the truth, like a reading physician's report. */
        public Builder findings(String caption, List<FindingRow> rows) {
            List<List<String>> cells = new ArrayList<>();
            List<String> classes = new ArrayList<>();
            for (FindingRow r : rows) {
                List<String> c = new ArrayList<>();
                addFinding(c, r.reported());
                addFinding(c, r.truth());
                c.add(r.verdict());
                cells.add(c);
                classes.add(r.matched() ? "pass" : "fail");
            }
            Map<String, Object> b = newBlock("findings");
            b.put("caption", caption);
            b.put("rows", cells);
            b.put("classes", classes);
            current().add(b);
            return this;
        }

        /** The report. */
        public HtmlReport build() {
            return new HtmlReport(title, subtitle, List.copyOf(sections));
        }

        private static void addFinding(List<String> c, Finding f) {
            if (f == null) {
                c.add("-");
                c.add("-");
                c.add("-");
                c.add("-");
                return;
            }
            c.add(f.location());
            c.add(String.format(Locale.ROOT, "(%.0f, %.0f, %.0f)", f.xMm(), f.yMm(), f.zMm()));
            c.add(String.format(Locale.ROOT, "%.0f", f.sizeMm()));
            c.add(String.format(Locale.ROOT, "%.3g %s", f.uptake(), f.uptakeUnit()));
        }

        private Builder block(String kind, String key, Object value) {
            Map<String, Object> b = newBlock(kind);
            b.put(key, value);
            current().add(b);
            return this;
        }

        private static Map<String, Object> newBlock(String kind) {
            Map<String, Object> b = new LinkedHashMap<>();
            b.put("kind", kind);
            return b;
        }

        @SuppressWarnings("unchecked")
        private List<Map<String, Object>> current() {
            if (sections.isEmpty()) {
                section("Report");
            }
            return (List<Map<String, Object>>) sections.get(sections.size() - 1).get("blocks");
        }
    }
}
