package org.spectlab.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.spectlab.core.material.Material;
import org.spectlab.core.material.MaterialLibrary;
import org.spectlab.simulator.xs.MaterialCrossSections;
import org.spectlab.simulator.xs.Process;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code spectlab xs MATERIAL ENERGY_KEV}: photon cross sections of a material at one energy, from the
 * NIST XCOM element tables by the mixture rule. Prints mu/rho (cm^2/g) per process and in total (coherent
 * included), the density (g/cm^3) and the linear attenuation coefficient mu (1/cm); {@code --json} prints
 * the same as one JSON object. Unknown materials and energies outside 1-3000 keV are bad input (exit 2).
 */
@Command(name = "xs",
        mixinStandardHelpOptions = true,
        description = {"Photon cross sections (NIST XCOM, mixture rule) of a material at one energy.",
            "Prints mass attenuation coefficients mu/rho in cm^2/g for photoelectric absorption, incoherent "
                + "(Compton) and coherent (Rayleigh) scattering and pair production, their total (coherent "
                + "included), the density in g/cm^3 and the linear attenuation coefficient mu in 1/cm."})
public final class XsCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "MATERIAL",
            description = "Material name, e.g. water, soft_tissue, cortical_bone, lung, nai, lead (or one defined "
                    + "in --materials).")
    private String materialName;

    @Parameters(index = "1", paramLabel = "ENERGY_KEV", description = "Photon energy in keV (1 to 3000).")
    private double energyKeV;

    @Option(names = "--json", description = "Print one JSON object: material, energy_keV, density_g_cm3, "
            + "photoelectric, incoherent, coherent, total (cm^2/g), mu_per_cm (1/cm).")
    private boolean json;

    @Option(names = "--materials", paramLabel = "FILE.yaml",
            description = "YAML/JSON file with extra materials (name, density_g_cm3, composition by mass fraction).")
    private Path materialsFile;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws JsonProcessingException {
        MaterialLibrary lib = materialsFile == null ? MaterialLibrary.builtIn()
                : MaterialLibrary.builtInPlus(materialsFile);
        Material material = lib.get(materialName);
        MaterialCrossSections xs = MaterialCrossSections.of(material);
        double photo = xs.massAttenuationCm2PerG(Process.PHOTOELECTRIC, energyKeV);
        double incoherent = xs.massAttenuationCm2PerG(Process.INCOHERENT, energyKeV);
        double coherent = xs.massAttenuationCm2PerG(Process.COHERENT, energyKeV);
        double pair = xs.massAttenuationCm2PerG(Process.PAIR, energyKeV);
        double total = photo + incoherent + coherent + pair;
        double rho = material.densityGPerCm3();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("material", material.name());
            m.put("energy_keV", energyKeV);
            m.put("density_g_cm3", rho);
            m.put("photoelectric", photo);
            m.put("incoherent", incoherent);
            m.put("coherent", coherent);
            m.put("total", total);
            m.put("mu_per_cm", rho * total);
            out.println(new ObjectMapper().disable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(m));
        } else {
            out.printf(Locale.ROOT, "%s at %s keV (NIST XCOM, mixture rule)%n", material.name(), fmt(energyKeV));
            out.printf(Locale.ROOT, "  photoelectric          %.5g cm^2/g%n", photo);
            out.printf(Locale.ROOT, "  incoherent (Compton)   %.5g cm^2/g%n", incoherent);
            out.printf(Locale.ROOT, "  coherent (Rayleigh)    %.5g cm^2/g%n", coherent);
            if (pair > 0) {
                out.printf(Locale.ROOT, "  pair production        %.5g cm^2/g%n", pair);
            }
            out.printf(Locale.ROOT, "  total (with coherent)  %.5g cm^2/g%n", total);
            out.printf(Locale.ROOT, "  density                %s g/cm^3%n", fmt(rho));
            out.printf(Locale.ROOT, "  mu                     %.5g 1/cm%n", rho * total);
        }
        out.flush();
        return 0;
    }

    private static String fmt(double x) {
        return java.math.BigDecimal.valueOf(x).stripTrailingZeros().toPlainString();
    }
}
