package org.spectlab.cli;

import java.io.PrintWriter;
import org.spectlab.core.error.InputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code spectlab} command: entry point of the command-line application.
 *
 * <p>Exit codes: 0 success, 1 a validation failed, 2 bad input (one line on stderr naming the
 * problem, no stack trace), 3 an internal error, 4 out of memory (one line on stderr with the heap
 * limit and what to change; outputs are written to temporary files and renamed, so nothing is left
 * half-written).
 */
@Command(name = "spectlab",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Monte Carlo SPECT/CT simulation, reconstruction and validation.%n"
                + "Units: mm, keV, MBq (administered), Bq/mL (concentration), s (acquisition), h (kinetics).",
        subcommands = {DemoCommand.class, SimulateCommand.class, PhantomCommand.class, XsCommand.class, NuclideCommand.class, CameraQcCommand.class,
                ReconstructCommand.class, LocalizeCommand.class, ScoreCommand.class, ValidateCommand.class,
                ExportDicomCommand.class, DatasetCommand.class, SplitCommand.class, RunCommand.class,
                MergeCommand.class, CommandLine.HelpCommand.class})
public final class SpectlabCommand implements Runnable {

    /** Exit code for a failed validation. */
    public static final int EXIT_VALIDATION_FAILED = 1;
    /** Exit code for bad input. */
    public static final int EXIT_BAD_INPUT = 2;
    /** Exit code for an internal error. */
    public static final int EXIT_INTERNAL_ERROR = 3;
    /** Exit code when the Java heap is too small for the run. */
    public static final int EXIT_OUT_OF_MEMORY = 4;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Builds the command line with its error handling (used by {@link #main} and by tests). */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new SpectlabCommand());
        cl.setExecutionExceptionHandler(SpectlabCommand::handleExecutionException);
        cl.setParameterExceptionHandler(SpectlabCommand::handleParameterException);
        return cl;
    }

    /** Runs the application and exits with its exit code. */
    public static void main(String[] args) {
        System.exit(execute(commandLine(), args));
    }

    /**
     * Executes {@code args} on {@code cl}: its exit code, with an out-of-memory error thrown on the
     * calling thread (picocli passes {@link Error}s through) turned into one line and
     * {@link #EXIT_OUT_OF_MEMORY}, like one from a worker thread ({@link #handleExecutionException}).
     */
    static int execute(CommandLine cl, String... args) {
        try {
            return cl.execute(args);
        } catch (OutOfMemoryError e) {
            return reportOutOfMemory(cl.getErr(), "spectlab");
        }
    }

    /** One line on the heap limit and how to raise it or need less; returns {@link #EXIT_OUT_OF_MEMORY}. */
    private static int reportOutOfMemory(PrintWriter err, String command) {
        long maxMb = Runtime.getRuntime().maxMemory() >> 20;
        err.println(command + ": out of memory (Java heap limit " + maxMb + " MB): give the JVM more "
                + "(SPECTLAB_JAVA_OPTS=-Xmx16g ./spectlab ..., or java -Xmx16g -jar spectlab.jar ...), or make the "
                + "run smaller (fewer --threads, views or matrix pixels)");
        err.flush();
        return EXIT_OUT_OF_MEMORY;
    }

    private static int handleExecutionException(Exception ex, CommandLine cl, CommandLine.ParseResult parsed) {
        PrintWriter err = cl.getErr();
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof OutOfMemoryError) {
                return reportOutOfMemory(err, "spectlab " + cl.getCommandName());
            }
        }
        InputException input = findInputException(ex);
        if (input != null) {
            err.println("spectlab " + cl.getCommandName() + ": " + input.getMessage());
            err.flush();
            return EXIT_BAD_INPUT;
        }
        err.println("spectlab " + cl.getCommandName() + ": internal error: " + ex);
        ex.printStackTrace(err);
        err.flush();
        return EXIT_INTERNAL_ERROR;
    }

    private static InputException findInputException(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof InputException ie) {
                return ie;
            }
        }
        return null;
    }

    private static int handleParameterException(CommandLine.ParameterException ex, String[] args) {
        CommandLine cl = ex.getCommandLine();
        PrintWriter err = cl.getErr();
        err.println("spectlab " + cl.getCommandName() + ": " + ex.getMessage());
        err.println("Try 'spectlab " + (cl.getParent() == null ? "" : cl.getCommandName() + " ") + "--help'.");
        err.flush();
        return EXIT_BAD_INPUT;
    }
}
