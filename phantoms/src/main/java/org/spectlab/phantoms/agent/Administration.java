package org.spectlab.phantoms.agent;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.spectlab.core.error.InputException;
import org.spectlab.core.nuclide.NuclideLibrary;
import org.spectlab.phantoms.kinetics.CompartmentModel;
import org.spectlab.phantoms.kinetics.Retention;
import org.spectlab.phantoms.kinetics.TracerKinetics;
import org.spectlab.phantoms.lesion.Lesion;
import org.spectlab.phantoms.model.Phantom;
import org.spectlab.phantoms.model.Region;

/**
 * One administration of an agent to a phantom patient: the agent's compartments, summed by anatomical
 * group, become a {@link TracerKinetics} (the single source of activities at a time and decays in a
 * window), and each group's activity is spread over the phantom regions of the group.
 *
 * <p>Spreading: a region of an organ label gets weight 1 per mL; a lesion (relative uptake {@code r} to
 * its host organ) joins its host's group with weight {@code r} per mL, its necrotic core
 * {@code r x necrotic ratio}, so a lesion's concentration is exactly r times its host's and the group's
 * total is unchanged. Concentration of region i in group g: {@code A_g(t) w_i / sum_j w_j V_j}, with
 * {@code V_j} the volumes the regions occupy in the whole phantom (not only the part on the grid), so
 * organs cut by the field of view keep their true concentration. Groups the phantom lacks are folded into
 * their fallback or lie outside the phantom ({@link LabelGroups}).
 *
 * <p>Remainder: the phantom is part of a patient of {@code patientMassKg} (default
 * {@link #referencePatientMassKg}: the ICRP Publication 89 reference adult, 73 kg male / 60 kg female,
 * taken from the phantom name, times the cube of the phantom's length scale). The remainder
 * group (blood and all soft tissue not in another group) is spread uniformly over the patient's
 * remainder volume, {@code V = mass / (1 g/mL) - volume of the agent's other organ groups in the
 * phantom}; the phantom's remainder labels hold the share {@code V_phantom / V} of it (at most all of
 * it), and the rest is outside the phantom. Approximations: whole-body density 1 g/mL; organs of the
 * agent's groups that the phantom lacks are not subtracted; scaling every length by {@code s} scales
 * the whole patient's mass by {@code s^3} (isotropic scaling at unchanged densities), which ignores that
 * real body mass grows faster than the cube of height for heavier builds and slower for lean ones.
 *
 * <p>Bookkeeping: the groups' activities plus the excreted activity (the model's sinks, tracked as their
 * own compartments) equal {@code A0 exp(-lambda t)} at every time; {@code phantom.json} lists both.
 */
public final class Administration {
    private final Agent agent;
    private final double administeredMBq;
    private final double scanTimeH;
    private final double acquisitionS;
    private final List<Double> reportTimesH;
    private final TracerKinetics kinetics;
    private final Map<String, List<String>> groupLabels;
    private final Map<String, String> foldedInto;
    private final Set<String> outside;
    private final Map<String, List<String>> groupCompartments;
    private final Phantom phantom;
    private final String[] regionGroup;
    private final double[] regionWeight;
    private final Map<String, Double> groupWeightMl;
    private final double patientMassKg;
    private final double remainderInPhantom;

    private Administration(Agent agent, double administeredMBq, double scanTimeH, double acquisitionS,
                           List<Double> reportTimesH, double patientMassKg, Phantom phantom, List<Lesion> lesions,
                           double[] regionVolumeMl) {
        this.agent = agent;
        this.administeredMBq = administeredMBq;
        this.scanTimeH = scanTimeH;
        this.acquisitionS = acquisitionS;
        this.reportTimesH = List.copyOf(reportTimesH);
        this.phantom = phantom;
        if (Double.isNaN(patientMassKg)) {
            patientMassKg = referencePatientMassKg(phantom, 1.0);
        }
        if (!(patientMassKg > 0) || !Double.isFinite(patientMassKg)) {
            throw InputException.field("kinetics.patient_mass_kg", "must be > 0, got " + patientMassKg);
        }
        this.patientMassKg = patientMassKg;
        CompartmentModel model = agent.model();
        Map<String, Retention> byGroup = agent.groupRetention(model);
        Set<String> lesionLabels = new LinkedHashSet<>();
        for (Lesion l : lesions) {
            lesionLabels.add(l.id());
        }
        Map<String, Double> labelVolume = new LinkedHashMap<>();
        for (int i = 0; i < phantom.regions().size(); i++) {
            labelVolume.merge(phantom.regions().get(i).label(), regionVolumeMl[i], Double::sum);
        }
        // resolve groups onto labels, folding absent groups into their fallback
        groupLabels = new LinkedHashMap<>();
        foldedInto = new LinkedHashMap<>();
        outside = new LinkedHashSet<>();
        groupCompartments = new LinkedHashMap<>();
        Map<String, List<Retention>> merged = new LinkedHashMap<>();
        Set<String> claimed = new LinkedHashSet<>();
        for (String g : byGroup.keySet()) {
            String target = g;
            while (target != null && !target.equals(LabelGroups.REMAINDER) && present(target, labelVolume).isEmpty()) {
                target = LabelGroups.fallback(target);
            }
            if (target == null) {
                outside.add(g);
                target = g;
            } else if (!target.equals(g)) {
                foldedInto.put(g, target);
            }
            merged.computeIfAbsent(target, x -> new ArrayList<>()).add(byGroup.get(g));
            if (!outside.contains(target) && !target.equals(LabelGroups.REMAINDER) && !groupLabels.containsKey(target)) {
                List<String> labels = present(target, labelVolume);
                for (String l : labels) {
                    if (!claimed.add(l)) {
                        throw new IllegalStateException("agent '" + agent.key() + "': label '" + l
                                + "' is claimed by two groups");
                    }
                }
                groupLabels.put(target, labels);
            }
        }
        // bone seekers deposit on the trabecular surfaces inside the marrow cavities: with no marrow group of
        // its own, the agent's skeleton also takes the red_marrow label (the torso's trabecular cores)
        List<String> skeleton = groupLabels.get("skeleton");
        if (skeleton != null && labelVolume.getOrDefault("red_marrow", 0.0) > 0 && claimed.add("red_marrow")) {
            skeleton.add("red_marrow");
        }
        for (Agent.Compartment c : agent.compartments()) {
            if (!c.group().equals(LabelGroups.EXCRETED)) {
                String target = foldedInto.getOrDefault(c.group(), c.group());
                groupCompartments.computeIfAbsent(target, x -> new ArrayList<>()).add(c.name());
            }
        }
        if (merged.containsKey(LabelGroups.REMAINDER)) {
            List<String> rest = new ArrayList<>();
            for (String l : labelVolume.keySet()) {
                if (!claimed.contains(l) && !LabelGroups.AIR_LABELS.contains(l) && !lesionLabels.contains(l)
                        && labelVolume.get(l) > 0) {
                    rest.add(l);
                }
            }
            if (rest.isEmpty()) {
                throw InputException.field("kinetics.agent", "agent '" + agent.key() + "' needs body tissue outside "
                        + "its organs (the remainder); phantom '" + phantom.name() + "' has none (use an "
                        + "anthropomorphic preset such as adult_torso or head_neck)");
            }
            groupLabels.put(LabelGroups.REMAINDER, rest);
        }
        Map<String, Retention> comps = new LinkedHashMap<>();
        for (Map.Entry<String, List<Retention>> e : merged.entrySet()) {
            comps.put(e.getKey(), Retention.sum(e.getValue()));
        }
        kinetics = TracerKinetics.of(administeredMBq, comps, agent.excretedRetention(model),
                NuclideLibrary.get(agent.nuclide()).halfLifeS());
        // region weights
        Map<String, String> labelGroup = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> e : groupLabels.entrySet()) {
            for (String l : e.getValue()) {
                labelGroup.put(l, e.getKey());
            }
        }
        Map<String, Lesion> lesionById = new LinkedHashMap<>();
        for (Lesion l : lesions) {
            lesionById.put(l.id(), l);
        }
        int n = phantom.regions().size();
        regionGroup = new String[n];
        regionWeight = new double[n];
        groupWeightMl = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            Region r = phantom.regions().get(i);
            Lesion l = lesionById.get(r.label());
            String g;
            double w;
            if (l != null) {
                if (!l.uptake().relative()) {
                    throw InputException.field("lesions '" + l.id() + "'.concentration_bq_per_ml", "with an agent, "
                            + "give uptake_ratio (relative to the host organ), not an absolute concentration");
                }
                g = labelGroup.get(l.organ());
                w = l.uptake().value() * (r.id().equals(l.coreId()) ? l.necroticUptakeRatio() : 1.0);
            } else {
                g = labelGroup.get(r.label());
                w = 1.0;
            }
            regionGroup[i] = g;
            regionWeight[i] = g == null ? 0 : w;
            if (g != null) {
                groupWeightMl.merge(g, w * regionVolumeMl[i], Double::sum);
            }
        }
        double remPhantomMl = 0;
        double organsMl = 0;
        for (Map.Entry<String, List<String>> e : groupLabels.entrySet()) {
            double v = 0;
            for (String l : e.getValue()) {
                v += labelVolume.get(l);
            }
            if (e.getKey().equals(LabelGroups.REMAINDER)) {
                remPhantomMl = v;
            } else {
                organsMl += v;
            }
        }
        double remPatientMl = patientMassKg * 1000.0 - organsMl;
        remainderInPhantom = remPatientMl > remPhantomMl ? remPhantomMl / remPatientMl : 1.0;
    }

    /** Share of a group's activity that lies in the phantom: 1, 0 (outside) or the remainder's share. */
    private double inPhantomShare(String group) {
        if (outside.contains(group)) {
            return 0;
        }
        return group.equals(LabelGroups.REMAINDER) ? remainderInPhantom : 1.0;
    }

    /**
     * An administration.
     *
     * @param agent           the agent
     * @param administeredMBq activity administered at t = 0, MBq
     * @param scanTimeH       time of the scan (start of the acquisition) after administration, h
     * @param acquisitionS    acquisition duration, s (0: no cumulated map)
     * @param reportTimesH    further times (h) at which phantom.json reports the bookkeeping
     * @param patientMassKg   mass of the patient the phantom belongs to, kg (NaN: the unscaled ICRP 89
     *                        reference, {@link #referencePatientMassKg} with scale 1)
     * @param phantom         the phantom with its lesions inserted
     * @param lesions         the lesions (their uptake must be relative to the host)
     * @param regionVolumeMl  volume each region occupies in the whole phantom, mL, in region order
     */
    public static Administration of(Agent agent, double administeredMBq, double scanTimeH, double acquisitionS,
                                    List<Double> reportTimesH, double patientMassKg, Phantom phantom,
                                    List<Lesion> lesions, double[] regionVolumeMl) {
        return new Administration(agent, administeredMBq, scanTimeH, acquisitionS, reportTimesH, patientMassKg, phantom,
                lesions, regionVolumeMl);
    }

    /**
     * The default patient mass, kg: the ICRP Publication 89 (2002) reference adult body mass, 73 kg male
     * or 60 kg female (female when the phantom's name says so), times {@code lengthScale^3} for a phantom
     * whose every length was scaled by {@code lengthScale} (the torso's {@code scale} / {@code height_cm}).
     */
    public static double referencePatientMassKg(Phantom phantom, double lengthScale) {
        if (!(lengthScale > 0) || !Double.isFinite(lengthScale)) {
            throw InputException.field("scale", "must be > 0, got " + lengthScale);
        }
        double referenceKg = phantom.name().contains("female") ? 60.0 : 73.0;
        return referenceKg * lengthScale * lengthScale * lengthScale;
    }

    private static List<String> present(String group, Map<String, Double> labelVolume) {
        List<String> out = new ArrayList<>();
        for (String l : LabelGroups.labels(group)) {
            if (labelVolume.getOrDefault(l, 0.0) > 0) {
                out.add(l);
            }
        }
        return out;
    }

    /** The agent. */
    public Agent agent() {
        return agent;
    }

    /** The kinetics by group (after folding). */
    public TracerKinetics kinetics() {
        return kinetics;
    }

    /** Scan time after administration, h. */
    public double scanTimeH() {
        return scanTimeH;
    }

    /** Acquisition duration, s. */
    public double acquisitionS() {
        return acquisitionS;
    }

    /**
     * The kinetic group (a compartment of {@link #kinetics()}) of each phantom region, in region order:
     * a lesion's is its host organ's; null for a region that carries no activity.
     */
    public List<String> regionGroups() {
        return Collections.unmodifiableList(Arrays.asList(regionGroup.clone()));
    }

    /** The phantom with every region at its concentration (Bq/mL) at {@code tH} hours. */
    public Phantom phantomAt(double tH) {
        double[] groupMBq = new double[regionGroup.length];
        for (int i = 0; i < regionGroup.length; i++) {
            groupMBq[i] = regionGroup[i] == null ? 0 : kinetics.activityMBqAt(regionGroup[i], tH);
        }
        return withValues(groupMBq);
    }

    /**
     * The phantom with every region's "concentration" set to its cumulated activity over the acquisition
     * window {@code [scan time, scan time + acquisition]}, Bq s/mL (decays per mL).
     */
    public Phantom phantomCumulated() {
        double[] groupMBqS = new double[regionGroup.length];
        for (int i = 0; i < regionGroup.length; i++) {
            groupMBqS[i] = regionGroup[i] == null ? 0 : kinetics.decaysMBqSIn(regionGroup[i], scanTimeH, acquisitionS);
        }
        return withValues(groupMBqS);
    }

    private Phantom withValues(double[] groupValue) {
        List<Region> out = new ArrayList<>();
        for (int i = 0; i < regionGroup.length; i++) {
            Region r = phantom.regions().get(i);
            double c = 0;
            if (regionGroup[i] != null) {
                double w = groupWeightMl.get(regionGroup[i]);
                c = w > 0 ? groupValue[i] * inPhantomShare(regionGroup[i]) * 1e6 * regionWeight[i] / w : 0;
            }
            out.add(r.withConcentration(c));
        }
        return Phantom.of(phantom.name(), out, phantom.backgroundMaterial());
    }

    /** The {@code administration} block of phantom.json (units in the key names). */
    public ObjectNode toTree() {
        ObjectNode o = new ObjectMapper().createObjectNode();
        o.put("agent", agent.key()).put("agent_name", agent.name()).put("nuclide", agent.nuclide());
        o.put("route", agent.route().key()).put("route_description", agent.route().description());
        o.put("excretion", agent.excretion());
        o.put("administered_activity_mbq", administeredMBq);
        o.put("patient_mass_kg", patientMassKg);
        o.put("scan_time_h", scanTimeH);
        o.put("acquisition_duration_s", acquisitionS);
        o.put("model_notes", agent.notes());
        ArrayNode src = o.putArray("sources");
        agent.sources().forEach((id, text) -> src.addObject().put("id", id).put("citation", text));
        ArrayNode comps = o.putArray("compartments");
        double body = 0;
        double inPhantom = 0;
        for (String g : kinetics.compartments()) {
            ObjectNode c = comps.addObject();
            c.put("group", g);
            ArrayNode labels = c.putArray("labels");
            groupLabels.getOrDefault(g, List.of()).forEach(labels::add);
            ArrayNode ac = c.putArray("agent_compartments");
            groupCompartments.getOrDefault(g, List.of()).forEach(ac::add);
            ArrayNode folded = c.putArray("folded_from");
            foldedInto.forEach((from, to) -> {
                if (to.equals(g)) {
                    folded.add(from);
                }
            });
            double a = kinetics.activityMBqAt(g, scanTimeH);
            body += a;
            c.put("in_phantom", !outside.contains(g));
            c.put("share_in_phantom", inPhantomShare(g));
            c.put("activity_in_phantom_at_scan_mbq", a * inPhantomShare(g));
            inPhantom += a * inPhantomShare(g);
            c.put("activity_at_scan_mbq", a);
            c.put("fraction_of_administered_atoms", kinetics.retention(g).at(scanTimeH));
            c.put("decays_in_acquisition_mbq_s", kinetics.decaysMBqSIn(g, scanTimeH, acquisitionS));
        }
        o.put("body_activity_at_scan_mbq", body);
        o.put("body_activity_in_phantom_at_scan_mbq", inPhantom);
        o.put("excreted_fraction", kinetics.excretedFraction(scanTimeH));
        o.put("excreted_activity_at_scan_mbq", kinetics.excretedActivityMBqAt(scanTimeH));
        o.put("decayed_administered_activity_at_scan_mbq", administeredMBq * kinetics.decayFactor(scanTimeH));
        ArrayNode times = o.putArray("bookkeeping");
        List<Double> all = new ArrayList<>();
        all.add(scanTimeH);
        all.addAll(reportTimesH);
        for (double t : all) {
            double b = 0;
            for (String g : kinetics.compartments()) {
                b += kinetics.activityMBqAt(g, t);
            }
            times.addObject().put("time_h", t).put("body_activity_mbq", b)
                    .put("excreted_activity_mbq", kinetics.excretedActivityMBqAt(t))
                    .put("excreted_fraction", kinetics.excretedFraction(t))
                    .put("decayed_administered_activity_mbq", administeredMBq * kinetics.decayFactor(t));
        }
        return o;
    }
}
