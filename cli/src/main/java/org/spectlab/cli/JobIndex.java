package org.spectlab.cli;

import java.util.List;
import org.spectlab.core.error.InputException;

/**
 * The index of one job of a fanned-out run: {@code --job-index} when given, else the scheduler's array
 * index ({@code SLURM_ARRAY_TASK_ID}, then Kubernetes' {@code JOB_COMPLETION_INDEX}).
 */
final class JobIndex {
    /** Environment variables read, in order. */
    static final List<String> VARIABLES = List.of("SLURM_ARRAY_TASK_ID", "JOB_COMPLETION_INDEX");

    private JobIndex() {
    }

    /**
     * The job index.
     *
     * @param option the {@code --job-index} value, or null
     * @throws InputException when neither the option nor a variable gives one, or a variable is not an integer
     */
    static int resolve(Integer option) {
        if (option != null) {
            return option;
        }
        for (String variable : VARIABLES) {
            String v = System.getenv(variable);
            if (v != null && !v.isBlank()) {
                try {
                    return Integer.parseInt(v.trim());
                } catch (NumberFormatException e) {
                    throw InputException.field(variable, "must be an integer job index, got '" + v + "'");
                }
            }
        }
        throw InputException.field("--job-index", "needed with --jobs (or set SLURM_ARRAY_TASK_ID / "
                + "JOB_COMPLETION_INDEX)");
    }
}
