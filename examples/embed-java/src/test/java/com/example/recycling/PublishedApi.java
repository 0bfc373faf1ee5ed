package com.example.recycling;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The list of eco-scan names an embedder may use, read from the README's published-api block: an
 * entry ending in {@code .*} is a package (its classes and their nested types, not its subpackages),
 * any other entry is a class. Entries in the line that starts with "tests only" hold for tests only.
 */
record PublishedApi(List<String> everywhere, List<String> testsOnly) {

    private static final Pattern ENTRY = Pattern.compile("`(dev\\.ecoscan\\.[A-Za-z0-9_.*]+)`");
    private static final Pattern REFERENCE = Pattern.compile("dev\\.ecoscan\\.[A-Za-z0-9_.]*[A-Za-z0-9_]");

    static PublishedApi fromReadme(String readme) {
        int start = readme.indexOf("<!-- published-api:start -->");
        int end = readme.indexOf("<!-- published-api:end -->");
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("the README has no published-api block");
        }
        List<String> everywhere = new ArrayList<>();
        List<String> testsOnly = new ArrayList<>();
        for (String line : readme.substring(start, end).split("\n")) {
            Matcher entries = ENTRY.matcher(line);
            while (entries.find()) {
                (line.strip().startsWith("- tests only") ? testsOnly : everywhere).add(entries.group(1));
            }
        }
        return new PublishedApi(List.copyOf(everywhere), List.copyOf(testsOnly));
    }

    /** The eco-scan names in {@code source} that are outside the API ({@code test}: test code). */
    List<String> violations(String source, boolean test) {
        List<String> allowed = new ArrayList<>(everywhere);
        if (test) {
            allowed.addAll(testsOnly);
        }
        List<String> outside = new ArrayList<>();
        Matcher references = REFERENCE.matcher(source);
        while (references.find()) {
            String name = references.group();
            if (allowed.stream().noneMatch(entry -> covers(entry, name))) {
                outside.add(name);
            }
        }
        return outside;
    }

    private static boolean covers(String entry, String name) {
        if (entry.endsWith(".*")) {
            String pkg = entry.substring(0, entry.length() - 1);
            // A class of the package starts with a capital; a lower-case segment is a subpackage.
            return name.startsWith(pkg) && Character.isUpperCase(name.charAt(pkg.length()));
        }
        return name.equals(entry) || name.startsWith(entry + ".");
    }
}
