package org.spectlab.core.io.dicom;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Objects;
import org.spectlab.core.error.InputException;

/**
 * What spectlab writes into the Patient, General Study and General Series modules of every DICOM
 * object of one synthetic study. Only synthetic identities belong here (spectlab simulates phantoms,
 * never patients). Every UID of the study (study, series, frame of reference, SOP instances) is derived
 * from {@code seed}, so the same info gives byte-identical files.
 *
 * @param patientName      DICOM person name, components separated by {@code ^}, e.g. {@code "SPECTLAB^PHANTOM"}
 * @param patientId        patient ID (LO, at most 64 characters)
 * @param studyDate        study date (written as DA, YYYYMMDD)
 * @param studyTime        study time (written as TM, HHMMSS; fractions of a second dropped)
 * @param studyDescription study description (LO, at most 64 characters; may be empty)
 * @param seed             seed from which every UID of the study is derived
 */
public record DicomStudyInfo(String patientName, String patientId, LocalDate studyDate, LocalTime studyTime,
                             String studyDescription, long seed) {

    /** Validates that every text is printable ASCII without backslashes and fits its VR. */
    public DicomStudyInfo {
        Objects.requireNonNull(studyDate, "studyDate");
        Objects.requireNonNull(studyTime, "studyTime");
        check("patient name", patientName, 64, false);
        check("patient ID", patientId, 64, false);
        check("study description", studyDescription, 64, true);
        if (studyDate.getYear() < 1 || studyDate.getYear() > 9999) {
            throw InputException.field("study date", "year must be 1 to 9999, got " + studyDate.getYear());
        }
    }

    /** Info from explicit values. */
    public static DicomStudyInfo of(String patientName, String patientId, LocalDate studyDate, LocalTime studyTime,
                                    String studyDescription, long seed) {
        return new DicomStudyInfo(patientName, patientId, studyDate, studyTime, studyDescription, seed);
    }

    /**
     * The default synthetic identity: patient {@code SPECTLAB^PHANTOM}, ID {@code SPECTLAB-<seed>},
     * the given date at 12:00:00.
     */
    public static DicomStudyInfo synthetic(long seed, LocalDate studyDate, String studyDescription) {
        return new DicomStudyInfo("SPECTLAB^PHANTOM", "SPECTLAB-" + seed, studyDate, LocalTime.NOON,
                studyDescription, seed);
    }

    private static void check(String field, String value, int maxLength, boolean mayBeEmpty) {
        if (value == null || (!mayBeEmpty && value.isBlank())) {
            throw InputException.field(field, "must not be empty");
        }
        if (value.length() > maxLength) {
            throw InputException.field(field, "must be at most " + maxLength + " characters, got " + value.length());
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c > 0x7E || c == '\\') {
                throw InputException.field(field, "must be printable ASCII without backslashes, got '" + value + "'");
            }
        }
    }
}
