package org.spectlab.validation.camera;

import static org.spectlab.validation.suite.ValidationCase.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.rng.UniformRandomProvider;
import org.spectlab.core.camera.CollimatorLibrary;
import org.spectlab.core.projection.EnergyWindow;
import org.spectlab.simulator.collimator.CameraQc;
import org.spectlab.simulator.collimator.CameraQcRequest;
import org.spectlab.simulator.collimator.CameraQcResult;
import org.spectlab.simulator.collimator.Profiles;
import org.spectlab.simulator.crystal.CrystalResponse;
import org.spectlab.simulator.crystal.NaiCrystal;
import org.spectlab.simulator.detector.EnergyResolution;
import org.spectlab.simulator.run.BatchRunner;
import org.spectlab.validation.report.LinePlot;
import org.spectlab.validation.suite.CaseContext;
import org.spectlab.validation.suite.Quantity;
import org.spectlab.validation.suite.Reference;
import org.spectlab.validation.suite.Tolerance;
import org.spectlab.validation.suite.ValidationCase;

/**
 * Camera cases beyond the collimator: the energy resolution of the crystal model (NaI(Tl) deposition
 * Monte Carlo followed by the Gaussian resolution) against the configured value, and the complete
 * Siemens Symbia LEHR system (collimator Monte Carlo with penetration, crystal window acceptance,
 * Tc-99m yield) against the vendor's published sensitivity and resolution.
 */
public final class CameraModelCases {
    /** Configured energy resolution: 9.9 % FWHM at 140.5 keV scaling as sqrt(E) (Siemens Symbia spec). */
    public static final EnergyResolution RESOLUTION = EnergyResolution.sqrtLaw(0.099, 140.5);
    /** 3/8-inch crystal, mm. */
    public static final double CRYSTAL_MM = 9.525;
    private static final int PHOTONS = 400_000;
    private static final int GROUPS = 8;
    /** Siemens LEHR system sensitivity 202 cpm/µCi = 202/60/0.037 cps/MBq. */
    static final double SIEMENS_LEHR_CPS_PER_MBQ = 202.0 / 60.0 / 0.037;
    private static final String SIEMENS_SPEC = "Siemens Symbia S/T system specifications: LEHR system sensitivity "
            + "202 cpm/uCi (= 91.0 cps/MBq, Tc-99m, 15% window), system resolution 7.5 mm FWHM at 10 cm, intrinsic "
            + "3.8 mm (as cited in core CollimatorSpecTest)";

    private CameraModelCases() {
    }

    /** The cases. */
    public static List<ValidationCase> cases() {
        List<ValidationCase> out = new ArrayList<>();
        for (double e : new double[] {140.5, 245.4, 364.5}) {
            String n = CameraQcCases.designNuclide(e);
            out.add(ValidationCase.of("energy-resolution-" + n.toLowerCase(Locale.ROOT),
                    "Photopeak FWHM of the simulated spectrum (NaI(Tl) 3/8\" deposition Monte Carlo + Gaussian "
                            + "resolution) of " + e + " keV photons at normal incidence vs the configured FWHM.",
                    config("energy_keV", e, "crystal_mm", CRYSTAL_MM, "resolution", "9.9% at 140.5 keV, sqrt(E)",
                            "photons", PHOTONS, "groups_for_error", GROUPS, "bin", "FWHM/20"),
                    ctx -> energyResolution(e, ctx)));
        }
        out.add(ValidationCase.of("vendor-siemens-lehr",
                "Siemens Symbia LEHR system (collimator Monte Carlo with septal penetration, 3/8\" crystal window "
                        + "acceptance, Tc-99m yield 0.885, 15% window) vs the vendor's published sensitivity and "
                        + "system FWHM at 100 mm.",
                config("preset", "siemens-lehr", "energy_keV", 140.5, "window", "15% centred", "distance_mm", 100,
                        "intrinsic_fwhm_mm", 3.8, "back_gap_mm", 6.4, "yield", 0.885, "histories", 400_000),
                CameraModelCases::vendor));
        return out;
    }

    static List<Quantity> energyResolution(double energyKeV, CaseContext ctx) {
        double fwhm = RESOLUTION.fwhmKeV(energyKeV);
        double bin = fwhm / 20;
        double lo = 0;
        int bins = (int) Math.ceil((energyKeV + 5 * fwhm - lo) / bin);
        double[][] groups = new double[GROUPS][bins];
        double[] full = new double[bins];
        double[] partial = new double[bins];
        NaiCrystal crystal = NaiCrystal.of(CRYSTAL_MM);
        NaiCrystal.Scratch scratch = NaiCrystal.scratch();
        for (int g = 0; g < GROUPS; g++) {
            UniformRandomProvider rng = ctx.random(g);
            EnergyResolution.Sampler sampler = RESOLUTION.sampler(rng);
            for (int h = 0; h < PHOTONS / GROUPS; h++) {
                double dep = crystal.depositKeV(energyKeV, rng, scratch);
                if (dep <= 0) {
                    continue;
                }
                int b = (int) ((sampler.measuredKeV(dep) - lo) / bin);
                if (b >= 0 && b < bins) {
                    groups[g][b]++;
                    if (dep > energyKeV - 0.5) {
                        full[b]++;
                    } else {
                        partial[b]++;
                    }
                }
            }
        }
        double[] all = new double[bins];
        double[] widths = new double[GROUPS];
        for (int g = 0; g < GROUPS; g++) {
            for (int b = 0; b < bins; b++) {
                all[b] += groups[g][b];
            }
            widths[g] = Profiles.widthAtFractionOrNaN(groups[g], bin, 0.5);
        }
        double measured = Profiles.widthAtFractionOrNaN(all, bin, 0.5);
        double mean = 0;
        for (double w : widths) {
            mean += w / GROUPS;
        }
        double var = 0;
        for (double w : widths) {
            var += (w - mean) * (w - mean) / (GROUPS - 1);
        }
        // the full-sample estimate has 1/GROUPS the variance of one group's
        double se = Math.sqrt(var / GROUPS);
        double[] x = new double[bins];
        for (int b = 0; b < bins; b++) {
            x[b] = lo + (b + 0.5) * bin;
        }
        ctx.figure(LinePlot.of(String.format(Locale.ROOT, "Simulated NaI(Tl) spectrum at %.1f keV by component "
                        + "(3/8\" crystal, %.1f%% FWHM)", energyKeV, 100 * fwhm / energyKeV), "measured energy (keV)",
                        "counts per bin").line("full absorption", x, full).line("partial deposit (escape, Compton)", x,
                        partial));
        List<Quantity> q = new ArrayList<>();
        q.add(Quantity.of("photopeak_fwhm", "keV", measured, se,
                Reference.exact(fwhm, "configured resolution: 9.9% FWHM at 140.5 keV x sqrt(E/140.5) (Siemens Symbia "
                        + "specification <= 9.9% at 140 keV)"),
                Tolerance.zScore(4, "statistical error from " + GROUPS + " independent groups; the binning bias "
                        + "(bin = FWHM/20) and the Compton/escape pedestal under the peak are < 0.5%")));
        q.add(Quantity.of("photopeak_fwhm_relative", "1", measured / fwhm,
                Reference.exact(1.0, "configured resolution"),
                Tolerance.relative(0.03, "the NEMA NU 1 FWHM estimate by linear interpolation is reproducible to "
                        + "~1% at these counts; 3% would reveal a wrong sqrt(E) scaling (2.4% at 245 keV vs linear)")));
        return q;
    }

    static List<Quantity> vendor(CaseContext ctx) {
        double e = 140.5;
        EnergyWindow w15 = EnergyWindow.centred("photopeak", e, 15);
        double mu = CameraSuite.leadMuPerMm(e);
        CameraQcRequest r = new CameraQcRequest(CollimatorLibrary.get("siemens-lehr"), 100, e, mu, 3.8, RESOLUTION, w15,
                0.885, 6.4, 200, 400_000, ctx.random(0).nextLong(), ctx.threads());
        CameraQcResult res = CameraQc.measure(r, BatchRunner.ProgressListener.NONE);
        CrystalResponse crystal = CrystalResponse.simulate(NaiCrystal.of(CRYSTAL_MM), 120.5, 160.5, 1.0, 40_000,
                ctx.random(1).nextLong());
        double crystalAcceptance = crystal.windowAcceptance(RESOLUTION, List.of(w15)).acceptance(0, e);
        double gaussAcceptance = RESOLUTION.windowAcceptance(e, w15);
        // CameraQc counts every photon reaching the crystal with a Gaussian window acceptance; the real
        // crystal absorbs only part of them fully: replace the Gaussian acceptance by the crystal's.
        double factor = crystalAcceptance / gaussAcceptance;
        double sensitivity = res.sensitivityCpsPerMBq() * factor;
        List<Quantity> q = new ArrayList<>();
        q.add(Quantity.of("system_sensitivity", "cps/MBq", sensitivity, res.sensitivityStdErrorCpsPerMBq() * factor,
                Reference.of(SIEMENS_LEHR_CPS_PER_MBQ, 0, SIEMENS_SPEC),
                Tolerance.relative(0.15, "nominal hole dimensions (+-0.02 mm on d = 1.11 mm moves g by ~4%), "
                        + "antimony-hardened lead and collimator scatter not modelled, the vendor's 10 cm dish and "
                        + "window calibration, and a specification that is a rounded typical value")));
        q.add(Quantity.of("system_fwhm_100mm", "mm", res.fwhmMm(), Reference.of(7.5, 0, SIEMENS_SPEC),
                Tolerance.relative(0.10, "the model's exact hexagonal LSF is 4-6% narrower than the round-hole "
                        + "formula (qc cases) that the vendor figure agrees with; published figure rounded to 0.1 mm; "
                        + "the back gap (cover + half crystal, 6.4 +- 2 mm) moves the FWHM by ~0.1 mm")));
        return q;
    }
}
