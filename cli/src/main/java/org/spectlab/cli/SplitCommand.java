package org.spectlab.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.spectlab.core.error.InputException;
import org.spectlab.simulator.cluster.ClusterJobs;
import org.spectlab.simulator.cluster.JobSpec;
import org.spectlab.simulator.cluster.SchedulerFiles;
import org.spectlab.simulator.study.StudyConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code spectlab split CONFIG --jobs N --out DIR}: cuts one study into N independent jobs
 * ({@link ClusterJobs#split}): {@code DIR/job-<k>.yaml} plus ready-to-submit scheduler files for
 * SLURM, HTCondor, Kubernetes and GNU parallel ({@link SchedulerFiles}).
 */
@Command(name = "split",
        mixinStandardHelpOptions = true,
        description = {"Split one study into N independent jobs for a cluster: writes DIR/job-<k>.yaml (the "
                + "configuration as run, the job's views (forced detection) or batches (analog), a configuration hash) "
                + "and scheduler files: slurm.sh (sbatch array), condor.sub (HTCondor), k8s-job.yaml (Kubernetes "
                + "indexed Job), run-job.sh (any scheduler, GNU parallel).",
                "Then run every job (spectlab run DIR/job-<k>.yaml) and merge (spectlab merge DIR --out STUDY): the "
                + "study is bit-identical to spectlab simulate's."})
public final class SplitCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "CONFIG",
            description = "Study configuration (YAML or JSON), or example:NAME for a shipped example.")
    private String config;

    @Option(names = "--jobs", required = true, paramLabel = "N",
            description = "Number of jobs: 1 to the views (forced detection) or batches (analog) of the run.")
    private int jobs;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder of the split (created).")
    private Path outDir;

    @Option(names = "--force", description = "Replace the job, part and scheduler files of an earlier split in DIR.")
    private boolean force;

    @Option(names = "--launcher", paramLabel = "CMD", defaultValue = "spectlab",
            description = "Command that starts spectlab on the compute nodes, written into the scripts "
                    + "(overridable at run time with $SPECTLAB). Default: ${DEFAULT-VALUE}.")
    private String launcher;

    @Option(names = "--threads-per-job", paramLabel = "T", defaultValue = "1",
            description = "Threads each job uses (SLURM cpus-per-task, HTCondor request_cpus). Default: ${DEFAULT-VALUE}.")
    private int threadsPerJob;

    @Option(names = "--k8s-image", paramLabel = "IMAGE", defaultValue = "spectlab:latest",
            description = "Container image of the Kubernetes Job (spectlab on its PATH). Default: ${DEFAULT-VALUE}.")
    private String k8sImage;

    @Option(names = "--k8s-volume-claim", paramLabel = "NAME", defaultValue = "spectlab-work",
            description = "PersistentVolumeClaim holding DIR, mounted at DIR in every pod. Default: ${DEFAULT-VALUE}.")
    private String k8sClaim;

    @Option(names = "--json", description = "Print a JSON summary (folder, jobs with their part, scheduler files).")
    private boolean json;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws JsonProcessingException {
        if (threadsPerJob < 1 || threadsPerJob > 1024) {
            throw InputException.field("--threads-per-job", "must be 1 to 1024, got " + threadsPerJob);
        }
        if (launcher.isBlank()) {
            throw InputException.field("--launcher", "must be a command, e.g. spectlab or 'java -jar spectlab.jar'");
        }
        StudyConfig cfg = StudyConfig.load(config);
        List<JobSpec> specs = ClusterJobs.split(cfg, jobs, outDir,
                new SchedulerFiles(launcher, threadsPerJob, k8sImage, k8sClaim), force);
        Path d = outDir.toAbsolutePath().normalize();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectMapper mapper = new ObjectMapper();
            ObjectNode root = mapper.createObjectNode();
            root.put("folder", d.toString());
            root.put("config_hash", specs.get(0).identity().configHash());
            root.put("seed", specs.get(0).identity().seed());
            root.put("unit", specs.get(0).identity().unit().key());
            ArrayNode js = root.putArray("jobs");
            for (JobSpec j : specs) {
                js.addObject().put("file", d.resolve(JobSpec.fileName(j.index())).toString())
                        .put("first", j.part().first()).put("count", j.part().count());
            }
            ArrayNode fs = root.putArray("scheduler_files");
            SchedulerFiles.FILES.forEach(f -> fs.add(d.resolve(f).toString()));
            out.println(mapper.writeValueAsString(root));
        } else {
            JobSpec j0 = specs.get(0);
            out.printf(Locale.ROOT, "%s: %d job%s of %d %s (config %s, seed %d)%n", d, jobs, jobs == 1 ? "" : "s",
                    j0.identity().totalUnits(), j0.identity().unit().key(), j0.identity().shortHash(),
                    j0.identity().seed());
            for (JobSpec j : specs) {
                out.printf(Locale.ROOT, "  %s  %s%n", JobSpec.fileName(j.index()), j.part());
            }
            out.println("  SLURM:        sbatch " + d.resolve("slurm.sh"));
            out.println("  HTCondor:     condor_submit " + d.resolve("condor.sub"));
            out.println("  Kubernetes:   kubectl apply -f " + d.resolve("k8s-job.yaml"));
            out.println("  GNU parallel: seq 0 " + (jobs - 1) + " | parallel " + d.resolve("run-job.sh") + " {}");
            out.println("  then:         spectlab merge " + d + " --out STUDY");
        }
        out.flush();
        return 0;
    }
}
