package org.spectlab.metrics.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spectlab.core.error.InputException;
import org.spectlab.metrics.detection.Detection;
import org.spectlab.metrics.detection.LesionKind;
import org.spectlab.metrics.detection.TruthLesion;

class ReadersTest {

    @TempDir
    Path dir;

    private Path file(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content);
        return p;
    }

    @Test
    void readsJsonDetections() throws IOException {
        List<Detection> d = DetectionsReader.read(file("detections.json", """
                {"detections": [
                  {"id": "d1", "x_mm": 12.5, "y_mm": -40, "z_mm": 88, "confidence": 0.93, "organ": "liver",
                   "peak_uptake_bq_per_ml": 5.2e4, "cnr": 12, "algorithm_note": "ignored"},
                  {"id": 7, "x_mm": 0, "y_mm": 0, "z_mm": 0, "confidence": -1.5, "volume_ml": null}
                ]}"""));
        assertThat(d).hasSize(2);
        assertThat(d.get(0).centre().yMm()).isEqualTo(-40.0);
        assertThat(d.get(0).organ()).isEqualTo("liver");
        assertThat(d.get(0).peakUptakeBqPerMl()).isEqualTo(5.2e4);
        assertThat(d.get(0).meanUptakeBqPerMl()).isNull();
        assertThat(d.get(1).id()).isEqualTo("7");
        assertThat(d.get(1).volumeMl()).isNull();
    }

    @Test
    void jsonErrorsNameTheEntryAndField() throws IOException {
        assertThatThrownBy(() -> DetectionsReader.read(file("a.json",
                "{\"detections\":[{\"id\":\"a\",\"x_mm\":1,\"y_mm\":2,\"z_mm\":3,\"confidence\":1},"
                        + "{\"id\":\"b\",\"x_mm\":1,\"z_mm\":3,\"confidence\":1}]}")))
                .isInstanceOf(InputException.class)
                .hasMessage("'a.json detections[1].y_mm': is missing (required)");
        assertThatThrownBy(() -> DetectionsReader.read(file("b.json",
                "{\"detections\":[{\"id\":\"a\",\"x_mm\":\"abc\",\"y_mm\":2,\"z_mm\":3,\"confidence\":1}]}")))
                .isInstanceOf(InputException.class)
                .hasMessage("'b.json detections[0].x_mm': must be a number, got \"abc\"");
        assertThatThrownBy(() -> DetectionsReader.read(file("c.json",
                "{\"detections\":[{\"id\":\"a\",\"x_mm\":1,\"y_mm\":2,\"z_mm\":NaN,\"confidence\":1}]}")))
                .isInstanceOf(InputException.class)
                .hasMessage("'c.json detections[0].z_mm': is NaN; a finite number is required");
        assertThatThrownBy(() -> DetectionsReader.read(file("d.json", "{\"hits\":[]}")))
                .isInstanceOf(InputException.class).hasMessage("'d.json detections': is missing (required array)");
        assertThatThrownBy(() -> DetectionsReader.read(file("e.json", "{\"detections\":[")))
                .isInstanceOf(InputException.class).hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> DetectionsReader.read(file("f.json",
                "{\"detections\":[{\"id\":\"a\",\"x_mm\":1,\"y_mm\":2,\"z_mm\":3,\"confidence\":1},"
                        + "{\"id\":\"a\",\"x_mm\":1,\"y_mm\":2,\"z_mm\":3,\"confidence\":1}]}")))
                .isInstanceOf(InputException.class).hasMessageContaining("detections[1].id").hasMessageContaining("duplicate");
    }

    @Test
    void readsCsvDetectionsByHeaderName() throws IOException {
        List<Detection> d = DetectionsReader.read(file("det.csv", """
                # produced by some algorithm
                confidence,id,x_mm,y_mm,z_mm,organ,mean_uptake_bq_per_ml
                0.8,d1,1,2,3,"liver, left lobe",1500

                0.2,d2,-1,-2,-3,,
                """));
        assertThat(d).hasSize(2);
        assertThat(d.get(0).organ()).isEqualTo("liver, left lobe");
        assertThat(d.get(0).meanUptakeBqPerMl()).isEqualTo(1500.0);
        assertThat(d.get(1).organ()).isNull();
        assertThat(d.get(1).centre().zMm()).isEqualTo(-3.0);
    }

    @Test
    void csvErrorsNameTheLineEntryAndField() throws IOException {
        assertThatThrownBy(() -> DetectionsReader.read(file("g.csv", "id,x_mm,y_mm,confidence\nd,1,2,3\n")))
                .isInstanceOf(InputException.class).hasMessageContaining("'g.csv header': required column 'z_mm' is missing");
        assertThatThrownBy(() -> DetectionsReader.read(file("h.csv", "id,x_mm,y_mm,z_mm,confidence\nd,1,2,3,1\ne,1,two,3,1\n")))
                .isInstanceOf(InputException.class)
                .hasMessage("'h.csv line 3 (detection 1) y_mm': must be a number, got \"two\"");
        assertThatThrownBy(() -> DetectionsReader.read(file("i.csv", "id,x_mm,y_mm,z_mm,confidence\nd,1,2,NaN,1\n")))
                .isInstanceOf(InputException.class)
                .hasMessage("'i.csv line 2 (detection 0) z_mm': is NaN; a finite number is required");
        assertThatThrownBy(() -> DetectionsReader.read(file("j.csv", "id,x_mm,y_mm,z_mm,confidence\nd,1,2,3\n")))
                .isInstanceOf(InputException.class)
                .hasMessage("'j.csv line 2 (detection 0) confidence': is missing (required)");
        assertThatThrownBy(() -> DetectionsReader.read(file("k.txt", "")))
                .isInstanceOf(InputException.class).hasMessageContaining("allowed: .json, .csv");
    }

    @Test
    void readsTruthLesionsFromPhantomJson() throws IOException {
        List<TruthLesion> l = TruthLesionsReader.read(file("phantom.json", """
                {"name": "torso", "lesions": [
                  {"id": "L1", "kind": "tumour", "organ": "liver", "centre_mm": [30, -20, 95],
                   "diameter_mm": 20, "volume_ml": 4.2, "concentration_bq_per_ml": 50000, "activity_mbq": 0.21},
                  {"id": "L2", "kind": "Inflammation", "centre_mm": [0, 0, 0], "diameter_mm": 10,
                   "concentration_bq_per_ml": 1e4}
                ]}"""));
        assertThat(l).hasSize(2);
        assertThat(l.get(0).kind()).isEqualTo(LesionKind.TUMOUR);
        assertThat(l.get(0).centre().zMm()).isEqualTo(95.0);
        assertThat(l.get(0).volumeMl()).isEqualTo(4.2);
        assertThat(l.get(1).organ()).isNull();
        // defaults: sphere volume of 10 mm = 0.5236 mL; activity = 0.5236 mL * 1e4 Bq/mL = 5236 Bq
        assertThat(l.get(1).volumeMl()).isCloseTo(Math.PI / 6, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(l.get(1).activityMBq()).isCloseTo(Math.PI / 6 * 1e-2, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(TruthLesionsReader.read(file("normal.json", "{\"name\":\"no lesions\"}"))).isEmpty();
    }

    @Test
    void truthLesionErrorsNameTheEntryAndField() throws IOException {
        assertThatThrownBy(() -> TruthLesionsReader.read(file("p1.json",
                "{\"lesions\":[{\"id\":\"L\",\"kind\":\"cyst\",\"centre_mm\":[0,0,0],\"diameter_mm\":5,"
                        + "\"concentration_bq_per_ml\":1}]}")))
                .isInstanceOf(InputException.class)
                .hasMessage("'p1.json lesions[0].kind': unknown lesion kind 'cyst'; allowed: tumour, inflammation");
        assertThatThrownBy(() -> TruthLesionsReader.read(file("p2.json",
                "{\"lesions\":[{\"id\":\"L\",\"kind\":\"tumour\",\"centre_mm\":[0,0],\"diameter_mm\":5,"
                        + "\"concentration_bq_per_ml\":1}]}")))
                .isInstanceOf(InputException.class).hasMessageContaining("'p2.json lesions[0].centre_mm': must be an array of 3");
        assertThatThrownBy(() -> TruthLesionsReader.read(file("p3.json",
                "{\"lesions\":[{\"id\":\"L\",\"kind\":\"tumour\",\"centre_mm\":[0,0,0],\"diameter_mm\":-5,"
                        + "\"concentration_bq_per_ml\":1}]}")))
                .isInstanceOf(InputException.class).hasMessage("'p3.json lesions[0].diameter_mm': must be positive, got -5.0");
    }
}
