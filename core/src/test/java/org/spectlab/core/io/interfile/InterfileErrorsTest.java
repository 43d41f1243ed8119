package org.spectlab.core.io.interfile;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spectlab.core.error.InputException;
import org.spectlab.core.grid.Grid3;
import org.spectlab.core.grid.Volume;
import org.spectlab.core.projection.AcquisitionGeometry;
import org.spectlab.core.projection.ProjectionSet;
import org.spectlab.core.projection.RotationDirection;

/** Every rejected-file case gives one InputException naming the header file and the offending key. */
class InterfileErrorsTest {
    @TempDir
    Path dir;
    Path hs;
    Path hv;

    @BeforeEach
    void writeValidFiles() {
        AcquisitionGeometry g = AcquisitionGeometry.circular(8, 0, 360, RotationDirection.CW, 250, 1);
        ProjectionSet p = InterfileProjectionsTest.sample(g, 3, 4);
        hs = dir.resolve("p.hs");
        Interfile.writeProjections(p, hs, InterfileNumberFormat.UINT16, ByteOrder.BIG_ENDIAN);
        hv = dir.resolve("i.hv");
        Interfile.writeImage(Volume.zeros(Grid3.centredCubic(4, 3, 2, 2.0), "Bq/mL"), hv);
    }

    private void edit(Path header, String regex, String replacement) throws IOException {
        String text = Files.readString(header);
        String edited = text.replaceAll(regex, replacement);
        if (edited.equals(text)) {
            throw new AssertionError("test edit did not match: " + regex);
        }
        Files.writeString(header, edited);
    }

    private AbstractThrowableAssert<?, ? extends Throwable> readingProjections() {
        return assertThatThrownBy(() -> Interfile.readProjections(hs)).isInstanceOf(InputException.class)
                .hasMessageContaining(hs.toString());
    }

    @Test
    void missingRequiredKey() throws IOException {
        edit(hs, "(?m)^!number of projections := 8\n", "");
        readingProjections().hasMessageContaining("'!number of projections'").hasMessageContaining("missing");
    }

    @Test
    void unknownNumberFormat() throws IOException {
        edit(hs, "!number format := unsigned integer", "!number format := bit");
        readingProjections().hasMessageContaining("'!number format'").hasMessageContaining("bit");
    }

    @Test
    void unsupportedBytesPerPixelForFormat() throws IOException {
        edit(hs, "!number format := unsigned integer", "!number format := float");
        readingProjections().hasMessageContaining("'!number of bytes per pixel'").hasMessageContaining("got 2");
    }

    @Test
    void dataFileMissing() throws IOException {
        Files.delete(dir.resolve("p.s"));
        readingProjections().hasMessageContaining("'!name of data file'").hasMessageContaining("does not exist");
    }

    @Test
    void dataFileShorterThanHeaderSays() throws IOException {
        byte[] all = Files.readAllBytes(dir.resolve("p.s"));
        Files.write(dir.resolve("p.s"), java.util.Arrays.copyOf(all, all.length - 2));
        readingProjections().hasMessageContaining("'!name of data file'")
                .hasMessageContaining((all.length - 2) + " bytes").hasMessageContaining("needs " + all.length);
    }

    @Test
    void absurdSizesAreRefusedBeforeAllocating() throws IOException {
        edit(hs, "!matrix size \\[1\\] := 4", "!matrix size [1] := 100000");
        edit(hs, "!matrix size \\[2\\] := 3", "!matrix size [2] := 100000");
        readingProjections().hasMessageContaining("'!matrix size [1]'").hasMessageContaining("exceeds the maximum");
        edit(hs, "!matrix size \\[1\\] := 100000", "!matrix size [1] := 0");
        readingProjections().hasMessageContaining("'!matrix size [1]'").hasMessageContaining("positive");
        edit(hv, "!matrix size \\[3\\] := 2", "!matrix size [3] := 1000000000");
        assertThatThrownBy(() -> Interfile.readImage(hv)).isInstanceOf(InputException.class)
                .hasMessageContaining("'!matrix size [1]'").hasMessageContaining("exceeds the maximum");
    }

    @Test
    void badByteOrder() throws IOException {
        edit(hs, "imagedata byte order := BIGENDIAN", "imagedata byte order := MIDDLEENDIAN");
        readingProjections().hasMessageContaining("'imagedata byte order'").hasMessageContaining("MIDDLEENDIAN");
    }

    @Test
    void nonNumericValue() throws IOException {
        edit(hs, "!extent of rotation := 360", "!extent of rotation := full circle");
        readingProjections().hasMessageContaining("'!extent of rotation'").hasMessageContaining("full circle");
    }

    @Test
    void radiiCountMustEqualProjections() throws IOException {
        edit(hs, "orbit := Circular\nRadius := 250", "orbit := Non-circular\nRadii := {250, 251, 252}");
        readingProjections().hasMessageContaining("'radii'").hasMessageContaining("3 radii")
                .hasMessageContaining("8");
    }

    @Test
    void badDirectionAndNotAnInterfileHeader() throws IOException {
        edit(hs, "!direction of rotation := CCW", "!direction of rotation := sideways");
        readingProjections().hasMessageContaining("'!direction of rotation'");
        Files.writeString(hs, "hello := world\n");
        readingProjections().hasMessageContaining("not an Interfile header");
    }

    @Test
    void integerFormatRefusesNonWholeValuesAndWritesNothing() {
        AcquisitionGeometry g = AcquisitionGeometry.circular(2, 0, 360, RotationDirection.CW, 250, 1);
        ProjectionSet p = InterfileProjectionsTest.sample(g, 1, 2);
        p.data()[3] = 1.5f;
        Path out = dir.resolve("bad.hs");
        assertThatThrownBy(() -> Interfile.writeProjections(p, out, InterfileNumberFormat.UINT16,
                ByteOrder.LITTLE_ENDIAN)).isInstanceOf(InputException.class).hasMessageContaining("1.5");
        org.assertj.core.api.Assertions.assertThat(out).doesNotExist();
        org.assertj.core.api.Assertions.assertThat(dir.resolve("bad.s")).doesNotExist();
    }
}
