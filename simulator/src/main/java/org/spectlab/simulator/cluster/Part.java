package org.spectlab.simulator.cluster;

import org.spectlab.simulator.run.TallySet;
import org.spectlab.simulator.spect.PartialResult;

/**
 * The additive result of a range of units, exactly as computed (no rounding): for views, the
 * double-precision projections of every component and the incident spectra of those views only;
 * for batches, the raw fixed-point tallies and counters of those batches.
 */
public final class Part {
    private final PartHeader header;
    private final ViewData views;
    private final TallySet tallies;

    /**
     * The projections of a view range.
     *
     * @param rows            projection rows
     * @param cols            projection columns
     * @param windows         energy windows
     * @param groups          error groups (0 when not estimated)
     * @param histories       histories transported (the same in every part of a run)
     * @param sites           interaction sites recorded (the same in every part)
     * @param projections     [components][count * rows * cols]: the range's views, in order
     * @param spectrumPrimary [count][bins] incident primary spectrum of each view of the range
     * @param spectrumScatter [count][bins] incident scatter spectrum of each view of the range
     * @param spectrumCollimator [3][count][bins] measured spectra of the Monte Carlo collimator's
     *                        components (penetration, collimator scatter, lead x-ray) of each view
     *                        of the range, or null (geometric collimator; then {@code projections}
     *                        has no component images)
     */
    public record ViewData(int rows, int cols, int windows, int groups, long histories, long sites,
                           double[][] projections, double[][] spectrumPrimary, double[][] spectrumScatter,
                           double[][][] spectrumCollimator) {
        /** View data without the Monte Carlo collimator's components. */
        public ViewData(int rows, int cols, int windows, int groups, long histories, long sites,
                        double[][] projections, double[][] spectrumPrimary, double[][] spectrumScatter) {
            this(rows, cols, windows, groups, histories, sites, projections, spectrumPrimary, spectrumScatter, null);
        }

        /** Pixels per view. */
        public int plane() {
            return rows * cols;
        }

        /** Spectrum bins. */
        public int bins() {
            return spectrumPrimary.length == 0 ? 0 : spectrumPrimary[0].length;
        }
    }

    private Part(PartHeader header, ViewData views, TallySet tallies) {
        this.header = header;
        this.views = views;
        this.tallies = tallies;
    }

    /** A view part. */
    public static Part ofViews(PartHeader header, ViewData views) {
        if (header.range().unit() != WorkUnit.VIEWS) {
            throw new IllegalArgumentException("view data needs a view range, got " + header.range());
        }
        return new Part(header, views, null);
    }

    /** A batch part. */
    public static Part ofBatches(PartHeader header, TallySet tallies) {
        if (header.range().unit() != WorkUnit.BATCHES) {
            throw new IllegalArgumentException("tallies need a batch range, got " + header.range());
        }
        return new Part(header, null, tallies);
    }

    /** Extracts the views of {@code header.range()} from a forced-detection result (copies them). */
    public static Part fromPartial(PartHeader header, PartialResult r) {
        UnitRange range = header.range();
        int first = (int) range.first();
        int count = (int) range.count();
        int plane = r.rows() * r.cols();
        double[][] src = r.projections();
        double[][] proj = new double[src.length][count * plane];
        for (int c = 0; c < src.length; c++) {
            System.arraycopy(src[c], first * plane, proj[c], 0, count * plane);
        }
        double[][] sp = new double[count][];
        double[][] ss = new double[count][];
        double[][][] sc = r.hasCollimatorComponents() ? new double[r.spectrumCollimator().length][count][] : null;
        for (int v = 0; v < count; v++) {
            sp[v] = r.spectrumPrimary()[first + v].clone();
            ss[v] = r.spectrumScatter()[first + v].clone();
            for (int c = 0; sc != null && c < sc.length; c++) {
                sc[c][v] = r.spectrumCollimator()[c][first + v].clone();
            }
        }
        return ofViews(header, new ViewData(r.rows(), r.cols(), r.windows(), r.groups(), r.histories(), r.sites(),
                proj, sp, ss, sc));
    }

    /** The header. */
    public PartHeader header() {
        return header;
    }

    /** The view data (view parts), or null. */
    public ViewData views() {
        return views;
    }

    /** The tallies (batch parts), or null. */
    public TallySet tallies() {
        return tallies;
    }
}
