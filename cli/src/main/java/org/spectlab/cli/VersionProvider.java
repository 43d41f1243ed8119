package org.spectlab.cli;

import picocli.CommandLine;

/** Reports the software version from the jar manifest (or "development" when run from classes). */
public final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"spectlab " + version()};
    }

    /** The software version, as written into every output's provenance. */
    public static String version() {
        String v = SpectlabCommand.class.getPackage().getImplementationVersion();
        return v != null ? v : "development";
    }
}
