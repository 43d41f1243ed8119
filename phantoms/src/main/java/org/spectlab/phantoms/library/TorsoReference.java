package org.spectlab.phantoms.library;

import java.util.LinkedHashMap;
import java.util.Map;
import org.spectlab.core.error.InputException;

/**
 * Reference anatomical values for {@link AdultTorso}, adult male / female.
 *
 * <p>Sources:
 * <ul>
 *   <li>ICRP Publication 89 (2002), Basic Anatomical and Physiological Data for Use in Radiological
 *       Protection: Reference Values, Table 2.8 (organ and tissue masses, g): liver 1800 / 1400,
 *       spleen 150 / 130, kidneys (both) 310 / 275, lungs with blood 1200 / 950, heart wall 330 / 250,
 *       blood in the heart chambers 510 / 370, stomach wall 150 / 140 + contents 250 / 230, small
 *       intestine wall 650 / 600 + contents 350 / 280, colon = right + left + rectosigmoid wall
 *       150 + 150 + 70 / 145 + 145 + 70 and contents 150 + 75 + 75 / 160 + 80 + 80, skin 3300 / 2300,
 *       adipose tissue 18200 / 22500, skeletal muscle 29000 / 17500, urinary bladder content 200 mL.</li>
 *   <li>ICRP 89 Table 2.9: height 176 / 163 cm, mass 73 / 60 kg, body surface area 1.90 / 1.66 m^2.</li>
 *   <li>Densities (g/cm^3), ICRU Report 46 (1992): liver, spleen, blood 1.06; kidney, heart wall,
 *       skeletal muscle 1.05; inflated lung 0.26 (as the material library); gastrointestinal tract
 *       (wall with contents) 1.04; skin 1.09; adipose 0.95.</li>
 * </ul>
 */
public final class TorsoReference {
    /** Urinary bladder filling, mL (ICRP 89 Table 2.8 reference content, 200 mL). */
    public static final double BLADDER_CONTENT_ML = 200;

    private TorsoReference() {
    }

    /** Reference height, cm (ICRP 89 Table 2.9). */
    public static double heightCm(AdultTorso.Sex sex) {
        return sex == AdultTorso.Sex.MALE ? 176.0 : 163.0;
    }

    /** Reference body mass, kg (ICRP 89 Table 2.9). */
    public static double weightKg(AdultTorso.Sex sex) {
        return sex == AdultTorso.Sex.MALE ? 73.0 : 60.0;
    }

    /** Reference body surface area, cm^2 (ICRP 89 Table 2.9: 1.90 / 1.66 m^2). */
    public static double surfaceAreaCm2(AdultTorso.Sex sex) {
        return sex == AdultTorso.Sex.MALE ? 19000.0 : 16600.0;
    }

    /** ICRP 89 Table 2.8 mass (g) of each organ of the torso that is sized by mass. */
    public static Map<String, Double> organMassesG(AdultTorso.Sex sex) {
        boolean m = sex == AdultTorso.Sex.MALE;
        Map<String, Double> g = new LinkedHashMap<>();
        g.put("liver", m ? 1800.0 : 1400.0);
        g.put("spleen", m ? 150.0 : 130.0);
        g.put("kidney_left", m ? 155.0 : 137.5);
        g.put("kidney_right", m ? 155.0 : 137.5);
        g.put("lung_left", m ? 600.0 : 475.0);
        g.put("lung_right", m ? 600.0 : 475.0);
        g.put("myocardium", m ? 330.0 : 250.0);
        g.put("heart_blood", m ? 510.0 : 370.0);
        g.put("stomach", m ? 150.0 + 250.0 : 140.0 + 230.0);
        g.put("small_intestine", m ? 650.0 + 350.0 : 600.0 + 280.0);
        g.put("colon", m ? 150.0 + 150.0 + 70.0 + 150.0 + 75.0 + 75.0 : 145.0 + 145.0 + 70.0 + 160.0 + 80.0 + 80.0);
        return g;
    }

    /** Whole-body mass (g) of the body-wall tissues (ICRP 89 Table 2.8): skin, adipose, muscle. */
    public static double wholeBodyMassG(AdultTorso.Sex sex, String tissue) {
        boolean m = sex == AdultTorso.Sex.MALE;
        switch (tissue) {
            case "skin":
                return m ? 3300 : 2300;
            case "adipose":
                return m ? 18200 : 22500;
            case "muscle":
                return m ? 29000 : 17500;
            default:
                throw InputException.field("tissue", "no whole-body mass for '" + tissue + "'");
        }
    }

    /**
     * Thickness (mm at reference size) of a body-wall layer: the whole-body mass spread uniformly over
     * the body surface area, {@code mass / density / area}. Male: skin 1.6, adipose 10.1, muscle 14.5;
     * female: skin 1.3, adipose 14.3, muscle 10.0.
     */
    public static double layerThicknessMm(AdultTorso.Sex sex, String tissue) {
        return wholeBodyMassG(sex, tissue) / sizingDensityGPerCm3(tissue) / surfaceAreaCm2(sex) * 10;
    }

    /** Density (g/cm^3) used to size each organ or layer (ICRU Report 46). */
    public static double sizingDensityGPerCm3(String organ) {
        switch (organ) {
            case "liver", "spleen", "heart_blood":
                return 1.06;
            case "kidney_left", "kidney_right", "myocardium", "muscle":
                return 1.05;
            case "lung_left", "lung_right":
                return 0.26;
            case "stomach", "small_intestine", "colon":
                return 1.04;
            case "skin":
                return 1.09;
            case "adipose":
                return 0.95;
            default:
                throw InputException.field("organ", "no sizing density for '" + organ + "'");
        }
    }
}
