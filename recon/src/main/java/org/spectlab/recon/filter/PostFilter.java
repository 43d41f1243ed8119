package org.spectlab.recon.filter;

import org.spectlab.core.grid.Volume;

/** A linear filter applied to a reconstructed image; returns a new volume in the same unit. */
public interface PostFilter {
    /** The filtered image (the input is not modified). */
    Volume apply(Volume image);

    /** Short name, e.g. {@code "gaussian"}. */
    String name();
}
