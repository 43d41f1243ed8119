package org.spectlab.phantoms.truth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.spectlab.core.grid.Grid3;
import org.spectlab.core.grid.Volume;
import org.spectlab.core.io.AtomicFiles;
import org.spectlab.phantoms.agent.Administration;
import org.spectlab.phantoms.lesion.Lesion;
import org.spectlab.phantoms.model.Phantom;
import org.spectlab.phantoms.model.Region;
import org.spectlab.phantoms.shape.Aabb;
import org.spectlab.phantoms.shape.PlacedSolid;
import org.spectlab.phantoms.voxel.VoxelisedPhantom;

/**
 * The ground truth of a voxelised phantom, as {@code phantom.json}.
 *
 * <p>Per region: id, label, solid kind, material, centre and bounding box (mm), analytic volume of the
 * solid and the volume it really occupies on the grid after higher-priority regions (mL),
 * concentration (Bq/mL) and activity on the grid (MBq). Per lesion, the keys the metrics module reads
 * ({@code id, kind, organ, centre_mm[3], diameter_mm, volume_ml, concentration_bq_per_ml,
 * activity_mbq}, with {@code diameter_mm} the volume-equivalent sphere diameter) plus
 * {@code diameters_mm[3]} (the ellipsoid's diameters along x, y, z), {@code necrotic_fraction} and,
 * with a core, its concentration. {@code activity_mbq} is analytic: rim concentration x (volume -
 * core) + core concentration x core. Units are in the key names.
 *
 * <p>With an agent, an {@code administration} block ({@link Administration#toTree()}: agent, nuclide,
 * route, administered activity, scan time and acquisition window, per-group activity at scan time and
 * decays in the window, excreted fraction, bookkeeping at the report times) and, when the acquisition
 * has a duration, the cumulated activity map ({@value TruthFolder#CUMULATED_FILE}, Bq s/mL) described
 * under {@code cumulated_activity}.
 */
public final class PhantomTruth {
    private final VoxelisedPhantom rendered;
    private final List<Lesion> lesions;
    private final double timeAfterAdministrationH;
    private final Administration administration;
    private final Volume cumulatedBqSPerMl;

    private PhantomTruth(VoxelisedPhantom rendered, List<Lesion> lesions, double timeAfterAdministrationH,
                         Administration administration, Volume cumulatedBqSPerMl) {
        this.rendered = Objects.requireNonNull(rendered, "rendered");
        this.lesions = List.copyOf(lesions);
        this.timeAfterAdministrationH = timeAfterAdministrationH;
        this.administration = administration;
        this.cumulatedBqSPerMl = cumulatedBqSPerMl;
    }

    /**
     * The same truth with an agent administration and its cumulated activity map.
     *
     * @param cumulatedBqSPerMl decays per mL over the acquisition window (Bq s/mL), or null
     */
    public PhantomTruth withAdministration(Administration a, Volume cumulatedBqSPerMl) {
        return new PhantomTruth(rendered, lesions, timeAfterAdministrationH, a, cumulatedBqSPerMl);
    }

    /** The administration, or null when concentrations were given directly. */
    public Administration administration() {
        return administration;
    }

    /** Cumulated activity over the acquisition, Bq s/mL, or null. */
    public Volume cumulatedBqSPerMl() {
        return cumulatedBqSPerMl;
    }

    /**
     * Truth for a rendered phantom whose lesions (already inserted as regions) are listed.
     *
     * @param timeAfterAdministrationH time the concentrations refer to, h (NaN when not applicable)
     */
    public static PhantomTruth of(VoxelisedPhantom rendered, List<Lesion> lesions, double timeAfterAdministrationH) {
        return new PhantomTruth(rendered, lesions, timeAfterAdministrationH, null, null);
    }

    /** True activity of a lesion (MBq) from its analytic volumes and the concentrations in the phantom. */
    public static double lesionActivityMBq(Phantom phantom, Lesion l) {
        double rim = phantom.region(l.id()).concentrationBqPerMl();
        double vMl = l.shape().volumeMm3() * 1e-3;
        if (l.necroticFraction() > 0) {
            double core = phantom.region(l.coreId()).concentrationBqPerMl();
            double vc = l.core().volumeMm3() * 1e-3;
            return (rim * (vMl - vc) + core * vc) * 1e-6;
        }
        return rim * vMl * 1e-6;
    }

    /** The JSON tree. */
    public ObjectNode toTree() {
        ObjectMapper mapper = new ObjectMapper();
        Phantom p = rendered.phantom();
        ObjectNode root = mapper.createObjectNode();
        root.put("phantom", p.name());
        root.put("coordinates", "patient mm, DICOM LPS (x left, y posterior, z superior)");
        if (!Double.isNaN(timeAfterAdministrationH)) {
            root.put("time_after_administration_h", timeAfterAdministrationH);
        }
        Grid3 g = rendered.grid();
        ObjectNode grid = root.putObject("grid");
        grid.putArray("size").add(g.nx()).add(g.ny()).add(g.nz());
        grid.putArray("voxel_mm").add(g.voxelXMm()).add(g.voxelYMm()).add(g.voxelZMm());
        grid.putArray("origin_mm").add(g.originXMm()).add(g.originYMm()).add(g.originZMm());
        grid.put("sub_samples_per_axis", rendered.subSamplesPerAxis());
        root.put("background_material", p.backgroundMaterial());
        ArrayNode labels = root.putArray("labels");
        List<String> ln = p.labelNames();
        for (int i = 0; i < ln.size(); i++) {
            labels.addObject().put("index", i).put("name", ln.get(i));
        }
        ArrayNode materials = root.putArray("materials");
        List<String> mn = p.materialNames();
        for (int i = 0; i < mn.size(); i++) {
            materials.addObject().put("index", i).put("name", mn.get(i));
        }
        ArrayNode regions = root.putArray("regions");
        for (int i = 0; i < p.regions().size(); i++) {
            Region r = p.regions().get(i);
            ObjectNode o = regions.addObject();
            o.put("id", r.id()).put("label", r.label()).put("shape", r.shape().kind()).put("material", r.material());
            if (r.shape() instanceof PlacedSolid s) {
                o.putArray("centre_mm").add(s.centreXMm()).add(s.centreYMm()).add(s.centreZMm());
            }
            Aabb b = r.shape().bounds();
            o.putArray("bounds_min_mm").add(b.minXMm()).add(b.minYMm()).add(b.minZMm());
            o.putArray("bounds_max_mm").add(b.maxXMm()).add(b.maxYMm()).add(b.maxZMm());
            o.put("analytic_volume_ml", r.shape().volumeMm3() * 1e-3);
            o.put("rendered_volume_ml", rendered.regionVolumeMl(i));
            o.put("concentration_bq_per_ml", r.concentrationBqPerMl());
            o.put("activity_mbq", rendered.regionActivityBq(i) * 1e-6);
        }
        ArrayNode ls = root.putArray("lesions");
        for (Lesion l : lesions) {
            ObjectNode o = ls.addObject();
            o.put("id", l.id()).put("kind", l.kind().key()).put("organ", l.organ());
            o.putArray("centre_mm").add(l.centreXMm()).add(l.centreYMm()).add(l.centreZMm());
            o.put("diameter_mm", l.equivalentDiameterMm());
            o.putArray("diameters_mm").add(l.diameterXMm()).add(l.diameterYMm()).add(l.diameterZMm());
            o.put("volume_ml", l.shape().volumeMm3() * 1e-3);
            o.put("concentration_bq_per_ml", p.region(l.id()).concentrationBqPerMl());
            o.put("necrotic_fraction", l.necroticFraction());
            if (l.necroticFraction() > 0) {
                o.put("necrotic_core_concentration_bq_per_ml", p.region(l.coreId()).concentrationBqPerMl());
            }
            o.put("activity_mbq", lesionActivityMBq(p, l));
        }
        root.put("total_activity_mbq", rendered.totalActivityBq() * 1e-6);
        if (administration != null) {
            ObjectNode a = administration.toTree();
            a.put("activity_on_grid_at_scan_mbq", rendered.totalActivityBq() * 1e-6);
            if (cumulatedBqSPerMl != null) {
                ObjectNode c = a.putObject("cumulated_activity");
                c.put("file", TruthFolder.CUMULATED_FILE);
                c.put("units", "Bq s/mL (decays per mL during the acquisition)");
                c.put("window_start_h", administration.scanTimeH());
                c.put("window_duration_s", administration.acquisitionS());
                double total = 0;
                float[] d = cumulatedBqSPerMl.data();
                for (float v : d) {
                    total += v;
                }
                c.put("total_on_grid_mbq_s", total * rendered.grid().voxelVolumeMl() * 1e-6);
            }
            root.set("administration", a);
        }
        return root;
    }

    /** Pretty-printed JSON. */
    public String toJson() {
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(toTree());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise phantom truth", e);
        }
    }

    /** Writes {@code phantom.json} atomically. */
    public void write(Path target) {
        AtomicFiles.writeString(target, toJson());
    }
}
