package org.spectlab.core.material;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The materials spectlab knows without a user file, with their published compositions (mass fractions)
 * and densities. Each entry cites its source.
 *
 * <p>Sources:
 * <ul>
 *   <li>[HS] J.H. Hubbell and S.M. Seltzer, "Tables of X-Ray Mass Attenuation Coefficients and Mass
 *       Energy-Absorption Coefficients", NISTIR 5632 (1995), Table 2 (compositions of the 48 compounds and
 *       mixtures; ICRU-44 tissues are taken from ICRU Report 44, 1989).</li>
 *   <li>[ICRU44] ICRU Report 44, "Tissue Substitutes in Radiation Dosimetry and Measurement" (1989).</li>
 *   <li>[ICRU46] ICRU Report 46, "Photon, Electron, Proton and Neutron Interaction Data for Body Tissues"
 *       (1992), after Woodard and White, Br. J. Radiol. 59 (1986) 1209-1219.</li>
 *   <li>[NIST-comp] NIST ESTAR/PSTAR "Composition of materials" (physics.nist.gov), for densities of pure
 *       elements and compounds.</li>
 * </ul>
 */
final class BuiltInMaterials {

    private BuiltInMaterials() {
    }

    /** Canonical name to material, in a stable order. */
    static Map<String, Material> materials() {
        Map<String, Material> m = new LinkedHashMap<>();
        // [HS] Air, Dry (near sea level): density 1.20479e-3 g/cm3 (1.205e-3).
        put(m, "air", 0.001205, "C", 0.000124, "N", 0.755268, "O", 0.231781, "Ar", 0.012827);
        // [HS] Water, Liquid.
        put(m, "water", 1.0, "H", 0.111898, "O", 0.888102);
        // [ICRU44]/[HS] Tissue, Soft (ICRU-44), 1.06 g/cm3.
        put(m, "soft_tissue", 1.06, "H", 0.102, "C", 0.143, "N", 0.034, "O", 0.708, "Na", 0.002, "P", 0.003,
                "S", 0.003, "Cl", 0.002, "K", 0.003);
        // [ICRU44]/[HS] Adipose Tissue (ICRU-44), 0.95 g/cm3.
        put(m, "adipose", 0.95, "H", 0.114, "C", 0.598, "N", 0.007, "O", 0.278, "Na", 0.001, "S", 0.001,
                "Cl", 0.001);
        // [ICRU44]/[HS] Muscle, Skeletal (ICRU-44), 1.05 g/cm3.
        put(m, "muscle", 1.05, "H", 0.102, "C", 0.143, "N", 0.034, "O", 0.710, "Na", 0.001, "P", 0.002,
                "S", 0.003, "Cl", 0.001, "K", 0.004);
        // [ICRU44]/[HS] Lung Tissue (ICRU-44) composition; tissue density 1.05 g/cm3 (deflated), and
        // 0.26 g/cm3 for inflated lung (ICRU-44 / ICRP 23 mean density of lung with air).
        put(m, "lung_deflated", 1.05, "H", 0.103, "C", 0.105, "N", 0.031, "O", 0.749, "Na", 0.002, "P", 0.002,
                "S", 0.003, "Cl", 0.003, "K", 0.002);
        m.put("lung", m.get("lung_deflated").withDensity("lung", 0.26));
        // [ICRU44]/[HS] Bone, Cortical (ICRU-44), 1.92 g/cm3.
        put(m, "cortical_bone", 1.92, "H", 0.034, "C", 0.155, "N", 0.042, "O", 0.435, "Na", 0.001, "Mg", 0.002,
                "P", 0.103, "S", 0.003, "Ca", 0.225);
        // [ICRU46] Skeleton - spongiosa (trabecular bone with red and yellow marrow), adult, 1.18 g/cm3.
        put(m, "trabecular_bone", 1.18, "H", 0.085, "C", 0.404, "N", 0.028, "O", 0.367, "Na", 0.001,
                "Mg", 0.001, "P", 0.034, "S", 0.002, "Cl", 0.002, "K", 0.001, "Ca", 0.074, "Fe", 0.001);
        // [ICRU44]/[HS] Blood, Whole (ICRU-44), 1.06 g/cm3.
        put(m, "blood", 1.06, "H", 0.102, "C", 0.110, "N", 0.033, "O", 0.745, "Na", 0.001, "P", 0.001,
                "S", 0.002, "Cl", 0.003, "K", 0.002, "Fe", 0.001);
        // [HS] Polymethyl Methacrylate (C5H8O2); density 1.19 g/cm3 (Lucite/Perspex as used in phantoms).
        put(m, "pmma", 1.19, "H", 0.080541, "C", 0.599846, "O", 0.319613);
        // NaI(Tl) scintillator: stoichiometric NaI by mass (Na 22.990, I 126.90 -> 0.153373 / 0.846627),
        // density 3.667 g/cm3 [NIST-comp "Sodium iodide"]. The thallium activator (~0.1% by mass) is
        // neglected: it changes mu/rho by < 0.3% at all energies from 20 to 600 keV.
        put(m, "nai", 3.667, "Na", 0.153373, "I", 0.846627);
        // [NIST-comp] Lead, 11.35 g/cm3.
        put(m, "lead", 11.35, "Pb", 1.0);
        // [HS] Glass, Borosilicate ("Pyrex"), 2.23 g/cm3: stands for the PMT / light-guide glass.
        put(m, "glass", 2.23, "B", 0.040064, "O", 0.539562, "Na", 0.028191, "Al", 0.011644, "Si", 0.377220,
                "K", 0.003321);
        // [NIST-comp] Aluminum, 2.699 g/cm3.
        put(m, "aluminium", 2.699, "Al", 1.0);
        return m;
    }

    /** Alternative spellings accepted on input, to canonical names. */
    static Map<String, String> aliases() {
        Map<String, String> a = new LinkedHashMap<>();
        a.put("tissue", "soft_tissue");
        a.put("bone", "cortical_bone");
        a.put("spongiosa", "trabecular_bone");
        a.put("adipose_tissue", "adipose");
        a.put("fat", "adipose");
        a.put("skeletal_muscle", "muscle");
        a.put("lung_inflated", "lung");
        a.put("perspex", "pmma");
        a.put("lucite", "pmma");
        a.put("acrylic", "pmma");
        a.put("nai_tl", "nai");
        a.put("sodium_iodide", "nai");
        a.put("pb", "lead");
        a.put("pyrex", "glass");
        a.put("borosilicate_glass", "glass");
        a.put("aluminum", "aluminium");
        a.put("al", "aluminium");
        return a;
    }

    private static void put(Map<String, Material> m, String name, double density, Object... symbolFraction) {
        List<Constituent> c = new ArrayList<>();
        for (int i = 0; i < symbolFraction.length; i += 2) {
            Element e = Element.bySymbol((String) symbolFraction[i]);
            c.add(Constituent.of(e.atomicNumber(), ((Number) symbolFraction[i + 1]).doubleValue()));
        }
        m.put(name, Material.of(name, density, c));
    }
}
