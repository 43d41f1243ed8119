package org.spectlab.simulator.study;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.spectlab.core.error.InputException;

/**
 * Whole-or-nothing output folders: a study is written into a sibling {@code DIR.tmp-<random>} and
 * renamed to {@code DIR} when complete. An existing non-empty {@code DIR} is refused unless forced;
 * when forced it is moved aside, replaced, then deleted (put back if the replacement fails).
 */
final class StudyFolder {
    private StudyFolder() {
    }

    /** Fails (naming {@code --out}) when the target exists and is not an empty folder, unless forced. */
    static void checkTarget(Path out, boolean force) {
        if (!Files.exists(out)) {
            return;
        }
        if (!Files.isDirectory(out)) {
            throw InputException.field("--out", "'" + out + "' exists and is not a folder");
        }
        if (!force && !isEmpty(out)) {
            throw InputException.field("--out", "'" + out + "' exists and is not empty; use --force to replace it");
        }
    }

    /** A new temporary folder next to {@code out}. */
    static Path createTemp(Path out) {
        Path abs = out.toAbsolutePath();
        try {
            Files.createDirectories(abs.getParent());
            return Files.createTempDirectory(abs.getParent(), abs.getFileName() + ".tmp-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a folder next to " + out + ": " + e.getMessage(), e);
        }
    }

    /** Renames the complete {@code tmp} to {@code out}, replacing an existing folder (checked before). */
    static void commit(Path tmp, Path out, boolean force) {
        Path abs = out.toAbsolutePath();
        Path old = null;
        try {
            if (Files.exists(abs)) {
                checkTarget(abs, force);
                if (isEmpty(abs)) {
                    Files.delete(abs);
                } else {
                    old = Files.createTempDirectory(abs.getParent(), abs.getFileName() + ".old-");
                    Files.delete(old);
                    move(abs, old);
                }
            }
            move(tmp, abs);
        } catch (IOException e) {
            if (old != null && !Files.exists(abs)) {
                try {
                    move(old, abs);
                    old = null;
                } catch (IOException ignored) {
                    // report the original failure
                }
            }
            throw new UncheckedIOException("cannot move the study into " + out + ": " + e.getMessage(), e);
        }
        if (old != null) {
            deleteTree(old);
        }
    }

    static boolean isEmpty(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Deletes a folder tree; quietly does nothing when it does not exist. */
    static void deleteTree(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            List<Path> all = s.sorted(Comparator.reverseOrder()).toList();
            for (Path p : all) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir + ": " + e.getMessage(), e);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }
}
