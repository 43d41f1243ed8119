package org.spectlab.recon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.spectlab.core.error.InputException;
import org.spectlab.recon.algorithm.Algorithms;
import org.spectlab.recon.algorithm.IterativeAlgorithm;
import org.spectlab.recon.algorithm.Osem;
import org.spectlab.recon.prior.RelativeDifferencePrior;
import org.spectlab.recon.projector.Projectors;
import org.spectlab.recon.transform.Transforms;

/** Selection by name, plugging in, and the error for unknown names. */
class NamedRegistryTest {

    @Test
    void builtInsAreSelectableByNameAndUsersCanAddTheirOwn() {
        NamedRegistry<Algorithms.Factory> algorithms = Algorithms.defaults();
        IterativeAlgorithm osem = algorithms.get("OSEM").create(Algorithms.Settings.of(4, 8));
        assertThat(osem.name()).isEqualTo("osem");
        assertThat(((Osem) osem).subsets()).isEqualTo(8);
        assertThat(algorithms.get("mlem").create(Algorithms.Settings.of(4, 8)).name()).isEqualTo("mlem");
        assertThat(algorithms.get("osl-osem").create(new Algorithms.Settings(4, 8,
                RelativeDifferencePrior.of(0.1, 2))).name()).isEqualTo("osl-osem");
        algorithms.register("my-osem", s -> Osem.of(s.iterations(), 2));
        assertThat(algorithms.names()).contains("my-osem", "osem", "mlem");
        assertThat(Projectors.defaults().names()).containsExactly("rotation");
        assertThat(Transforms.defaults().names()).containsExactly("attenuation", "psf");
    }

    @Test
    void unknownNamesListTheAllowedOnes() {
        assertThatThrownBy(() -> Algorithms.defaults().get("art")).isInstanceOf(InputException.class)
                .hasMessageContaining("'algorithm'").hasMessageContaining("mlem, osem, osl-osem");
        assertThatThrownBy(() -> Algorithms.defaults().get("osl-osem").create(Algorithms.Settings.of(2, 2)))
                .isInstanceOf(InputException.class).hasMessageContaining("prior");
    }
}
