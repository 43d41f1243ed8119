package org.spectlab.phantoms.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.spectlab.core.error.InputException;
import org.spectlab.core.grid.LabelVolume;
import org.spectlab.core.grid.Volume;
import org.spectlab.core.material.MaterialLibrary;
import org.spectlab.phantoms.labelmap.LabelTable;
import org.spectlab.phantoms.labelmap.VoxelPhantomFiles;
import org.spectlab.phantoms.model.Phantom;

/**
 * Reads {@code voxel: {labels: FILE, table: FILE, background_material: air}} and
 * {@code activity_map: FILE}. Relative paths are resolved against the configuration's folder (the
 * working directory when the configuration is not a file). The table is YAML (or JSON):
 * <pre>
 * labels:
 *   1: {name: liver, material: soft_tissue, concentration_bq_per_ml: 4000}
 *   2: {name: lung_left, material: lung, compartment: lungs}
 * </pre>
 */
final class VoxelParser {

    /** A parsed voxel phantom: the label map, the phantom and the activity map (or null). */
    record Parsed(LabelVolume labels, Phantom phantom, Volume activity) {
    }

    private VoxelParser() {
    }

    static Parsed parse(Node voxel, Node top, Path baseDir) {
        voxel.allowOnly("labels", "table", "background_material");
        Path labelsFile = resolve(baseDir, voxel.text("labels"), voxel.path() + ".labels");
        Path tableFile = resolve(baseDir, voxel.text("table"), voxel.path() + ".table");
        LabelVolume labels = VoxelPhantomFiles.readLabels(labelsFile, voxel.path() + ".labels");
        LabelTable table = table(tableFile);
        String background = voxel.text("background_material", "air");
        if (!MaterialLibrary.builtIn().contains(background)) {
            throw InputException.field(voxel.path() + ".background_material", "unknown material '" + background
                    + "'; known: " + String.join(", ", MaterialLibrary.builtIn().names()));
        }
        String name = labelsFile.getFileName().toString().replaceAll("\\.(nii(\\.gz)?|hv|h33)$", "");
        Phantom phantom = VoxelPhantomFiles.phantom(name, labels, labelsFile.toString(), table, background);
        Volume activity = null;
        if (top.has("activity_map")) {
            Path a = resolve(baseDir, top.text("activity_map"), "activity_map");
            activity = VoxelPhantomFiles.readActivity(a, "activity_map");
            phantom = VoxelPhantomFiles.withActivity(phantom, labels, labelsFile.toString(), activity, a.toString());
        }
        return new Parsed(labels, phantom, activity);
    }

    private static Path resolve(Path baseDir, String path, String field) {
        Path p;
        try {
            p = Path.of(path);
        } catch (java.nio.file.InvalidPathException e) {
            throw InputException.field(field, "not a valid path: '" + path + "'");
        }
        if (!p.isAbsolute() && baseDir != null) {
            p = baseDir.resolve(p);
        }
        if (!Files.isRegularFile(p)) {
            throw InputException.field(field, "no such file '" + p + "'");
        }
        return p;
    }

    /** Reads a label table; errors start with the file name and name the entry's field. */
    static LabelTable table(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new InputException("cannot read label table " + file + ": " + e.getMessage(), e);
        }
        try {
            return table(text, file.toString());
        } catch (InputException e) {
            if (e.getMessage().startsWith(file.toString())) {
                throw e;
            }
            throw new InputException(file + ": " + e.getMessage(), e);
        }
    }

    static LabelTable table(String text, String source) {
        Node top = Node.parseMapping(text, source, "'labels'").allowOnly("labels");
        Node labels = top.child("labels");
        labels.allowOnly(labels.keys().toArray(new String[0]));
        List<LabelTable.Entry> entries = new ArrayList<>();
        for (String key : labels.keys()) {
            int value;
            try {
                value = Integer.parseInt(key.trim());
            } catch (NumberFormatException e) {
                throw InputException.field("labels." + key, "label values must be whole numbers");
            }
            Node e = labels.child(key).allowOnly("name", "material", "compartment", "concentration_bq_per_ml");
            String material = e.text("material");
            if (!MaterialLibrary.builtIn().contains(material)) {
                throw InputException.field(e.path() + ".material", "unknown material '" + material + "'; known: "
                        + String.join(", ", MaterialLibrary.builtIn().names()));
            }
            try {
                entries.add(new LabelTable.Entry(value, e.text("name"), material, e.text("compartment", null),
                        e.nonNegative("concentration_bq_per_ml", 0)));
            } catch (InputException ex) {
                throw InputException.field(e.path(), ex.getMessage());
            }
        }
        return LabelTable.of(source, entries);
    }
}
