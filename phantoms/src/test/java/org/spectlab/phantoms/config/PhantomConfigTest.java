package org.spectlab.phantoms.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;
import org.spectlab.core.error.InputException;
import org.spectlab.core.nuclide.NuclideLibrary;

class PhantomConfigTest {
    private static final String TORSO = """
            grid: {size: [46, 30, 84], voxel_mm: 8}
            sampling: {sub_samples: 2, boundary_refinement: 2, threads: 2}
            preset:
              name: adult_torso
              options: {sex: female, concentrations_bq_per_ml: {liver: 3000, body: 400}}
            lesions:
              - {id: t1, kind: tumour, organ: liver, diameter_mm: 20, uptake_ratio: 4}
              - {id: f1, kind: inflammation, organ: body, centre_mm: [90, -40, -240], diameter_mm: [10, 12, 14],
                 concentration_bq_per_ml: 8000}
            lesion_placement: {seed: 11, margin_mm: 5, min_separation_mm: 10}
            """;

    @Test
    void torsoWithRandomAndFixedLesionsRendersWithTruth() {
        PhantomConfig c = PhantomConfig.parse(TORSO, "torso.yaml");
        assertThat(c.phantom().name()).isEqualTo("adult_torso_female");
        assertThat(c.lesions()).hasSize(2);
        assertThat(c.lesions().get(1).centreXMm()).isEqualTo(90.0);
        assertThat(c.phantom().region("t1").concentrationBqPerMl()).isEqualTo(12000.0);
        PhantomConfig.Rendered r = c.render();
        assertThat(r.truth().toTree().get("lesions")).hasSize(2);
        assertThat(r.phantom().labels().names()).containsValue("t1");
        // same seed, same placement
        assertThat(PhantomConfig.parse(TORSO, "again").lesions()).isEqualTo(c.lesions());
    }

    @Test
    void explicitRegionsWithKineticsFollowThePhysicalDecay() {
        String yaml = """
                grid: {size: [40, 40, 30], voxel_mm: [5, 5, 5]}
                regions:
                  - id: tank
                    shape: {type: cylinder, centre_mm: [0, 0, 0], diameter_mm: 180, length_mm: 120}
                    material: water
                  - id: hot
                    shape: {type: sphere, centre_mm: [20, 10, 0], diameter_mm: 37, wall_mm: 1}
                    material: pmma
                kinetics:
                  nuclide: Tc-99m
                  administered_mbq: 100
                  time_h: 6
                  compartments:
                    tank: {permanent_fraction: 1.0}
                """;
        PhantomConfig c = PhantomConfig.parse(yaml, "k.yaml");
        PhantomConfig.Rendered r = c.render();
        double expected = 100e6 * NuclideLibrary.get("Tc-99m").decayFactor(6 * 3600);
        assertThat(r.phantom().totalActivityBq()).isCloseTo(expected, offset(expected * 1e-9));
        assertThat(r.phantom().regionActivityBq("hot")).isZero();
        assertThat(c.phantom().region("hot").shape().kind()).isEqualTo("sphere_shell");
    }

    @Test
    void errorsNameTheField() {
        assertThatThrownBy(() -> PhantomConfig.parse("grid: {size: [4,4,4], voxel_mm: 4}\npreset: {name: nema}\n", "x"))
                .isInstanceOf(InputException.class).hasMessageContaining("preset.name")
                .hasMessageContaining("unknown preset 'nema'");
        assertThatThrownBy(() -> PhantomConfig.parse(TORSO.replace("liver: 3000", "pancreas: 3000"), "x"))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("preset.options.concentrations_bq_per_ml.pancreas");
        assertThatThrownBy(() -> PhantomConfig.parse(TORSO.replace("body: 400", "body: -400"), "x"))
                .isInstanceOf(InputException.class).hasMessageContaining("body").hasMessageContaining(">= 0");
        assertThatThrownBy(() -> PhantomConfig.parse(TORSO.replace("[90, -40, -240]", "[400, 0, 0]"), "x"))
                .isInstanceOf(InputException.class).hasMessageContaining("'f1'")
                .hasMessageContaining("outside the body");
        assertThatThrownBy(() -> PhantomConfig.parse(TORSO.replace("organ: liver", "organ: brain"), "x"))
                .isInstanceOf(InputException.class).hasMessageContaining("unknown organ 'brain'");
        assertThatThrownBy(() -> PhantomConfig.parse(TORSO.replace("grid:", "gird:"), "x"))
                .isInstanceOf(InputException.class).hasMessageContaining("'gird'");
        assertThatThrownBy(() -> PhantomConfig.parse("""
                grid: {size: [4, 4, 4], voxel_mm: 4}
                regions:
                  - {id: a, material: water, shape: {type: pyramid, centre_mm: [0, 0, 0]}}
                """, "x")).isInstanceOf(InputException.class).hasMessageContaining("regions[0].shape.type");
        assertThatThrownBy(() -> PhantomConfig.parse("""
                grid: {size: [4, 4, 4], voxel_mm: 4}
                regions:
                  - {id: a, material: water, concentration_bq_per_ml: -5,
                     shape: {type: sphere, centre_mm: [0, 0, 0], diameter_mm: 5}}
                """, "x")).isInstanceOf(InputException.class).hasMessageContaining("regions[0].concentration_bq_per_ml");
    }

    @Test
    void defaultSamplingIsTheOnePercentVoxeliser() {
        PhantomConfig c = PhantomConfig.parse("grid: {size: [4, 4, 4], voxel_mm: 80}\npreset: {name: jaszczak_deluxe}\n",
                "t");
        assertThat(c.voxeliser().subSamplesPerAxis()).isEqualTo(4);
        assertThat(c.voxeliser().boundaryRefinement()).isEqualTo(4);
        // only sub_samples given: boundary voxels still get at least 16^3 points
        PhantomConfig two = PhantomConfig.parse("grid: {size: [4, 4, 4], voxel_mm: 80}\nsampling: {sub_samples: 2}\n"
                + "preset: {name: jaszczak_deluxe}\n", "t");
        assertThat(two.voxeliser().boundaryRefinement()).isEqualTo(8);
    }
}
