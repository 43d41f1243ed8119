package org.spectlab.metrics.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.spectlab.core.io.AtomicFiles;

/**
 * Writes a {@link MetricsReport} as indented JSON with snake_case keys and null parts omitted; the file is
 * written atomically ({@link AtomicFiles}).
 */
public final class MetricsReportJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private MetricsReportJson() {
    }

    /** The report as a JSON string. */
    public static String toJson(MetricsReport report) {
        try {
            return MAPPER.writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot serialise metrics report: " + e.getOriginalMessage(), e);
        }
    }

    /** Writes the report to a file atomically. */
    public static void write(Path file, MetricsReport report) {
        AtomicFiles.writeString(file, toJson(report) + System.lineSeparator());
    }

    /** The mapper used (snake_case, NON_NULL, indented), e.g. to read the file back in tests. */
    public static ObjectMapper mapper() {
        return MAPPER.copy();
    }
}
