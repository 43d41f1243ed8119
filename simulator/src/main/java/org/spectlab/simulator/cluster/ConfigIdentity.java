package org.spectlab.simulator.cluster;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.spectlab.simulator.study.StudyConfig;

/**
 * What every part of one run shares: the SHA-256 of the normalised configuration (the config as
 * run, {@link StudyConfig#toTree()}: defaults filled in, windows explicit, the phantom inline; the
 * seed is part of it), the seed, the unit the run is split into and how many units it has. Parts
 * whose identities differ come from different runs and are never merged. The thread count is not
 * part of it: results do not depend on it.
 *
 * @param configHash SHA-256 of the normalised configuration, 64 lowercase hex digits
 * @param seed       the simulation seed
 * @param unit       views (forced detection) or batches (analog)
 * @param totalUnits views or batches of the whole run
 */
public record ConfigIdentity(String configHash, long seed, WorkUnit unit, long totalUnits) {
    /**
     * Versions the hashed text: bump when the meaning of a configuration changes (2: a phantom's
     * kinetics now also act during the scan, so parts of a version-1 run must not merge with new ones).
     */
    private static final String HASH_PREFIX = "spectlab-config/2\n";

    /** The identity of a configuration. */
    public static ConfigIdentity of(StudyConfig config) {
        return new ConfigIdentity(hash(config), config.simulation().seed(), WorkUnit.of(config), WorkUnit.total(config));
    }

    /** SHA-256 (hex) of the configuration as run, serialised as compact JSON. */
    public static String hash(StudyConfig config) {
        try {
            String json = new ObjectMapper().writeValueAsString(config.toTree());
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest((HASH_PREFIX + json).getBytes(StandardCharsets.UTF_8)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise the configuration", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }

    /** The first 12 hex digits, for messages. */
    public String shortHash() {
        return configHash.substring(0, 12);
    }
}
