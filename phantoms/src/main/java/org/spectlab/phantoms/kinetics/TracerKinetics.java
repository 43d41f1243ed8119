package org.spectlab.phantoms.kinetics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.spectlab.core.error.InputException;
import org.spectlab.phantoms.model.Phantom;
import org.spectlab.phantoms.model.Region;
import org.spectlab.phantoms.voxel.VoxelisedPhantom;

/**
 * The time course of an administered activity: biological retention per compartment (keyed by the
 * phantom label it fills) times physical decay {@code exp(-ln2 t / T_phys)}.
 *
 * <p>Bookkeeping: the compartments together hold at most the administered atoms at every time. The
 * excreted fraction is either given as its own retention (the excretion sinks of a
 * {@link CompartmentModel}, tracked independently of the body compartments) or, when not given, what
 * the compartments do not hold, {@code E(t) = 1 - sum_c R_c(t)}; either way it must not decrease, and
 * with an explicit one {@code sum_c R_c + E = 1} is checked (1e-9) on a time grid at construction. Excreted atoms still decay, so at any time
 * {@code sum_c A_c(t) + A_excreted(t) = A_0 exp(-lambda t)}.
 *
 * <p>Approximation: activity is spread uniformly over each compartment's label volume.
 */
public final class TracerKinetics {
    private final double administeredMBq;
    private final double physicalHalfLifeS;
    private final double lambdaPerH;
    private final Map<String, Retention> compartments;
    private final Retention excreted;

    private TracerKinetics(double administeredMBq, Map<String, Retention> compartments, Retention excreted,
                           double physicalHalfLifeS) {
        if (!(administeredMBq >= 0) || !Double.isFinite(administeredMBq)) {
            throw InputException.field("administered activity (MBq)", "must be a finite number >= 0, got "
                    + administeredMBq);
        }
        if (!(physicalHalfLifeS > 0)) {
            throw InputException.field("physical half-life (s)", "must be > 0, got " + physicalHalfLifeS);
        }
        if (compartments.isEmpty()) {
            throw InputException.field("compartments", "need at least one");
        }
        this.administeredMBq = administeredMBq;
        this.physicalHalfLifeS = physicalHalfLifeS;
        this.lambdaPerH = Double.isInfinite(physicalHalfLifeS) ? 0 : Math.log(2) / (physicalHalfLifeS / 3600.0);
        this.compartments = new LinkedHashMap<>(compartments);
        this.excreted = excreted;
        double previousExcreted = -1e-9;
        for (double tH = 0; tH <= 24 * 365; tH = tH < 1 ? tH + 0.05 : tH * 1.05) {
            double e = excretedFraction(tH);
            if (excreted != null) {
                double body = 0;
                for (Retention r : compartments.values()) {
                    body += r.at(tH);
                }
                if (Math.abs(body + e - 1) > 1e-9) {
                    throw InputException.field("compartments", "body " + body + " + excreted " + e + " = "
                            + (body + e) + " at " + tH + " h: the model does not conserve the administered atoms");
                }
            }
            if (e < -1e-9) {
                throw InputException.field("compartments", "together hold " + (1 - e)
                        + " of the administered activity at " + tH + " h (at most 1 allowed)");
            }
            if (e < previousExcreted - 1e-9) {
                throw InputException.field("compartments", "body content rises at " + tH
                        + " h: excretion cannot be undone");
            }
            previousExcreted = e;
        }
    }

    /**
     * Kinetics of an administration.
     *
     * @param administeredMBq    activity administered at t = 0, MBq
     * @param compartments       retention by label (insertion order kept)
     * @param physicalHalfLifeS  half-life of the nuclide, s (e.g. {@code NuclideLibrary.get("Tc-99m").halfLifeS()})
     */
    public static TracerKinetics of(double administeredMBq, Map<String, Retention> compartments,
                                    double physicalHalfLifeS) {
        return new TracerKinetics(administeredMBq, compartments, null, physicalHalfLifeS);
    }

    /**
     * Kinetics with the excreted fraction tracked on its own (e.g. the sinks of a {@link CompartmentModel}).
     *
     * @param excreted fraction of the administered atoms excreted by t (no decay)
     */
    public static TracerKinetics of(double administeredMBq, Map<String, Retention> compartments, Retention excreted,
                                    double physicalHalfLifeS) {
        return new TracerKinetics(administeredMBq, compartments, excreted, physicalHalfLifeS);
    }

    /** Administered activity, MBq. */
    public double administeredMBq() {
        return administeredMBq;
    }

    /** Physical half-life, s. */
    public double physicalHalfLifeS() {
        return physicalHalfLifeS;
    }

    /** Compartment labels in order. */
    public List<String> compartments() {
        return List.copyOf(compartments.keySet());
    }

    /** Biological retention of a compartment (fraction of administered atoms, no decay). */
    public Retention retention(String label) {
        Retention r = compartments.get(label);
        if (r == null) {
            throw InputException.field("compartment", "unknown compartment '" + label + "'; known: "
                    + compartments.keySet());
        }
        return r;
    }

    /** Physical decay factor at t hours. */
    public double decayFactor(double tH) {
        return Math.exp(-lambdaPerH * tH);
    }

    /** Activity (MBq) in a compartment at t hours after administration. */
    public double activityMBqAt(String label, double tH) {
        return administeredMBq * retention(label).at(tH) * decayFactor(tH);
    }

    /** Fraction of the administered atoms excreted by t hours. */
    public double excretedFraction(double tH) {
        if (excreted != null) {
            return excreted.at(tH);
        }
        double s = 0;
        for (Retention r : compartments.values()) {
            s += r.at(tH);
        }
        return 1 - s;
    }

    /** Activity (MBq) of the excreted atoms at t hours (they keep decaying outside the compartments). */
    public double excretedActivityMBqAt(double tH) {
        return administeredMBq * excretedFraction(tH) * decayFactor(tH);
    }

    /**
     * Number of decays (MBq s, i.e. 10^6 decays) in a compartment during an acquisition of
     * {@code durationS} seconds starting {@code startH} hours after administration.
     */
    public double decaysMBqSIn(String label, double startH, double durationS) {
        if (!(durationS >= 0) || !(startH >= 0)) {
            throw InputException.field("acquisition window", "start (h) and duration (s) must be >= 0");
        }
        return administeredMBq * retention(label).integralWithDecayH(startH, durationS / 3600.0, lambdaPerH) * 3600.0;
    }

    /**
     * The phantom with every region's concentration set from the kinetics at t hours: a label's activity
     * spread uniformly over the label's rendered volume (so the voxelised activity of the label equals
     * the compartment activity exactly). Labels without a compartment get zero activity.
     *
     * @param rendered the phantom voxelised on the target grid (for the label volumes)
     */
    public Phantom applyAt(VoxelisedPhantom rendered, double tH) {
        Phantom p = rendered.phantom();
        for (String label : compartments.keySet()) {
            if (!p.labelNames().contains(label)) {
                throw InputException.field("compartment", "'" + label + "' is not a label of phantom '" + p.name()
                        + "'; labels: " + p.labelNames());
            }
            if (rendered.labelVolumeMl(label) <= 0 && retention(label).at(tH) > 0) {
                throw InputException.field("compartment", "'" + label + "' has no volume on the grid");
            }
        }
        List<Region> out = new ArrayList<>();
        for (Region r : p.regions()) {
            double conc = 0;
            if (compartments.containsKey(r.label())) {
                double v = rendered.labelVolumeMl(r.label());
                conc = v > 0 ? activityMBqAt(r.label(), tH) * 1e6 / v : 0;
            }
            out.add(r.withConcentration(conc));
        }
        return Phantom.of(p.name(), out, p.backgroundMaterial());
    }
}
