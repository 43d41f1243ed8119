package org.spectlab.phantoms.agent;

import java.util.Locale;
import org.spectlab.core.error.InputException;

/**
 * How an agent is administered, which decides where the activity is at t = 0 and the first steps it
 * takes (each agent's compartment model starts from the route's entry compartment unless the agent
 * states its own first-pass distribution):
 * <ul>
 *   <li>{@link #IV_BOLUS}: intravenous bolus, starts in the blood ({@code blood} compartment, or the
 *       agent's first-pass distribution when extraction is effectively instantaneous, e.g. MAA);</li>
 *   <li>{@link #LABELLED_CELLS}: autologous cells labelled in vitro and re-injected; they marginate in the
 *       lungs first ({@code lungs_transit}), then return to the blood and home to liver, spleen and
 *       marrow;</li>
 *   <li>{@link #INHALATION}: an aerosol deposited in the lungs, absorbed from there into the blood;</li>
 *   <li>{@link #INGESTION}: swallowed, starts in the stomach and transits the gastrointestinal tract
 *       (ICRP Publication 30 model), with absorption to the blood where the agent has any.</li>
 * </ul>
 */
public enum Route {
    /** Intravenous bolus. */
    IV_BOLUS("iv_bolus", "blood", "intravenous bolus"),
    /** Labelled autologous cells re-injected. */
    LABELLED_CELLS("labelled_cells", "lungs_transit", "labelled autologous cells, re-injected"),
    /** Aerosol inhalation. */
    INHALATION("inhalation", "lungs", "aerosol inhalation, deposited in the lungs"),
    /** Oral ingestion. */
    INGESTION("ingestion", "stomach", "oral ingestion, starts in the stomach");

    private final String key;
    private final String entryCompartment;
    private final String description;

    Route(String key, String entryCompartment, String description) {
        this.key = key;
        this.entryCompartment = entryCompartment;
        this.description = description;
    }

    /** Key as written in data files and phantom.json, e.g. {@code iv_bolus}. */
    public String key() {
        return key;
    }

    /** Compartment the whole administration starts in, unless the agent gives a first-pass distribution. */
    public String entryCompartment() {
        return entryCompartment;
    }

    /** One line. */
    public String description() {
        return description;
    }

    /** Parses a key ({@code iv_bolus}, {@code labelled_cells}, {@code inhalation}, {@code ingestion}). */
    public static Route parse(String field, String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT).replace('-', '_');
        for (Route r : values()) {
            if (r.key.equals(t)) {
                return r;
            }
        }
        throw InputException.field(field, "unknown route '" + text + "'; known: iv_bolus, labelled_cells, "
                + "inhalation, ingestion");
    }
}
