package org.spectlab.validation.report;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Simple structural checks of generated HTML (not a full parser). */
public final class HtmlChecks {
    private static final Pattern TAG = Pattern.compile("<(/?)([a-zA-Z][a-zA-Z0-9]*)[^>]*?(/?)>");
    private static final Set<String> VOID = Set.of("meta", "img", "br", "hr", "link", "input");
    private static final Pattern EXTERNAL = Pattern.compile("(src|href)\\s*=\\s*\"\\s*(https?:|//)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern DATA_PNG = Pattern.compile("src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\"");

    private HtmlChecks() {
    }

    /** Problems of tag nesting: every non-void tag opened is closed in order. Empty when well-formed. */
    public static List<String> nestingProblems(String html) {
        String body = html.replaceAll("(?s)<style>.*?</style>", "<style></style>").replaceFirst("<!DOCTYPE html>", "");
        Deque<String> stack = new ArrayDeque<>();
        List<String> problems = new ArrayList<>();
        Matcher m = TAG.matcher(body);
        while (m.find()) {
            String name = m.group(2).toLowerCase(Locale.ROOT);
            if (VOID.contains(name) || !m.group(3).isEmpty()) {
                continue;
            }
            if (m.group(1).isEmpty()) {
                stack.push(name);
            } else if (stack.isEmpty() || !stack.peek().equals(name)) {
                problems.add("</" + name + "> closes " + (stack.isEmpty() ? "nothing" : "<" + stack.peek() + ">"));
                return problems;
            } else {
                stack.pop();
            }
        }
        if (!stack.isEmpty()) {
            problems.add("unclosed: " + stack);
        }
        return problems;
    }

    /** True when some src or href points outside the file. */
    public static boolean hasExternalLinks(String html) {
        return EXTERNAL.matcher(html).find();
    }

    /** Decoded inline PNG images in document order. */
    public static List<byte[]> inlinePngs(String html) {
        List<byte[]> out = new ArrayList<>();
        Matcher m = DATA_PNG.matcher(html);
        while (m.find()) {
            out.add(Base64.getDecoder().decode(m.group(1)));
        }
        return out;
    }
}
