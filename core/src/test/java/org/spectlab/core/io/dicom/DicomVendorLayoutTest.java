package org.spectlab.core.io.dicom;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spectlab.core.projection.AcquisitionGeometry;
import org.spectlab.core.projection.EnergyWindow;
import org.spectlab.core.projection.ProjectionSet;
import org.spectlab.core.projection.RotationDirection;

/** Layouts other than spectlab's own: implicit VR with undefined lengths, GE-style radii, heads out of order. */
class DicomVendorLayoutTest {
    @TempDir
    Path dir;

    private DataSet written(List<ProjectionSet> p) {
        Path f = dir.resolve("own.dcm");
        Dicom.writeProjections(p, DicomRoundTripTest.INFO, f);
        DataSet d = Part10.read(f);
        d.source = null;
        return d;
    }

    private List<ProjectionSet> readImplicit(DataSet d) throws IOException {
        Path f = dir.resolve("vendor.dcm");
        Files.write(f, VendorStyleFiles.implicitPart10(d));
        return Dicom.readProjections(f);
    }

    @Test
    void implicitVrWithUndefinedLengthsAndGeStyleRadiiInTheRotationSequence() throws IOException {
        double[] radii = {180, 190, 200, 210, 220, 210};
        AcquisitionGeometry g = AcquisitionGeometry.of(6, 0, 180, RotationDirection.CCW, radii, 1);
        ProjectionSet p = DicomRoundTripTest.counts(g, 3, 4, EnergyWindow.of("em", 126, 154), 5);
        DataSet d = written(List.of(p));
        // GE style: no Start Angle or Radial Position in the detector item; both only in the rotation item
        DataSet detector = d.items(Tag.DETECTOR_INFORMATION_SEQUENCE).get(0);
        detector.elements().remove(Tag.START_ANGLE);
        detector.elements().remove(Tag.RADIAL_POSITION);
        ProjectionSet back = readImplicit(d).get(0);
        assertThat(back.geometry()).isEqualTo(g);
        assertThat(back.data()).containsExactly(p.data());
        assertThat(back.window()).isEqualTo(p.window());
    }

    @Test
    void singleRadiusAndHeadsListedInReverseOrderAreMergedByAngle() throws IOException {
        AcquisitionGeometry g = AcquisitionGeometry.circular(8, 90, 360, RotationDirection.CW, 245.5, 2);
        ProjectionSet p = DicomRoundTripTest.counts(g, 2, 3, EnergyWindow.of("em", 126, 154), 9);
        DataSet d = written(List.of(p));
        // swap the detector numbers of the frames and the two detector items: same acquisition, other listing
        double[] dv = d.numbers(Tag.DETECTOR_VECTOR);
        int[] swapped = new int[dv.length];
        for (int f = 0; f < dv.length; f++) {
            swapped[f] = 3 - (int) dv[f];
        }
        d.putUnsignedShorts(Tag.DETECTOR_VECTOR, swapped);
        List<DataSet> heads = d.items(Tag.DETECTOR_INFORMATION_SEQUENCE);
        d.putSequence(Tag.DETECTOR_INFORMATION_SEQUENCE, List.of(heads.get(1), heads.get(0)));
        for (DataSet h : heads) {
            h.putDecimal(Tag.RADIAL_POSITION, 245.5);
        }
        // detector items now listed in reverse order: each frame must still get its own head's angle
        ProjectionSet back = readImplicit(d).get(0);
        assertThat(back.geometry().views()).isEqualTo(8);
        assertThat(back.geometry().radiiMm()).containsOnly(245.5);
        assertThat(back.geometry().stepDeg()).isEqualTo(45);
        assertThat(back.geometry().direction()).isEqualTo(RotationDirection.CW);
        // each view's data must sit at its own angle: compare by angle, whatever the start
        for (int v = 0; v < 8; v++) {
            double angle = back.geometry().angleDeg(v);
            int original = (int) Math.round(((angle - 90) % 360 + 360) % 360 / 45);
            for (int i = 0; i < 6; i++) {
                assertThat(back.data()[v * 6 + i]).isEqualTo(p.data()[original * 6 + i]);
            }
        }
    }
}
