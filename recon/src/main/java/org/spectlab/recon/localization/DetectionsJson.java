package org.spectlab.recon.localization;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.spectlab.core.io.AtomicFiles;

/**
 * Writes detections in the spectlab detections-file schema read by the metrics stage:
 * <pre>{@code
 * {"detections": [
 *   {"id": "d1", "x_mm": 12.5, "y_mm": -40.0, "z_mm": 88.0, "confidence": 9.3, "organ": "liver",
 *    "ct_region": "soft tissue", "peak_uptake_bq_per_ml": 5.2e4, "mean_uptake_bq_per_ml": 3.1e4, "volume_ml": 4.2,
 *    "contrast": 3.5, "cnr": 12.0}
 * ]}
 * }</pre>
 * Keys appear in this order; a figure that could not be estimated (NaN, infinite) is {@code null}.
 */
public final class DetectionsJson {
    /** The keys of one detection, in the order written. */
    public static final List<String> KEYS = List.of("id", "x_mm", "y_mm", "z_mm", "confidence", "organ",
            "ct_region", "peak_uptake_bq_per_ml", "mean_uptake_bq_per_ml", "volume_ml", "contrast", "cnr");

    private static final JsonFactory FACTORY = new JsonFactory();

    private DetectionsJson() {
    }

    /** Writes the detections to {@code file} atomically (never a half-written file). */
    public static void write(List<Detection> detections, Path file) {
        AtomicFiles.write(file, out -> write(detections, out));
    }

    /** The JSON text of the detections. */
    public static String toJson(List<Detection> detections) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            write(detections, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static void write(List<Detection> detections, OutputStream out) throws IOException {
        try (JsonGenerator j = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            j.useDefaultPrettyPrinter();
            j.writeStartObject();
            j.writeArrayFieldStart("detections");
            for (Detection d : detections) {
                j.writeStartObject();
                j.writeStringField(KEYS.get(0), d.id());
                number(j, KEYS.get(1), d.xMm());
                number(j, KEYS.get(2), d.yMm());
                number(j, KEYS.get(3), d.zMm());
                number(j, KEYS.get(4), d.confidence());
                j.writeStringField(KEYS.get(5), d.organ());
                j.writeStringField(KEYS.get(6), d.ctRegion());
                number(j, KEYS.get(7), d.peakUptakeBqPerMl());
                number(j, KEYS.get(8), d.meanUptakeBqPerMl());
                number(j, KEYS.get(9), d.volumeMl());
                number(j, KEYS.get(10), d.contrast());
                number(j, KEYS.get(11), d.cnr());
                j.writeEndObject();
            }
            j.writeEndArray();
            j.writeEndObject();
            j.writeRaw('\n');
        }
    }

    private static void number(JsonGenerator j, String key, double value) throws IOException {
        if (Double.isFinite(value)) {
            j.writeNumberField(key, value);
        } else {
            j.writeNullField(key);
        }
    }
}
