package org.spectlab.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.spectlab.core.grid.Grid3;
import org.spectlab.core.grid.LabelVolume;
import org.spectlab.core.grid.Volume;
import org.spectlab.core.io.interfile.Interfile;
import org.spectlab.core.io.nifti.Nifti;
import org.spectlab.core.projection.AcquisitionGeometry;
import org.spectlab.core.projection.EnergyWindow;
import org.spectlab.core.projection.ProjectionSet;
import org.spectlab.core.projection.RotationDirection;
import org.spectlab.recon.metadata.ReconstructionGeometry;
import org.spectlab.recon.projector.RotatedFrame;
import org.spectlab.recon.projector.RotationProjector;
import org.spectlab.recon.transform.attenuation.AttenuationTransform;

/**
 * A tiny synthetic study folder: a water cylinder (radius 30 mm) of uniform activity, noise-free
 * attenuated projections made by recon's own projector (32 views of 8 x 24 pixels of 4.42 mm, 200 mm
 * radius, 10 s per view), the μ-map, the truth on a grid twice as fine, labels and one lesion.
 */
final class TinyStudy {
    static final double PIXEL_MM = 4.42;
    static final int COLS = 24;
    static final int ROWS = 8;
    static final double RADIUS_MM = 30.0;
    /** Water at 140.5 keV, 1/cm (NIST XCOM: μ/ρ = 0.1538 cm²/g). */
    static final double WATER_MU_PER_CM = 0.1538;
    static final double CONCENTRATION_BQ_PER_ML = 50_000.0;
    static final double SENSITIVITY_CPS_PER_MBQ = 90.0;
    static final double TIME_PER_VIEW_S = 10.0;

    private TinyStudy() {
    }

    /** Counts per view from one image voxel at the study's concentration (see QuantitativeCalibration). */
    static double countsPerVoxel() {
        double voxelMl = PIXEL_MM * PIXEL_MM * PIXEL_MM * 1e-3;
        return SENSITIVITY_CPS_PER_MBQ * TIME_PER_VIEW_S * CONCENTRATION_BQ_PER_ML * voxelMl * 1e-6;
    }

    static Volume disc(Grid3 g, double value, String unit) {
        Volume v = Volume.zeros(g, unit);
        for (int k = 0; k < g.nz(); k++) {
            for (int j = 0; j < g.ny(); j++) {
                for (int i = 0; i < g.nx(); i++) {
                    if (Math.hypot(g.xMm(i), g.yMm(j)) <= RADIUS_MM) {
                        v.set(i, j, k, (float) value);
                    }
                }
            }
        }
        return v;
    }

    /** Writes the study into {@code dir} and returns the image grid. */
    static Grid3 write(Path dir) throws IOException {
        Files.createDirectories(dir.resolve("spect"));
        Files.createDirectories(dir.resolve("truth"));
        AcquisitionGeometry orbit = AcquisitionGeometry.circular(32, 0, 360, RotationDirection.CW, 200.0, 1);
        ProjectionSet empty = ProjectionSet.zeros(orbit, ROWS, COLS, PIXEL_MM, PIXEL_MM,
                EnergyWindow.centred("photopeak", 140.5, 20), TIME_PER_VIEW_S);
        ReconstructionGeometry g = ReconstructionGeometry.of(empty);
        Grid3 grid = g.imageGrid();
        Volume mu = disc(grid, WATER_MU_PER_CM, "1/cm");
        Volume counts = disc(grid, countsPerVoxel(), "counts/view");
        try (RotationProjector a = RotationProjector.of(g,
                List.of(AttenuationTransform.of(RotatedFrame.of(g), mu)), 1)) {
            Interfile.writeProjections(empty.withData(a.forward(counts.data())), dir.resolve("spect/photopeak.hs"));
        }
        Nifti.writeVolume(mu, dir.resolve("mu.nii"));
        // The CT of the same cylinder: water (0 HU) in air (-1000 HU), on a finer grid as scanners have.
        Grid3 ctGrid = Grid3.centredCubic(2 * COLS, 2 * COLS, 2 * ROWS, PIXEL_MM / 2);
        Volume hu = disc(ctGrid, 1000, "HU");
        for (int n = 0; n < hu.data().length; n++) {
            hu.data()[n] -= 1000f;
        }
        Nifti.writeVolume(hu, dir.resolve("ct/ct.nii"));
        Grid3 fine = Grid3.centredCubic(2 * COLS, 2 * COLS, 2 * ROWS, PIXEL_MM / 2);
        Nifti.writeVolume(disc(fine, CONCENTRATION_BQ_PER_ML, "Bq/mL"), dir.resolve("truth/activity.nii"));
        Volume body = disc(fine, 1, "label");
        short[] labels = new short[fine.voxelCount()];
        for (int n = 0; n < labels.length; n++) {
            labels[n] = (short) body.data()[n];
        }
        Nifti.writeLabels(LabelVolume.of(fine, labels, Map.of(1, "body")), dir.resolve("truth/labels.nii"));
        Files.writeString(dir.resolve("truth/labels.json"), "{\"labels\": {\"0\": \"background\", \"1\": \"body\"}}");
        Files.writeString(dir.resolve("truth/phantom.json"), "{\"lesions\": [{\"id\": \"L1\", \"kind\": \"tumour\", "
                + "\"organ\": \"body\", \"centre_mm\": [0.0, 0.0, 0.0], \"diameter_mm\": 20.0, "
                + "\"concentration_bq_per_ml\": " + CONCENTRATION_BQ_PER_ML + "}]}");
        return grid;
    }
}
