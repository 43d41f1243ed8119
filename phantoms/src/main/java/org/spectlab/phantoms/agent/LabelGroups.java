package org.spectlab.phantoms.agent;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.spectlab.core.error.InputException;

/**
 * The anatomical groups an agent's compartments fill, and the phantom organ labels of each group (the
 * labels of the library torso and head/neck, including those other torso variants add).
 *
 * <ul>
 *   <li>{@code skeleton}: spine, ribs, pelvis, femoral heads, skull, cervical spine (bone surfaces and
 *       bone volume are not told apart: activity is spread uniformly over these labels by volume), and
 *       also red_marrow (the trabecular spongiosa) when the agent has no group that claims it, since bone
 *       seekers deposit on the trabecular surfaces inside the marrow cavities;</li>
 *   <li>{@code red_marrow}: red_marrow; without it, folded into {@code skeleton} (the marrow spaces lie
 *       in the trabecular bone);</li>
 *   <li>{@code reticuloendothelial}: liver, spleen and red_marrow (phagocytic cells, split by volume);</li>
 *   <li>{@code spleen_marrow}: spleen and red_marrow;</li>
 *   <li>organ groups: lungs, liver, spleen, kidneys, stomach, small_intestine, colon, urinary_bladder,
 *       thyroid, salivary, myocardium;</li>
 *   <li>{@code remainder}: blood and the soft tissue of the rest of the body: every label of the
 *       phantom that no other group of the same agent uses, except air passages (trachea, airway) and
 *       lesions (which take their activity from their host organ's group);</li>
 *   <li>{@code excreted}: outside the body (urine and faeces voided), not rendered.</li>
 * </ul>
 * A group none of whose labels the phantom has is folded into its fallback when it has one
 * ({@code red_marrow} into {@code skeleton}: the marrow spaces lie in the trabecular bone); any other
 * missing group is outside the phantom (e.g. the bladder of a head/neck phantom, or bowel the torso does
 * not model): its activity stays in the patient's bookkeeping but is not rendered, and phantom.json marks
 * it {@code in_phantom: false}. Approximation: within a group, activity is spread in proportion to label
 * volume (not mass).
 */
public final class LabelGroups {
    /** The remainder group. */
    public static final String REMAINDER = "remainder";
    /** The group of what has left the body. */
    public static final String EXCRETED = "excreted";
    /** Labels that never carry activity (air passages). */
    public static final List<String> AIR_LABELS = List.of("trachea", "airway", "background");

    private static final Map<String, List<String>> GROUPS = new LinkedHashMap<>();

    static {
        GROUPS.put("skeleton", List.of("spine", "ribs", "pelvis", "femoral_head_left", "femoral_head_right", "skull",
                "spine_cervical"));
        GROUPS.put("red_marrow", List.of("red_marrow"));
        GROUPS.put("reticuloendothelial", List.of("liver", "spleen", "red_marrow"));
        GROUPS.put("spleen_marrow", List.of("spleen", "red_marrow"));
        GROUPS.put("lungs", List.of("lung_left", "lung_right"));
        GROUPS.put("liver", List.of("liver"));
        GROUPS.put("spleen", List.of("spleen"));
        GROUPS.put("kidneys", List.of("kidney_left", "kidney_right"));
        GROUPS.put("stomach", List.of("stomach"));
        GROUPS.put("small_intestine", List.of("small_intestine"));
        GROUPS.put("colon", List.of("colon"));
        GROUPS.put("urinary_bladder", List.of("urinary_bladder"));
        GROUPS.put("thyroid", List.of("thyroid_left", "thyroid_right"));
        GROUPS.put("salivary", List.of("parotid_left", "parotid_right", "submandibular_left", "submandibular_right"));
        GROUPS.put("myocardium", List.of("myocardium"));
    }

    private LabelGroups() {
    }

    /** Known group names, {@code remainder} and {@code excreted} included. */
    public static List<String> names() {
        List<String> n = new ArrayList<>(GROUPS.keySet());
        n.add(REMAINDER);
        n.add(EXCRETED);
        return n;
    }

    /** Fails unless the group is known. */
    public static void check(String field, String group) {
        if (!names().contains(group)) {
            throw InputException.field(field, "unknown group '" + group + "'; known: " + names());
        }
    }

    /** Labels of a named organ group (not remainder/excreted). */
    public static List<String> labels(String group) {
        List<String> l = GROUPS.get(group);
        return l == null ? List.of() : l;
    }

    /** Where a group goes when the phantom has none of its labels, or null: outside the phantom. */
    public static String fallback(String group) {
        return group.equals("red_marrow") ? "skeleton" : null;
    }
}
