package org.spectlab.recon.localization;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.spectlab.core.error.InputException;

/**
 * The normal (physiological) uptake pattern of a tracer: the organs that are expected to be hot in a
 * normal scan, so that the localizer measures focal uptake there against the organ's own level
 * ({@link LocalizationSettings#hotOrgans()}) instead of reporting the organ itself.
 *
 * <p>Organs are anatomical terms ({@value #SPLEEN}, {@value #LIVER}, {@value #RED_MARROW},
 * {@value #KIDNEY}, {@value #URINARY_BLADDER}, {@value #BLOOD_POOL}, {@value #MYOCARDIUM},
 * {@value #BOWEL}, {@value #THYROID}); {@link #hotLabelNames} maps them onto the names of a label map,
 * ignoring case, the separators {@code _ - space} and a side ({@code kidney_left} is a kidney),
 * with the synonyms listed at {@link #SYNONYMS} (the torso phantom's {@code spine} stands for the
 * vertebral red marrow, its {@code heart_blood} for the blood pool).
 *
 * <p>Patterns (the organs a reader expects to see hot in a normal study, from the procedure
 * guidelines; approximations: the pattern is the union over the usual imaging times, not a function
 * of time, and organs with only faint or variable uptake are left out):
 * <ul>
 *   <li>{@value #TC99M_LEUKOCYTES} (Tc-99m-HMPAO-labelled leukocytes): spleen, liver, red marrow;
 *       blood pool on early images; kidneys, urinary bladder and bowel from the hydrophilic complex
 *       eluted from the cells. Source: Signore A et al., Clinical indications, image acquisition and
 *       data interpretation for white blood cells and anti-granulocyte monoclonal antibody
 *       scintigraphy: an EANM procedure guideline, Eur J Nucl Med Mol Imaging 45 (2018) 1816-1831.</li>
 *   <li>{@value #IN111_LEUKOCYTES} (In-111-oxine leukocytes): spleen, liver, red marrow (no renal or
 *       bowel activity). Source: SNM procedure guideline for In-111 leukocyte scintigraphy for
 *       suspected infection/inflammation, version 3.0 (2004).</li>
 *   <li>{@value #TC99M_SESTAMIBI}: myocardium, liver, kidneys, urinary bladder, bowel, thyroid.
 *       Source: Greenspan BS et al., SNM practice guideline for parathyroid scintigraphy 4.0,
 *       J Nucl Med Technol 40 (2012) 111-118 (normal distribution of Tc-99m-sestamibi).</li>
 *   <li>{@value #TC99M_MDP} (bone agents): kidneys, urinary bladder (the skeleton is the target
 *       organ, not a background to suppress). Source: SNM procedure guideline for bone
 *       scintigraphy, version 3.0 (2003).</li>
 *   <li>{@value #IN111_OCTREOTIDE}: spleen, kidneys, liver, urinary bladder, bowel, thyroid. Source:
 *       Bombardieri E et al., EANM procedure guidelines for radionuclide imaging with
 *       In-111-pentetreotide, Eur J Nucl Med Mol Imaging 37 (2010) 1441-1448.</li>
 *   <li>{@value #NONE}: no organ is treated as hot.</li>
 * </ul>
 *
 * @param tracer the tracer's name, one of {@link #TRACERS}
 * @param organs the anatomical terms of its normally hot organs
 */
public record NormalUptake(String tracer, Set<String> organs) {
    /** Tc-99m-HMPAO-labelled leukocytes (the demo's tracer). */
    public static final String TC99M_LEUKOCYTES = "tc99m-hmpao-leukocytes";
    /** In-111-oxine-labelled leukocytes. */
    public static final String IN111_LEUKOCYTES = "in111-oxine-leukocytes";
    /** Tc-99m-sestamibi. */
    public static final String TC99M_SESTAMIBI = "tc99m-sestamibi";
    /** Tc-99m-methylene diphosphonate and other bone agents. */
    public static final String TC99M_MDP = "tc99m-mdp";
    /** In-111-pentetreotide (octreotide). */
    public static final String IN111_OCTREOTIDE = "in111-pentetreotide";
    /** No physiological-uptake pattern. */
    public static final String NONE = "none";

    /** Spleen. */
    public static final String SPLEEN = "spleen";
    /** Liver. */
    public static final String LIVER = "liver";
    /** Red (haematopoietic) bone marrow. */
    public static final String RED_MARROW = "red marrow";
    /** Kidneys (either side). */
    public static final String KIDNEY = "kidney";
    /** Urinary bladder. */
    public static final String URINARY_BLADDER = "urinary bladder";
    /** Blood pool (heart chambers, great vessels). */
    public static final String BLOOD_POOL = "blood pool";
    /** Myocardium. */
    public static final String MYOCARDIUM = "myocardium";
    /** Small and large bowel. */
    public static final String BOWEL = "bowel";
    /** Thyroid. */
    public static final String THYROID = "thyroid";

    /** Label names (normalised) that stand for each anatomical term besides the term itself. */
    public static final Map<String, List<String>> SYNONYMS = Map.of(
            RED_MARROW, List.of("marrow", "bone marrow", "spine", "vertebrae", "red bone marrow"),
            URINARY_BLADDER, List.of("bladder"),
            BLOOD_POOL, List.of("heart blood", "blood", "heart chambers"),
            BOWEL, List.of("intestine", "small intestine", "colon", "large intestine"));

    private static final Map<String, Set<String>> PATTERNS = patterns();

    /** The known tracer names. */
    public static final Set<String> TRACERS = PATTERNS.keySet();

    /** Normalises and copies the organs. */
    public NormalUptake {
        organs = Set.copyOf(new TreeSet<>(organs));
    }

    private static Map<String, Set<String>> patterns() {
        Map<String, Set<String>> m = new LinkedHashMap<>();
        m.put(TC99M_LEUKOCYTES, Set.of(SPLEEN, LIVER, RED_MARROW, BLOOD_POOL, KIDNEY, URINARY_BLADDER, BOWEL));
        m.put(IN111_LEUKOCYTES, Set.of(SPLEEN, LIVER, RED_MARROW));
        m.put(TC99M_SESTAMIBI, Set.of(MYOCARDIUM, LIVER, KIDNEY, URINARY_BLADDER, BOWEL, THYROID));
        m.put(TC99M_MDP, Set.of(KIDNEY, URINARY_BLADDER));
        m.put(IN111_OCTREOTIDE, Set.of(SPLEEN, KIDNEY, LIVER, URINARY_BLADDER, BOWEL, THYROID));
        m.put(NONE, Set.of());
        return java.util.Collections.unmodifiableMap(m);
    }

    /**
     * The pattern of a tracer (name matched ignoring case).
     *
     * @throws InputException naming the field {@code tracer} and the known names
     */
    public static NormalUptake of(String tracer) {
        String key = tracer == null ? "" : tracer.trim().toLowerCase(Locale.ROOT);
        Set<String> organs = PATTERNS.get(key);
        if (organs == null) {
            throw InputException.field("tracer", "unknown tracer '" + tracer + "'; known: "
                    + String.join(", ", PATTERNS.keySet()));
        }
        return new NormalUptake(key, organs);
    }

    /**
     * The names in {@code labelNames} that denote one of this pattern's organs, in the order given.
     * A name matches an organ when, lower-cased with {@code _} and {@code -} read as spaces and a
     * leading or trailing {@code left}/{@code right} dropped, it equals the organ's term or one of its
     * {@link #SYNONYMS}.
     */
    public List<String> hotLabelNames(Collection<String> labelNames) {
        List<String> out = new ArrayList<>();
        for (String name : labelNames) {
            String base = withoutSide(normalise(name));
            for (String organ : organs) {
                if (base.equals(organ) || SYNONYMS.getOrDefault(organ, List.of()).contains(base)) {
                    out.add(name);
                    break;
                }
            }
        }
        return out;
    }

    /** Lower case, {@code _} and {@code -} as single spaces, trimmed. */
    static String normalise(String name) {
        return name.trim().toLowerCase(Locale.ROOT).replace('_', ' ').replace('-', ' ').replaceAll("\\s+", " ");
    }

    private static String withoutSide(String n) {
        for (String side : new String[] {"left", "right"}) {
            if (n.startsWith(side + " ")) {
                return n.substring(side.length() + 1);
            }
            if (n.endsWith(" " + side)) {
                return n.substring(0, n.length() - side.length() - 1);
            }
        }
        return n;
    }
}
