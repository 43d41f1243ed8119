package org.spectlab.recon.algorithm;

import org.spectlab.core.error.InputException;
import org.spectlab.recon.NamedRegistry;
import org.spectlab.recon.prior.Prior;

/** Iterative algorithms by name: {@code mlem}, {@code osem}, {@code osl-osem} (needs a prior). */
public final class Algorithms {

    /** Settings an algorithm factory may use; {@code prior} may be null. */
    public record Settings(int iterations, int subsets, Prior prior) {
        /** Settings without a prior. */
        public static Settings of(int iterations, int subsets) {
            return new Settings(iterations, subsets, null);
        }
    }

    /** Makes an algorithm from settings. */
    @FunctionalInterface
    public interface Factory {
        /** The algorithm. */
        IterativeAlgorithm create(Settings settings);
    }

    private Algorithms() {
    }

    /** A fresh registry with the built-in algorithms. */
    public static NamedRegistry<Factory> defaults() {
        NamedRegistry<Factory> r = NamedRegistry.empty("algorithm");
        r.register("mlem", s -> Osem.mlem(s.iterations()));
        r.register("osem", s -> Osem.of(s.iterations(), s.subsets()));
        r.register("osl-osem", s -> {
            if (s.prior() == null) {
                throw InputException.field("prior", "algorithm 'osl-osem' needs a prior (e.g. rdp)");
            }
            return Osem.oneStepLate(s.iterations(), s.subsets(), s.prior());
        });
        return r;
    }
}
