package io.authd.metrics;

import io.authd.testing.Poll;
import io.authd.testing.TestServer;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Prometheus text-format scrape (version 0.0.4), parsed just enough for tests: samples with their labels.
 * Written from the format's description rather than with the library that produced it.
 */
record PrometheusScrape(List<Sample> samples) {
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})? (\\S+)$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    record Sample(String name, Map<String, String> labels, double value) {
        boolean has(Map<String, String> wanted) {
            return labels.entrySet().containsAll(wanted.entrySet());
        }
    }

    /** The scrape of {@code server}'s {@code /metrics}, which must answer 200. */
    static PrometheusScrape of(TestServer server) throws IOException, InterruptedException {
        HttpResponse<String> r = server.get(server.managementUrl("/metrics"));
        if (r.statusCode() != 200) {
            throw new AssertionError("/metrics answered " + r.statusCode() + ": " + r.body());
        }
        return parse(r.body());
    }

    /**
     * The scrape once a GC pause has been recorded: Micrometer registers {@code jvm_gc_pause_seconds} at the first
     * pause it hears of, which a short test may never see. A running server pauses within seconds.
     */
    static PrometheusScrape afterGcPause(TestServer server) {
        System.gc();
        PrometheusScrape[] last = new PrometheusScrape[1];
        Poll.until(Duration.ofSeconds(10), "a GC pause in " + server.managementUrl("/metrics"), () -> {
            try {
                last[0] = of(server);
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return last[0].names().contains("jvm_gc_pause_seconds_count");
        });
        return last[0];
    }

    static PrometheusScrape parse(String text) {
        List<Sample> samples = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            Matcher m = SAMPLE.matcher(line);
            if (!m.matches()) {
                throw new IllegalArgumentException("not a sample line: " + line);
            }
            Map<String, String> labels = new LinkedHashMap<>();
            if (m.group(2) != null) {
                Matcher l = LABEL.matcher(m.group(2));
                while (l.find()) {
                    labels.put(l.group(1), l.group(2));
                }
            }
            samples.add(new Sample(m.group(1), labels, Double.parseDouble(m.group(3))));
        }
        return new PrometheusScrape(List.copyOf(samples));
    }

    /** Every sample name, e.g. {@code authd_verify_duration_seconds_bucket}. */
    Set<String> names() {
        Set<String> names = new TreeSet<>();
        samples.forEach(s -> names.add(s.name()));
        return names;
    }

    /** The sum over the samples of {@code name} whose labels include {@code labels}; 0 when there are none. */
    double sum(String name, Map<String, String> labels) {
        return samples.stream().filter(s -> s.name().equals(name) && s.has(labels)).mapToDouble(Sample::value).sum();
    }

    List<Sample> all(String name) {
        return samples.stream().filter(s -> s.name().equals(name)).toList();
    }
}
