package org.spectlab.core.io.dicom;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Test helper: encodes a data set the way many vendor systems do, in Implicit VR Little Endian with
 * undefined-length sequences and items (PS3.5 7.5.2), which spectlab's writer never produces.
 */
final class VendorStyleFiles {
    private VendorStyleFiles() {
    }

    static byte[] implicitPart10(DataSet data) {
        DataSet meta = new DataSet();
        meta.putRaw(Tag.FILE_META_VERSION, Vr.OB, new byte[] {0, 1});
        meta.putText(Tag.MEDIA_STORAGE_SOP_CLASS, Vr.UI, data.text(Tag.SOP_CLASS_UID));
        meta.putText(Tag.MEDIA_STORAGE_SOP_INSTANCE, Vr.UI, data.text(Tag.SOP_INSTANCE_UID));
        meta.putText(Tag.TRANSFER_SYNTAX, Vr.UI, Part10.IMPLICIT_VR_LITTLE_ENDIAN);
        ByteArrayOutputStream metaBody = new ByteArrayOutputStream();
        for (Map.Entry<Integer, DataSet.Element> e : meta.elements().entrySet()) {
            DataSet.Element el = e.getValue();
            ByteBuffer h = ByteBuffer.allocate(el.vr().longHeader() ? 12 : 8).order(ByteOrder.LITTLE_ENDIAN);
            h.putShort((short) (e.getKey() >>> 16)).putShort((short) (int) e.getKey());
            h.put(el.vr().name().getBytes(StandardCharsets.US_ASCII));
            if (el.vr().longHeader()) {
                h.putShort((short) 0).putInt(el.bytes().length);
            } else {
                h.putShort((short) el.bytes().length);
            }
            metaBody.writeBytes(h.array());
            metaBody.writeBytes(el.bytes());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[128]);
        out.writeBytes("DICM".getBytes(StandardCharsets.US_ASCII));
        ByteBuffer gl = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
        gl.putShort((short) 2).putShort((short) 0).put((byte) 'U').put((byte) 'L').putShort((short) 4)
                .putInt(metaBody.size());
        out.writeBytes(gl.array());
        out.writeBytes(metaBody.toByteArray());
        writeImplicit(out, data);
        return out.toByteArray();
    }

    private static void writeImplicit(ByteArrayOutputStream out, DataSet data) {
        for (Map.Entry<Integer, DataSet.Element> e : data.elements().entrySet()) {
            int tag = e.getKey();
            DataSet.Element el = e.getValue();
            if (el.vr() == Vr.SQ) {
                header(out, tag, 0xFFFF_FFFF);
                for (DataSet item : el.items()) {
                    header(out, Tag.ITEM, 0xFFFF_FFFF);
                    writeImplicit(out, item);
                    header(out, Tag.ITEM_DELIMITATION, 0);
                }
                header(out, Tag.SEQUENCE_DELIMITATION, 0);
            } else {
                header(out, tag, el.bytes().length);
                out.writeBytes(el.bytes());
            }
        }
    }

    private static void header(ByteArrayOutputStream out, int tag, int length) {
        out.writeBytes(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putShort((short) (tag >>> 16))
                .putShort((short) tag).putInt(length).array());
    }
}
