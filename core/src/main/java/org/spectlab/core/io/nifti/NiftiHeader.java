package org.spectlab.core.io.nifti;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.spectlab.core.error.InputException;

/**
 * The fields of the 348-byte NIfTI-1 header that spectlab uses, at the offsets of nifti1.h
 * (NIfTI Data Format Working Group, 2004). Package-private: callers use {@link Nifti}.
 */
final class NiftiHeader {
    static final int SIZEOF_HDR = 348;
    static final int VOX_OFFSET = 352;
    static final short XYZT_UNITS_MM = 2;

    ByteOrder order = ByteOrder.LITTLE_ENDIAN;
    final short[] dim = new short[8];
    short datatype;
    short bitpix;
    final float[] pixdim = new float[8];
    float voxOffset = VOX_OFFSET;
    float sclSlope;
    float sclInter;
    byte xyztUnits;
    String descrip = "";
    short qformCode;
    short sformCode;
    float quaternB;
    float quaternC;
    float quaternD;
    float qoffsetX;
    float qoffsetY;
    float qoffsetZ;
    final float[] srowX = new float[4];
    final float[] srowY = new float[4];
    final float[] srowZ = new float[4];

    /** Parses and checks the first 348 bytes of a file; detects the byte order from sizeof_hdr. */
    static NiftiHeader parse(byte[] bytes, Path file) {
        if (bytes.length < SIZEOF_HDR) {
            throw new InputException(file + ": NIfTI header truncated: " + bytes.length + " of " + SIZEOF_HDR
                    + " bytes");
        }
        ByteBuffer bb = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (bb.getInt(0) != SIZEOF_HDR) {
            bb.order(ByteOrder.BIG_ENDIAN);
            if (bb.getInt(0) != SIZEOF_HDR) {
                throw new InputException(file + ": NIfTI field 'sizeof_hdr' must be 348 (in either byte order), got "
                        + bb.order(ByteOrder.LITTLE_ENDIAN).getInt(0) + "; not a NIfTI-1 file");
            }
        }
        String magic = new String(bytes, 344, 4, StandardCharsets.ISO_8859_1);
        if (magic.equals("ni1\0")) {
            throw new InputException(file + ": NIfTI field 'magic' is \"ni1\" (separate .hdr/.img pair); only single-file"
                    + " .nii (\"n+1\") is supported");
        }
        if (!magic.equals("n+1\0")) {
            throw new InputException(file + ": NIfTI field 'magic' must be \"n+1\", got \""
                    + magic.replace("\0", "\\0") + "\"");
        }
        NiftiHeader h = new NiftiHeader();
        h.order = bb.order();
        for (int i = 0; i < 8; i++) {
            h.dim[i] = bb.getShort(40 + 2 * i);
            h.pixdim[i] = bb.getFloat(76 + 4 * i);
        }
        h.datatype = bb.getShort(70);
        h.bitpix = bb.getShort(72);
        h.voxOffset = bb.getFloat(108);
        h.sclSlope = bb.getFloat(112);
        h.sclInter = bb.getFloat(116);
        h.xyztUnits = bb.get(123);
        h.descrip = cString(bytes, 148, 80);
        h.qformCode = bb.getShort(252);
        h.sformCode = bb.getShort(254);
        h.quaternB = bb.getFloat(256);
        h.quaternC = bb.getFloat(260);
        h.quaternD = bb.getFloat(264);
        h.qoffsetX = bb.getFloat(268);
        h.qoffsetY = bb.getFloat(272);
        h.qoffsetZ = bb.getFloat(276);
        for (int i = 0; i < 4; i++) {
            h.srowX[i] = bb.getFloat(280 + 4 * i);
            h.srowY[i] = bb.getFloat(296 + 4 * i);
            h.srowZ[i] = bb.getFloat(312 + 4 * i);
        }
        return h;
    }

    /** The header plus the 4 zero extension bytes (352 bytes), in this header's byte order. */
    byte[] toBytes() {
        ByteBuffer bb = ByteBuffer.allocate(VOX_OFFSET).order(order);
        bb.putInt(0, SIZEOF_HDR);
        bb.put(38, (byte) 'r');
        for (int i = 0; i < 8; i++) {
            bb.putShort(40 + 2 * i, dim[i]);
            bb.putFloat(76 + 4 * i, pixdim[i]);
        }
        bb.putShort(70, datatype);
        bb.putShort(72, bitpix);
        bb.putFloat(108, voxOffset);
        bb.putFloat(112, sclSlope);
        bb.putFloat(116, sclInter);
        bb.put(123, xyztUnits);
        byte[] d = descrip.getBytes(StandardCharsets.US_ASCII);
        bb.put(148, d, 0, Math.min(d.length, 79));
        bb.putShort(252, qformCode);
        bb.putShort(254, sformCode);
        bb.putFloat(256, quaternB);
        bb.putFloat(260, quaternC);
        bb.putFloat(264, quaternD);
        bb.putFloat(268, qoffsetX);
        bb.putFloat(272, qoffsetY);
        bb.putFloat(276, qoffsetZ);
        for (int i = 0; i < 4; i++) {
            bb.putFloat(280 + 4 * i, srowX[i]);
            bb.putFloat(296 + 4 * i, srowY[i]);
            bb.putFloat(312 + 4 * i, srowZ[i]);
        }
        bb.put(344, (byte) 'n').put(345, (byte) '+').put(346, (byte) '1').put(347, (byte) 0);
        return bb.array();
    }

    private static String cString(byte[] b, int off, int len) {
        int end = off;
        while (end < off + len && b[end] != 0) {
            end++;
        }
        return new String(b, off, end - off, StandardCharsets.ISO_8859_1);
    }
}
