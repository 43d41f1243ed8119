package org.spectlab.phantoms.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.spectlab.core.error.InputException;
import org.spectlab.core.grid.Grid3;
import org.spectlab.core.material.MaterialLibrary;
import org.spectlab.core.grid.Volume;
import org.spectlab.core.nuclide.NuclideLibrary;
import org.spectlab.phantoms.agent.Administration;
import org.spectlab.phantoms.agent.Agent;
import org.spectlab.phantoms.agent.AgentLibrary;
import org.spectlab.phantoms.shape.Aabb;
import org.spectlab.phantoms.kinetics.Retention;
import org.spectlab.phantoms.kinetics.ScanKinetics;
import org.spectlab.phantoms.kinetics.TracerKinetics;
import org.spectlab.phantoms.lesion.Lesion;
import org.spectlab.phantoms.lesion.LesionInserter;
import org.spectlab.phantoms.lesion.LesionKind;
import org.spectlab.phantoms.lesion.LesionPlacer;
import org.spectlab.phantoms.lesion.Uptake;
import org.spectlab.phantoms.model.Phantom;
import org.spectlab.phantoms.model.Region;
import org.spectlab.phantoms.truth.PhantomTruth;
import org.spectlab.phantoms.voxel.VoxelisedPhantom;
import org.spectlab.phantoms.voxel.Voxeliser;

/**
 * A phantom description read from YAML (or JSON):
 * <pre>
 * grid: {size: [128, 128, 128], voxel_mm: [4, 4, 4], origin_mm: [..]}   # origin optional: centred
 * sampling: {sub_samples: 4, boundary_refinement: 4, threads: 1}       # optional; these defaults keep
 *                                                 # 10-37 mm spheres within 1% of analytic volume;
 *                                                 # refinement defaults to ceil(16 / sub_samples)
 * preset: {name: adult_torso, options: {...}}     # or: regions: [{id, label, shape, material, concentration_bq_per_ml}]
 *                                                 # or: voxel: {labels: x.nii | x.hv, table: t.yaml, background_material}
 * activity_map: a.nii                             # optional with voxel: Bq/mL on the label map's grid
 *                                                 # (grid optional with voxel: the label map's; paths relative to
 *                                                 # this file; sampling defaults to 1 on the map's own grid)
 * background_material: air                        # optional, with explicit regions
 * lesions: [{id, kind, organ, centre_mm, diameter_mm, uptake_ratio | concentration_bq_per_ml,
 *            necrotic_fraction, necrotic_uptake_ratio}]   # no centre_mm: placed at random in the organ
 * lesion_placement: {seed: 1, margin_mm: 5, min_separation_mm: 10}
 * allow_overlap: false
 * kinetics: {nuclide: Tc-99m, administered_mbq: 740, time_h: 2,
 *            compartments: {liver: {coefficients: [..], half_times_h: [..], permanent_fraction: 0}}}
 *   # or a built-in agent (see AgentLibrary): its nuclide, route and compartment model
 * kinetics: {agent: tc99m-mdp, administered_mbq: 740, time_h: 3, acquisition_s: 1200,
 *            report_times_h: [24, 48], patient_mass_kg: 73}
 * </pre>
 * With an agent, lesions need {@code uptake_ratio} (their activity comes from the host organ's
 * compartment), {@code time_h} is the scan start after administration (h), {@code acquisition_s} the
 * acquisition duration (s; with it a cumulated-activity map is rendered too) and
 * {@code report_times_h} further times at which phantom.json reports the bookkeeping, and
 * {@code patient_mass_kg} the patient the phantom is part of (default the ICRP 89 reference adult of
 * the phantom's sex, 73 kg male / 60 kg female, times the cube of the preset's length scale, so a torso
 * rendered with {@code scale} or {@code height_cm} belongs to a patient scaled alike; it sets how much of
 * the blood/soft-tissue activity the phantom holds, see {@link Administration}).
 * Unknown keys, unknown presets / organs / shapes / materials (checked against
 * {@link MaterialLibrary#builtIn()}), negative activities and lesions outside the body are
 * {@link InputException}s naming the field. With kinetics, every label that should carry activity
 * (lesions included, by their id) needs a compartment; configured concentrations are then replaced.
 */
public final class PhantomConfig {
    private final Grid3 grid;
    private final Phantom phantom;
    private final List<Lesion> lesions;
    private final Voxeliser voxeliser;
    private final TracerKinetics kinetics;
    private final double timeH;
    private final AgentDose agentDose;
    private final Volume activityMap;

    /** An agent administration as configured (mapped onto the phantom at render time). */
    private record AgentDose(Agent agent, double administeredMBq, double acquisitionS, List<Double> reportTimesH,
                             double patientMassKg) {
    }

    private PhantomConfig(Grid3 grid, Phantom phantom, List<Lesion> lesions, Voxeliser voxeliser,
                          TracerKinetics kinetics, double timeH, AgentDose agentDose, Volume activityMap) {
        this.activityMap = activityMap;
        this.grid = grid;
        this.phantom = phantom;
        this.lesions = List.copyOf(lesions);
        this.voxeliser = voxeliser;
        this.kinetics = kinetics;
        this.timeH = timeH;
        this.agentDose = agentDose;
    }

    /** Reads a YAML or JSON file. */
    public static PhantomConfig read(Path file) {
        try {
            return parse(Files.readString(file), file.toString());
        } catch (IOException e) {
            throw new InputException("cannot read phantom config " + file + ": " + e.getMessage(), e);
        }
    }

    /** Parses YAML (or JSON) text; {@code source} names it in error messages. */
    public static PhantomConfig parse(String text, String source) {
        Node top = Node.parseMapping(text, source, "at least 'grid' and 'preset' or 'regions'");
        top.allowOnly("grid", "sampling", "preset", "regions", "voxel", "activity_map", "background_material",
                "lesions", "lesion_placement", "allow_overlap", "kinetics");
        int sources = (top.has("preset") ? 1 : 0) + (top.has("regions") ? 1 : 0) + (top.has("voxel") ? 1 : 0);
        if (sources != 1) {
            throw InputException.field("preset", "give exactly one of 'preset', 'regions' and 'voxel'");
        }
        Phantom phantom;
        Grid3 grid;
        Voxeliser vox;
        Volume activityMap = null;
        double lengthScale = 1.0;
        if (top.has("voxel")) {
            if (top.has("background_material")) {
                throw InputException.field("background_material", "with 'voxel', give it as voxel.background_material");
            }
            VoxelParser.Parsed v = VoxelParser.parse(top.child("voxel"), top, baseDir(source));
            phantom = v.phantom();
            activityMap = v.activity();
            Grid3 labelGrid = v.labels().grid();
            grid = top.has("grid") ? grid(top.child("grid")) : labelGrid;
            if (activityMap != null) {
                if (!grid.sameGeometry(labelGrid)) {
                    throw InputException.field("grid", "must be the label map's grid (or left out) with an activity_map");
                }
                if (top.has("kinetics") || top.has("lesions")) {
                    throw InputException.field("activity_map", "cannot be combined with "
                            + (top.has("kinetics") ? "'kinetics'" : "'lesions'") + " (the map is the whole activity)");
                }
            }
            // on the map's own grid every voxel is wholly one label: one sample per voxel is exact
            vox = !top.has("sampling") && grid.sameGeometry(labelGrid) ? Voxeliser.of(1) : sampling(top);
        } else if (top.has("activity_map")) {
            throw InputException.field("activity_map", "needs a label map: give 'voxel: {labels: ..., table: ...}'");
        } else {
            grid = grid(top.child("grid"));
            vox = sampling(top);
            if (top.has("preset")) {
                phantom = PresetParser.parse(top.child("preset"));
                lengthScale = PresetParser.lengthScale(top.child("preset"));
            } else {
                List<Region> regions = new ArrayList<>();
                for (Node r : top.list("regions")) {
                    r.allowOnly("id", "label", "shape", "material", "concentration_bq_per_ml");
                    String id = r.text("id");
                    String material = r.text("material");
                    checkMaterial(r.path() + ".material", "region '" + id + "'", material);
                    regions.add(Region.of(id, r.text("label", id), ShapeParser.parse(r.child("shape")), material,
                            r.nonNegative("concentration_bq_per_ml", 0)));
                }
                String background = top.text("background_material", "air");
                checkMaterial("background_material", "the background", background);
                phantom = Phantom.of("custom", regions, background);
            }
        }
        for (Region r : phantom.regions()) {
            checkMaterial("material", "region '" + r.id() + "'", r.material());
        }
        List<Lesion> lesions = lesions(top, phantom);
        Phantom withLesions = LesionInserter.insert(phantom, lesions, top.bool("allow_overlap", false));
        TracerKinetics kinetics = null;
        double timeH = Double.NaN;
        AgentDose agentDose = null;
        if (top.has("kinetics") && top.child("kinetics").has("agent")) {
            Node k = top.child("kinetics").allowOnly("agent", "nuclide", "administered_mbq", "time_h", "acquisition_s",
                    "report_times_h", "patient_mass_kg");
            Agent agent = AgentLibrary.get(k.path() + ".agent", k.text("agent"));
            if (k.has("nuclide")) {
                String n = NuclideLibrary.canonicalName(k.text("nuclide"));
                if (!n.equals(agent.nuclide())) {
                    throw InputException.field(k.path() + ".nuclide", n + " differs from agent '" + agent.key()
                            + "', which is labelled with " + agent.nuclide() + "; leave nuclide out");
                }
            }
            List<Double> report = new ArrayList<>();
            if (k.has("report_times_h")) {
                int n = k.list("report_times_h").size();
                for (double t : k.numbers("report_times_h", n)) {
                    if (!(t >= 0) || !Double.isFinite(t)) {
                        throw InputException.field(k.path() + ".report_times_h", "times must be >= 0 h, got " + t);
                    }
                    report.add(t);
                }
            }
            for (int i = 0; i < lesions.size(); i++) {
                if (!lesions.get(i).uptake().relative()) {
                    throw InputException.field("lesions[" + i + "].concentration_bq_per_ml", "with kinetics.agent, "
                            + "give uptake_ratio (relative to the host organ) instead of an absolute concentration");
                }
            }
            timeH = k.nonNegative("time_h", 0);
            agentDose = new AgentDose(agent, k.positive("administered_mbq"), k.nonNegative("acquisition_s", 0), report,
                    k.has("patient_mass_kg") ? k.positive("patient_mass_kg")
                            : Administration.referencePatientMassKg(phantom, lengthScale));
        } else if (top.has("kinetics")) {
            Node k = top.child("kinetics").allowOnly("nuclide", "administered_mbq", "time_h", "compartments");
            double halfLifeS = NuclideLibrary.get(k.text("nuclide")).halfLifeS();
            Map<String, Retention> comps = new LinkedHashMap<>();
            Node cs = k.child("compartments");
            for (String label : cs.keys()) {
                Node c = cs.child(label).allowOnly("coefficients", "half_times_h", "permanent_fraction");
                List<Double> coef = new ArrayList<>();
                List<Double> half = new ArrayList<>();
                if (c.has("coefficients") || c.has("half_times_h")) {
                    int n = c.list("coefficients").size();
                    double[] a = c.numbers("coefficients", n);
                    double[] t = c.numbers("half_times_h", n);
                    for (int i = 0; i < n; i++) {
                        coef.add(a[i]);
                        half.add(t[i]);
                    }
                }
                if (c.has("permanent_fraction")) {
                    coef.add(c.nonNegative("permanent_fraction", 0));
                    half.add(Double.POSITIVE_INFINITY);
                }
                if (coef.isEmpty()) {
                    throw InputException.field(c.path(), "needs coefficients/half_times_h or permanent_fraction");
                }
                double[] a = new double[coef.size()];
                double[] t = new double[half.size()];
                for (int i = 0; i < a.length; i++) {
                    a[i] = coef.get(i);
                    t[i] = half.get(i);
                }
                comps.put(label, Retention.of(a, t));
            }
            kinetics = TracerKinetics.of(k.positive("administered_mbq"), comps, halfLifeS);
            timeH = k.nonNegative("time_h", 0);
            for (String label : comps.keySet()) {
                if (!withLesions.labelNames().contains(label)) {
                    throw InputException.field(cs.path() + "." + label, "unknown organ/label; known: "
                            + withLesions.labelNames());
                }
            }
        }
        return new PhantomConfig(grid, withLesions, lesions, vox, kinetics, timeH, agentDose, activityMap);
    }

    /** Folder of the configuration file named by {@code source}, or null (working directory) when it is not a file. */
    private static Path baseDir(String source) {
        try {
            Path p = Path.of(source);
            return Files.isRegularFile(p) ? p.toAbsolutePath().getParent() : null;
        } catch (java.nio.file.InvalidPathException e) {
            return null;
        }
    }

    /**
     * Fails unless {@link MaterialLibrary#builtIn()} knows the material.
     *
     * @param field path of the key in the configuration
     * @param owner what the material belongs to, e.g. {@code region 'liver'}
     */
    private static void checkMaterial(String field, String owner, String material) {
        if (!MaterialLibrary.builtIn().contains(material)) {
            throw InputException.field(field, "unknown material '" + material + "' for " + owner + "; known: "
                    + String.join(", ", MaterialLibrary.builtIn().names()));
        }
    }

    private static Grid3 grid(Node g) {
        g.allowOnly("size", "voxel_mm", "origin_mm");
        double[] size = g.numbers("size", 3);
        double[] v = g.oneOrThree("voxel_mm");
        int[] n = new int[3];
        for (int i = 0; i < 3; i++) {
            n[i] = (int) size[i];
            if (n[i] != size[i] || n[i] <= 0) {
                throw InputException.field(g.path() + ".size[" + i + "]", "must be a positive integer, got " + size[i]);
            }
        }
        if (g.has("origin_mm")) {
            double[] o = g.numbers("origin_mm", 3);
            return Grid3.of(n[0], n[1], n[2], v[0], v[1], v[2], o[0], o[1], o[2]);
        }
        return Grid3.centred(n[0], n[1], n[2], v[0], v[1], v[2]);
    }

    private static Voxeliser sampling(Node top) {
        if (!top.has("sampling")) {
            return Voxeliser.standard(1);
        }
        Node s = top.child("sampling").allowOnly("sub_samples", "boundary_refinement", "threads");
        int n = s.integer("sub_samples", Voxeliser.DEFAULT_SUB_SAMPLES);
        // without an explicit refinement, boundary voxels get at least the default's 16^3 points
        int fineDefault = Voxeliser.DEFAULT_SUB_SAMPLES * Voxeliser.DEFAULT_BOUNDARY_REFINEMENT;
        int refineDefault = n >= 1 ? Math.max(1, Math.min((fineDefault + n - 1) / n, 32 / n)) : 1;
        return Voxeliser.withBoundaryRefinement(n, s.integer("boundary_refinement", refineDefault),
                s.integer("threads", 1));
    }

    private static List<Lesion> lesions(Node top, Phantom phantom) {
        List<Lesion> fixed = new ArrayList<>();
        List<Lesion> random = new ArrayList<>();
        List<Boolean> isRandom = new ArrayList<>();
        for (Node l : top.list("lesions")) {
            l.allowOnly("id", "kind", "organ", "centre_mm", "diameter_mm", "uptake_ratio", "concentration_bq_per_ml",
                    "necrotic_fraction", "necrotic_uptake_ratio");
            if (l.has("uptake_ratio") == l.has("concentration_bq_per_ml")) {
                throw InputException.field(l.path() + ".uptake_ratio", "give exactly one of uptake_ratio and "
                        + "concentration_bq_per_ml");
            }
            Uptake u = l.has("uptake_ratio") ? Uptake.ratioToHost(l.nonNegative("uptake_ratio", 0))
                    : Uptake.absolute(l.nonNegative("concentration_bq_per_ml", 0));
            double[] d = l.oneOrThree("diameter_mm");
            double[] c = l.has("centre_mm") ? l.numbers("centre_mm", 3) : new double[3];
            Lesion lesion = new Lesion(l.text("id"), LesionKind.parse(l.path() + ".kind", l.text("kind")),
                    l.text("organ"), c[0], c[1], c[2], d[0], d[1], d[2], u, l.nonNegative("necrotic_fraction", 0),
                    l.nonNegative("necrotic_uptake_ratio", 0));
            if (l.has("centre_mm")) {
                fixed.add(lesion);
                isRandom.add(false);
            } else {
                random.add(lesion);
                isRandom.add(true);
            }
        }
        List<Lesion> placed = random;
        if (!random.isEmpty()) {
            Node p = top.child("lesion_placement").allowOnly("seed", "margin_mm", "min_separation_mm");
            if (!p.has("seed")) {
                throw InputException.field("lesion_placement.seed", "is required to place lesions at random");
            }
            placed = LesionPlacer.place(phantom, random, LesionPlacer.Rules.of(p.nonNegative("margin_mm", 0),
                    p.nonNegative("min_separation_mm", 0)), p.longValue("seed", 0));
        }
        List<Lesion> all = new ArrayList<>();
        int fi = 0;
        int ri = 0;
        for (boolean r : isRandom) {
            all.add(r ? placed.get(ri++) : fixed.get(fi++));
        }
        return all;
    }

    /** The voxel grid. */
    public Grid3 grid() {
        return grid;
    }

    /** The phantom with its lesions inserted (concentrations as configured, before kinetics). */
    public Phantom phantom() {
        return phantom;
    }

    /** The lesions at their final centres. */
    public List<Lesion> lesions() {
        return lesions;
    }

    /** The configured voxeliser. */
    public Voxeliser voxeliser() {
        return voxeliser;
    }

    /** Tracer kinetics, or null when the concentrations are given directly. */
    public TracerKinetics kinetics() {
        return kinetics;
    }

    /** The agent of {@code kinetics.agent}, or null. */
    public Agent agent() {
        return agentDose == null ? null : agentDose.agent();
    }

    /**
     * Voxelised phantom and its ground truth (at {@code kinetics.time_h} when kinetics are given; with an
     * agent, also the cumulated activity over the acquisition).
     */
    public Rendered render() {
        VoxelisedPhantom vp = voxeliser.render(grid, phantom);
        if (activityMap != null) {
            vp = vp.withActivity(activityMap);
        }
        if (agentDose != null) {
            Administration a = Administration.of(agentDose.agent(), agentDose.administeredMBq(), timeH,
                    agentDose.acquisitionS(), agentDose.reportTimesH(), agentDose.patientMassKg(), phantom, lesions,
                    wholePhantomVolumesMl(vp));
            Phantom atStart = a.phantomAt(timeH);
            VoxelisedPhantom at = voxeliser.render(grid, atStart);
            Volume cumulated = agentDose.acquisitionS() > 0 ? voxeliser.render(grid, a.phantomCumulated()).activity()
                    : null;
            return new Rendered(at, PhantomTruth.of(at, lesions, timeH).withAdministration(a, cumulated),
                    ScanKinetics.render(voxeliser, grid, atStart, a.regionGroups(), a.kinetics(), timeH));
        }
        if (kinetics != null) {
            Phantom atStart = kinetics.applyAt(vp, timeH);
            vp = voxeliser.render(grid, atStart);
            // each compartment of the config is a kinetic group: the regions of its label
            List<String> groups = new ArrayList<>();
            for (Region r : atStart.regions()) {
                groups.add(kinetics.compartments().contains(r.label()) ? r.label() : null);
            }
            return new Rendered(vp, PhantomTruth.of(vp, lesions, timeH),
                    ScanKinetics.render(voxeliser, grid, atStart, groups, kinetics, timeH));
        }
        return new Rendered(vp, PhantomTruth.of(vp, lesions, timeH));
    }

    /**
     * The volume (mL) each region occupies in the whole phantom: from the rendering itself when the
     * phantom lies inside the grid, else from a rendering on a grid of the same voxel size covering the
     * phantom's bounding box on the same lattice (so organs cut by the field of view keep their true
     * concentration).
     */
    private double[] wholePhantomVolumesMl(VoxelisedPhantom onGrid) {
        Aabb b = null;
        for (Region r : phantom.regions()) {
            b = b == null ? r.shape().bounds() : b.union(r.shape().bounds());
        }
        double vx = grid.voxelXMm();
        double vy = grid.voxelYMm();
        double vz = grid.voxelZMm();
        Aabb gridBox = Aabb.of(grid.originXMm() - vx / 2, grid.originYMm() - vy / 2, grid.originZMm() - vz / 2,
                grid.originXMm() + (grid.nx() - 0.5) * vx, grid.originYMm() + (grid.ny() - 0.5) * vy,
                grid.originZMm() + (grid.nz() - 0.5) * vz);
        VoxelisedPhantom whole = onGrid;
        if (b != null && !gridBox.encloses(b)) {
            // same lattice as the target grid (origin shifted by whole voxels), so the sub-samples of the
            // voxels both grids share are the same points and the shared part is counted identically
            long ix = (long) Math.floor((b.minXMm() - grid.originXMm()) / vx) - 1;
            long iy = (long) Math.floor((b.minYMm() - grid.originYMm()) / vy) - 1;
            long iz = (long) Math.floor((b.minZMm() - grid.originZMm()) / vz) - 1;
            double ox = grid.originXMm() + ix * vx;
            double oy = grid.originYMm() + iy * vy;
            double oz = grid.originZMm() + iz * vz;
            int nx = (int) Math.ceil((b.maxXMm() - ox) / vx) + 2;
            int ny = (int) Math.ceil((b.maxYMm() - oy) / vy) + 2;
            int nz = (int) Math.ceil((b.maxZMm() - oz) / vz) + 2;
            Grid3 g = Grid3.of(nx, ny, nz, vx, vy, vz, ox, oy, oz);
            whole = voxeliser.render(g, phantom);
        }
        double[] v = new double[phantom.regions().size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = whole.regionVolumeMl(i);
        }
        return v;
    }

    /**
     * A rendered configuration.
     *
     * @param phantom      the voxelised phantom (activity at the scan start)
     * @param truth        its ground truth
     * @param scanKinetics the activity split by kinetic group and the groups' time courses during the
     *                     scan, or null without kinetics (then only physical decay applies during the scan)
     */
    public record Rendered(VoxelisedPhantom phantom, PhantomTruth truth, ScanKinetics scanKinetics) {
        /** A rendering without kinetics. */
        public Rendered(VoxelisedPhantom phantom, PhantomTruth truth) {
            this(phantom, truth, null);
        }
    }
}
