package org.spectlab.metrics.image;

import java.util.Map;
import org.spectlab.core.grid.Grid3;
import org.spectlab.core.grid.LabelVolume;
import org.spectlab.core.grid.Volume;

/**
 * Resampling of ground truth onto the grid of an image to be scored, for axis-aligned grids of any
 * voxel sizes and origins (both in the same patient coordinates, mm).
 *
 * <p>Each target voxel is the box {@code [c - Δ/2, c + Δ/2]} around its centre per axis; the overlap
 * of that box with each source voxel's box is the product of the three 1D overlaps (exact for
 * axis-aligned boxes). {@link #boxAverage} gives the overlap-weighted mean of the source over the
 * whole target box, counting the part outside the source grid as zero: for a concentration (Bq/mL)
 * it conserves activity wherever the target grid covers the source. {@link #majorityLabels} gives
 * each target voxel the label with the largest overlap (ties: the smaller label; no overlap:
 * label 0), which for a finer target grid is the nearest source voxel. Partial-volume mixing within a
 * target voxel is therefore averaged for activity and resolved by majority for labels.
 */
public final class Resampling {

    private Resampling() {
    }

    /** One axis: for each target index, the overlapping source indices and overlap lengths (mm). */
    private record AxisOverlaps(int[][] index, double[][] lengthMm, double targetWidthMm) {
    }

    /** The overlap-weighted average of {@code source} over each voxel of {@code target} (unit kept). */
    public static Volume boxAverage(Volume source, Grid3 target) {
        Grid3 s = source.grid();
        if (s.sameGeometry(target)) {
            return Volume.of(target, source.data().clone(), source.unit());
        }
        AxisOverlaps ox = overlaps(s.nx(), s.originXMm(), s.voxelXMm(), target.nx(), target.originXMm(), target.voxelXMm());
        AxisOverlaps oy = overlaps(s.ny(), s.originYMm(), s.voxelYMm(), target.ny(), target.originYMm(), target.voxelYMm());
        AxisOverlaps oz = overlaps(s.nz(), s.originZMm(), s.voxelZMm(), target.nz(), target.originZMm(), target.voxelZMm());
        float[] src = source.data();
        float[] out = new float[target.voxelCount()];
        double boxMm3 = ox.targetWidthMm() * oy.targetWidthMm() * oz.targetWidthMm();
        for (int k = 0; k < target.nz(); k++) {
            for (int j = 0; j < target.ny(); j++) {
                for (int i = 0; i < target.nx(); i++) {
                    double acc = 0;
                    for (int c = 0; c < oz.index()[k].length; c++) {
                        double wz = oz.lengthMm()[k][c];
                        int sk = oz.index()[k][c];
                        for (int b = 0; b < oy.index()[j].length; b++) {
                            double wyz = wz * oy.lengthMm()[j][b];
                            int base = s.nx() * (oy.index()[j][b] + s.ny() * sk);
                            for (int a = 0; a < ox.index()[i].length; a++) {
                                acc += wyz * ox.lengthMm()[i][a] * src[base + ox.index()[i][a]];
                            }
                        }
                    }
                    out[target.index(i, j, k)] = (float) (acc / boxMm3);
                }
            }
        }
        return Volume.of(target, out, source.unit());
    }

    /** The label of largest overlap with each voxel of {@code target} (names kept). */
    public static LabelVolume majorityLabels(LabelVolume source, Grid3 target) {
        Grid3 s = source.grid();
        if (s.sameGeometry(target)) {
            return LabelVolume.of(target, source.labels().clone(), source.names());
        }
        AxisOverlaps ox = overlaps(s.nx(), s.originXMm(), s.voxelXMm(), target.nx(), target.originXMm(), target.voxelXMm());
        AxisOverlaps oy = overlaps(s.ny(), s.originYMm(), s.voxelYMm(), target.ny(), target.originYMm(), target.voxelYMm());
        AxisOverlaps oz = overlaps(s.nz(), s.originZMm(), s.voxelZMm(), target.nz(), target.originZMm(), target.voxelZMm());
        short[] src = source.labels();
        int maxLabel = 0;
        for (short v : src) {
            maxLabel = Math.max(maxLabel, v & 0xffff);
        }
        double[] weight = new double[maxLabel + 1];
        int[] touched = new int[weight.length];
        short[] out = new short[target.voxelCount()];
        for (int k = 0; k < target.nz(); k++) {
            for (int j = 0; j < target.ny(); j++) {
                for (int i = 0; i < target.nx(); i++) {
                    int nTouched = 0;
                    for (int c = 0; c < oz.index()[k].length; c++) {
                        double wz = oz.lengthMm()[k][c];
                        int sk = oz.index()[k][c];
                        for (int b = 0; b < oy.index()[j].length; b++) {
                            double wyz = wz * oy.lengthMm()[j][b];
                            int base = s.nx() * (oy.index()[j][b] + s.ny() * sk);
                            for (int a = 0; a < ox.index()[i].length; a++) {
                                int label = src[base + ox.index()[i][a]] & 0xffff;
                                if (weight[label] == 0) {
                                    touched[nTouched++] = label;
                                }
                                weight[label] += wyz * ox.lengthMm()[i][a];
                            }
                        }
                    }
                    int best = 0;
                    double bestWeight = 0;
                    for (int t = 0; t < nTouched; t++) {
                        int label = touched[t];
                        double w = weight[label];
                        if (w > bestWeight || (w == bestWeight && label < best)) {
                            best = label;
                            bestWeight = w;
                        }
                        weight[label] = 0;
                    }
                    out[target.index(i, j, k)] = (short) best;
                }
            }
        }
        Map<Integer, String> names = source.names();
        return LabelVolume.of(target, out, names);
    }

    private static AxisOverlaps overlaps(int ns, double originS, double ds, int nt, double originT, double dt) {
        int[][] index = new int[nt][];
        double[][] length = new double[nt][];
        for (int t = 0; t < nt; t++) {
            double lo = originT + (t - 0.5) * dt;
            double hi = lo + dt;
            int first = Math.max(0, (int) Math.floor((lo - originS) / ds + 0.5));
            int last = Math.min(ns - 1, (int) Math.ceil((hi - originS) / ds - 0.5));
            int count = Math.max(0, last - first + 1);
            int[] idx = new int[count];
            double[] len = new double[count];
            int n = 0;
            for (int sIdx = first; sIdx <= last; sIdx++) {
                double slo = originS + (sIdx - 0.5) * ds;
                double overlap = Math.min(hi, slo + ds) - Math.max(lo, slo);
                if (overlap > 0) {
                    idx[n] = sIdx;
                    len[n] = overlap;
                    n++;
                }
            }
            index[t] = java.util.Arrays.copyOf(idx, n);
            length[t] = java.util.Arrays.copyOf(len, n);
        }
        return new AxisOverlaps(index, length, dt);
    }
}
