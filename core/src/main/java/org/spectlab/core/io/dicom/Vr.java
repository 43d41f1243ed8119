package org.spectlab.core.io.dicom;

/**
 * The DICOM value representations (PS3.5 section 6.2) that spectlab writes or may meet when reading
 * the NM and CT subset. {@link #longHeader()} says whether explicit VR little endian uses the 12-byte
 * element header (2 reserved bytes and a 32-bit length, PS3.5 Table 7.1-1) instead of the 8-byte one.
 */
enum Vr {
    AE, AS, AT, CS, DA, DS, DT, FD, FL, IS, LO, LT, OB, OD, OF, OL, OV, OW, PN, SH, SL, SQ, SS, ST, SV,
    TM, UC, UI, UL, UN, UR, US, UT, UV;

    /** True for the VRs encoded with a 32-bit length in explicit VR transfer syntaxes. */
    boolean longHeader() {
        return switch (this) {
            case OB, OD, OF, OL, OV, OW, SQ, UC, UN, UR, UT, SV, UV -> true;
            default -> false;
        };
    }

    /** True for text VRs whose values are separated by backslashes. */
    boolean isText() {
        return switch (this) {
            case AE, AS, CS, DA, DS, DT, IS, LO, LT, PN, SH, ST, TM, UC, UI, UR, UT -> true;
            default -> false;
        };
    }

    /** The VR named by two ASCII bytes, or null when unknown. */
    static Vr fromBytes(int b0, int b1) {
        if (b0 < 'A' || b0 > 'Z' || b1 < 'A' || b1 > 'Z') {
            return null;
        }
        try {
            return Vr.valueOf("" + (char) b0 + (char) b1);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
