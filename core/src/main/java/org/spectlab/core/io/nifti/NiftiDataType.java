package org.spectlab.core.io.nifti;

/** The NIfTI-1 {@code datatype} codes spectlab reads (nifti1.h: DT_UINT8 = 2 ... DT_UINT32 = 768). */
enum NiftiDataType {
    UINT8(2, 8), INT16(4, 16), INT32(8, 32), FLOAT32(16, 32), FLOAT64(64, 64), INT8(256, 8), UINT16(512, 16),
    UINT32(768, 32);

    final short code;
    final short bitpix;

    NiftiDataType(int code, int bitpix) {
        this.code = (short) code;
        this.bitpix = (short) bitpix;
    }

    int bytes() {
        return bitpix / 8;
    }

    /** The type with this code, or null when spectlab does not read it. */
    static NiftiDataType fromCode(int code) {
        for (NiftiDataType t : values()) {
            if (t.code == code) {
                return t;
            }
        }
        return null;
    }
}
