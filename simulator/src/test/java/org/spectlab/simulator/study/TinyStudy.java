package org.spectlab.simulator.study;

/** A tiny study configuration shared by the tests: a water cylinder on a coarse grid, 4 views of 16 x 16. */
final class TinyStudy {
    /** Concentration of the cylinder, Bq/mL. */
    static final double CONCENTRATION_BQ_PER_ML = 200_000;

    private TinyStudy() {
    }

    /** The YAML text; {@code extraSimulation} is appended inside the simulation mapping (e.g. ", mode: analog"). */
    static String yaml(String radius, String extraSimulation) {
        return "phantom:\n"
                + "  grid: {size: [16, 16, 8], voxel_mm: 6}\n"
                + "  sampling: {sub_samples: 2}\n"
                + "  preset: {name: uniform_cylinder, options: {diameter_mm: 60, length_mm: 36,"
                + " concentration_bq_per_ml: " + CONCENTRATION_BQ_PER_ML + "}}\n"
                + "nuclide: Tc-99m\n"
                + "camera: {collimator: siemens-lehr}\n"
                + "acquisition: {views: 4, radius_mm: " + radius + ", matrix: [16, 16], pixel_size_mm: 6,"
                + " time_per_view_s: 10}\n"
                + "simulation: {histories: 4000, batches: 4, seed: 11, noise_realisations: 2,"
                + " crystal_histories_per_keV: 200" + extraSimulation + "}\n";
    }

    static String yaml() {
        return yaml("120", "");
    }
}
