package org.spectlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * A run that exhausts the Java heap ends with one line naming the heap limit and the remedies, and
 * exit code 4 — never a stack trace — whether the error reaches picocli from a worker thread (wrapped
 * in the engine's exception, as BatchRunner reports a failed batch) or is thrown on the main thread.
 */
class OutOfMemoryExitTest {
    private final StringWriter err = new StringWriter();

    @Command(name = "from-worker")
    static final class FromWorker implements Runnable {
        @Override
        public void run() {
            throw new IllegalStateException("simulation batch failed",
                    new OutOfMemoryError("Java heap space"));
        }
    }

    @Command(name = "on-main")
    static final class OnMain implements Runnable {
        @Override
        public void run() {
            throw new OutOfMemoryError("Java heap space");
        }
    }

    private int run(String command) {
        CommandLine cl = SpectlabCommand.commandLine();
        cl.addSubcommand(new FromWorker());
        cl.addSubcommand(new OnMain());
        cl.setErr(new PrintWriter(err));
        return SpectlabCommand.execute(cl, command);
    }

    @Test
    void workerThreadOutOfMemoryIsOneLineAndExitCode4() {
        assertThat(run("from-worker")).isEqualTo(SpectlabCommand.EXIT_OUT_OF_MEMORY).isEqualTo(4);
        String text = err.toString();
        assertThat(text.lines().count()).isEqualTo(1);
        assertThat(text).startsWith("spectlab from-worker: out of memory (Java heap limit ")
                .contains("-Xmx").doesNotContain("\tat ").doesNotContain("Exception");
    }

    @Test
    void mainThreadOutOfMemoryIsOneLineAndExitCode4() {
        assertThat(run("on-main")).isEqualTo(4);
        String text = err.toString();
        assertThat(text.lines().count()).isEqualTo(1);
        assertThat(text).startsWith("spectlab: out of memory (Java heap limit ").doesNotContain("\tat ");
    }
}
