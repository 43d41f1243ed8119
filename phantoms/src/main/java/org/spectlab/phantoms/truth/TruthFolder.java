package org.spectlab.phantoms.truth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.spectlab.core.io.AtomicFiles;
import org.spectlab.core.io.nifti.Nifti;
import org.spectlab.phantoms.voxel.VoxelisedPhantom;

/**
 * Writes the ground-truth folder of a rendered phantom, {@code DIR/truth/}:
 * <ul>
 *   <li>{@code activity.nii}: activity concentration, Bq/mL (float32, at the time the phantom was
 *       rendered for);</li>
 *   <li>{@code labels.nii} (int16) and {@code labels.json}: organ label map and its names,
 *       {@code {"0": "background", "1": "body", ...}};</li>
 *   <li>{@code materials.nii} (int16) and {@code materials.json}: material index map and its names
 *       (as in {@link org.spectlab.core.material.MaterialLibrary}), {@code {"0": "air", ...}};</li>
 *   <li>{@code phantom.json}: {@link PhantomTruth};</li>
 *   <li>{@value #CUMULATED_FILE} (float32, only with an agent and an acquisition duration): the
 *       cumulated activity over the acquisition window, Bq s/mL (decays per mL).</li>
 * </ul>
 * The folder is written whole or not at all: every file goes to a hidden temporary folder next to it,
 * which then replaces {@code truth/} by rename; a failure leaves any earlier {@code truth/} untouched and
 * removes the temporary folder.
 */
public final class TruthFolder {
    /** File names inside {@code truth/}, in the order written. */
    public static final List<String> FILES = List.of("activity.nii", "labels.nii", "labels.json", "materials.nii",
            "materials.json", "phantom.json");
    /** File name of the cumulated activity map (Bq s/mL), written beside activity.nii when there is one. */
    public static final String CUMULATED_FILE = "cumulated_activity.nii";

    private TruthFolder() {
    }

    /**
     * Writes {@code outDir/truth/}, replacing an existing one.
     *
     * @return the written files
     */
    public static List<Path> write(VoxelisedPhantom rendered, PhantomTruth truth, Path outDir) {
        Path out = outDir.toAbsolutePath();
        Path target = out.resolve("truth");
        Path tmp = null;
        Path old = null;
        try {
            Files.createDirectories(out);
            tmp = Files.createTempDirectory(out, ".truth-");
            Nifti.writeVolume(rendered.activity(), tmp.resolve("activity.nii"));
            Nifti.writeLabels(rendered.labels(), tmp.resolve("labels.nii"));
            AtomicFiles.writeString(tmp.resolve("labels.json"), names(rendered.phantom().labelNames()));
            Nifti.writeLabels(rendered.materials(), tmp.resolve("materials.nii"));
            AtomicFiles.writeString(tmp.resolve("materials.json"), names(rendered.materialNames()));
            truth.write(tmp.resolve("phantom.json"));
            if (truth.cumulatedBqSPerMl() != null) {
                Nifti.writeVolume(truth.cumulatedBqSPerMl(), tmp.resolve(CUMULATED_FILE));
            }
            if (Files.exists(target)) {
                old = Files.createTempDirectory(out, ".truth-old-");
                Files.delete(old);
                move(target, old);
            }
            move(tmp, target);
            tmp = null;
            if (old != null) {
                deleteTree(old);
                old = null;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        } finally {
            try {
                if (tmp != null) {
                    deleteTree(tmp);
                }
                if (old != null && !Files.exists(target)) {
                    move(old, target); // put the earlier truth back
                }
            } catch (IOException ignored) {
                // the original failure is what matters
            }
        }
        List<Path> files = new ArrayList<>();
        for (String f : FILES) {
            files.add(target.resolve(f));
        }
        if (truth.cumulatedBqSPerMl() != null) {
            files.add(target.resolve(CUMULATED_FILE));
        }
        return files;
    }

    /** {@code {"0": name0, "1": name1, ...}} as pretty JSON. */
    static String names(List<String> names) {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode o = mapper.createObjectNode();
        for (int i = 0; i < names.size(); i++) {
            o.put(Integer.toString(i), names.get(i));
        }
        try {
            return mapper.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise names", e);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            List<Path> all = s.sorted(Comparator.reverseOrder()).toList();
            for (Path p : all) {
                Files.deleteIfExists(p);
            }
        }
    }
}
