package org.spectlab.recon.transform;

import org.spectlab.core.error.InputException;
import org.spectlab.core.grid.Volume;
import org.spectlab.recon.NamedRegistry;
import org.spectlab.recon.projector.RotatedFrame;
import org.spectlab.recon.projector.ViewTransform;
import org.spectlab.recon.transform.attenuation.AttenuationTransform;
import org.spectlab.recon.transform.psf.CollimatorSpec;
import org.spectlab.recon.transform.psf.DepthDependentBlur;

/** View transforms by name: {@code attenuation} (needs a μ-map), {@code psf} (needs a collimator). */
public final class Transforms {

    /** What transform factories may use; either may be null when not needed. */
    public record Inputs(Volume muMapPerCm, CollimatorSpec collimator) {
    }

    /** Makes a transform in a rotated frame. */
    @FunctionalInterface
    public interface Factory {
        /** The transform. */
        ViewTransform create(RotatedFrame frame, Inputs inputs);
    }

    private Transforms() {
    }

    /** A fresh registry with the built-in transforms. */
    public static NamedRegistry<Factory> defaults() {
        NamedRegistry<Factory> r = NamedRegistry.empty("transform");
        r.register("attenuation", (frame, in) -> {
            if (in.muMapPerCm() == null) {
                throw InputException.field("mu-map", "transform 'attenuation' needs a mu-map in 1/cm");
            }
            return AttenuationTransform.of(frame, in.muMapPerCm());
        });
        r.register("psf", (frame, in) -> {
            if (in.collimator() == null) {
                throw InputException.field("collimator", "transform 'psf' needs a collimator specification");
            }
            return DepthDependentBlur.of(frame, in.collimator());
        });
        return r;
    }
}
