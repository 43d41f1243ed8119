package org.spectlab.core.io.dicom;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The DICOM attribute tags (PS3.6 data dictionary) of the subset spectlab writes and reads, as
 * {@code (group << 16) | element}, with their VRs for reading implicit VR little endian files.
 */
final class Tag {
    private static final Map<Integer, Vr> VRS = new HashMap<>();

    static final int FILE_META_GROUP_LENGTH = def(0x0002_0000, Vr.UL);
    static final int FILE_META_VERSION = def(0x0002_0001, Vr.OB);
    static final int MEDIA_STORAGE_SOP_CLASS = def(0x0002_0002, Vr.UI);
    static final int MEDIA_STORAGE_SOP_INSTANCE = def(0x0002_0003, Vr.UI);
    static final int TRANSFER_SYNTAX = def(0x0002_0010, Vr.UI);
    static final int IMPLEMENTATION_CLASS_UID = def(0x0002_0012, Vr.UI);
    static final int IMPLEMENTATION_VERSION_NAME = def(0x0002_0013, Vr.SH);

    static final int IMAGE_TYPE = def(0x0008_0008, Vr.CS);
    static final int SOP_CLASS_UID = def(0x0008_0016, Vr.UI);
    static final int SOP_INSTANCE_UID = def(0x0008_0018, Vr.UI);
    static final int STUDY_DATE = def(0x0008_0020, Vr.DA);
    static final int SERIES_DATE = def(0x0008_0021, Vr.DA);
    static final int ACQUISITION_DATE = def(0x0008_0022, Vr.DA);
    static final int CONTENT_DATE = def(0x0008_0023, Vr.DA);
    static final int STUDY_TIME = def(0x0008_0030, Vr.TM);
    static final int SERIES_TIME = def(0x0008_0031, Vr.TM);
    static final int ACQUISITION_TIME = def(0x0008_0032, Vr.TM);
    static final int CONTENT_TIME = def(0x0008_0033, Vr.TM);
    static final int ACCESSION_NUMBER = def(0x0008_0050, Vr.SH);
    static final int MODALITY = def(0x0008_0060, Vr.CS);
    static final int MANUFACTURER = def(0x0008_0070, Vr.LO);
    static final int REFERRING_PHYSICIAN = def(0x0008_0090, Vr.PN);
    static final int CODE_VALUE = def(0x0008_0100, Vr.SH);
    static final int CODING_SCHEME_DESIGNATOR = def(0x0008_0102, Vr.SH);
    static final int CODE_MEANING = def(0x0008_0104, Vr.LO);
    static final int STUDY_DESCRIPTION = def(0x0008_1030, Vr.LO);
    static final int SERIES_DESCRIPTION = def(0x0008_103E, Vr.LO);
    static final int MANUFACTURER_MODEL = def(0x0008_1090, Vr.LO);

    static final int PATIENT_NAME = def(0x0010_0010, Vr.PN);
    static final int PATIENT_ID = def(0x0010_0020, Vr.LO);
    static final int PATIENT_BIRTH_DATE = def(0x0010_0030, Vr.DA);
    static final int PATIENT_SEX = def(0x0010_0040, Vr.CS);

    static final int COUNTS_ACCUMULATED = def(0x0018_0070, Vr.IS);
    static final int COLLIMATOR_TYPE = def(0x0018_1181, Vr.CS);
    static final int SLICE_THICKNESS = def(0x0018_0050, Vr.DS);
    static final int KVP = def(0x0018_0060, Vr.DS);
    static final int SPACING_BETWEEN_SLICES = def(0x0018_0088, Vr.DS);
    static final int SOFTWARE_VERSIONS = def(0x0018_1020, Vr.LO);
    static final int SCAN_ARC = def(0x0018_1143, Vr.DS);
    static final int ANGULAR_STEP = def(0x0018_1144, Vr.DS);
    static final int ROTATION_DIRECTION = def(0x0018_1140, Vr.CS);
    static final int RADIAL_POSITION = def(0x0018_1142, Vr.DS);
    static final int ACTUAL_FRAME_DURATION = def(0x0018_1242, Vr.IS);
    static final int PATIENT_POSITION = def(0x0018_5100, Vr.CS);

    static final int STUDY_INSTANCE_UID = def(0x0020_000D, Vr.UI);
    static final int SERIES_INSTANCE_UID = def(0x0020_000E, Vr.UI);
    static final int STUDY_ID = def(0x0020_0010, Vr.SH);
    static final int SERIES_NUMBER = def(0x0020_0011, Vr.IS);
    static final int ACQUISITION_NUMBER = def(0x0020_0012, Vr.IS);
    static final int INSTANCE_NUMBER = def(0x0020_0013, Vr.IS);
    static final int PATIENT_ORIENTATION = def(0x0020_0020, Vr.CS);
    static final int LATERALITY = def(0x0020_0060, Vr.CS);
    static final int IMAGE_POSITION_PATIENT = def(0x0020_0032, Vr.DS);
    static final int IMAGE_ORIENTATION_PATIENT = def(0x0020_0037, Vr.DS);
    static final int FRAME_OF_REFERENCE_UID = def(0x0020_0052, Vr.UI);
    static final int POSITION_REFERENCE_INDICATOR = def(0x0020_1040, Vr.LO);
    static final int SLICE_LOCATION = def(0x0020_1041, Vr.DS);

    static final int SAMPLES_PER_PIXEL = def(0x0028_0002, Vr.US);
    static final int PHOTOMETRIC_INTERPRETATION = def(0x0028_0004, Vr.CS);
    static final int NUMBER_OF_FRAMES = def(0x0028_0008, Vr.IS);
    static final int FRAME_INCREMENT_POINTER = def(0x0028_0009, Vr.AT);
    static final int ROWS = def(0x0028_0010, Vr.US);
    static final int COLUMNS = def(0x0028_0011, Vr.US);
    static final int PIXEL_SPACING = def(0x0028_0030, Vr.DS);
    static final int BITS_ALLOCATED = def(0x0028_0100, Vr.US);
    static final int BITS_STORED = def(0x0028_0101, Vr.US);
    static final int HIGH_BIT = def(0x0028_0102, Vr.US);
    static final int PIXEL_REPRESENTATION = def(0x0028_0103, Vr.US);
    static final int RESCALE_INTERCEPT = def(0x0028_1052, Vr.DS);
    static final int RESCALE_SLOPE = def(0x0028_1053, Vr.DS);
    static final int RESCALE_TYPE = def(0x0028_1054, Vr.LO);

    static final int REAL_WORLD_VALUE_MAPPING_SEQUENCE = def(0x0040_9096, Vr.SQ);
    static final int MEASUREMENT_UNITS_CODE_SEQUENCE = def(0x0040_08EA, Vr.SQ);
    static final int LUT_EXPLANATION = def(0x0028_3003, Vr.LO);
    static final int LUT_LABEL = def(0x0040_9210, Vr.SH);
    static final int RWV_FIRST_VALUE_MAPPED = def(0x0040_9216, Vr.US);
    static final int RWV_LAST_VALUE_MAPPED = def(0x0040_9211, Vr.US);
    static final int RWV_INTERCEPT = def(0x0040_9224, Vr.FD);
    static final int RWV_SLOPE = def(0x0040_9225, Vr.FD);

    static final int ENERGY_WINDOW_VECTOR = def(0x0054_0010, Vr.US);
    static final int NUMBER_OF_ENERGY_WINDOWS = def(0x0054_0011, Vr.US);
    static final int ENERGY_WINDOW_INFORMATION_SEQUENCE = def(0x0054_0012, Vr.SQ);
    static final int ENERGY_WINDOW_RANGE_SEQUENCE = def(0x0054_0013, Vr.SQ);
    static final int ENERGY_WINDOW_LOWER_LIMIT = def(0x0054_0014, Vr.DS);
    static final int ENERGY_WINDOW_UPPER_LIMIT = def(0x0054_0015, Vr.DS);
    static final int RADIOPHARMACEUTICAL_INFORMATION_SEQUENCE = def(0x0054_0016, Vr.SQ);
    static final int ENERGY_WINDOW_NAME = def(0x0054_0018, Vr.SH);
    static final int DETECTOR_VECTOR = def(0x0054_0020, Vr.US);
    static final int NUMBER_OF_DETECTORS = def(0x0054_0021, Vr.US);
    static final int DETECTOR_INFORMATION_SEQUENCE = def(0x0054_0022, Vr.SQ);
    static final int ROTATION_VECTOR = def(0x0054_0050, Vr.US);
    static final int NUMBER_OF_ROTATIONS = def(0x0054_0051, Vr.US);
    static final int ROTATION_INFORMATION_SEQUENCE = def(0x0054_0052, Vr.SQ);
    static final int NUMBER_OF_FRAMES_IN_ROTATION = def(0x0054_0053, Vr.US);
    static final int SLICE_VECTOR = def(0x0054_0080, Vr.US);
    static final int NUMBER_OF_SLICES = def(0x0054_0081, Vr.US);
    static final int ANGULAR_VIEW_VECTOR = def(0x0054_0090, Vr.US);
    static final int START_ANGLE = def(0x0054_0200, Vr.DS);
    static final int TYPE_OF_DETECTOR_MOTION = def(0x0054_0202, Vr.CS);
    static final int PATIENT_ORIENTATION_CODE_SEQUENCE = def(0x0054_0410, Vr.SQ);
    static final int PATIENT_ORIENTATION_MODIFIER_CODE_SEQUENCE = def(0x0054_0412, Vr.SQ);
    static final int PATIENT_GANTRY_RELATIONSHIP_CODE_SEQUENCE = def(0x0054_0414, Vr.SQ);
    static final int UNITS = def(0x0054_1001, Vr.CS);

    static final int PIXEL_DATA = def(0x7FE0_0010, Vr.OW);

    static final int ITEM = 0xFFFE_E000;
    static final int ITEM_DELIMITATION = 0xFFFE_E00D;
    static final int SEQUENCE_DELIMITATION = 0xFFFE_E0DD;

    private Tag() {
    }

    private static int def(int tag, Vr vr) {
        VRS.put(tag, vr);
        return tag;
    }

    /** The VR of a known tag for implicit VR reading: group lengths are UL, unknown tags UN. */
    static Vr implicitVr(int tag) {
        Vr vr = VRS.get(tag);
        if (vr != null) {
            return vr;
        }
        return (tag & 0xFFFF) == 0 ? Vr.UL : Vr.UN;
    }

    /** The tag as DICOM writes it, e.g. {@code (0054,0200)}. */
    static String name(int tag) {
        return String.format(Locale.ROOT, "(%04X,%04X)", tag >>> 16, tag & 0xFFFF);
    }
}
