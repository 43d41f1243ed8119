package org.spectlab.core.io.dicom;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spectlab.core.error.InputException;
import org.spectlab.core.grid.Grid3;
import org.spectlab.core.grid.Volume;
import org.spectlab.core.projection.AcquisitionGeometry;
import org.spectlab.core.projection.EnergyWindow;
import org.spectlab.core.projection.ProjectionSet;
import org.spectlab.core.projection.RotationDirection;

/** Corrupt, truncated or unsupported input gives one InputException naming the file and the tag. */
class DicomErrorsTest {
    @TempDir
    Path dir;
    Path nm;
    byte[] bytes;
    ProjectionSet projections;

    @BeforeEach
    void writeValidFile() throws IOException {
        AcquisitionGeometry g = AcquisitionGeometry.circular(4, 0, 360, RotationDirection.CW, 250, 1);
        projections = DicomRoundTripTest.counts(g, 3, 4, EnergyWindow.of("em", 126, 154), 0);
        nm = dir.resolve("nm.dcm");
        Dicom.writeProjections(List.of(projections), DicomRoundTripTest.INFO, nm);
        bytes = Files.readAllBytes(nm);
    }

    private AbstractThrowableAssert<?, ? extends Throwable> reading(byte[] content) throws IOException {
        Files.write(nm, content);
        return assertThatThrownBy(() -> Dicom.readProjections(nm)).isInstanceOf(InputException.class)
                .hasMessageContaining(nm.toString()).hasMessageNotContaining("\n");
    }

    /** Offset of the first element header with this tag and explicit VR (searching the raw bytes). */
    private int find(int tag, String vr) {
        byte[] pattern = ByteBuffer.allocate(6).order(ByteOrder.LITTLE_ENDIAN).putShort((short) (tag >>> 16))
                .putShort((short) tag).put(vr.getBytes(StandardCharsets.US_ASCII)).array();
        outer:
        for (int i = 132; i + 6 <= bytes.length; i++) {
            for (int k = 0; k < 6; k++) {
                if (bytes[i + k] != pattern[k]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("tag not found");
    }

    @Test
    void truncatedPixelData() throws IOException {
        reading(Arrays.copyOf(bytes, bytes.length - 7)).hasMessageContaining("(7FE0,0010)")
                .hasMessageContaining("truncated");
    }

    @Test
    void truncatedInsideAHeader() throws IOException {
        int at = find(Tag.ROWS, "US");
        reading(Arrays.copyOf(bytes, at + 5)).hasMessageContaining("truncated");
    }

    @Test
    void absurdPixelLengthIsRefusedBeforeAllocating() throws IOException {
        int at = find(Tag.PIXEL_DATA, "OW");
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(at + 8, 0x7FFF_FFF0);
        reading(bytes).hasMessageContaining("(7FE0,0010)").hasMessageContaining("2147483632")
                .hasMessageContaining("bytes left");
    }

    @Test
    void absurdSequenceLength() throws IOException {
        int at = find(Tag.ENERGY_WINDOW_INFORMATION_SEQUENCE, "SQ");
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(at + 8, 0x7000_0000);
        reading(bytes).hasMessageContaining("(0054,0012)").hasMessageContaining("exceeds");
    }

    @Test
    void unknownValueRepresentation() throws IOException {
        int at = find(Tag.ROWS, "US");
        bytes[at + 4] = 'Z';
        bytes[at + 5] = 'Z';
        reading(bytes).hasMessageContaining("(0028,0010)").hasMessageContaining("'ZZ'");
    }

    @Test
    void notDicomAtAll() throws IOException {
        reading("!INTERFILE :=\n".getBytes(StandardCharsets.US_ASCII)).hasMessageContaining("no 'DICM'");
    }

    @Test
    void compressedTransferSyntaxIsRefused() throws IOException {
        String explicit = Part10.EXPLICIT_VR_LITTLE_ENDIAN;
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        int at = text.indexOf(explicit + "\0");
        byte[] rle = "1.2.840.10008.1.2.5".getBytes(StandardCharsets.US_ASCII); // RLE Lossless, same length
        System.arraycopy(rle, 0, bytes, at, rle.length);
        reading(bytes).hasMessageContaining("(0002,0010)").hasMessageContaining("1.2.840.10008.1.2.5");
    }

    @Test
    void missingRotationInformation() throws IOException {
        DataSet d = Part10.read(nm);
        d.elements().remove(Tag.ROTATION_INFORMATION_SEQUENCE);
        Part10.write(nm, d);
        reading(Files.readAllBytes(nm)).hasMessageContaining("(0054,0052)").hasMessageContaining("missing");
    }

    @Test
    void missingRadialPosition() throws IOException {
        DataSet d = Part10.read(nm);
        d.items(Tag.DETECTOR_INFORMATION_SEQUENCE).get(0).elements().remove(Tag.RADIAL_POSITION);
        d.items(Tag.ROTATION_INFORMATION_SEQUENCE).get(0).elements().remove(Tag.RADIAL_POSITION);
        Part10.write(nm, d);
        reading(Files.readAllBytes(nm)).hasMessageContaining("(0018,1142)");
    }

    @Test
    void framesNotEvenlySpaced() throws IOException {
        DataSet d = Part10.read(nm);
        d.putUnsignedShorts(Tag.ANGULAR_VIEW_VECTOR, 1, 2, 2, 4);
        Part10.write(nm, d);
        reading(Files.readAllBytes(nm)).hasMessageContaining("(0054,0090)").hasMessageContaining("evenly spaced");
    }

    @Test
    void projectionsAreNotAVolume() {
        assertThatThrownBy(() -> Dicom.readVolume(nm)).isInstanceOf(InputException.class)
                .hasMessageContaining("(0008,0008)").hasMessageContaining("RECON TOMO");
    }

    @Test
    void writerRefusesFractionalCountsNamingTheVoxel() {
        float[] data = projections.data().clone();
        data[13] = 2.5f;
        ProjectionSet expected = projections.withData(data);
        assertThatThrownBy(() -> Dicom.writeProjections(List.of(expected), DicomRoundTripTest.INFO, nm))
                .isInstanceOf(InputException.class).hasMessageContaining("view 1 row 0 column 1 is 2.5");
    }

    @Test
    void writerRefusesLongWindowNamesAndUnevenHeads() {
        ProjectionSet longName = projections.withWindow(EnergyWindow.of("a_very_long_window_name", 1, 2));
        assertThatThrownBy(() -> Dicom.writeProjections(List.of(longName), DicomRoundTripTest.INFO, nm))
                .isInstanceOf(InputException.class).hasMessageContaining("16");
        AcquisitionGeometry threeViewsTwoHeads = AcquisitionGeometry.circular(3, 0, 360, RotationDirection.CW, 250, 2);
        ProjectionSet uneven = ProjectionSet.zeros(threeViewsTwoHeads, 2, 2, 4, 4, EnergyWindow.of("w", 1, 2), 1);
        assertThatThrownBy(() -> Dicom.writeProjections(List.of(uneven), DicomRoundTripTest.INFO, nm))
                .isInstanceOf(InputException.class).hasMessageContaining("2 detector heads");
    }

    @Test
    void writerRefusesVolumesItCannotRepresent() {
        Grid3 g = Grid3.centredCubic(2, 2, 2, 1);
        assertThatThrownBy(() -> Dicom.writeCtSeries(Volume.zeros(g, "1/cm"), DicomRoundTripTest.INFO, dir))
                .isInstanceOf(InputException.class).hasMessageContaining("HU");
        Volume hot = Volume.zeros(g, "HU");
        hot.data()[3] = 40_000;
        assertThatThrownBy(() -> Dicom.writeCtSeries(hot, DicomRoundTripTest.INFO, dir))
                .isInstanceOf(InputException.class).hasMessageContaining("40000");
        assertThatThrownBy(() -> Dicom.writeReconstruction(Volume.zeros(g, "furlongs"), DicomRoundTripTest.INFO,
                dir.resolve("r.dcm"))).isInstanceOf(InputException.class).hasMessageContaining("Bq/mL");
    }

    @Test
    void ctDirectoryWithAForeignFile() throws IOException {
        Path ct = dir.resolve("ct");
        Dicom.writeCtSeries(Volume.zeros(Grid3.centredCubic(2, 2, 3, 1), "HU"), DicomRoundTripTest.INFO, ct);
        Files.copy(nm, ct.resolve("zz.dcm"));
        assertThatThrownBy(() -> Dicom.readVolume(ct)).isInstanceOf(InputException.class)
                .hasMessageContaining("zz.dcm").hasMessageContaining("(0008,0060)");
    }
}
