package org.spectlab.metrics.detection;

import java.util.Locale;

/**
 * Whether a detection names a lesion's organ correctly.
 *
 * <p>Rule: both names are normalised (lower case; {@code _}, {@code -} and runs of spaces read as
 * one space) and split into a base organ and a side: a leading or trailing word {@code left} or
 * {@code right} is the side, the rest the base ({@code "lung_left"}, {@code "Left lung"} and
 * {@code "lung left"} are all base {@code lung}, side left). The organ is named correctly when the
 * bases are equal and the sides are equal, where "no side" is a side of its own: a paired organ named
 * without its side ({@code "lung"} for {@code "lung_left"}) or with the other side is wrong, and an
 * unpaired organ named with a side is wrong. No other synonyms are accepted (a CT class such as
 * {@code "soft tissue"} does not name {@code "liver"}).
 */
public final class OrganNames {
    /** Side of a name without one. */
    public static final String NO_SIDE = "";

    private OrganNames() {
    }

    /** True when {@code named} names the organ {@code truth} by the rule above. */
    public static boolean sameOrgan(String truth, String named) {
        String t = normalise(truth);
        String n = normalise(named);
        return base(t).equals(base(n)) && side(t).equals(side(n));
    }

    /** Lower case with {@code _} and {@code -} as single spaces, trimmed. */
    public static String normalise(String name) {
        return name.trim().toLowerCase(Locale.ROOT).replace('_', ' ').replace('-', ' ').replaceAll("\\s+", " ");
    }

    /** The side ({@code left}, {@code right}) of a normalised name, or {@link #NO_SIDE}. */
    public static String side(String normalised) {
        for (String s : new String[] {"left", "right"}) {
            if (normalised.startsWith(s + " ") || normalised.endsWith(" " + s)) {
                return s;
            }
        }
        return NO_SIDE;
    }

    /** The base organ of a normalised name (the side word removed). */
    public static String base(String normalised) {
        for (String s : new String[] {"left", "right"}) {
            if (normalised.startsWith(s + " ")) {
                return normalised.substring(s.length() + 1);
            }
            if (normalised.endsWith(" " + s)) {
                return normalised.substring(0, normalised.length() - s.length() - 1);
            }
        }
        return normalised;
    }
}
