package org.spectlab.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.spectlab.core.camera.CollimatorLibrary;
import org.spectlab.core.camera.CollimatorSpec;
import org.spectlab.core.camera.HoleShape;
import org.spectlab.core.error.InputException;
import org.spectlab.core.projection.EnergyWindow;
import org.spectlab.core.material.MaterialLibrary;
import org.spectlab.core.nuclide.EmissionLine;
import org.spectlab.core.nuclide.NuclideLibrary;
import org.spectlab.simulator.collimator.CameraQc;
import org.spectlab.simulator.collimator.CollimatorModel;
import org.spectlab.simulator.collimator.CameraQcRequest;
import org.spectlab.simulator.collimator.CameraQcResult;
import org.spectlab.simulator.collimator.QcMedium;
import org.spectlab.simulator.detector.EnergyResolution;
import org.spectlab.simulator.run.BatchRunner;
import org.spectlab.simulator.xs.MaterialCrossSections;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code spectlab camera-qc}: NEMA NU 1-style planar sensitivity, LSF FWHM/FWTM, penetration fraction
 * and energy resolution of a collimator preset, by Monte Carlo of a point source in air.
 *
 * <p>The photon energy is given directly or by {@code --nuclide}. Collimator model: by default
 * {@code monte-carlo} (transport through the septa with collimator scatter and lead K x-rays, crystal
 * response), because penetration and septal scatter matter from Tc-99m on for thin-septa collimators
 * and the run costs about the same; {@code --ideal-septa} or an explicit {@code --mu-lead-per-mm}
 * select the straight-ray {@code geometric} model (the Monte Carlo model takes lead from XCOM at
 * every energy, so a custom μ cannot apply to it).
 *
 * <p>{@code --collimator custom} takes the hexagonal-hole geometry from {@code --hole-diameter-mm},
 * {@code --septal-thickness-mm} and {@code --hole-length-mm} (lead septa; {@code --material} accepts
 * only lead, the one septal material whose fluorescence and tables are modelled). {@code --medium
 * pmma} puts the source in NEMA NU 1's "with scatter" set-up (acrylic between source and collimator,
 * 50 mm behind it; {@code --medium water}: the same slab of water), monte-carlo model only, and adds
 * the in-window scatter fraction to the result. The detector's aluminium cover and glass
 * backscatter compartment ({@code --cover-aluminium-mm}, default 1.0; {@code --backscatter-glass-mm},
 * default 0, SIMIND's typical 66) act in the monte-carlo model's crystal response.
 */
@Command(name = "camera-qc", mixinStandardHelpOptions = true,
        description = "Planar sensitivity and resolution of a collimator/detector (NEMA NU 1-style, point source in "
                + "air, acrylic or water).%nDefault collimator model: monte-carlo (penetration, septal scatter, lead x-rays); "
                + "geometric with --ideal-septa or --mu-lead-per-mm.")
public final class CameraQcCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--collimator", required = true, paramLabel = "PRESET|custom",
            description = "Collimator preset, e.g. siemens-lehr, ge-megp (see the list on error), or custom with "
                    + "--hole-diameter-mm, --septal-thickness-mm and --hole-length-mm.")
    private String collimator;

    @Option(names = "--hole-diameter-mm", paramLabel = "D",
            description = "Custom collimator: hexagonal hole size (flat to flat), mm.")
    private Double holeDiameterMm;

    @Option(names = "--septal-thickness-mm", paramLabel = "T", description = "Custom collimator: septal thickness, mm.")
    private Double septalThicknessMm;

    @Option(names = "--hole-length-mm", paramLabel = "L", description = "Custom collimator: hole length, mm.")
    private Double holeLengthMm;

    @Option(names = "--material", defaultValue = "lead", paramLabel = "M",
            description = "Custom collimator: septal material; only lead is modelled (default ${DEFAULT-VALUE}).")
    private String material;

    @Option(names = "--medium", defaultValue = "air", paramLabel = "air|pmma|water",
            description = "Around the source: air; pmma (acrylic, NEMA NU 1-2007 system resolution with scatter: "
                    + "acrylic between source and collimator, 50 mm behind the source); or water (the same slab of "
                    + "water). Scattering media need the monte-carlo model. Default ${DEFAULT-VALUE}.")
    private String medium;

    @Option(names = "--cover-aluminium-mm", defaultValue = "1.0", paramLabel = "MM",
            description = "Aluminium cover in front of the crystal, mm (monte-carlo model; default ${DEFAULT-VALUE}).")
    private double coverAluminiumMm;

    @Option(names = "--backscatter-glass-mm", defaultValue = "0", paramLabel = "MM",
            description = "Backscatter compartment behind the crystal as glass, mm (monte-carlo model; default "
                    + "${DEFAULT-VALUE}, none; SIMIND's typical value is 66).")
    private double backscatterGlassMm;

    @Option(names = "--nuclide", paramLabel = "NAME",
            description = "Use the nuclide's strongest gamma line: its energy and yield (e.g. Tc-99m, In-111). "
                    + "Overrides --energy-kev and --photons-per-decay.")
    private String nuclide;

    @Option(names = "--energy-kev", defaultValue = "140.5", paramLabel = "E",
            description = "Photon energy, keV (default ${DEFAULT-VALUE}).")
    private double energyKeV;

    @Option(names = "--mu-lead-per-mm", paramLabel = "MU",
            description = "Linear attenuation of the septa at the energy, 1/mm. Default: lead (11.35 g/cm3) from "
                    + "NIST XCOM at the energy.")
    private Double muLeadPerMm;

    @Option(names = "--ideal-septa", description = "Black septa: no penetration (the Anger-formula idealisation).")
    private boolean idealSepta;

    @Option(names = "--collimator-model", paramLabel = "MODEL",
            description = "geometric (straight rays, expected septal transmission, no collimator scatter) or "
                    + "monte-carlo (transport through the septa). Default: monte-carlo, or geometric with "
                    + "--ideal-septa / --mu-lead-per-mm.")
    private String collimatorModel;

    @Option(names = "--crystal-thickness-mm", defaultValue = "9.525", paramLabel = "MM",
            description = "NaI(Tl) thickness for the monte-carlo model's crystal response, mm (default ${DEFAULT-VALUE}).")
    private double crystalThicknessMm;

    @Option(names = "--distance-mm", defaultValue = "100", paramLabel = "D",
            description = "Source to collimator face, mm (default ${DEFAULT-VALUE}).")
    private double distanceMm;

    @Option(names = "--intrinsic-fwhm-mm", defaultValue = "3.6", paramLabel = "MM",
            description = "Intrinsic resolution FWHM, mm (default ${DEFAULT-VALUE}).")
    private double intrinsicFwhmMm;

    @Option(names = "--energy-resolution-percent", defaultValue = "9.9", paramLabel = "PCT",
            description = "Energy resolution FWHM at 140.5 keV, %%, scaled as sqrt(E) (default ${DEFAULT-VALUE}).")
    private double energyResolutionPercent;

    @Option(names = "--window-percent", defaultValue = "20", paramLabel = "PCT",
            description = "Energy window width centred on the energy, %% (default ${DEFAULT-VALUE}).")
    private double windowPercent;

    @Option(names = "--photons-per-decay", defaultValue = "1", paramLabel = "Y",
            description = "Emission yield of the line (0.885 for Tc-99m 140.5 keV); default ${DEFAULT-VALUE}.")
    private double photonsPerDecay;

    @Option(names = "--back-gap-mm", defaultValue = "0", paramLabel = "MM",
            description = "Collimator back face to mean interaction depth, mm (default ${DEFAULT-VALUE}).")
    private double backGapMm;

    @Option(names = "--histories", defaultValue = "2000000", paramLabel = "N",
            description = "Photons to simulate (default ${DEFAULT-VALUE}).")
    private long histories;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Random seed (default ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--threads", paramLabel = "T", description = "Worker threads (default: available processors).")
    private Integer threads;

    @Option(names = "--json", description = "Print the result as JSON.")
    private boolean json;

    @Override
    public Integer call() {
        CollimatorSpec spec0 = collimatorSpec();
        QcMedium qcMedium = QcMedium.parse(medium, "--medium");
        if (!(coverAluminiumMm >= 0 && coverAluminiumMm <= 10)) {
            throw InputException.field("--cover-aluminium-mm", "must be in [0, 10], got " + coverAluminiumMm);
        }
        if (!(backscatterGlassMm >= 0 && backscatterGlassMm <= 200)) {
            throw InputException.field("--backscatter-glass-mm", "must be in [0, 200], got " + backscatterGlassMm);
        }
        if (!(energyResolutionPercent > 0 && energyResolutionPercent < 100)) {
            throw InputException.field("--energy-resolution-percent", "must be in (0, 100), got " + energyResolutionPercent);
        }
        if (nuclide != null) {
            EmissionLine line = NuclideLibrary.get(nuclide).strongestLine();
            energyKeV = line.energyKeV();
            photonsPerDecay = line.yieldPerDecay();
        }
        if (!(energyKeV > 0)) {
            throw InputException.field("--energy-kev", "must be positive, got " + energyKeV);
        }
        double mu;
        if (idealSepta) {
            mu = Double.POSITIVE_INFINITY;
        } else if (muLeadPerMm != null) {
            mu = muLeadPerMm;
        } else {
            mu = MaterialCrossSections.of(MaterialLibrary.builtIn().get("lead")).muPerCm(energyKeV) / 10.0;
        }
        CollimatorModel model;
        if (collimatorModel == null) {
            model = idealSepta || muLeadPerMm != null ? CollimatorModel.GEOMETRIC : CollimatorModel.MONTE_CARLO;
        } else {
            model = CollimatorModel.parse(collimatorModel, "--collimator-model");
        }
        if (model == CollimatorModel.MONTE_CARLO && muLeadPerMm != null) {
            throw InputException.field("--mu-lead-per-mm", "applies to the geometric model only; the monte-carlo "
                    + "model uses lead from NIST XCOM at every energy");
        }
        if (qcMedium.scatters() && model != CollimatorModel.MONTE_CARLO) {
            throw InputException.field("--medium", qcMedium.key() + " needs the monte-carlo collimator model (drop --ideal-septa / "
                    + "--mu-lead-per-mm, or --collimator-model monte-carlo)");
        }
        if (!(crystalThicknessMm > 0 && crystalThicknessMm <= 100)) {
            throw InputException.field("--crystal-thickness-mm", "must be in (0, 100], got " + crystalThicknessMm);
        }
        int t = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        CameraQcRequest r = new CameraQcRequest(spec0, distanceMm, energyKeV, mu, intrinsicFwhmMm,
                EnergyResolution.sqrtLaw(energyResolutionPercent / 100.0, 140.5),
                EnergyWindow.centred("photopeak", energyKeV, windowPercent), photonsPerDecay, backGapMm, 200.0,
                histories, seed, t, model, crystalThicknessMm, coverAluminiumMm, backscatterGlassMm, qcMedium);
        CameraQcResult q = CameraQc.measure(r, BatchRunner.ProgressListener.NONE);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println("{");
            out.println("  \"collimator\": \"" + spec0.name() + "\",");
            out.println("  \"energy_keV\": " + num(energyKeV) + ",");
            out.println("  \"septa_mu_per_mm\": " + num(mu) + ",");
            out.println("  \"distance_mm\": " + num(distanceMm) + ",");
            out.println("  \"medium\": \"" + qcMedium.key() + "\",");
            out.println("  \"histories\": " + q.histories() + ",");
            out.println("  \"sensitivity_cps_per_MBq\": " + num(q.sensitivityCpsPerMBq()) + ",");
            out.println("  \"sensitivity_std_error_cps_per_MBq\": " + num(q.sensitivityStdErrorCpsPerMBq()) + ",");
            out.println("  \"fwhm_mm\": " + num(q.fwhmMm()) + ",");
            out.println("  \"fwtm_mm\": " + num(q.fwtmMm()) + ",");
            out.println("  \"fraction_geometric\": " + num(q.fractionGeometric()) + ",");
            out.println("  \"fraction_penetration\": " + num(q.fractionPenetration()) + ",");
            out.println("  \"fraction_collimator_scatter\": " + num(q.fractionCollimatorScatter()) + ",");
            out.println("  \"fraction_medium_scatter\": " + num(q.fractionMediumScatter()) + ",");
            out.println("  \"energy_fwhm_keV\": " + num(q.energyFwhmKeV()));
            out.println("}");
        } else {
            out.printf(Locale.ROOT, "collimator %s (%s model), %.1f keV, source at %.0f mm in %s, %d histories%n",
                    spec0.name(), model.key(), energyKeV, distanceMm, qcMedium.key(), q.histories());
            out.printf(Locale.ROOT, "sensitivity          %.2f ± %.2f cps/MBq%n", q.sensitivityCpsPerMBq(),
                    q.sensitivityStdErrorCpsPerMBq());
            out.printf(Locale.ROOT, "LSF FWHM / FWTM      %.2f / %.2f mm%n", q.fwhmMm(), q.fwtmMm());
            out.printf(Locale.ROOT, "window counts        %.4f geometric, %.4f septal penetration, %.4f collimator "
                    + "scatter%s%n", q.fractionGeometric(), q.fractionPenetration(), q.fractionCollimatorScatter(),
                    model == CollimatorModel.GEOMETRIC ? " (not modelled: geometric model)" : "");
            if (qcMedium.scatters()) {
                out.printf(Locale.ROOT, "scattered in %-7s %.4f of the window counts%n", qcMedium.key(),
                        q.fractionMediumScatter());
            }
            out.printf(Locale.ROOT, "energy FWHM          %.2f keV%n", q.energyFwhmKeV());
        }
        out.flush();
        return 0;
    }

    /** The preset, or the custom geometry from its three options (each named in its error). */
    private CollimatorSpec collimatorSpec() {
        boolean custom = "custom".equalsIgnoreCase(collimator.trim());
        if (!custom) {
            for (String option : new String[] {"--hole-diameter-mm", "--septal-thickness-mm", "--hole-length-mm"}) {
                if (spec.commandLine().getParseResult().hasMatchedOption(option)) {
                    throw InputException.field(option, "applies to --collimator custom only (preset '" + collimator
                            + "' has its own geometry)");
                }
            }
            return CollimatorLibrary.get(collimator);
        }
        if (!"lead".equalsIgnoreCase(material.trim()) && !"pb".equalsIgnoreCase(material.trim())) {
            throw InputException.field("--material", "only lead septa are modelled (lead tables and K x-rays), got '"
                    + material + "'");
        }
        double d = customSize("--hole-diameter-mm", holeDiameterMm, 20);
        double t = customSize("--septal-thickness-mm", septalThicknessMm, 20);
        double l = customSize("--hole-length-mm", holeLengthMm, 200);
        return CollimatorSpec.of("custom", HoleShape.HEXAGONAL, d, t, l);
    }

    private static double customSize(String option, Double value, double maxMm) {
        if (value == null) {
            throw InputException.field(option, "is required with --collimator custom");
        }
        if (!(value > 0 && value <= maxMm)) {
            throw InputException.field(option, "must be in (0, " + (int) maxMm + "] mm, got " + value);
        }
        return value;
    }

    private static String num(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.6g", v) : "null";
    }
}
