package org.spectlab.simulator.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Makes split files readable by everyone (rw-r--r--, scripts rwxr-xr-x): atomic writes create
 * owner-only temporary files, but compute nodes and pods may run jobs under other accounts.
 * Ignored on file systems without POSIX permissions.
 */
final class FileModes {
    private FileModes() {
    }

    static void shared(Path file, boolean executable) {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(executable ? "rwxr-xr-x" : "rw-r--r--"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: defaults apply
        } catch (IOException e) {
            throw new UncheckedIOException("cannot set the permissions of " + file + ": " + e.getMessage(), e);
        }
    }
}
