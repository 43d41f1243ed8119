package org.spectlab.simulator.study;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.spectlab.core.camera.CollimatorLibrary;
import org.spectlab.core.camera.CollimatorSpec;
import org.spectlab.core.error.InputException;
import org.spectlab.core.nuclide.Nuclide;
import org.spectlab.core.projection.EnergyWindow;
import org.spectlab.simulator.collimator.CollimatorModel;
import org.spectlab.simulator.crystal.NaiCrystal;
import org.spectlab.simulator.detector.EnergyResolution;
import org.spectlab.simulator.spect.SpectCamera;

/**
 * The {@code camera} section of a study configuration: collimator preset (from
 * {@link CollimatorLibrary}), NaI(Tl) crystal thickness (mm), intrinsic spatial resolution FWHM (mm),
 * collimator back face to mean interaction depth (mm), energy resolution and energy windows (keV).
 *
 * <p>Defaults, when a key is left out, are those of a Siemens Symbia head (the standard study of the
 * simulator issue): 3/8" = 9.525 mm crystal; 3.8 mm intrinsic FWHM and 9.9 % energy FWHM at 140.5 keV
 * (Siemens Symbia S/T system specifications, UFOV values); 6.4 mm back gap. The collimator has no
 * default. Windows default to {@link DefaultWindows} of the nuclide.
 *
 * <p>Detector layers around the crystal ({@link NaiCrystal}): {@code cover_aluminium_mm}, the
 * aluminium entrance window in front of the crystal, default 1.0 mm (the cover SIMIND is run with for
 * a Symbia, see {@link NaiCrystal#DEFAULT_COVER_ALUMINIUM_MM}), in [0, 10]; and
 * {@code backscatter_glass_mm}, the light guide and photomultipliers behind the crystal as an
 * equivalent thickness of Pyrex glass, default 0 (left out), in [0, 200]; SIMIND's typical value is
 * 66 mm ({@link NaiCrystal#TYPICAL_BACKSCATTER_GLASS_MM}).
 *
 * <p>{@code collimator_model} chooses how photons cross the collimator ({@link CollimatorModel}):
 * {@code geometric} (default; ideal septa, the only model of forced detection) or {@code monte-carlo}
 * (transport through the septa with penetration, septal scatter and lead K x-rays; needs
 * {@code simulation.mode: analog}, checked by {@link StudyConfig}).
 *
 * @param collimatorName     preset name as written
 * @param collimator         its geometry
 * @param crystalThicknessMm crystal thickness, mm
 * @param intrinsicFwhmMm    intrinsic FWHM, mm
 * @param backGapMm          back gap, mm
 * @param resolution         energy resolution
 * @param resolutionTree     the energy resolution as configured (for the manifest)
 * @param windows            the energy windows
 * @param defaultWindows     true when the windows came from {@link DefaultWindows}
 * @param collimatorModel    how photons cross the collimator
 * @param coverAluminiumMm   aluminium cover in front of the crystal, mm
 * @param backscatterGlassMm glass-equivalent backscatter compartment behind the crystal, mm (0: none)
 */
public record CameraConfig(String collimatorName, CollimatorSpec collimator, double crystalThicknessMm,
                           double intrinsicFwhmMm, double backGapMm, EnergyResolution resolution,
                           ObjectNode resolutionTree, List<EnergyWindow> windows, boolean defaultWindows,
                           CollimatorModel collimatorModel, double coverAluminiumMm, double backscatterGlassMm) {

    /** Copies the window list. */
    public CameraConfig {
        windows = List.copyOf(windows);
        resolutionTree = resolutionTree.deepCopy();
    }

    /** The camera the simulation sees. */
    public SpectCamera toCamera() {
        return SpectCamera.of(collimator, backGapMm, crystalThicknessMm, intrinsicFwhmMm, resolution, windows)
                .withDetectorLayers(coverAluminiumMm, backscatterGlassMm);
    }

    static CameraConfig parse(ConfigNode c, Nuclide nuclide) {
        c.allowOnly("collimator", "collimator_model", "crystal_thickness_mm", "intrinsic_fwhm_mm", "back_gap_mm",
                "energy_resolution", "windows", "cover_aluminium_mm", "backscatter_glass_mm");
        String collName = c.text("collimator", null);
        CollimatorSpec coll;
        try {
            coll = CollimatorLibrary.get(collName);
        } catch (InputException e) {
            throw InputException.field(c.at("collimator"), "unknown preset '" + collName + "'; known: "
                    + String.join(", ", CollimatorLibrary.names()));
        }
        CollimatorModel model = CollimatorModel.parse(c.text("collimator_model", CollimatorModel.GEOMETRIC.key()),
                c.at("collimator_model"));
        double crystal = c.numberIn("crystal_thickness_mm", 9.525, 0, 100, true);
        double intrinsic = c.numberIn("intrinsic_fwhm_mm", 3.8, 0, 50, true);
        double gap = c.numberIn("back_gap_mm", 6.4, 0, 100, false);
        double cover = c.numberIn("cover_aluminium_mm", NaiCrystal.DEFAULT_COVER_ALUMINIUM_MM, 0, 10, false);
        double glass = c.numberIn("backscatter_glass_mm", 0.0, 0, 200, false);
        ObjectNode resTree = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        EnergyResolution res = resolution(c.optionalChild("energy_resolution"), resTree);
        boolean isDefault;
        List<EnergyWindow> windows;
        if (!c.has("windows") || c.raw().get("windows").isTextual()) {
            String w = c.text("windows", "default");
            if (!w.equals("default")) {
                throw InputException.field(c.at("windows"), "must be 'default' or a list of {name, lower_keV, upper_keV}, "
                        + "got '" + w + "'");
            }
            windows = DefaultWindows.of(nuclide);
            if (windows.isEmpty()) {
                throw InputException.field(c.at("windows"), nuclide.name() + " has no default photopeak; list the "
                        + "windows explicitly");
            }
            isDefault = true;
        } else {
            windows = explicitWindows(c);
            isDefault = false;
        }
        return new CameraConfig(collName, coll, crystal, intrinsic, gap, res, resTree, windows, isDefault, model, cover,
                glass);
    }

    private static EnergyResolution resolution(ConfigNode r, ObjectNode tree) {
        r.allowOnly("fwhm_percent", "at_keV", "a", "b", "c");
        boolean percent = r.has("fwhm_percent") || r.has("at_keV");
        boolean fit = r.has("a") || r.has("b") || r.has("c");
        if (percent && fit) {
            throw InputException.field(r.path(), "give either {fwhm_percent, at_keV} or {a, b, c}, not both");
        }
        try {
            if (fit) {
                double a = r.number("a", 0);
                double b = r.number("b", Double.NaN);
                double cc = r.number("c", 0);
                tree.put("a", a).put("b", b).put("c", cc);
                return EnergyResolution.fit(a, b, cc);
            }
            double f = r.numberIn("fwhm_percent", 9.9, 0, 100, true);
            double at = r.numberIn("at_keV", 140.5, 0, 3000, true);
            tree.put("fwhm_percent", f).put("at_keV", at);
            return EnergyResolution.sqrtLaw(f / 100.0, at);
        } catch (InputException e) {
            if (e.getMessage().startsWith("'energy resolution'")) {
                throw InputException.field(r.path(), e.getMessage().substring("'energy resolution': ".length()));
            }
            throw e;
        }
    }

    private static List<EnergyWindow> explicitWindows(ConfigNode c) {
        var list = c.raw().get("windows");
        if (!list.isArray() || list.isEmpty()) {
            throw InputException.field(c.at("windows"), "must be 'default' or a non-empty list of "
                    + "{name, lower_keV, upper_keV}");
        }
        List<EnergyWindow> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            ConfigNode w = new ConfigNode(list.get(i), c.at("windows") + "[" + i + "]");
            w.allowOnly("name", "lower_keV", "upper_keV");
            String name = w.text("name", null);
            if (!name.matches("[A-Za-z0-9_\\-]{1,40}")) {
                throw InputException.field(w.at("name"), "must be 1-40 letters, digits, '_' or '-' (it names files), got '"
                        + name + "'");
            }
            if (!names.add(name)) {
                throw InputException.field(w.at("name"), "duplicate window name '" + name + "'");
            }
            double lo = w.numberIn("lower_keV", Double.NaN, 0, 3000, false);
            double hi = w.numberIn("upper_keV", Double.NaN, 0, 3000, true);
            if (!(hi > lo)) {
                throw InputException.field(w.at("upper_keV"), "must be above lower_keV (" + lo + "), got " + hi);
            }
            out.add(EnergyWindow.of(name, lo, hi));
        }
        return out;
    }

    void toTree(ObjectNode o) {
        o.put("collimator", collimatorName);
        o.put("collimator_model", collimatorModel.key());
        o.put("crystal_thickness_mm", crystalThicknessMm);
        o.put("intrinsic_fwhm_mm", intrinsicFwhmMm);
        o.put("back_gap_mm", backGapMm);
        o.put("cover_aluminium_mm", coverAluminiumMm);
        o.put("backscatter_glass_mm", backscatterGlassMm);
        o.set("energy_resolution", resolutionTree.deepCopy());
        ArrayNode ws = o.putArray("windows");
        for (EnergyWindow w : windows) {
            ws.addObject().put("name", w.name()).put("lower_keV", w.lowerKeV()).put("upper_keV", w.upperKeV());
        }
    }
}
