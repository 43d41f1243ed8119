package org.spectlab.core.io.dicom;

import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The modules every spectlab DICOM object shares (PS3.3): Patient (C.7.1.1), General Study (C.7.2.1),
 * General Series (C.7.3.1), Frame of Reference (C.7.4.1), General Equipment (C.7.5.1), the identifying
 * part of General Image (C.7.6.1) and SOP Common (C.12.1); and the NM/PET Patient Orientation module
 * (C.8.4.6) for NM objects.
 *
 * <p>All objects of one {@link DicomStudyInfo} share the Study Instance UID and the Frame of Reference
 * UID, so a viewer overlays the NM reconstruction on the CT.
 */
final class Modules {
    static final String NM_IMAGE_STORAGE = "1.2.840.10008.5.1.4.1.1.20";
    static final String CT_IMAGE_STORAGE = "1.2.840.10008.5.1.4.1.1.2";
    static final String MANUFACTURER = "spectlab";
    static final String MODEL = "spectlab Monte Carlo SPECT/CT simulator";

    private static final DateTimeFormatter DA = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final DateTimeFormatter TM = DateTimeFormatter.ofPattern("HHmmss");

    private Modules() {
    }

    /** The series a DICOM object belongs to: purpose name for UID derivation, number, modality, description. */
    record Series(String purpose, int number, String modality, String description) {
    }

    /** Fills the shared modules of one object (instance {@code instanceIndex} of its series, from 0). */
    static void common(DataSet d, DicomStudyInfo info, String sopClass, Series series, int instanceIndex) {
        long seed = info.seed();
        String date = DA.format(info.studyDate());
        String time = TM.format(info.studyTime());
        d.putText(Tag.SOP_CLASS_UID, Vr.UI, sopClass);
        d.putText(Tag.SOP_INSTANCE_UID, Vr.UI, Uids.derive(seed, "instance/" + series.purpose(), instanceIndex));
        d.putText(Tag.STUDY_DATE, Vr.DA, date);
        d.putText(Tag.SERIES_DATE, Vr.DA, date);
        d.putText(Tag.ACQUISITION_DATE, Vr.DA, date);
        d.putText(Tag.CONTENT_DATE, Vr.DA, date);
        d.putText(Tag.STUDY_TIME, Vr.TM, time);
        d.putText(Tag.SERIES_TIME, Vr.TM, time);
        d.putText(Tag.ACQUISITION_TIME, Vr.TM, time);
        d.putText(Tag.CONTENT_TIME, Vr.TM, time);
        d.putEmpty(Tag.ACCESSION_NUMBER, Vr.SH);
        d.putText(Tag.MODALITY, Vr.CS, series.modality());
        d.putText(Tag.MANUFACTURER, Vr.LO, MANUFACTURER);
        d.putEmpty(Tag.REFERRING_PHYSICIAN, Vr.PN);
        d.putText(Tag.STUDY_DESCRIPTION, Vr.LO, info.studyDescription());
        d.putText(Tag.SERIES_DESCRIPTION, Vr.LO, series.description());
        d.putText(Tag.MANUFACTURER_MODEL, Vr.LO, MODEL);
        d.putText(Tag.PATIENT_NAME, Vr.PN, info.patientName());
        d.putText(Tag.PATIENT_ID, Vr.LO, info.patientId());
        d.putEmpty(Tag.PATIENT_BIRTH_DATE, Vr.DA);
        d.putText(Tag.PATIENT_SEX, Vr.CS, "O");
        d.putText(Tag.SOFTWARE_VERSIONS, Vr.LO, "spectlab " + Uids.IMPLEMENTATION_VERSION_NAME);
        d.putText(Tag.STUDY_INSTANCE_UID, Vr.UI, Uids.derive(seed, "study", 0));
        d.putText(Tag.SERIES_INSTANCE_UID, Vr.UI, Uids.derive(seed, "series/" + series.purpose(), 0));
        d.putText(Tag.STUDY_ID, Vr.SH, "1");
        d.putInteger(Tag.SERIES_NUMBER, series.number());
        d.putInteger(Tag.ACQUISITION_NUMBER, 1);
        d.putInteger(Tag.INSTANCE_NUMBER, instanceIndex + 1L);
        d.putEmpty(Tag.LATERALITY, Vr.CS);
        d.putText(Tag.FRAME_OF_REFERENCE_UID, Vr.UI, Uids.derive(seed, "frame-of-reference", 0));
        d.putEmpty(Tag.POSITION_REFERENCE_INDICATOR, Vr.LO);
    }

    /**
     * NM/PET Patient Orientation (PS3.3 C.8.4.6): recumbent, supine, head first, coded in SNOMED CT
     * (CID 19, 20 and 21: 102538003 recumbent, 40199007 supine, 102540008 headfirst), the position
     * for which spectlab's angle mapping holds.
     */
    static void patientOrientation(DataSet d) {
        DataSet recumbent = code("102538003", "SCT", "recumbent");
        recumbent.putSequence(Tag.PATIENT_ORIENTATION_MODIFIER_CODE_SEQUENCE,
                List.of(code("40199007", "SCT", "supine")));
        d.putSequence(Tag.PATIENT_ORIENTATION_CODE_SEQUENCE, List.of(recumbent));
        d.putSequence(Tag.PATIENT_GANTRY_RELATIONSHIP_CODE_SEQUENCE, List.of(code("102540008", "SCT", "headfirst")));
    }

    /** A code sequence item (Code Value, Coding Scheme Designator, Code Meaning). */
    static DataSet code(String value, String scheme, String meaning) {
        DataSet c = new DataSet();
        c.putText(Tag.CODE_VALUE, Vr.SH, value);
        c.putText(Tag.CODING_SCHEME_DESIGNATOR, Vr.SH, scheme);
        c.putText(Tag.CODE_MEANING, Vr.LO, meaning);
        return c;
    }

    /** Image Pixel module (C.7.6.3) for one-sample 16-bit grey images; pixel data added separately. */
    static void pixelModule(DataSet d, int rows, int cols, boolean signed) {
        d.putUnsignedShorts(Tag.SAMPLES_PER_PIXEL, 1);
        d.putText(Tag.PHOTOMETRIC_INTERPRETATION, Vr.CS, "MONOCHROME2");
        d.putUnsignedShorts(Tag.ROWS, rows);
        d.putUnsignedShorts(Tag.COLUMNS, cols);
        d.putUnsignedShorts(Tag.BITS_ALLOCATED, 16);
        d.putUnsignedShorts(Tag.BITS_STORED, 16);
        d.putUnsignedShorts(Tag.HIGH_BIT, 15);
        d.putUnsignedShorts(Tag.PIXEL_REPRESENTATION, signed ? 1 : 0);
    }
}
