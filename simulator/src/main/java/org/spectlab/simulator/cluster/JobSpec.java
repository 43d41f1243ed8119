package org.spectlab.simulator.cluster;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.spectlab.core.error.InputException;
import org.spectlab.core.io.AtomicFiles;
import org.spectlab.simulator.study.StudyConfig;

/**
 * One job of a split run, as written to {@code job-<k>.yaml}:
 * <pre>
 * format: spectlab-job/1
 * job_index: 3                  # 0 .. jobs - 1
 * jobs: 7
 * part: {unit: views, first: 54, count: 18}     # batches for analog runs
 * config_hash: 9f2c...          # SHA-256 of the normalised config ({@link ConfigIdentity})
 * seed: 1
 * phantom_source: example:iec-tc99m
 * config: {...}                 # the configuration as run (defaults filled in, phantom inline)
 * </pre>
 * Reading checks that the hash still matches the config (an edited job file is refused).
 *
 * @param index    job index, 0 to jobs - 1
 * @param jobs     number of jobs of the split
 * @param part     the units this job computes
 * @param identity identity of the run (hash, seed, unit, total units)
 * @param config   the configuration as run
 */
public record JobSpec(int index, int jobs, UnitRange part, ConfigIdentity identity, StudyConfig config) {
    /** Format tag of job files. */
    public static final String FORMAT = "spectlab-job/1";

    /** The file name of job {@code k}. */
    public static String fileName(int k) {
        return "job-" + k + ".yaml";
    }

    /** The file name of the part job {@code k} writes. */
    public static String partFileName(int k) {
        return "part-" + k + ".bin";
    }

    /** Writes the job file atomically. */
    public void write(Path file) {
        ObjectNode root = new ObjectMapper().createObjectNode();
        root.put("format", FORMAT);
        root.put("job_index", index);
        root.put("jobs", jobs);
        root.putObject("part").put("unit", part.unit().key()).put("first", part.first()).put("count", part.count());
        root.put("config_hash", identity.configHash());
        root.put("seed", identity.seed());
        root.put("phantom_source", config.phantomSource());
        root.set("config", config.toTree());
        try {
            String yaml = new ObjectMapper(new YAMLFactory().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER))
                    .writeValueAsString(root);
            AtomicFiles.writeString(file, "# spectlab job " + index + " of " + jobs + " (" + part + " of "
                    + identity.totalUnits() + "); run it with: spectlab run " + file.getFileName() + "\n" + yaml);
            FileModes.shared(file, false);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise job " + index, e);
        }
    }

    /** Reads and checks a job file; every problem is an {@link InputException} naming the file. */
    public static JobSpec read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new InputException("no job file '" + file + "'");
        }
        String name = file.getFileName().toString();
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(file));
        } catch (IOException e) {
            throw new InputException(name + ": not a readable job file: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject() || !FORMAT.equals(root.path("format").asText())) {
            throw new InputException(name + ": not a spectlab job file (format must be " + FORMAT + ")");
        }
        int index = requiredInt(root, "job_index", name);
        int jobs = requiredInt(root, "jobs", name);
        if (jobs < 1 || index < 0 || index >= jobs) {
            throw new InputException(name + ": job_index " + index + " is not in 0.." + (jobs - 1));
        }
        JsonNode p = root.path("part");
        WorkUnit unit = WorkUnit.fromKey(p.path("unit").asText(), name + ": part.unit");
        long first = p.path("first").asLong(-1);
        long count = p.path("count").asLong(-1);
        if (first < 0 || count < 1) {
            throw new InputException(name + ": part.first must be >= 0 and part.count >= 1");
        }
        UnitRange part = new UnitRange(unit, first, count);
        JsonNode cfg = root.get("config");
        if (cfg == null || !cfg.isObject()) {
            throw new InputException(name + ": 'config' is missing");
        }
        StudyConfig parsed = StudyConfig.parse(cfg.toString(), name + " config", file.toAbsolutePath().getParent());
        String source = root.path("phantom_source").asText("inline");
        StudyConfig config = new StudyConfig(source, parsed.phantomTree(), parsed.phantom(), parsed.nuclide(),
                parsed.scanTimeH(), parsed.camera(), parsed.acquisition(), parsed.simulation(), parsed.ct());
        ConfigIdentity identity = ConfigIdentity.of(config);
        String stored = root.path("config_hash").asText();
        if (!identity.configHash().equals(stored)) {
            throw new InputException(name + ": config_hash " + stored + " does not match its config (hash "
                    + identity.configHash() + "); the job file was edited — split again");
        }
        if (unit != identity.unit() || part.end() > identity.totalUnits()) {
            throw new InputException(name + ": part " + part + " is not within the run's "
                    + identity.totalUnits() + " " + identity.unit().key());
        }
        return new JobSpec(index, jobs, part, identity, config);
    }

    private static int requiredInt(JsonNode root, String key, String file) {
        JsonNode n = root.get(key);
        if (n == null || !n.canConvertToInt()) {
            throw new InputException(file + ": '" + key + "' is missing or not an integer");
        }
        return n.asInt();
    }
}
