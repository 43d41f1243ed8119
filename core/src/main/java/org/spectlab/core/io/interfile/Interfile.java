package org.spectlab.core.io.interfile;

import java.nio.ByteOrder;
import java.nio.file.Path;
import org.spectlab.core.grid.Volume;
import org.spectlab.core.projection.ProjectionSet;

/**
 * One entry point for Interfile 3.3 files: SPECT projections ({@code .hs}/{@code .s}) and images
 * ({@code .hv}/{@code .v}). Delegates to {@link InterfileProjections} and {@link InterfileImages}.
 */
public final class Interfile {

    private Interfile() {
    }

    /** Reads projections from a {@code .hs} header. */
    public static ProjectionSet readProjections(Path headerFile) {
        return InterfileProjections.read(headerFile);
    }

    /** Writes projections as float32 little-endian ({@code x.hs} + {@code x.s}). */
    public static void writeProjections(ProjectionSet projections, Path headerFile) {
        InterfileProjections.write(projections, headerFile);
    }

    /** Writes projections in the given number format and byte order. */
    public static void writeProjections(ProjectionSet projections, Path headerFile, InterfileNumberFormat format,
                                        ByteOrder order) {
        InterfileProjections.write(projections, headerFile, format, order);
    }

    /** Reads an image from a {@code .hv} header. */
    public static Volume readImage(Path headerFile) {
        return InterfileImages.read(headerFile);
    }

    /** Writes an image as float32 little-endian ({@code x.hv} + {@code x.v}). */
    public static void writeImage(Volume volume, Path headerFile) {
        InterfileImages.write(volume, headerFile);
    }

    /** Writes an image in the given number format and byte order. */
    public static void writeImage(Volume volume, Path headerFile, InterfileNumberFormat format, ByteOrder order) {
        InterfileImages.write(volume, headerFile, format, order);
    }
}
