package org.spectlab.simulator.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Compares two study folders: every data file byte for byte, study.json except the documented fields. */
final class SameStudy {
    private SameStudy() {
    }

    static void assertSameStudy(Path expected, Path actual) throws IOException {
        List<String> files = list(expected);
        assertThat(list(actual)).containsExactlyElementsOf(files);
        assertThat(files).contains("spect/photopeak.s", "spect/noise_1/photopeak.s", "spect/expected/photopeak_scatter.s",
                "spect/spectrum.csv", "truth/activity.nii", "truth/mu_140.5keV.nii");
        for (String f : files) {
            if (f.equals("study.json")) {
                continue;
            }
            assertThat(Files.mismatch(expected.resolve(f), actual.resolve(f))).as(f).isEqualTo(-1L);
        }
        assertThat(comparableManifest(actual)).isEqualTo(comparableManifest(expected));
    }

    /** study.json without the fields that may differ: threads, timings_s, provenance.execution. */
    static JsonNode comparableManifest(Path study) throws IOException {
        ObjectNode m = (ObjectNode) new ObjectMapper().readTree(study.resolve("study.json").toFile());
        m.remove("threads");
        m.remove("timings_s");
        ((ObjectNode) m.get("provenance")).remove("execution");
        return m;
    }

    static List<String> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString().replace('\\', '/')).sorted()
                    .toList();
        }
    }
}
