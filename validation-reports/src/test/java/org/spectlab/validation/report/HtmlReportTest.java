package org.spectlab.validation.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spectlab.core.grid.Grid3;
import org.spectlab.core.grid.Volume;
import org.spectlab.validation.output.ValidationOutput;
import org.spectlab.validation.suite.Quantity;
import org.spectlab.validation.suite.Reference;
import org.spectlab.validation.suite.Suite;
import org.spectlab.validation.suite.SuiteResult;
import org.spectlab.validation.suite.SuiteRunner;
import org.spectlab.validation.suite.Tolerance;
import org.spectlab.validation.suite.ValidationCase;

class HtmlReportTest {
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    @Test
    void reportIsSelfContainedEscapedAndWellFormed(@TempDir Path dir) throws Exception {
        Volume spect = Volume.zeros(Grid3.centredCubic(16, 16, 8, 4), "Bq/mL");
        Volume ct = Volume.zeros(spect.grid(), "HU");
        spect.set(8, 8, 4, 100f);
        float[] cubeCt = ct.data();
        java.util.Arrays.fill(cubeCt, -1000f);
        VolumeSlices.Slice s = VolumeSlices.axial(spect, 4);
        VolumeSlices.Slice c = VolumeSlices.axial(ct, 4);
        BufferedImage fused = SliceRenderer.fused(c.data(), s.data(), s.width(), s.height(), -160, 240, 10, 100, 0.6, 4,
                List.of(Marker.of(8, 8, 2, Marker.DETECTION, "D1")));
        BufferedImage grey = SliceRenderer.render(s.data(), s.width(), s.height(), ColourMap.GREY, 0, 100, 2, null);
        BufferedImage montage = Montage.of(List.of(grey, grey, grey), List.of("a", "b", "<c>"), 2);

        String evil = "<script>alert('x')</script> & \"quotes\"";
        HtmlReport report = HtmlReport.builder().title("Test " + evil).subtitle("v1")
                .section("Configuration").keyValues(Map.of("key <b>", evil))
                .section("Cases").paragraph(evil)
                .table(Table.builder("t", "case", "verdict").row(Table.Status.PASS, evil, "pass")
                        .row(Table.Status.FAIL, "b", "FAIL").build())
                .plot(LinePlot.of("mu vs energy", "energy (keV)", "mu (1/cm)").logAxes(true, true)
                        .line("model", new double[] {50, 100, 500}, new double[] {0.2, 0.17, 0.097})
                        .pointsWithErrors("data", new double[] {100}, new double[] {0.17}, new double[] {0.01}))
                .image("fused " + evil, fused).image("montage", montage)
                .findings("Findings", List.of(
                        FindingRow.of(Finding.of("liver <seg VII>", 10, 20, 30, 15, 4.2, "LBR"),
                                Finding.of("liver", 11, 20, 31, 16, 4.0, "LBR"), "TP (1.4 mm)"),
                        FindingRow.of(null, Finding.of("lung", 0, 0, 0, 8, 3, "LBR"), "FN")))
                .build();
        Path file = dir.resolve("r.html");
        report.write(file);
        String html = Files.readString(file);

        assertThat(HtmlChecks.nestingProblems(html)).isEmpty();
        assertThat(HtmlChecks.hasExternalLinks(html)).isFalse();
        assertThat(html).doesNotContain("<script").contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;")
                .contains("&lt;seg VII&gt;").contains("&lt;b&gt;").contains("class=\"fail\"").contains("class=\"pass\"");
        List<byte[]> pngs = HtmlChecks.inlinePngs(html);
        assertThat(pngs).hasSize(3);
        for (byte[] png : pngs) {
            assertThat(java.util.Arrays.copyOf(png, 8)).isEqualTo(PNG_SIGNATURE);
        }
        BufferedImage back = ImageIO.read(new ByteArrayInputStream(pngs.get(1)));
        assertThat(back.getWidth()).isEqualTo(64);
        // The hot spot is white-hot at its centre, the background (air in CT) black.
        assertThat(back.getRGB(8 * 4 + 1, 8 * 4 + 1) & 0xffffff).isNotEqualTo(0);
        assertThat(back.getRGB(1, 1) & 0xffffff).isEqualTo(0);
    }

    @Test
    void validationReportHasCaseTableFiguresAndEscapedDescriptions(@TempDir Path dir) throws Exception {
        Tolerance t = Tolerance.relative(0.01, "1%");
        ValidationCase bad = ValidationCase.of("bad-description", "<script>alert(1)</script>", Map.of("a", 1),
                ctx -> List.of(Quantity.of("fwhm_0mm", "mm", 1.0, Reference.exact(1.0, "formula"), t),
                        Quantity.of("fwhm_100mm", "mm", 5.0, Reference.exact(5.5, "formula"), t)));
        SuiteResult r = SuiteRunner.of(1, 1, "test", null).run(Suite.of("s", "d", List.of(bad)));
        ValidationOutput.write(dir, r, null);
        String html = Files.readString(dir.resolve("report.html"));
        assertThat(html).doesNotContain("<script").contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .contains("FAILED").contains("class=\"fail\"");
        assertThat(HtmlChecks.nestingProblems(html)).isEmpty();
        assertThat(HtmlChecks.hasExternalLinks(html)).isFalse();
        // deviation plot and the FWHM-vs-distance plot
        assertThat(HtmlChecks.inlinePngs(html)).hasSize(2);
        assertThat(Files.readString(dir.resolve("summary.json"))).contains("\"passed\" : false");
    }

    @Test
    void coloursAndSlicesFollowTheirConventions() {
        assertThat(ColourMap.GREY.rgb(0)).isEqualTo(0);
        assertThat(ColourMap.GREY.rgb(1)).isEqualTo(0xffffff);
        assertThat(ColourMap.HOT.rgb(1)).isEqualTo(0xffffff);
        assertThat(ColourMap.HOT.rgb(1.0 / 3)).isEqualTo(0xff0000);
        assertThat(ColourMap.HOT.rgb(-5)).isEqualTo(0);
        // coronal: superior (high z) at the top row
        Volume v = Volume.zeros(Grid3.centredCubic(3, 3, 4, 1), "1");
        v.set(0, 1, 3, 7f);
        VolumeSlices.Slice cor = VolumeSlices.coronal(v, 1);
        assertThat(cor.data()[0]).isEqualTo(7f);
        VolumeSlices.Slice sag = VolumeSlices.sagittal(v, 0);
        assertThat(sag.data()[1]).isEqualTo(7f);
        List<Float> rgb = new ArrayList<>();
        BufferedImage img = SliceRenderer.render(new float[] {0, 10}, 2, 1, ColourMap.GREY, 0, 10, 3,
                List.of(Marker.of(0, 0, 0.4, 0x00ff00, "")));
        assertThat(img.getWidth()).isEqualTo(6);
        assertThat(img.getRGB(5, 2) & 0xffffff).isEqualTo(0xffffff);
        assertThat(rgb).isEmpty();
    }
}
