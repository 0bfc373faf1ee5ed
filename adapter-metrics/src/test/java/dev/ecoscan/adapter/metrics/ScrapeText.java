package dev.ecoscan.adapter.metrics;

import dev.ecoscan.domain.port.MetricsScrape.Scrape;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A Prometheus text-format scrape read back into samples, so tests can check exact label sets and values. */
final class ScrapeText {

    /** One line of the scrape: {@code name{labels} value}. */
    record Sample(String name, Map<String, String> labels, double value) {}

    private final List<Sample> samples;

    private ScrapeText(List<Sample> samples) {
        this.samples = List.copyOf(samples);
    }

    static ScrapeText of(Scrape scrape) {
        List<Sample> samples = new ArrayList<>();
        for (String line : scrape.body().split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                samples.add(parse(line));
            }
        }
        return new ScrapeText(samples);
    }

    List<Sample> samples(String name) {
        return samples.stream().filter(s -> s.name().equals(name)).toList();
    }

    List<Sample> samples(String name, Map<String, String> labels) {
        return samples(name).stream()
                .filter(s -> s.labels().entrySet().containsAll(labels.entrySet()))
                .toList();
    }

    /** The value of the one sample with this name and (at least) these labels. */
    double value(String name, Map<String, String> labels) {
        List<Sample> matching = samples(name, labels);
        if (matching.size() != 1) {
            throw new AssertionError("expected one sample " + name + labels + ", found " + matching);
        }
        return matching.getFirst().value();
    }

    private static Sample parse(String line) {
        int brace = line.indexOf('{');
        int space = line.indexOf(' ');
        Map<String, String> labels = new LinkedHashMap<>();
        String name;
        int rest;
        if (brace >= 0 && brace < space) {
            name = line.substring(0, brace);
            rest = readLabels(line, brace + 1, labels);
        } else {
            name = line.substring(0, space);
            rest = space;
        }
        String value = line.substring(rest).trim().split(" ")[0];
        return new Sample(name, labels, number(value));
    }

    /** Reads {@code k="v",...} up to the closing brace, honouring escapes; returns the index after the brace. */
    private static int readLabels(String line, int from, Map<String, String> labels) {
        int i = from;
        while (line.charAt(i) != '}') {
            int equals = line.indexOf('=', i);
            String key = line.substring(i, equals);
            StringBuilder value = new StringBuilder();
            i = equals + 2;
            while (line.charAt(i) != '"') {
                if (line.charAt(i) == '\\') {
                    i++;
                }
                value.append(line.charAt(i++));
            }
            labels.put(key, value.toString());
            i++;
            if (line.charAt(i) == ',') {
                i++;
            }
        }
        return i + 1;
    }

    private static double number(String text) {
        return switch (text) {
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(text);
        };
    }
}
