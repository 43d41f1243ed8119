package org.spectlab.validation.dataset;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * One randomised teaching patient drawn from its case seed: sex, body scale, scan time per view and
 * 1-3 lesions (kind, host organ, diameter, uptake ratio to the host, necrosis of large tumours). The
 * lesion <em>positions</em> are not drawn here: the phantom configuration places them at random in
 * their organs ({@code lesion_placement.seed}).
 *
 * <p>Ranges (chosen for teaching variety, not from an epidemiological source): body scale 0.85-1.15;
 * 10-25 s per view; tumours (60 %) 12-30 mm, 3-8x their host, in liver, lungs, kidneys, spleen or
 * soft tissue, tumours over 22 mm necrotic (30 % core at 0.1x) half the time; inflammation foci
 * 12-25 mm, 10-40x their host, in soft tissue or a lung.
 *
 * @param id            case id, {@code case_001} ...
 * @param seed          the case seed (simulation, noise, placement and CT all derive from it)
 * @param male          sex of the reference masses
 * @param bodyScale     isotropic length scale of the torso
 * @param timePerViewS  acquisition time per view, s
 * @param lesions       the lesion templates
 */
public record CasePlan(String id, long seed, boolean male, double bodyScale, double timePerViewS,
                       List<LesionPlan> lesions) {
    private static final String[] TUMOUR_ORGANS = {"liver", "liver", "lung_left", "lung_right", "kidney_left",
        "kidney_right", "spleen", "body"};
    private static final String[] INFLAMMATION_ORGANS = {"body", "body", "lung_left", "lung_right"};

    /**
     * A lesion before placement.
     *
     * @param id          lesion id
     * @param kind        tumour or inflammation
     * @param organ       host organ label
     * @param diameterMm  diameter, mm
     * @param uptakeRatio concentration relative to the host organ
     * @param necrotic    whether a 30 % core has 0.1x the lesion's uptake
     */
    public record LesionPlan(String id, String kind, String organ, double diameterMm, double uptakeRatio,
                             boolean necrotic) {
    }

    /** Copies the lesion list. */
    public CasePlan {
        lesions = List.copyOf(lesions);
    }

    /** The case seeds of a dataset: the first {@code cases} draws of a generator seeded with {@code seed}. */
    public static long[] caseSeeds(long seed, int cases) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        long[] out = new long[cases];
        for (int c = 0; c < cases; c++) {
            out[c] = rng.nextLong();
        }
        return out;
    }

    /** Draws case number {@code index} (1-based) from its seed. */
    public static CasePlan draw(int index, long caseSeed) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(caseSeed);
        boolean male = rng.nextBoolean();
        double scale = round(0.85 + 0.30 * rng.nextDouble(), 3);
        double tpv = round(10 + 15 * rng.nextDouble(), 1);
        int n = 1 + rng.nextInt(3);
        List<LesionPlan> lesions = new ArrayList<>();
        for (int l = 0; l < n; l++) {
            boolean tumour = rng.nextDouble() < 0.6;
            String organ = tumour ? TUMOUR_ORGANS[rng.nextInt(TUMOUR_ORGANS.length)]
                    : INFLAMMATION_ORGANS[rng.nextInt(INFLAMMATION_ORGANS.length)];
            double d = round(tumour ? 12 + 18 * rng.nextDouble() : 12 + 13 * rng.nextDouble(), 1);
            double ratio = round(tumour ? 3 + 5 * rng.nextDouble() : 10 + 30 * rng.nextDouble(), 1);
            boolean necrotic = tumour && d > 22 && rng.nextBoolean();
            lesions.add(new LesionPlan((tumour ? "tumour_" : "inflammation_") + (l + 1),
                    tumour ? "tumour" : "inflammation", organ, d, ratio, necrotic));
        }
        return new CasePlan(String.format(Locale.ROOT, "case_%03d", index), caseSeed, male, scale, tpv, lesions);
    }

    /**
     * Writes this case into a study tree (the template's phantom, camera and simulation are kept):
     * sex and scale, the lesions without centres, the placement seed, the orbit radius
     * (215 + 45 x scale mm, outside the largest body), time per view and simulation seed.
     *
     * @param placementSeed seed for the phantom's random lesion placement
     */
    public void applyTo(ObjectNode study, long placementSeed) {
        ObjectNode phantom = (ObjectNode) study.get("phantom");
        ObjectNode options = (ObjectNode) phantom.with("preset").with("options");
        options.put("sex", male ? "male" : "female");
        options.put("scale", bodyScale);
        ArrayNode arr = phantom.putArray("lesions");
        for (LesionPlan l : lesions) {
            ObjectNode o = arr.addObject().put("id", l.id()).put("kind", l.kind()).put("organ", l.organ())
                    .put("diameter_mm", l.diameterMm()).put("uptake_ratio", l.uptakeRatio());
            if (l.necrotic()) {
                o.put("necrotic_fraction", 0.3).put("necrotic_uptake_ratio", 0.1);
            }
        }
        phantom.putObject("lesion_placement").put("seed", placementSeed).put("margin_mm", 3)
                .put("min_separation_mm", 10);
        ObjectNode acq = (ObjectNode) study.get("acquisition");
        acq.put("radius_mm", Math.round(215 + 45 * bodyScale));
        acq.put("time_per_view_s", timePerViewS);
        ((ObjectNode) study.get("simulation")).put("seed", seed);
    }

    /** The lesions in one manifest cell: {@code id:kind:organ:diameter_mm:ratio}, separated by {@code ;}. */
    public String lesionSummary() {
        List<String> parts = new ArrayList<>();
        for (LesionPlan l : lesions) {
            parts.add(String.format(Locale.ROOT, "%s:%s:%s:%.1fmm:x%.1f%s", l.id(), l.kind(), l.organ(), l.diameterMm(),
                    l.uptakeRatio(), l.necrotic() ? ":necrotic" : ""));
        }
        return String.join(";", parts);
    }

    private static double round(double v, int digits) {
        double f = Math.pow(10, digits);
        return Math.round(v * f) / f;
    }
}
