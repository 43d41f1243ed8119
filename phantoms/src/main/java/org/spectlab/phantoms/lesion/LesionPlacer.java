package org.spectlab.phantoms.lesion;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.spectlab.core.error.InputException;
import org.spectlab.phantoms.model.Phantom;
import org.spectlab.phantoms.model.Region;
import org.spectlab.phantoms.shape.Aabb;

/**
 * Random placement of lesions inside named organs, reproducible for a seed.
 *
 * <p>For each template in order, centres are drawn uniformly in the bounding box of the organ (union of
 * the boxes of its regions; generator {@code XO_RO_SHI_RO_128_PP} seeded with the given seed) and
 * accepted when (a) the centre and the surface of the lesion inflated by the margin (each semi-axis +
 * margin; the exact offset surface for spheres), probed at {@value SurfacePoints#COUNT} directions,
 * all belong to the organ after region priorities, and (b) the bounding spheres of the lesion and every
 * lesion placed before are at least {@code minSeparationMm} apart.
 */
public final class LesionPlacer {

    /**
     * Placement constraints.
     *
     * @param marginMm        minimum distance from the lesion surface to the organ boundary, mm
     * @param minSeparationMm minimum gap between the bounding spheres of two lesions, mm
     * @param maxAttempts     candidate centres tried per lesion before giving up
     */
    public record Rules(double marginMm, double minSeparationMm, int maxAttempts) {
        /** Validates. */
        public Rules {
            if (!(marginMm >= 0) || !(minSeparationMm >= 0) || maxAttempts < 1) {
                throw InputException.field("placement rules", "margin and separation must be >= 0 mm and attempts"
                        + " >= 1");
            }
        }

        /** Rules with 100000 attempts per lesion. */
        public static Rules of(double marginMm, double minSeparationMm) {
            return new Rules(marginMm, minSeparationMm, 100_000);
        }
    }

    private LesionPlacer() {
    }

    /**
     * Places the templates (their centres are ignored) and returns them at their new centres.
     *
     * @throws InputException when an organ is unknown or a lesion cannot be placed within the attempts
     */
    public static List<Lesion> place(Phantom host, List<Lesion> templates, Rules rules, long seed) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        List<Lesion> placed = new ArrayList<>();
        double[] p = new double[3];
        for (int t = 0; t < templates.size(); t++) {
            Lesion l = templates.get(t);
            Aabb box = organBounds(host, l.organ(), t);
            boolean done = false;
            for (int attempt = 0; attempt < rules.maxAttempts() && !done; attempt++) {
                double x = box.minXMm() + rng.nextDouble() * (box.maxXMm() - box.minXMm());
                double y = box.minYMm() + rng.nextDouble() * (box.maxYMm() - box.minYMm());
                double z = box.minZMm() + rng.nextDouble() * (box.maxZMm() - box.minZMm());
                if (!inOrgan(host, l.organ(), x, y, z)) {
                    continue;
                }
                double m = rules.marginMm();
                boolean inside = true;
                for (int k = 0; k < SurfacePoints.COUNT && inside; k++) {
                    SurfacePoints.point(k, x, y, z, 0.5 * l.diameterXMm() + m, 0.5 * l.diameterYMm() + m,
                            0.5 * l.diameterZMm() + m, p);
                    inside = inOrgan(host, l.organ(), p[0], p[1], p[2]);
                }
                if (!inside) {
                    continue;
                }
                boolean separate = true;
                for (Lesion q : placed) {
                    double d = Math.sqrt(sq(q.centreXMm() - x) + sq(q.centreYMm() - y) + sq(q.centreZMm() - z));
                    if (d < q.maxRadiusMm() + l.maxRadiusMm() + rules.minSeparationMm()) {
                        separate = false;
                        break;
                    }
                }
                if (separate) {
                    placed.add(l.movedTo(x, y, z));
                    done = true;
                }
            }
            if (!done) {
                throw InputException.field("lesions[" + t + "] '" + l.id() + "'", String.format(Locale.ROOT,
                        "cannot be placed inside '%s' with a %.1f mm margin and %.1f mm separation in %d attempts;"
                                + " use a smaller lesion or margin", l.organ(), rules.marginMm(),
                        rules.minSeparationMm(), rules.maxAttempts()));
            }
        }
        return placed;
    }

    private static double sq(double v) {
        return v * v;
    }

    private static boolean inOrgan(Phantom host, String organ, double x, double y, double z) {
        int r = host.regionIndexAt(x, y, z);
        return r >= 0 && host.regions().get(r).label().equals(organ);
    }

    private static Aabb organBounds(Phantom host, String organ, int index) {
        Aabb box = null;
        for (Region r : host.regions()) {
            if (r.label().equals(organ)) {
                box = box == null ? r.shape().bounds() : box.union(r.shape().bounds());
            }
        }
        if (box == null) {
            throw InputException.field("lesions[" + index + "].organ", "unknown organ '" + organ + "'; known: "
                    + host.labelNames().subList(1, host.labelNames().size()));
        }
        return box;
    }
}
