package org.spectlab.core.io.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spectlab.core.grid.Grid3;
import org.spectlab.core.grid.Volume;
import org.spectlab.core.projection.AcquisitionGeometry;
import org.spectlab.core.projection.EnergyWindow;
import org.spectlab.core.projection.ProjectionSet;
import org.spectlab.core.projection.RotationDirection;

/** Write, read back, compare: pixel data, geometry and energy windows exactly (volumes to the stated quantum). */
class DicomRoundTripTest {
    static final DicomStudyInfo INFO = DicomStudyInfo.synthetic(42, LocalDate.of(2024, 5, 1), "round trip");

    @TempDir
    Path dir;

    /** Counts that differ at every (view, row, col), so any permutation or flip is caught. */
    static ProjectionSet counts(AcquisitionGeometry g, int rows, int cols, EnergyWindow w, int salt) {
        float[] d = new float[g.views() * rows * cols];
        for (int i = 0; i < d.length; i++) {
            d[i] = (i * 7 + salt) % 65536;
        }
        return ProjectionSet.of(g, rows, cols, 4.42, 3.3, w, 15.5, d);
    }

    private static void assertSameProjections(ProjectionSet expected, ProjectionSet actual) {
        assertThat(actual.geometry()).isEqualTo(expected.geometry());
        assertThat(actual.window()).isEqualTo(expected.window());
        assertThat(actual.rows()).isEqualTo(expected.rows());
        assertThat(actual.cols()).isEqualTo(expected.cols());
        assertThat(actual.pixelSizeColMm()).isEqualTo(expected.pixelSizeColMm());
        assertThat(actual.pixelSizeRowMm()).isEqualTo(expected.pixelSizeRowMm());
        assertThat(actual.timePerViewS()).isEqualTo(expected.timePerViewS());
        assertThat(actual.data()).containsExactly(expected.data());
    }

    @Test
    void twoHeadNonCircularTwoWindowsRoundTripExactly() {
        double[] radii = new double[12];
        for (int v = 0; v < radii.length; v++) {
            radii[v] = 200 + 3.25 * v;
        }
        AcquisitionGeometry g = AcquisitionGeometry.of(12, 30, 360, RotationDirection.CCW, radii, 2);
        ProjectionSet peak = counts(g, 4, 5, EnergyWindow.centred("photopeak", 140.5, 20), 0);
        ProjectionSet scatter = counts(g, 4, 5, EnergyWindow.of("lower_scatter", 108.5, 126.45), 3);
        Path file = dir.resolve("nm.dcm");
        Dicom.writeProjections(List.of(peak, scatter), INFO, file);
        List<ProjectionSet> back = Dicom.readProjections(file);
        assertThat(back).hasSize(2);
        assertSameProjections(peak, back.get(0));
        assertSameProjections(scatter, back.get(1));
    }

    @Test
    void singleHeadHalfArcStartingNearTheWrapRoundTripsExactly() {
        AcquisitionGeometry g = AcquisitionGeometry.circular(32, 315.5, 180, RotationDirection.CW, 271.3, 1);
        ProjectionSet p = counts(g, 3, 6, EnergyWindow.centred("peak", 208, 15), 11);
        Path file = dir.resolve("half.dcm");
        Dicom.writeProjections(List.of(p), INFO, file);
        assertSameProjections(p, Dicom.readProjections(file).get(0));
    }

    @Test
    void anglesFollowTheStandardsStartAngleAndDirection() {
        // spectlab θ = 0 is anterior; DICOM 0 is the patient's back, 90 the left: anterior is 180.
        assertThat(NmAngles.toDicom(0)).isEqualTo(180);
        assertThat(NmAngles.toDicom(90)).isEqualTo(90);
        assertThat(NmAngles.toDicom(180)).isEqualTo(0);
        assertThat(NmAngles.toDicom(270)).isEqualTo(270);
        assertThat(NmAngles.toDicom(0.1)).isEqualTo(179.9);
        assertThat(NmAngles.fromDicom(new BigDecimal("179.9"))).isEqualTo(0.1);
        assertThat(NmAngles.toDicom(RotationDirection.CW)).isEqualTo("CW");
        assertThat(NmAngles.toDicom(RotationDirection.CCW)).isEqualTo("CC");

        AcquisitionGeometry g = AcquisitionGeometry.circular(4, 0, 360, RotationDirection.CW, 250, 2);
        Path file = dir.resolve("heads.dcm");
        Dicom.writeProjections(List.of(counts(g, 2, 2, EnergyWindow.of("w", 126, 154), 0)), INFO, file);
        DataSet d = Part10.read(file);
        List<DataSet> heads = d.items(Tag.DETECTOR_INFORMATION_SEQUENCE);
        // head 1 starts anterior (180), head 2 posterior (0); CW so DICOM angles fall from there
        assertThat(heads.get(0).text(Tag.START_ANGLE)).isEqualTo("180");
        assertThat(heads.get(1).text(Tag.START_ANGLE)).isEqualTo("0");
        DataSet rotation = d.items(Tag.ROTATION_INFORMATION_SEQUENCE).get(0);
        assertThat(rotation.text(Tag.ROTATION_DIRECTION)).isEqualTo("CW");
        assertThat(rotation.text(Tag.ANGULAR_STEP)).isEqualTo("90");
        assertThat(rotation.text(Tag.SCAN_ARC)).isEqualTo("180");
        assertThat(rotation.text(Tag.ACTUAL_FRAME_DURATION)).isEqualTo("15500");
        assertThat(d.numbers(Tag.DETECTOR_VECTOR)).containsExactly(1, 1, 2, 2);
        assertThat(d.numbers(Tag.ANGULAR_VIEW_VECTOR)).containsExactly(1, 2, 1, 2);
        // anterior head: rows run towards the patient's left, columns (down the image) towards the feet
        assertThat(heads.get(0).numbers(Tag.IMAGE_ORIENTATION_PATIENT)).containsExactly(1, 0, 0, 0, 0, -1);
    }

    @Test
    void firstStoredRowIsTheMostSuperior() {
        AcquisitionGeometry g = AcquisitionGeometry.circular(1, 0, 360, RotationDirection.CW, 250, 1);
        float[] data = {1, 2, 3, 4, 5, 6}; // rows 0 (inferior) .. 2 (superior), 2 columns
        Path file = dir.resolve("rows.dcm");
        Dicom.writeProjections(List.of(ProjectionSet.of(g, 3, 2, 4, 4, EnergyWindow.of("w", 1, 2), 1, data)),
                INFO, file);
        PixelFrames px = PixelFrames.of(Part10.read(file), 100);
        assertThat(new int[] {px.stored(0, 0, 0), px.stored(0, 0, 1), px.stored(0, 2, 0)}).containsExactly(5, 6, 1);
    }

    @Test
    void reconstructionRoundTripsWithinHalfAQuantumAndKeepsItsGrid() {
        Grid3 grid = Grid3.of(7, 5, 4, 4.1, 4.2, 3.9, -12.3, -8.4, 20.5);
        Volume v = Volume.zeros(grid, "Bq/mL");
        for (int i = 0; i < v.data().length; i++) {
            v.data()[i] = (float) (1234.5 * Math.abs(Math.sin(i * 0.37)));
        }
        Path file = dir.resolve("recon.dcm");
        Dicom.writeReconstruction(v, INFO, file);
        Volume back = Dicom.readVolume(file);
        assertThat(back.grid()).isEqualTo(grid);
        assertThat(back.unit()).isEqualTo("Bq/mL");
        // 16-bit storage: one quantum = max / 65535; rounding errs by at most half of it (+ float32 rounding)
        double halfQuantum = 0.5 * v.max() / 65535 + 1e-4;
        for (int i = 0; i < v.data().length; i++) {
            assertThat((double) back.data()[i]).isCloseTo(v.data()[i], within(halfQuantum));
        }
        assertThat(back.max()).isCloseTo(v.max(), within(1e-3f));
    }

    @Test
    void negativeReconstructionValuesUseAnIntercept() {
        Grid3 grid = Grid3.centredCubic(3, 3, 2, 5);
        float[] data = new float[18];
        for (int i = 0; i < data.length; i++) {
            data[i] = -40 + 10 * i;
        }
        Path file = dir.resolve("fbp.dcm");
        Dicom.writeReconstruction(Volume.of(grid, data, "Bq/mL"), INFO, file);
        Volume back = Dicom.readVolume(file);
        double halfQuantum = 0.5 * (130 + 40) / 65535.0 + 1e-4;
        for (int i = 0; i < data.length; i++) {
            assertThat((double) back.data()[i]).isCloseTo(data[i], within(halfQuantum));
        }
    }

    @Test
    void ctSeriesRoundTripsWholeHuExactlyAndSharesTheFrameOfReference() throws IOException {
        Grid3 grid = Grid3.of(6, 5, 4, 0.9765625, 0.9765625, 2.5, -2.44140625, -1.953125, -3.75);
        Volume hu = Volume.zeros(grid, "HU");
        for (int i = 0; i < hu.data().length; i++) {
            hu.data()[i] = -1024 + 37 * i;
        }
        Path ct = dir.resolve("ct");
        Dicom.writeCtSeries(hu, INFO, ct);
        try (var files = Files.list(ct)) {
            assertThat(files.count()).isEqualTo(4);
        }
        Volume back = Dicom.readVolume(ct);
        assertThat(back.grid()).isEqualTo(grid);
        assertThat(back.unit()).isEqualTo("HU");
        assertThat(back.data()).containsExactly(hu.data());

        Path recon = dir.resolve("recon.dcm");
        Dicom.writeReconstruction(Volume.zeros(grid, "Bq/mL"), INFO, recon);
        DataSet slice = Part10.read(ct.resolve("ct_0001.dcm"));
        DataSet nm = Part10.read(recon);
        assertThat(slice.text(Tag.FRAME_OF_REFERENCE_UID)).isEqualTo(nm.text(Tag.FRAME_OF_REFERENCE_UID));
        assertThat(slice.text(Tag.STUDY_INSTANCE_UID)).isEqualTo(nm.text(Tag.STUDY_INSTANCE_UID));
        assertThat(slice.text(Tag.SERIES_INSTANCE_UID)).isNotEqualTo(nm.text(Tag.SERIES_INSTANCE_UID));
    }

    @Test
    void ctValuesAreRoundedToWholeHu() {
        Volume hu = Volume.of(Grid3.centredCubic(2, 1, 1, 1), new float[] {12.4f, -7.6f}, "HU");
        Path ct = dir.resolve("ct");
        Dicom.writeCtSeries(hu, INFO, ct);
        assertThat(Dicom.readVolume(ct).data()).containsExactly(12f, -8f);
    }

    @Test
    void sameSeedGivesIdenticalFilesAndOtherSeedsOtherUids() throws IOException {
        AcquisitionGeometry g = AcquisitionGeometry.circular(4, 0, 360, RotationDirection.CW, 250, 1);
        List<ProjectionSet> p = List.of(counts(g, 2, 3, EnergyWindow.of("w", 126, 154), 0));
        Dicom.writeProjections(p, INFO, dir.resolve("a.dcm"));
        Dicom.writeProjections(p, INFO, dir.resolve("b.dcm"));
        Dicom.writeProjections(p, DicomStudyInfo.synthetic(43, LocalDate.of(2024, 5, 1), "round trip"),
                dir.resolve("c.dcm"));
        assertThat(Files.readAllBytes(dir.resolve("a.dcm"))).isEqualTo(Files.readAllBytes(dir.resolve("b.dcm")));
        String a = Part10.read(dir.resolve("a.dcm")).text(Tag.STUDY_INSTANCE_UID);
        String c = Part10.read(dir.resolve("c.dcm")).text(Tag.STUDY_INSTANCE_UID);
        assertThat(a).isNotEqualTo(c);
        for (String uid : List.of(a, c, Uids.IMPLEMENTATION_CLASS_UID)) {
            // PS3.5 9.1: digits and dots, no leading zero in a component, at most 64 characters
            assertThat(uid).hasSizeLessThanOrEqualTo(64).matches("2\\.25\\.(0|[1-9][0-9]*)");
        }
    }

    @Test
    void decimalStringsFitSixteenCharacters() {
        assertThat(DataSet.formatDecimal(250)).isEqualTo("250");
        assertThat(DataSet.formatDecimal(-0.5)).isEqualTo("-0.5");
        assertThat(DataSet.formatDecimal(1.0 / 3)).hasSizeLessThanOrEqualTo(16);
        assertThat(Double.parseDouble(DataSet.formatDecimal(1.0 / 3))).isCloseTo(1.0 / 3, within(1e-14));
        assertThat(DataSet.formatDecimal(1.23456789e-20)).hasSizeLessThanOrEqualTo(16);
        assertThat(Double.parseDouble(DataSet.formatDecimal(6.02214076e23))).isEqualTo(6.02214076e23);
    }
}
