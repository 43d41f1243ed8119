package org.spectlab.core.io.dicom;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Deterministic DICOM UIDs under the UUID-derived root {@code 2.25} (PS3.5 section B.2: a UID may be
 * {@code 2.25.} followed by the decimal value of a 128-bit UUID, with no registration needed).
 *
 * <p>The UUID is name-based in the manner of RFC 9562 version 5: the first 16 bytes of the SHA-1 of
 * {@code "spectlab-dicom|" + seed + "|" + purpose + "|" + index}, with the version nibble set to 5 and
 * the variant bits to 10. The same (seed, purpose, index) therefore always gives the same UID, so a
 * study written twice from the same seed is byte-identical, while different seeds give unrelated UIDs.
 * The longest such UID is 44 characters, under the 64 that UI allows.
 */
final class Uids {
    /** Implementation Class UID of spectlab's DICOM writer (fixed; derived as above from seed 0). */
    static final String IMPLEMENTATION_CLASS_UID = derive(0, "implementation-class", 0);
    /** Implementation Version Name (SH, at most 16 characters). */
    static final String IMPLEMENTATION_VERSION_NAME = "SPECTLAB_0_1";

    private Uids() {
    }

    /** The UID for (seed, purpose, index), e.g. {@code derive(seed, "series/ct", 0)}. */
    static String derive(long seed, String purpose, long index) {
        byte[] hash;
        try {
            hash = MessageDigest.getInstance("SHA-1").digest(("spectlab-dicom|" + seed + "|" + purpose + "|" + index)
                    .getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is required of every Java platform", e);
        }
        byte[] uuid = new byte[16];
        System.arraycopy(hash, 0, uuid, 0, 16);
        uuid[6] = (byte) ((uuid[6] & 0x0F) | 0x50);
        uuid[8] = (byte) ((uuid[8] & 0x3F) | 0x80);
        return "2.25." + new BigInteger(1, uuid);
    }
}
