package org.spectlab.phantoms.agent;

import static org.assertj.core.api.Assertions.assertThat;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.spectlab.core.nuclide.NuclideLibrary;
import org.spectlab.phantoms.kinetics.CompartmentModel;
import org.spectlab.phantoms.kinetics.Retention;

/**
 * Checks of the Lu-177 DOTATATE agent against published figures it was NOT fitted to: organ absorbed
 * doses from post-therapy dosimetry (source {@code dotatate_dosimetry} in agents.yaml) and the label's
 * fast blood half-life (source {@code lutathera_pi}); and a re-solve of the fit that gave its FITTED numbers.
 *
 * <p>Absorbed dose per administered activity is estimated as the MIRD self-dose with local absorption
 * of the beta energy: {@code D/A0 = A~/A0 * E_beta / m}, with the time-integrated activity coefficient
 * {@code A~/A0 = sum_i a_i / (k_i + lambda)} (hours) of the organ's retention including physical decay,
 * the mean beta energy 0.13 MeV (Lutathera SmPC) and ICRP 89 adult male organ masses (kidneys 310 g,
 * spleen 150 g). Conversion and Auger electrons, photon self-absorption and cross-organ doses are
 * neglected: a low bias of the order of 10 %, well inside the tolerance below.
 */
class AgentDosimetryTest {
    private static final double MEV_TO_J = 1.602176634e-13;
    private static final double BETA_MEAN_MEV = 0.13; // Lutathera SmPC section 2
    private static final double KIDNEYS_KG = 0.310; // ICRP 89 adult male, both kidneys
    private static final double SPLEEN_KG = 0.150; // ICRP 89 adult male

    private static final Agent LU = AgentLibrary.get("agent", "lu177-dotatate");

    /** Time-integrated activity coefficient of a group, h (decay included, integral to infinity). */
    private static double residenceH(String group) {
        CompartmentModel m = LU.model();
        Retention r = LU.groupRetention(m).get(group);
        double lambdaPerH = Math.log(2) / (NuclideLibrary.get(LU.nuclide()).halfLifeS() / 3600);
        double sum = 0;
        double[] a = r.coefficients();
        double[] t = r.halfTimesH();
        for (int i = 0; i < a.length; i++) {
            double k = Double.isInfinite(t[i]) ? 0 : Math.log(2) / t[i];
            sum += a[i] / (k + lambdaPerH);
        }
        return sum;
    }

    private static double selfDoseMGyPerMBq(String group, double massKg) {
        double decaysPerMBq = residenceH(group) * 3600 * 1e6;
        return decaysPerMBq * BETA_MEAN_MEV * MEV_TO_J / massKg * 1e3;
    }

    /** Urine (bladder + excreted) at tH of the agent with its blood compartment replaced. */
    private static double urine(double bloodHalfTimeH, double toBladder, double tH) {
        double[] organs = liverSpleenShares(bloodHalfTimeH);
        CompartmentModel.Builder b = CompartmentModel.builder();
        for (Agent.Compartment c : LU.compartments()) {
            if (c.name().equals("blood")) {
                b.compartment("blood", bloodHalfTimeH, java.util.Map.of("bladder", toBladder, "kidneys", 0.03,
                        "liver", organs[0], "spleen", organs[1],
                        "tissue", 1 - toBladder - 0.03 - organs[0] - organs[1]));
            } else {
                b.compartment(c.name(), c.halfTimeH(), c.to());
            }
        }
        CompartmentModel m = b.start("blood", 1).build();
        return m.retention("bladder").at(tH) + m.retention("urine").at(tH);
    }

    /** Liver and spleen shares of the blood outflow giving 2 % and 2.5 % at 24 h (Bateman, closed form). */
    private static double[] liverSpleenShares(double bloodHalfTimeH) {
        double k1 = Math.log(2) / bloodHalfTimeH;
        double k2 = Math.log(2) / 71.0;
        double g = k1 / (k1 - k2) * (Math.exp(-k2 * 24) - Math.exp(-k1 * 24));
        return new double[] {0.02 / g, 0.025 / g};
    }

    /**
     * The FITTED numbers of agents.yaml are the solution of the fit the notes describe: Newton's method on
     * (blood half-time, urinary share) for the label's 44 % at 5 h and 58 % at 24 h. Tolerance: the
     * 6-decimal rounding of the stored values.
     */
    @Test
    void storedParametersAreTheSolutionOfTheFit() {
        double t1 = 2.0;
        double fb = 0.5;
        for (int it = 0; it < 30; it++) {
            double r1 = urine(t1, fb, 5) - 0.44;
            double r2 = urine(t1, fb, 24) - 0.58;
            double h = 1e-6;
            double a11 = (urine(t1 + h, fb, 5) - 0.44 - r1) / h;
            double a12 = (urine(t1, fb + h, 5) - 0.44 - r1) / h;
            double a21 = (urine(t1 + h, fb, 24) - 0.58 - r2) / h;
            double a22 = (urine(t1, fb + h, 24) - 0.58 - r2) / h;
            double det = a11 * a22 - a12 * a21;
            t1 -= (a22 * r1 - a12 * r2) / det;
            fb -= (a11 * r2 - a21 * r1) / det;
        }
        Agent.Compartment blood = LU.compartment("blood");
        double[] organs = liverSpleenShares(t1);
        assertThat(blood.halfTimeH()).isCloseTo(t1, Offset.offset(1e-6));
        assertThat(blood.to().get("bladder")).isCloseTo(fb, Offset.offset(1e-6));
        assertThat(blood.to().get("liver")).isCloseTo(organs[0], Offset.offset(1e-6));
        assertThat(blood.to().get("spleen")).isCloseTo(organs[1], Offset.offset(1e-6));
    }

    @Test
    void kidneyAndSpleenDosesAgreeWithPublishedDosimetry() {
        // published means +/- SD over 61 patients; tolerance 2 SD (the spread between patients, which the
        // reference-patient model cannot follow), wider than the ~10 % low bias of the self-dose estimate
        double kidneys = selfDoseMGyPerMBq("kidneys", KIDNEYS_KG);
        double spleen = selfDoseMGyPerMBq("spleen", SPLEEN_KG);
        assertThat(kidneys).as("kidneys mGy/MBq").isCloseTo(0.57, Offset.offset(2 * 0.09));
        assertThat(spleen).as("spleen mGy/MBq").isCloseTo(1.17, Offset.offset(2 * 0.14));
    }

    @Test
    void fittedFastBloodHalfTimeLiesWithinTheLabelsSpread() {
        // fitted to urinary excretion, not to blood data; the label gives 3.5 +/- 1.4 h (1 SD between
        // patients): tolerance 2 SD
        assertThat(LU.compartment("blood").halfTimeH()).isCloseTo(3.5, Offset.offset(2 * 1.4));
        // the slow phase is the label's terminal blood half-life itself
        assertThat(LU.compartment("tissue").halfTimeH()).isEqualTo(71.0);
    }

    @Test
    void organsTheLabelNamesHoldActivityAtFourHours() {
        // label: within 4 h the agent distributes to kidneys, liver and spleen (and tumours, via lesions)
        CompartmentModel m = LU.model();
        for (String organ : new String[] {"kidneys", "liver", "spleen"}) {
            assertThat(LU.groupRetention(m).get(organ).at(4)).as(organ + " at 4 h").isGreaterThan(0.01);
        }
    }
}
