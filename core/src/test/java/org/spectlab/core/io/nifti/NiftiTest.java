package org.spectlab.core.io.nifti;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spectlab.core.error.InputException;
import org.spectlab.core.grid.Grid3;
import org.spectlab.core.grid.LabelVolume;
import org.spectlab.core.grid.Volume;

class NiftiTest {
    /** Header geometry is float32: 1e-4 mm covers float rounding of origins up to ~1000 mm (ulp 6e-5). */
    private static final double HEADER_FLOAT_MM = 1e-4;

    @TempDir
    Path dir;

    private static Volume ramp(Grid3 g, String unit) {
        float[] d = new float[g.voxelCount()];
        for (int i = 0; i < d.length; i++) {
            d[i] = 0.37f * i - 11.5f;
        }
        return Volume.of(g, d, unit);
    }

    private static void assertGridClose(Grid3 actual, Grid3 expected) {
        assertThat(actual.nx()).isEqualTo(expected.nx());
        assertThat(actual.ny()).isEqualTo(expected.ny());
        assertThat(actual.nz()).isEqualTo(expected.nz());
        assertThat(actual.voxelXMm()).isCloseTo(expected.voxelXMm(), within(HEADER_FLOAT_MM));
        assertThat(actual.voxelYMm()).isCloseTo(expected.voxelYMm(), within(HEADER_FLOAT_MM));
        assertThat(actual.voxelZMm()).isCloseTo(expected.voxelZMm(), within(HEADER_FLOAT_MM));
        assertThat(actual.originXMm()).isCloseTo(expected.originXMm(), within(HEADER_FLOAT_MM));
        assertThat(actual.originYMm()).isCloseTo(expected.originYMm(), within(HEADER_FLOAT_MM));
        assertThat(actual.originZMm()).isCloseTo(expected.originZMm(), within(HEADER_FLOAT_MM));
    }

    @Test
    void floatVolumeRoundTripWithOriginAndAnisotropicVoxels() {
        Grid3 g = Grid3.of(7, 5, 4, 1.95, 2.5, 3.3, -123.4, 56.7, -300.05);
        Volume v = ramp(g, "Bq/mL");
        Path f = dir.resolve("activity.nii");
        Nifti.writeVolume(v, f);
        assertThat(f).hasSize(352 + 4L * g.voxelCount());
        Volume w = Nifti.readVolume(f);
        assertGridClose(w.grid(), g);
        assertThat(w.unit()).isEqualTo("Bq/mL");
        assertThat(w.data()).containsExactly(v.data());
    }

    @Test
    void int16WithRescaleRoundTripsWholeAndScaledValues() throws IOException {
        Grid3 g = Grid3.of(5, 4, 3, 1.0, 1.0, 2.0, -2, -1.5, 0);
        Volume hu = Volume.zeros(g, "HU");
        for (int i = 0; i < hu.data().length; i++) {
            hu.data()[i] = -1000 + 37 * i;
        }
        Path f = dir.resolve("ct.nii");
        Nifti.writeVolumeInt16(hu, f, 1.0, 0.0);
        Volume back = Nifti.readVolume(f);
        assertThat(back.unit()).isEqualTo("HU");
        assertThat(back.data()).isEqualTo(hu.data());
        // 348-byte header + 4 extension bytes + 2 bytes per voxel: int16 really was written
        assertThat(Files.size(f)).isEqualTo(352 + 2L * g.voxelCount());
        // a scaled encoding rounds to the step: error at most half a step
        Nifti.writeVolumeInt16(hu, f, 0.5, -3000);
        Volume scaled = Nifti.readVolume(f);
        for (int i = 0; i < hu.data().length; i++) {
            assertThat((double) scaled.data()[i]).isCloseTo(hu.data()[i], within(0.25));
        }
        hu.data()[7] = 40_000;
        assertThatThrownBy(() -> Nifti.writeVolumeInt16(hu, f, 1.0, 0.0)).isInstanceOf(InputException.class)
                .hasMessageContaining("voxel 7");
    }

    @Test
    void labelVolumeAndGzipRoundTrip() throws IOException {
        Grid3 g = Grid3.centred(6, 4, 3, 4.0, 4.0, 5.0);
        short[] labels = new short[g.voxelCount()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = (short) ((i * 7) % 20 - 3);
        }
        LabelVolume lv = LabelVolume.of(g, labels, Map.of(1, "liver"));
        Path f = dir.resolve("labels.nii.gz");
        Nifti.writeLabels(lv, f);
        byte[] raw = Files.readAllBytes(f);
        assertThat(raw[0] & 0xFF).isEqualTo(0x1f);
        assertThat(raw[1] & 0xFF).isEqualTo(0x8b);
        LabelVolume back = Nifti.readLabels(f);
        assertGridClose(back.grid(), g);
        assertThat(back.labels()).containsExactly(labels);

        Path fv = dir.resolve("mu.nii.gz");
        Volume v = ramp(g, "1/cm");
        Nifti.writeVolume(v, fv);
        assertThat(Nifti.readVolume(fv).data()).containsExactly(v.data());
    }

    @Test
    void affineNumbersForAKnownGrid() throws IOException {
        Grid3 g = Grid3.of(4, 3, 2, 2.0, 2.5, 4.0, -3.0, -2.5, 10.0);
        Path f = dir.resolve("known.nii");
        Nifti.writeVolume(Volume.zeros(g, "Bq/mL"), f);
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(f)).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(b.getInt(0)).isEqualTo(348);
        assertThat(b.getShort(40)).isEqualTo((short) 3);
        assertThat(new short[] {b.getShort(42), b.getShort(44), b.getShort(46)}).containsExactly(4, 3, 2);
        assertThat(b.getShort(70)).isEqualTo((short) 16);
        assertThat(b.getShort(72)).isEqualTo((short) 32);
        assertThat(new float[] {b.getFloat(76), b.getFloat(80), b.getFloat(84), b.getFloat(88)})
                .containsExactly(1f, 2f, 2.5f, 4f);
        assertThat(b.getFloat(108)).isEqualTo(352f);
        assertThat(b.get(123)).isEqualTo((byte) 2);
        assertThat(new String(b.array(), 148, 5, StandardCharsets.US_ASCII)).isEqualTo("Bq/mL");
        assertThat(b.getShort(252)).isEqualTo((short) 1);
        assertThat(b.getShort(254)).isEqualTo((short) 1);
        assertThat(new float[] {b.getFloat(256), b.getFloat(260), b.getFloat(264)}).containsExactly(0f, 0f, 1f);
        assertThat(new float[] {b.getFloat(268), b.getFloat(272), b.getFloat(276)}).containsExactly(3f, 2.5f, 10f);
        float[] srow = new float[12];
        for (int i = 0; i < 12; i++) {
            srow[i] = b.getFloat(280 + 4 * i);
        }
        assertThat(srow).containsExactly(-2f, 0f, 0f, 3f, 0f, -2.5f, 0f, 2.5f, 0f, 0f, 4f, 10f);
        assertThat(new String(b.array(), 344, 4, StandardCharsets.US_ASCII)).isEqualTo("n+1\0");
        // voxel (1,2,1) is at LPS (-1, 2.5, 14), i.e. RAS (1, -2.5, 14)
        assertThat(srow[0] * 1 + srow[3]).isEqualTo(1f);
        assertThat(srow[5] * 2 + srow[7]).isEqualTo(-2.5f);
        assertThat(srow[10] * 1 + srow[11]).isEqualTo(14f);
    }

    /** A header built field by field, independently of the writer. */
    static ByteBuffer header(ByteOrder order, int rank, int[] dims, int datatype, int bitpix) {
        ByteBuffer b = ByteBuffer.allocate(352).order(order);
        b.putInt(0, 348);
        b.putShort(40, (short) rank);
        for (int i = 0; i < 7; i++) {
            b.putShort(42 + 2 * i, (short) (i < dims.length ? dims[i] : 1));
        }
        b.putShort(70, (short) datatype);
        b.putShort(72, (short) bitpix);
        b.putFloat(76, 1f);
        b.putFloat(80, 2f);
        b.putFloat(84, 3f);
        b.putFloat(88, 4f);
        b.putFloat(108, 352f);
        b.put(344, (byte) 'n').put(345, (byte) '+').put(346, (byte) '1');
        return b;
    }

    @Test
    void bigEndianInt16WithScalingAndQformFlipsIntoLps() throws IOException {
        int nx = 3;
        int ny = 2;
        int nz = 2;
        ByteBuffer h = header(ByteOrder.BIG_ENDIAN, 3, new int[] {nx, ny, nz}, 4, 16);
        h.putFloat(76, -1f); // qfac = -1: k runs towards inferior
        h.putFloat(112, 2f); // scl_slope
        h.putFloat(116, 1f); // scl_inter
        h.putShort(252, (short) 1); // qform only, identity quaternion: i -> +R, j -> +A, k -> -S
        h.putFloat(268, 10f);
        h.putFloat(272, 20f);
        h.putFloat(276, 30f);
        ByteBuffer data = ByteBuffer.allocate(2 * nx * ny * nz).order(ByteOrder.BIG_ENDIAN);
        for (int i = 0; i < nx * ny * nz; i++) {
            data.putShort((short) (100 * i - 300));
        }
        Path f = dir.resolve("be.nii");
        byte[] all = new byte[352 + data.capacity()];
        System.arraycopy(h.array(), 0, all, 0, 352);
        System.arraycopy(data.array(), 0, all, 352, data.capacity());
        Files.write(f, all);

        Volume v = Nifti.readVolume(f);
        Grid3 g = v.grid();
        assertThat(g.voxelXMm()).isEqualTo(2);
        assertThat(g.voxelYMm()).isEqualTo(3);
        assertThat(g.voxelZMm()).isEqualTo(4);
        for (int k = 0; k < nz; k++) {
            for (int j = 0; j < ny; j++) {
                for (int i = 0; i < nx; i++) {
                    int fileIndex = i + nx * (j + ny * k);
                    double xLps = -(10 + 2.0 * i);
                    double yLps = -(20 + 3.0 * j);
                    double zLps = 30 - 4.0 * k;
                    int si = (int) Math.round(g.toVoxelX(xLps));
                    int sj = (int) Math.round(g.toVoxelY(yLps));
                    int sk = (int) Math.round(g.toVoxelZ(zLps));
                    assertThat(g.toVoxelX(xLps)).isCloseTo(si, within(1e-9));
                    assertThat(g.toVoxelY(yLps)).isCloseTo(sj, within(1e-9));
                    assertThat(g.toVoxelZ(zLps)).isCloseTo(sk, within(1e-9));
                    assertThat(v.get(si, sj, sk)).isEqualTo(2f * (100 * fileIndex - 300) + 1f);
                }
            }
        }
        assertThat(v.unit()).isEqualTo("unknown");
    }

    @Test
    void obliqueAffineIsRefused() throws IOException {
        ByteBuffer h = header(ByteOrder.LITTLE_ENDIAN, 3, new int[] {2, 2, 2}, 16, 32);
        double c = Math.cos(Math.toRadians(30));
        double s = Math.sin(Math.toRadians(30));
        h.putShort(254, (short) 1);
        float[] srow = {(float) c, (float) -s, 0, 0, (float) s, (float) c, 0, 0, 0, 0, 1, 0};
        for (int i = 0; i < 12; i++) {
            h.putFloat(280 + 4 * i, srow[i]);
        }
        Path f = write("oblique.nii", h, 8 * 4);
        assertThatThrownBy(() -> Nifti.readVolume(f)).isInstanceOf(InputException.class)
                .hasMessageContaining(f.toString()).hasMessageContaining("sform").hasMessageContaining("oblique");
    }

    private Path write(String name, ByteBuffer header, int dataBytes) throws IOException {
        Path f = dir.resolve(name);
        byte[] all = new byte[352 + dataBytes];
        System.arraycopy(header.array(), 0, all, 0, 352);
        Files.write(f, all);
        return f;
    }

    private void refused(Path f, String... parts) {
        assertThatThrownBy(() -> Nifti.readVolume(f)).isInstanceOf(InputException.class)
                .hasMessageContaining(f.toString()).hasMessageContainingAll(parts);
    }

    @Test
    void badHeadersAreRefusedWithTheField() throws IOException {
        ByteBuffer h = header(ByteOrder.LITTLE_ENDIAN, 3, new int[] {2, 2, 2}, 16, 32);
        h.putInt(0, 540);
        refused(write("size.nii", h, 32), "sizeof_hdr", "540");

        h = header(ByteOrder.LITTLE_ENDIAN, 3, new int[] {2, 2, 2}, 16, 32);
        h.put(345, (byte) 'x');
        refused(write("magic.nii", h, 32), "magic");

        h = header(ByteOrder.LITTLE_ENDIAN, 5, new int[] {2, 2, 2, 1, 3}, 16, 32);
        refused(write("rank.nii", h, 32), "dim[0]", "5");
        h = header(ByteOrder.LITTLE_ENDIAN, 4, new int[] {2, 2, 2, 2}, 16, 32);
        refused(write("time.nii", h, 64), "dim[0]", "dim[4] = 2");
        h = header(ByteOrder.LITTLE_ENDIAN, 4, new int[] {2, 2, 2, 1}, 16, 32);
        assertThat(Nifti.readVolume(write("single-frame.nii", h, 32)).grid().voxelCount()).isEqualTo(8);

        h = header(ByteOrder.LITTLE_ENDIAN, 3, new int[] {2, 2, 2}, 128, 24);
        refused(write("rgb.nii", h, 24), "datatype", "128");

        h = header(ByteOrder.LITTLE_ENDIAN, 3, new int[] {2, 2, 2}, 16, 32);
        refused(write("short.nii", h, 31), "truncated", "383", "384");

        h = header(ByteOrder.BIG_ENDIAN, 3, new int[] {32767, 32767, 32767}, 16, 32);
        refused(write("huge.nii", h, 0), "dim[1..3]", "exceeds the maximum");
    }

    @Test
    void truncatedGzipIsRefused() throws IOException {
        Grid3 g = Grid3.centredCubic(8, 8, 8, 2.0);
        Path f = dir.resolve("t.nii.gz");
        Nifti.writeVolume(ramp(g, "Bq/mL"), f);
        Path cut = dir.resolve("cut.nii.gz");
        byte[] full = Files.readAllBytes(f);
        Files.write(cut, java.util.Arrays.copyOf(full, full.length / 2));
        assertThatThrownBy(() -> Nifti.readVolume(cut)).isInstanceOf(InputException.class)
                .hasMessageContaining(cut.toString()).hasMessageContaining("truncated");
    }
}
