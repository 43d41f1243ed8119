package org.spectlab.phantoms.lesion;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.spectlab.core.error.InputException;
import org.spectlab.phantoms.model.Phantom;
import org.spectlab.phantoms.model.Region;

/**
 * Adds lesions to a phantom as highest-priority regions, after checking each one.
 *
 * <p>Checks: the centre lies in the declared host organ; the whole lesion lies inside the body (its
 * surface, probed at {@value SurfacePoints#COUNT} directions, is nowhere in the background); lesions
 * do not overlap unless allowed (exact for two spheres; for ellipsoids, no probe point of one lies in
 * the other). The lesion takes the host's material; its concentration is its uptake applied to the
 * concentration of the host region at the centre. A necrotic core is a second region (same label).
 */
public final class LesionInserter {
    private LesionInserter() {
    }

    /** The phantom with the lesions appended; throws {@link InputException} naming the lesion when a check fails. */
    public static Phantom insert(Phantom host, List<Lesion> lesions, boolean allowOverlap) {
        List<Region> regions = new ArrayList<>();
        for (int i = 0; i < lesions.size(); i++) {
            Lesion l = lesions.get(i);
            int hostIndex = host.regionIndexAt(l.centreXMm(), l.centreYMm(), l.centreZMm());
            if (hostIndex < 0) {
                throw InputException.field("lesions[" + i + "] '" + l.id() + "'", String.format(Locale.ROOT,
                        "centre (%.1f, %.1f, %.1f) mm is outside the body", l.centreXMm(), l.centreYMm(),
                        l.centreZMm()));
            }
            Region hostRegion = host.regions().get(hostIndex);
            if (!hostRegion.label().equals(l.organ())) {
                throw InputException.field("lesions[" + i + "] '" + l.id() + "'", "centre lies in '"
                        + hostRegion.label() + "', not in the declared organ '" + l.organ() + "'");
            }
            double[] p = new double[3];
            for (int k = 0; k < SurfacePoints.COUNT; k++) {
                SurfacePoints.point(k, l.centreXMm(), l.centreYMm(), l.centreZMm(), 0.5 * l.diameterXMm(),
                        0.5 * l.diameterYMm(), 0.5 * l.diameterZMm(), p);
                if (host.regionIndexAt(p[0], p[1], p[2]) < 0) {
                    throw InputException.field("lesions[" + i + "] '" + l.id() + "'",
                            "lies partly outside the body; move it inwards or make it smaller");
                }
            }
            if (!allowOverlap) {
                for (int j = 0; j < i; j++) {
                    if (overlap(lesions.get(j), l)) {
                        throw InputException.field("lesions[" + i + "] '" + l.id() + "'", "overlaps lesion '"
                                + lesions.get(j).id() + "' (set allow_overlap to permit)");
                    }
                }
            }
            double conc = l.uptake().concentrationBqPerMl(hostRegion.concentrationBqPerMl());
            regions.add(Region.of(l.id(), l.id(), l.shape(), hostRegion.material(), conc));
            if (l.necroticFraction() > 0) {
                regions.add(Region.of(l.coreId(), l.id(), l.core(), hostRegion.material(),
                        conc * l.necroticUptakeRatio()));
            }
        }
        return host.withRegions(regions);
    }

    /** True when two lesions overlap (exact for spheres, probe-based for ellipsoids). */
    static boolean overlap(Lesion a, Lesion b) {
        double dx = a.centreXMm() - b.centreXMm();
        double dy = a.centreYMm() - b.centreYMm();
        double dz = a.centreZMm() - b.centreZMm();
        double dist = Math.sqrt(dx * dx + dy * dy + dz * dz);
        if (dist >= a.maxRadiusMm() + b.maxRadiusMm()) {
            return false;
        }
        if (isSphere(a) && isSphere(b)) {
            return true;
        }
        return probesInside(a, b) || probesInside(b, a);
    }

    private static boolean isSphere(Lesion l) {
        return l.diameterXMm() == l.diameterYMm() && l.diameterYMm() == l.diameterZMm();
    }

    private static boolean probesInside(Lesion probe, Lesion target) {
        var t = target.shape();
        if (t.contains(probe.centreXMm(), probe.centreYMm(), probe.centreZMm())) {
            return true;
        }
        double[] p = new double[3];
        for (int k = 0; k < SurfacePoints.COUNT; k++) {
            SurfacePoints.point(k, probe.centreXMm(), probe.centreYMm(), probe.centreZMm(), 0.5 * probe.diameterXMm(),
                    0.5 * probe.diameterYMm(), 0.5 * probe.diameterZMm(), p);
            if (t.contains(p[0], p[1], p[2])) {
                return true;
            }
        }
        return false;
    }
}
