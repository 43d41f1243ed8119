package org.spectlab.simulator.interaction;

import java.util.List;
import org.spectlab.core.material.Constituent;
import org.spectlab.core.material.Material;

/** Materials used by the tests. Water composition from NIST (ESTAR/XCOM "Water, liquid"). */
final class TestMaterials {
    static final Material WATER = Material.of("water", 1.0,
            List.of(Constituent.of(1, 0.111894), Constituent.of(8, 0.888106)));
    static final Material LEAD = Material.of("lead", 11.35, List.of(Constituent.of(82, 1.0)));

    private TestMaterials() {
    }
}
