package org.spectlab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.spectlab.core.error.InputException;
import org.spectlab.recon.study.LeadAttenuation;
import org.spectlab.recon.study.ReconOptions;
import org.spectlab.recon.study.StudyReconstruction;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code spectlab reconstruct STUDY_DIR|HEADER.hs --out DIR}: OSEM/MLEM/OSL-OSEM or FBP of the photopeak
 * window with the chosen corrections; writes {@code recon.nii} (Bq/mL with a sensitivity, else
 * counts/view per voxel; the unit is in the NIfTI descrip and in the JSON), {@code recon.json}
 * (parameters, input files, timings, calibration, software version) and, on request, one
 * {@code recon_it<k>.nii} per iteration (post-filtered and calibrated like the final image). All files
 * are written atomically. A plain progress line per iteration goes to stderr (always, terminal or not).
 *
 * <p>A study folder supplies {@code spect/photopeak.hs} and, for TEW/DEW, {@code spect/lower_scatter.hs}
 * (and {@code spect/upper_scatter.hs} for TEW when present); a single header is the photopeak, with
 * the scatter windows looked up beside it. The simulator's true μ-maps are never read: attenuation
 * comes from the CT in HU or a μ-map file the user names. The work is done by the library class
 * {@link StudyReconstruction}; this command maps its options onto a {@link ReconOptions}.
 */
@Command(name = "reconstruct",
        mixinStandardHelpOptions = true,
        description = {"Reconstruct SPECT projections (Interfile) into recon.nii and recon.json.",
            "Units: mm, keV, cps/MBq; the image is Bq/mL with --sensitivity-cps-per-mbq, else counts per view "
                + "per voxel (the count a view records from the voxel in air)."})
public final class ReconstructCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "STUDY_DIR|HEADER.hs|NM.dcm",
            description = "A study folder (uses spect/photopeak.hs), one Interfile projection header, or a DICOM NM "
                    + "TOMO file (window 'photopeak', else the first; TEW/DEW use windows 'lower_scatter' and "
                    + "'upper_scatter').")
    private Path input;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder (created).")
    private Path outDir;

    @Option(names = "--algorithm", defaultValue = "osem", paramLabel = "NAME",
            description = "osem, mlem, osl-osem (relative difference prior) or fbp (ramp filter). Default: ${DEFAULT-VALUE}.")
    private String algorithm;

    @Option(names = "--iterations", defaultValue = "4", description = "Full iterations (1-1000). Default: ${DEFAULT-VALUE}.")
    private int iterations;

    @Option(names = "--subsets", defaultValue = "8", description = "Ordered subsets (1 to the number of views). "
            + "Default: ${DEFAULT-VALUE}.")
    private int subsets;

    @Option(names = "--prior-beta", paramLabel = "B", description = "osl-osem: prior strength beta >= 0 (counts/view units).")
    private Double priorBeta;

    @Option(names = "--prior-gamma", defaultValue = "2", paramLabel = "G",
            description = "osl-osem: edge preservation gamma >= 0. Default: ${DEFAULT-VALUE}.")
    private double priorGamma;

    @Option(names = "--attenuation", defaultValue = "none", paramLabel = "ct|none|FILE.nii",
            description = "ct (the study's ct/ct.nii, or --ct, in HU, converted to mu at the photopeak energy by the "
                    + "bilinear method of Kinahan et al. 1998 and box-averaged onto the reconstruction grid), none, or "
                    + "a mu-map in 1/cm (NIfTI, any grid). Default: ${DEFAULT-VALUE}.")
    private String attenuation;

    @Option(names = "--ct", paramLabel = "CT.nii", description = "CT in HU for --attenuation ct (default: STUDY/ct/ct.nii).")
    private Path ctFile;

    @Option(names = "--ct-kvp", defaultValue = "120", paramLabel = "KV",
            description = "Tube voltage of the CT, kVp (selects the bone segment of the HU-to-mu conversion). "
                    + "Default: ${DEFAULT-VALUE}.")
    private double ctKvp;

    @Option(names = "--scatter", defaultValue = "none", paramLabel = "tew|dew|none|FILE.hs",
            description = "tew (lower and, if present, upper scatter window), dew (the 92-125 keV dew_scatter "
                    + "Compton window, k = 0.5, Jaszczak 1984), none, or an Interfile scatter estimate in counts. Default: ${DEFAULT-VALUE}.")
    private String scatter;

    @Option(names = "--psf", defaultValue = "off", paramLabel = "on|off",
            description = "Model the depth-dependent collimator-detector response (needs --collimator). "
                    + "Default: ${DEFAULT-VALUE}.")
    private String psf;

    @Option(names = "--collimator", paramLabel = "PRESET", description = "Collimator preset, e.g. siemens-lehr, "
            + "ge-lehr. Default for a study folder: the camera in its study.json.")
    private String collimator;

    @Option(names = "--intrinsic-fwhm-mm", paramLabel = "F",
            description = "Intrinsic detector resolution FWHM, mm. Default: the study's camera, else 3.6.")
    private Double intrinsicFwhmMm;

    @Option(names = "--filter", defaultValue = "none", paramLabel = "gaussian:FWHM_MM|butterworth:FC,ORDER|none",
            description = "Post-filter; Butterworth cut-off FC in cycles/cm. Default: ${DEFAULT-VALUE}.")
    private String filter;

    @Option(names = "--sensitivity-cps-per-mbq", paramLabel = "S",
            description = "Planar system sensitivity of the photopeak window, cps/MBq: gives an image in Bq/mL. "
                    + "Default for a study folder: the calibration in its study.json.")
    private Double sensitivityCpsPerMBq;

    @Option(names = "--snapshots", description = "Also write recon_it<k>.nii after every iteration.")
    private boolean snapshots;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: available processors).")
    private Integer threads;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (!psf.equals("on") && !psf.equals("off")) {
            throw InputException.field("--psf", "must be on or off, got '" + psf + "'");
        }
        boolean kvpGiven = spec.commandLine().getParseResult().hasMatchedOption("--ct-kvp");
        ReconOptions options = new ReconOptions(algorithm, iterations, subsets, priorBeta, priorGamma, attenuation,
                ctFile, kvpGiven ? ctKvp : null, scatter, psf.equals("on"), collimator, intrinsicFwhmMm, filter,
                sensitivityCpsPerMBq, snapshots, threads, VersionProvider.version());
        PrintWriter err = spec.commandLine().getErr();
        StudyReconstruction.Result r = StudyReconstruction.run(input, outDir, options, line -> {
            err.println("spectlab reconstruct: " + line);
            err.flush();
        });
        spec.commandLine().getOut().println(r.imageFile());
        spec.commandLine().getOut().flush();
        return 0;
    }

    /** Linear attenuation of lead, 1/cm (NIST XCOM, see {@link LeadAttenuation}). */
    static double leadMuPerCm(double energyKeV) {
        return LeadAttenuation.muPerCm(energyKeV);
    }
}
