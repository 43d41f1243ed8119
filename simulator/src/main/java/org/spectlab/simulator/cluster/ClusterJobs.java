package org.spectlab.simulator.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.spectlab.core.error.InputException;
import org.spectlab.phantoms.config.PhantomConfig;
import org.spectlab.simulator.run.BatchRunner;
import org.spectlab.simulator.spect.SpectScenario;
import org.spectlab.simulator.study.SpectStudy;
import org.spectlab.simulator.study.StudyConfig;

/**
 * Split / run / merge of one study over independent jobs.
 * <ul>
 *   <li>{@link #split}: N job files ({@code job-<k>.yaml}, {@link JobSpec}) that together are exactly
 *       the single run, plus the scheduler files ({@link SchedulerFiles}).</li>
 *   <li>{@link #run}: one job, writing {@code part-<k>.bin} ({@link PartFile}) beside its job file;
 *       idempotent (a valid part of the same run and range is kept).</li>
 *   <li>{@link #merge}: checks that every part is present, of the same run and not duplicated, and
 *       writes the study folder through {@link SpectStudy#run(StudyConfig, int, SpectStudy.SpectStage,
 *       String, String, Path, boolean)}, the code the single run uses.</li>
 * </ul>
 */
public final class ClusterJobs {
    private static final Pattern JOB_FILE = Pattern.compile("job-(\\d+)\\.yaml");
    private static final Pattern PART_FILE = Pattern.compile("part-.*\\.bin");

    private ClusterJobs() {
    }

    /**
     * What a job run did.
     *
     * @param job     the job
     * @param part    the part file
     * @param skipped true when a valid part was already there (nothing computed)
     * @param seconds wall time, s
     */
    public record RunOutcome(JobSpec job, Path part, boolean skipped, double seconds) {
    }

    /**
     * Writes the job files and scheduler files of a split into {@code dir}.
     *
     * @param config    the configuration
     * @param jobs      number of jobs, 1 to the run's views (forced detection) or batches (analog)
     * @param dir       the split folder (created; must not hold another split unless {@code force})
     * @param scheduler scheduler file options
     * @param force     replace job, part and scheduler files already in {@code dir}
     * @return the jobs
     */
    public static List<JobSpec> split(StudyConfig config, int jobs, Path dir, SchedulerFiles scheduler, boolean force) {
        ConfigIdentity identity = ConfigIdentity.of(config);
        if (jobs < 1 || jobs > identity.totalUnits()) {
            throw InputException.field("--jobs", "must be 1 to " + identity.totalUnits() + " (the run's "
                    + identity.unit().key() + "), got " + jobs);
        }
        List<Path> old = listMatching(dir, Pattern.compile("(job-\\d+\\.yaml|part-.*\\.bin)"));
        if (!old.isEmpty()) {
            if (!force) {
                throw InputException.field("--out", "'" + dir + "' already holds a split (" + old.get(0).getFileName()
                        + "); use --force to replace it");
            }
            for (Path p : old) {
                delete(p);
            }
        }
        List<JobSpec> out = new ArrayList<>(jobs);
        for (int k = 0; k < jobs; k++) {
            JobSpec job = new JobSpec(k, jobs, UnitRange.split(identity.unit(), identity.totalUnits(), k, jobs), identity,
                    config);
            job.write(dir.resolve(JobSpec.fileName(k)));
            out.add(job);
        }
        scheduler.write(dir, jobs, identity);
        return out;
    }

    /**
     * The job file of {@code index} in a split folder; the index comes from {@code index}, else the
     * environment ({@code SLURM_ARRAY_TASK_ID}, then {@code JOB_COMPLETION_INDEX}).
     */
    public static Path jobFile(Path dirOrFile, Integer index, Map<String, String> env) {
        if (!Files.isDirectory(dirOrFile)) {
            return dirOrFile;
        }
        Integer k = index;
        String from = "--index";
        for (String var : List.of("SLURM_ARRAY_TASK_ID", "JOB_COMPLETION_INDEX")) {
            if (k == null && env.get(var) != null && !env.get(var).isBlank()) {
                from = var;
                try {
                    k = Integer.valueOf(env.get(var).strip());
                } catch (NumberFormatException e) {
                    throw InputException.field(var, "must be a job index, got '" + env.get(var) + "'");
                }
            }
        }
        if (k == null) {
            throw InputException.field("--index", "give the job index (or set SLURM_ARRAY_TASK_ID or "
                    + "JOB_COMPLETION_INDEX) when JOB is a folder");
        }
        Path f = dirOrFile.resolve(JobSpec.fileName(k));
        if (!Files.isRegularFile(f)) {
            throw InputException.field(from, "no " + f.getFileName() + " in " + dirOrFile + " (index " + k + ")");
        }
        return f;
    }

    /**
     * Runs one job and writes its part atomically beside the job file.
     *
     * @param jobFile  the job file
     * @param threads  worker threads
     * @param force    recompute even when a valid part is there
     * @param progress told after each simulation batch
     */
    public static RunOutcome run(Path jobFile, int threads, boolean force, BatchRunner.ProgressListener progress) {
        long t0 = System.nanoTime();
        JobSpec job = JobSpec.read(jobFile);
        Path partFile = jobFile.toAbsolutePath().getParent().resolve(JobSpec.partFileName(job.index()));
        if (!force && Files.isRegularFile(partFile)) {
            try {
                PartHeader h = PartFile.read(partFile).header();
                if (h.identity().equals(job.identity()) && h.jobIndex() == job.index() && h.range().equals(job.part())) {
                    return new RunOutcome(job, partFile, true, (System.nanoTime() - t0) * 1e-9);
                }
            } catch (InputException e) {
                // an unreadable or foreign part is recomputed and replaced
            }
        }
        PhantomConfig.Rendered rendered = job.config().phantom().render();
        SpectScenario scenario = SpectStudy.scenario(job.config(), rendered);
        PartRunner.compute(job.config(), scenario, threads, job.index(), List.of(job.part()),
                part -> {
                    PartFile.write(partFile, part);
                    FileModes.shared(partFile, false);
                }, progress);
        return new RunOutcome(job, partFile, false, (System.nanoTime() - t0) * 1e-9);
    }

    /**
     * Merges the parts of a split folder into a study folder, bit-identical in its data files to the
     * single run.
     *
     * @param dir             the split folder (job files and parts)
     * @param out             the study folder to write
     * @param threads         threads for the CT simulation
     * @param softwareVersion written into study.json
     * @param force           replace a non-empty {@code out}
     * @throws InputException naming the file when a job or part is missing, foreign or duplicated
     */
    public static SpectStudy.Outcome merge(Path dir, Path out, int threads, String softwareVersion, boolean force) {
        if (!Files.isDirectory(dir)) {
            throw InputException.field("DIR", "'" + dir + "' is not a folder");
        }
        TreeMap<Integer, Path> jobFiles = new TreeMap<>();
        for (Path p : listMatching(dir, JOB_FILE)) {
            Matcher m = JOB_FILE.matcher(p.getFileName().toString());
            m.matches();
            jobFiles.put(Integer.valueOf(m.group(1)), p);
        }
        if (jobFiles.isEmpty()) {
            throw InputException.field("DIR", "no job-<k>.yaml in '" + dir + "' (make them with spectlab split)");
        }
        JobSpec first = JobSpec.read(jobFiles.firstEntry().getValue());
        List<JobSpec> jobs = new ArrayList<>();
        for (int k = 0; k < first.jobs(); k++) {
            Path f = jobFiles.get(k);
            if (f == null) {
                throw new InputException("missing job file " + JobSpec.fileName(k) + " in " + dir + " (job " + k
                        + " of " + first.jobs() + ")");
            }
            JobSpec j = JobSpec.read(f);
            if (!j.identity().equals(first.identity()) || j.jobs() != first.jobs()) {
                throw new InputException(f.getFileName() + ": from another split (config " + j.identity().shortHash()
                        + ", " + j.jobs() + " jobs) than " + JobSpec.fileName(0) + " (config "
                        + first.identity().shortHash() + ", " + first.jobs() + " jobs)");
            }
            jobs.add(j);
        }
        for (Integer k : jobFiles.keySet()) {
            if (k >= first.jobs()) {
                throw new InputException(jobFiles.get(k).getFileName() + ": job index " + k + " beyond the split's "
                        + first.jobs() + " jobs (left over from another split?)");
            }
        }
        ConfigIdentity identity = first.identity();
        // Check every part's header before any expensive work: the parts of the jobs first, then extras.
        List<Path> parts = new ArrayList<>();
        for (JobSpec j : jobs) {
            Path p = dir.resolve(JobSpec.partFileName(j.index()));
            if (!Files.isRegularFile(p)) {
                throw new InputException("missing part " + p.getFileName() + " (job " + j.index() + " of " + j.jobs()
                        + ", " + j.part() + "): run spectlab run " + dir.resolve(JobSpec.fileName(j.index())));
            }
            PartHeader h = checkHeader(p, identity);
            if (h.jobIndex() != j.index() || !h.range().equals(j.part())) {
                throw new InputException(p.getFileName() + ": holds job " + h.jobIndex() + " (" + h.range()
                        + ") but job " + j.index() + " is " + j.part() + "; a misplaced or duplicated part");
            }
            parts.add(p);
        }
        for (Path p : listMatching(dir, PART_FILE)) {
            if (!parts.contains(p)) {
                PartHeader h = checkHeader(p, identity);
                throw new InputException(p.getFileName() + ": duplicate part: it holds job " + h.jobIndex() + " ("
                        + h.range() + "), already in " + JobSpec.partFileName(h.jobIndex()) + "; remove it");
            }
        }
        String execution = "merged from " + jobs.size() + " job" + (jobs.size() == 1 ? "" : "s") + " split by "
                + identity.unit().key() + " (spectlab split / run / merge)";
        return SpectStudy.run(first.config(), threads, (c, s, t) -> {
            long t0 = System.nanoTime();
            PartMerger merger = new PartMerger(identity, s);
            for (Path p : parts) {
                merger.add(p.getFileName().toString(), PartFile.read(p));
            }
            return merger.result(c.options(t), (System.nanoTime() - t0) * 1e-9);
        }, execution, softwareVersion, out, force);
    }

    private static PartHeader checkHeader(Path p, ConfigIdentity identity) {
        PartHeader h = PartFile.readHeader(p);
        ConfigIdentity id = h.identity();
        if (!id.configHash().equals(identity.configHash()) || id.seed() != identity.seed()) {
            throw new InputException(p.getFileName() + ": foreign part: configuration " + id.shortHash() + " seed "
                    + id.seed() + ", but the jobs are configuration " + identity.shortHash() + " seed "
                    + identity.seed());
        }
        return h;
    }

    static List<Path> listMatching(Path dir, Pattern name) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> name.matcher(p.getFileName().toString()).matches() && Files.isRegularFile(p))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }

    static void delete(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + p + ": " + e.getMessage(), e);
        }
    }
}
