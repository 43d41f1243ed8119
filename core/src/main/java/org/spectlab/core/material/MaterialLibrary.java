package org.spectlab.core.material;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.spectlab.core.error.InputException;

/**
 * A set of named materials: the built-in ones (ICRU-44 / NIST compositions and densities, see
 * {@link #builtIn()}) and optionally user materials read from a YAML or JSON file
 * ({@link MaterialFileReader}). Lookup is by name, case-insensitive, with '-' and ' ' treated as '_'
 * ({@code "Soft-Tissue"} finds {@code soft_tissue}); a few aliases are accepted ({@code tissue},
 * {@code bone}, {@code pyrex}, {@code aluminum}, ...). Immutable.
 */
public final class MaterialLibrary {

    private static final MaterialLibrary BUILT_IN =
            new MaterialLibrary(BuiltInMaterials.materials(), BuiltInMaterials.aliases());

    private final Map<String, Material> byName;
    private final Map<String, String> aliases;

    private MaterialLibrary(Map<String, Material> byName, Map<String, String> aliases) {
        this.byName = Collections.unmodifiableMap(new LinkedHashMap<>(byName));
        this.aliases = Collections.unmodifiableMap(new LinkedHashMap<>(aliases));
    }

    /**
     * The built-in materials: air, water, soft_tissue, adipose, muscle, lung (0.26 g/cm^3),
     * lung_deflated (1.05), cortical_bone, trabecular_bone, blood, pmma, nai, lead, glass, aluminium.
     */
    public static MaterialLibrary builtIn() {
        return BUILT_IN;
    }

    /**
     * The built-in materials plus those in a user file. A user material may not reuse a built-in name
     * or alias (to keep configurations unambiguous).
     *
     * @param file YAML or JSON with a {@code materials} list (see {@link MaterialFileReader})
     * @throws InputException naming the file and field on any problem
     */
    public static MaterialLibrary builtInPlus(Path file) {
        return BUILT_IN.with(MaterialFileReader.read(file));
    }

    /**
     * This library plus the given materials.
     *
     * @throws InputException if a name is already taken
     */
    public MaterialLibrary with(List<Material> extra) {
        Map<String, Material> m = new LinkedHashMap<>(byName);
        for (Material mat : extra) {
            String key = normalise(mat.name());
            if (m.containsKey(key) || aliases.containsKey(key)) {
                throw new InputException("material name '" + mat.name()
                        + "' is already defined (built-in or earlier in the file); choose another name");
            }
            m.put(key, mat);
        }
        return new MaterialLibrary(m, aliases);
    }

    /**
     * The material with this name or alias.
     *
     * @throws InputException listing the known names when there is none
     */
    public Material get(String name) {
        String key = normalise(name);
        Material m = byName.get(aliases.getOrDefault(key, key));
        if (m == null) {
            throw new InputException("unknown material '" + name + "'; known: " + String.join(", ", names()));
        }
        return m;
    }

    /** True if {@link #get} would find the name. */
    public boolean contains(String name) {
        String key = normalise(name);
        return byName.containsKey(aliases.getOrDefault(key, key));
    }

    /** Canonical names, built-ins first, in definition order. */
    public List<String> names() {
        return new ArrayList<>(byName.keySet());
    }

    static String normalise(String name) {
        if (name == null) {
            return "";
        }
        return name.trim().toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
    }
}
