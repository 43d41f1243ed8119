package org.spectlab.metrics.io;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.spectlab.core.error.InputException;
import org.spectlab.metrics.detection.LesionKind;
import org.spectlab.metrics.detection.PointMm;
import org.spectlab.metrics.detection.TruthLesion;

/**
 * Reads the ground-truth lesions from the {@code lesions} array of a {@code phantom.json} (keys in the
 * package documentation). A file without a {@code lesions} key describes a lesion-free case.
 */
public final class TruthLesionsReader {

    private TruthLesionsReader() {
    }

    /** Reads the lesions of a phantom file. */
    public static List<TruthLesion> read(Path phantomJson) {
        JsonNode root = JsonFields.readTree(phantomJson);
        String src = phantomJson.getFileName().toString();
        if (!root.isObject()) {
            throw new InputException("'" + src + "': top level must be a JSON object");
        }
        return fromNode(root.get("lesions"), src);
    }

    /** Reads a {@code lesions} array node ({@code null} or JSON null = no lesions). */
    public static List<TruthLesion> fromNode(JsonNode arr, String src) {
        if (arr == null || arr.isNull()) {
            return List.of();
        }
        if (!arr.isArray()) {
            throw InputException.field(src + " lesions", "must be an array, got " + JsonFields.describe(arr));
        }
        List<TruthLesion> out = new ArrayList<>(arr.size());
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < arr.size(); i++) {
            String where = src + " lesions[" + i + "]";
            JsonNode e = arr.get(i);
            if (!e.isObject()) {
                throw InputException.field(where, "must be an object, got " + JsonFields.describe(e));
            }
            String id = JsonFields.idText(JsonFields.required(e, "id", where), where + ".id");
            if (!ids.add(id)) {
                throw InputException.field(where + ".id", "duplicate id '" + id + "'; ids must be unique");
            }
            JsonNode kindNode = JsonFields.required(e, "kind", where);
            if (!kindNode.isTextual()) {
                throw InputException.field(where + ".kind", "must be a string (tumour, inflammation), got "
                        + JsonFields.describe(kindNode));
            }
            LesionKind kind = LesionKind.parse(where + ".kind", kindNode.asText());
            String organ = JsonFields.optionalText(e, "organ", where);
            JsonNode c = JsonFields.required(e, "centre_mm", where);
            if (!c.isArray() || c.size() != 3) {
                throw InputException.field(where + ".centre_mm", "must be an array of 3 numbers [x, y, z] in mm, got "
                        + JsonFields.describe(c));
            }
            double x = JsonFields.finiteNumber(c.get(0), where + ".centre_mm[0]");
            double y = JsonFields.finiteNumber(c.get(1), where + ".centre_mm[1]");
            double z = JsonFields.finiteNumber(c.get(2), where + ".centre_mm[2]");
            double diameter = JsonFields.requiredNumber(e, "diameter_mm", where);
            if (!(diameter > 0)) {
                throw InputException.field(where + ".diameter_mm", "must be positive, got " + diameter);
            }
            double conc = JsonFields.requiredNumber(e, "concentration_bq_per_ml", where);
            if (conc < 0) {
                throw InputException.field(where + ".concentration_bq_per_ml", "must be >= 0, got " + conc);
            }
            Double volume = JsonFields.optionalNumber(e, "volume_ml", where);
            if (volume != null && !(volume > 0)) {
                throw InputException.field(where + ".volume_ml", "must be positive, got " + volume);
            }
            double vol = volume != null ? volume : TruthLesion.sphereVolumeMl(diameter);
            Double activity = JsonFields.optionalNumber(e, "activity_mbq", where);
            if (activity != null && activity < 0) {
                throw InputException.field(where + ".activity_mbq", "must be >= 0, got " + activity);
            }
            double act = activity != null ? activity : vol * conc * 1e-6;
            out.add(TruthLesion.of(id, kind, organ, PointMm.of(x, y, z), diameter, vol, conc, act));
        }
        return out;
    }
}
