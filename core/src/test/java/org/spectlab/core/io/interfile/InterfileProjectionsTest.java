package org.spectlab.core.io.interfile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.spectlab.core.grid.Grid3;
import org.spectlab.core.grid.Volume;
import org.spectlab.core.projection.AcquisitionGeometry;
import org.spectlab.core.projection.EnergyWindow;
import org.spectlab.core.projection.ProjectionSet;
import org.spectlab.core.projection.RotationDirection;

class InterfileProjectionsTest {
    @TempDir
    Path dir;

    /** Projections whose every value is a distinct whole number, so any permutation of data is caught. */
    static ProjectionSet sample(AcquisitionGeometry g, int rows, int cols) {
        float[] data = new float[g.views() * rows * cols];
        for (int i = 0; i < data.length; i++) {
            data[i] = (i * 37) % 60000;
        }
        return ProjectionSet.of(g, rows, cols, 4.42, 3.9, EnergyWindow.centred("photopeak", 140.5, 20), 17.5, data);
    }

    static Stream<Arguments> formats() {
        return Stream.of(Arguments.of(InterfileNumberFormat.FLOAT32, ByteOrder.LITTLE_ENDIAN),
                Arguments.of(InterfileNumberFormat.FLOAT32, ByteOrder.BIG_ENDIAN),
                Arguments.of(InterfileNumberFormat.UINT16, ByteOrder.LITTLE_ENDIAN),
                Arguments.of(InterfileNumberFormat.UINT16, ByteOrder.BIG_ENDIAN),
                Arguments.of(InterfileNumberFormat.INT32, ByteOrder.BIG_ENDIAN));
    }

    @ParameterizedTest
    @MethodSource("formats")
    void roundTripKeepsDataGeometryWindowAndTimeExactly(InterfileNumberFormat format, ByteOrder order) {
        double[] radii = new double[12];
        for (int v = 0; v < radii.length; v++) {
            radii[v] = 200 + 7.25 * v + 0.1;
        }
        AcquisitionGeometry g = AcquisitionGeometry.of(12, 37.5, 360, RotationDirection.CCW, radii, 2);
        ProjectionSet p = sample(g, 5, 7);
        Path hs = dir.resolve("photopeak.hs");
        Interfile.writeProjections(p, hs, format, order);
        assertThat(dir.resolve("photopeak.s")).hasSize((long) p.data().length * format.bytesPerPixel());

        ProjectionSet q = Interfile.readProjections(hs);
        assertThat(q.geometry()).isEqualTo(g);
        assertThat(q.rows()).isEqualTo(5);
        assertThat(q.cols()).isEqualTo(7);
        assertThat(q.pixelSizeColMm()).isEqualTo(4.42);
        assertThat(q.pixelSizeRowMm()).isEqualTo(3.9);
        assertThat(q.window()).isEqualTo(p.window());
        assertThat(q.timePerViewS()).isEqualTo(17.5);
        assertThat(q.data()).containsExactly(p.data());
    }

    @Test
    void circularFloatRoundTripWithNonIntegerValues() {
        AcquisitionGeometry g = AcquisitionGeometry.circular(60, 0.1, 180, RotationDirection.CW, 251.3, 1);
        ProjectionSet p = sample(g, 3, 4);
        float[] d = p.data();
        for (int i = 0; i < d.length; i++) {
            d[i] = d[i] * 0.001f - 3.3f;
        }
        Path hs = dir.resolve("a.hs");
        Interfile.writeProjections(p, hs);
        ProjectionSet q = Interfile.readProjections(hs);
        assertThat(q.geometry()).isEqualTo(g);
        assertThat(q.geometry().startAngleDeg()).isEqualTo(0.1);
        assertThat(q.data()).containsExactly(d);
    }

    @Test
    void headerFollowsStirConventionAndColumnsAreReversed() throws IOException {
        AcquisitionGeometry g = AcquisitionGeometry.circular(4, 0, 360, RotationDirection.CW, 250, 1);
        ProjectionSet p = sample(g, 2, 3);
        Path hs = dir.resolve("w.hs");
        Interfile.writeProjections(p, hs);
        String text = Files.readString(hs);
        assertThat(text).contains("!direction of rotation := CCW\n", "start angle := 180\n",
                "orbit := Circular\n", "Radius := 250\n", "energy window name [1] := photopeak\n",
                "!name of data file := w.s\n", "imagedata byte order := LITTLEENDIAN\n",
                "!number format := float\n", "!number of bytes per pixel := 4\n",
                "!time per projection (sec) := 17.5\n", "!number of projections := 4\n");
        ByteBuffer raw = ByteBuffer.wrap(Files.readAllBytes(dir.resolve("w.s"))).order(ByteOrder.LITTLE_ENDIAN);
        // file bin 0 of (view 0, row 0) is spectlab column cols-1
        assertThat(raw.getFloat(0)).isEqualTo(p.get(0, 0, 2));
        assertThat(raw.getFloat(4 * 2)).isEqualTo(p.get(0, 0, 0));
        assertThat(raw.getFloat(4 * 3)).isEqualTo(p.get(0, 1, 2));
    }

    @Test
    void startAngleMappingIsExactAndWraps() {
        assertThat(InterfileProjections.headerStartAngle(0).doubleValue()).isEqualTo(180);
        assertThat(InterfileProjections.headerStartAngle(270).doubleValue()).isEqualTo(90);
        assertThat(InterfileProjections.spectlabStartAngle(new java.math.BigDecimal("180"))).isEqualTo(0);
        assertThat(InterfileProjections.spectlabStartAngle(new java.math.BigDecimal("90"))).isEqualTo(270);
        for (double a : new double[] {0.1, 33.3, 179.99999, 359.9}) {
            assertThat(InterfileProjections.spectlabStartAngle(InterfileProjections.headerStartAngle(a)))
                    .isEqualTo(a);
        }
    }

    @Test
    void imageRoundTripWithOriginAndAnisotropicVoxels() {
        Grid3 grid = Grid3.of(5, 4, 3, 2.5, 3.0, 4.42, -101.25, 33.3, -7.7);
        float[] data = new float[grid.voxelCount()];
        for (int i = 0; i < data.length; i++) {
            data[i] = i * 1.5f - 7;
        }
        Volume v = Volume.of(grid, data, "Bq/mL");
        Path hv = dir.resolve("act.hv");
        Interfile.writeImage(v, hv);
        Volume w = Interfile.readImage(hv);
        assertThat(w.grid()).isEqualTo(grid);
        assertThat(w.unit()).isEqualTo("Bq/mL");
        assertThat(w.data()).containsExactly(data);

        Path hv16 = dir.resolve("int.hv");
        float[] ints = new float[grid.voxelCount()];
        for (int i = 0; i < ints.length; i++) {
            ints[i] = i - 20;
        }
        Interfile.writeImage(Volume.of(grid, ints, "HU"), hv16, InterfileNumberFormat.INT16, ByteOrder.BIG_ENDIAN);
        assertThat(Interfile.readImage(hv16).data()).containsExactly(ints);
    }
}
