package org.spectlab.simulator.cluster;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import org.spectlab.core.io.AtomicFiles;

/**
 * Ready-to-submit scheduler files for a split in folder {@code DIR} (absolute paths inside):
 * <ul>
 *   <li>{@code slurm.sh}: a SLURM array job ({@code #SBATCH --array=0-(N-1)}); task k runs
 *       {@code spectlab run DIR/job-${SLURM_ARRAY_TASK_ID}.yaml}. Submit with {@code sbatch DIR/slurm.sh}.</li>
 *   <li>{@code run-job.sh}: runs job K (its argument, else {@code SLURM_ARRAY_TASK_ID} or
 *       {@code JOB_COMPLETION_INDEX}); the HTCondor executable, and usable with GNU parallel.</li>
 *   <li>{@code condor.sub}: an HTCondor submit file ({@code queue N}, argument {@code $(Process)}).</li>
 *   <li>{@code k8s-job.yaml}: a Kubernetes indexed Job ({@code completionMode: Indexed}; each pod
 *       runs {@code spectlab run DIR}, which takes its index from {@code JOB_COMPLETION_INDEX});
 *       DIR must be on a shared volume (a PersistentVolumeClaim mounted at DIR).</li>
 * </ul>
 * The command that starts spectlab is {@code $SPECTLAB} when set at run time, else the launcher
 * given at split time (e.g. {@code spectlab} or {@code java -jar /opt/spectlab.jar}).
 *
 * @param launcher       command that starts spectlab on the compute nodes
 * @param threadsPerJob  threads each job uses (SLURM cpus-per-task, HTCondor request_cpus)
 * @param k8sImage       container image of the Kubernetes Job (with spectlab on its PATH)
 * @param k8sVolumeClaim PersistentVolumeClaim holding DIR, mounted at DIR
 */
public record SchedulerFiles(String launcher, int threadsPerJob, String k8sImage, String k8sVolumeClaim) {
    /** Files written by {@link #write}. */
    public static final List<String> FILES = List.of("slurm.sh", "run-job.sh", "condor.sub", "k8s-job.yaml");

    /** Defaults: launcher {@code spectlab}, 1 thread per job, image {@code spectlab:latest}, claim {@code spectlab-work}. */
    public static SchedulerFiles defaults() {
        return new SchedulerFiles("spectlab", 1, "spectlab:latest", "spectlab-work");
    }

    /** Writes the scheduler files for {@code jobs} jobs into {@code dir} (atomically, scripts executable). */
    public void write(Path dir, int jobs, ConfigIdentity identity) {
        Path abs = dir.toAbsolutePath().normalize();
        String d = abs.toString();
        String name = "spectlab-" + identity.shortHash();
        String spectlab = "SPECTLAB=\"${SPECTLAB:-" + shellEscape(launcher) + "}\"\n";
        String header = "# spectlab split: " + jobs + " jobs of " + identity.totalUnits() + " " + identity.unit().key()
                + ", config " + identity.shortHash() + ", seed " + identity.seed() + "\n"
                + "# When every job is done: spectlab merge " + d + " --out STUDY\n";
        String slurm = "#!/bin/bash\n"
                + "#SBATCH --job-name=" + name + "\n"
                + "#SBATCH --array=0-" + (jobs - 1) + "\n"
                + "#SBATCH --cpus-per-task=" + threadsPerJob + "\n"
                + "#SBATCH --output=" + d + "/slurm-%A_%a.out\n"
                + header
                + "# Submit: sbatch " + d + "/slurm.sh   (sbatch --wait blocks until every task has ended)\n"
                + "set -euo pipefail\n" + spectlab
                + "exec $SPECTLAB run \"" + shellEscape(d) + "/job-${SLURM_ARRAY_TASK_ID}.yaml\" --threads "
                + threadsPerJob + " --no-progress\n";
        String runJob = "#!/bin/bash\n" + header
                + "# Runs job K: run-job.sh K (else K from SLURM_ARRAY_TASK_ID or JOB_COMPLETION_INDEX).\n"
                + "# GNU parallel: seq 0 " + (jobs - 1) + " | parallel -j 2 " + d + "/run-job.sh {}\n"
                + "set -euo pipefail\n" + spectlab
                + "K=\"${1:-${SLURM_ARRAY_TASK_ID:-${JOB_COMPLETION_INDEX:-}}}\"\n"
                + "if [ -z \"$K\" ]; then echo \"run-job.sh: give the job index (0-" + (jobs - 1) + ")\" >&2; exit 2; fi\n"
                + "exec $SPECTLAB run \"" + shellEscape(d) + "\" --index \"$K\" --threads " + threadsPerJob
                + " --no-progress\n";
        String condor = header.replace("# When", "# Submit: condor_submit " + d + "/condor.sub\n# When")
                + "universe = vanilla\n"
                + "executable = " + d + "/run-job.sh\n"
                + "arguments = $(Process)\n"
                + "initialdir = " + d + "\n"
                + "output = " + d + "/condor-$(Process).out\n"
                + "error = " + d + "/condor-$(Process).err\n"
                + "log = " + d + "/condor.log\n"
                + "request_cpus = " + threadsPerJob + "\n"
                + "getenv = True\n"
                + "should_transfer_files = NO\n"
                + "queue " + jobs + "\n";
        String k8s = header.replace("# When", "# Submit: kubectl apply -f " + d + "/k8s-job.yaml; kubectl wait "
                + "--for=condition=complete job/" + name + " --timeout=24h\n"
                + "# " + d + " must be on the shared volume '" + k8sVolumeClaim + "', mounted at the same path.\n# When")
                + "apiVersion: batch/v1\n"
                + "kind: Job\n"
                + "metadata:\n"
                + "  name: " + name + "\n"
                + "spec:\n"
                + "  completionMode: Indexed\n"
                + "  completions: " + jobs + "\n"
                + "  parallelism: " + jobs + "\n"
                + "  backoffLimit: " + (3 * jobs) + "\n"
                + "  template:\n"
                + "    spec:\n"
                + "      restartPolicy: Never\n"
                + "      containers:\n"
                + "        - name: spectlab\n"
                + "          image: " + json(k8sImage) + "\n"
                + "          # the job index comes from JOB_COMPLETION_INDEX, set by Kubernetes in Indexed mode\n"
                + "          command: [\"spectlab\", \"run\", " + json(d) + ", \"--threads\", \"" + threadsPerJob
                + "\", \"--no-progress\"]\n"
                + "          resources:\n"
                + "            requests:\n"
                + "              cpu: \"" + threadsPerJob + "\"\n"
                + "          volumeMounts:\n"
                + "            - name: work\n"
                + "              mountPath: " + json(d) + "\n"
                + "      volumes:\n"
                + "        - name: work\n"
                + "          persistentVolumeClaim:\n"
                + "            claimName: " + json(k8sVolumeClaim) + "\n";
        writeScript(abs.resolve("slurm.sh"), slurm);
        writeScript(abs.resolve("run-job.sh"), runJob);
        AtomicFiles.writeString(abs.resolve("condor.sub"), condor);
        FileModes.shared(abs.resolve("condor.sub"), false);
        AtomicFiles.writeString(abs.resolve("k8s-job.yaml"), k8s);
        FileModes.shared(abs.resolve("k8s-job.yaml"), false);
    }

    private static void writeScript(Path file, String text) {
        AtomicFiles.writeString(file, text);
        FileModes.shared(file, true);
    }

    /** Escapes text for use inside double quotes in a POSIX shell. */
    static String shellEscape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("$", "\\$").replace("`", "\\`");
    }

    private static String json(String s) {
        try {
            return new ObjectMapper().writeValueAsString(s);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
