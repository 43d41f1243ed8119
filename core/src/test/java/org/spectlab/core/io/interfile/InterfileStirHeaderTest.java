package org.spectlab.core.io.interfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spectlab.core.projection.ProjectionSet;
import org.spectlab.core.projection.RotationDirection;

/** Reads hand-written STIR-style headers with uint16 big-endian data generated here. */
class InterfileStirHeaderTest {
    @TempDir
    Path dir;

    private Path install(String name, int views, int rows, int cols) throws IOException {
        Path hs = dir.resolve(name + ".hs");
        try (InputStream in = getClass().getResourceAsStream(name + ".hs")) {
            Files.copy(in, hs);
        }
        ByteBuffer bb = ByteBuffer.allocate(views * rows * cols * 2).order(ByteOrder.BIG_ENDIAN);
        for (int i = 0; i < views * rows * cols; i++) {
            bb.putShort((short) fileValue(i));
        }
        Files.write(dir.resolve(name + ".s"), bb.array());
        return hs;
    }

    /** Value stored at flat file index i; goes above 32767 to exercise the unsigned conversion. */
    private static int fileValue(int i) {
        return 40000 + 131 * i;
    }

    @Test
    void circularStirHeader() throws IOException {
        ProjectionSet p = Interfile.readProjections(install("stir_circular", 6, 3, 4));
        assertThat(p.views()).isEqualTo(6);
        assertThat(p.rows()).isEqualTo(3);
        assertThat(p.cols()).isEqualTo(4);
        assertThat(p.pixelSizeColMm()).isEqualTo(4.42);
        // STIR start angle 180 with CW is spectlab's anterior start, angle decreasing with the view index
        assertThat(p.geometry().startAngleDeg()).isEqualTo(0);
        assertThat(p.geometry().direction()).isEqualTo(RotationDirection.CCW);
        assertThat(p.geometry().extentDeg()).isEqualTo(360);
        assertThat(p.geometry().angleDeg(1)).isCloseTo(-60, within(1e-12));
        assertThat(p.geometry().isCircular()).isTrue();
        assertThat(p.geometry().radiusMm(5)).isEqualTo(250);
        assertThat(p.timePerViewS()).isEqualTo(20);
        assertThat(p.window().lowerKeV()).isEqualTo(126.45);
        assertThat(p.window().upperKeV()).isEqualTo(154.55);
        assertThat(p.window().name()).isEqualTo("stir_circular");
        // file bin b is spectlab column cols-1-b; rows and views unchanged
        for (int v = 0; v < 6; v++) {
            for (int r = 0; r < 3; r++) {
                for (int b = 0; b < 4; b++) {
                    int fileIndex = b + 4 * (r + 3 * v);
                    assertThat(p.get(v, r, 3 - b)).isEqualTo((float) fileValue(fileIndex));
                }
            }
        }
    }

    @Test
    void nonCircularStirHeaderWithRadiiList() throws IOException {
        ProjectionSet p = Interfile.readProjections(install("stir_noncircular", 6, 3, 4));
        assertThat(p.geometry().isCircular()).isFalse();
        assertThat(p.geometry().radiiMm()).containsExactly(210, 220.5, 231, 241.5, 252, 262.5);
        assertThat(p.geometry().startAngleDeg()).isEqualTo(270);
        assertThat(p.geometry().direction()).isEqualTo(RotationDirection.CW);
        assertThat(p.geometry().stepDeg()).isEqualTo(30);
        assertThat(p.timePerViewS()).isEqualTo(15);
        assertThat(p.get(0, 0, 3)).isEqualTo((float) fileValue(0));
    }
}
