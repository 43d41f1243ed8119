package org.spectlab.recon.projector;

import java.util.List;
import org.spectlab.recon.NamedRegistry;
import org.spectlab.recon.metadata.ReconstructionGeometry;

/** System matrices by name: {@code rotation} ({@link RotationProjector}). */
public final class Projectors {

    /** Makes a system matrix from a geometry, its view transforms and a thread pool (not owned). */
    @FunctionalInterface
    public interface Factory {
        /** The system matrix. */
        SystemMatrix create(ReconstructionGeometry geometry, List<ViewTransform> transforms, ParallelLoops loops);
    }

    private Projectors() {
    }

    /** A fresh registry with the built-in projectors. */
    public static NamedRegistry<Factory> defaults() {
        NamedRegistry<Factory> r = NamedRegistry.empty("projector");
        r.register("rotation", RotationProjector::of);
        return r;
    }
}
