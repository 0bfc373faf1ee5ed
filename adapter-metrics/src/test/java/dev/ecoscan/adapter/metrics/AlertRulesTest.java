package dev.ecoscan.adapter.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecoscan.testservers.LocalServers;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * deploy/prometheus/eco-scan-alerts.yaml: valid for {@code promtool check rules}, its unit tests pass
 * under {@code promtool test rules}, every alert has a test in which it fires, and those tests feed
 * series under the names eco-scan really exports, so a renamed metric cannot leave an alert watching
 * nothing while its tests pass.
 */
class AlertRulesTest {

    /** Debian's path (the {@code prometheus} package ships it); {@code -Deco-scan.promtool=...} points elsewhere. */
    private static final Path PROMTOOL = Path.of(System.getProperty("eco-scan.promtool", "/usr/bin/promtool"));

    private static final Path FOLDER = Path.of(System.getProperty("eco-scan.root", ".."), "deploy", "prometheus");
    private static final String RULES = "eco-scan-alerts.yaml";
    private static final String TESTS = "eco-scan-alerts.test.yaml";

    /**
     * Gauges bootstrap registers through {@link EcoScanMetrics#gauge} where it wires the Redis queue
     * (HttpApiModule and WorkerModule), so this module's scrape cannot show them.
     */
    private static final Set<String> BOOTSTRAP_GAUGES = Set.of("scan_jobs_queue_depth");

    private static final Pattern ALERT = Pattern.compile("(?m)^\\s*- alert: (\\w+)$");
    private static final Pattern FIRING_TEST =
            Pattern.compile("(?m)^\\s*alertname: (\\w+)\\n\\s*exp_alerts:\\n\\s*- exp_labels:");
    private static final Pattern SERIES = Pattern.compile("(?m)^\\s*- series: '([a-zA-Z_:][a-zA-Z0-9_:]*)[{']");

    // Per test, not per class: surefire then reports the test as skipped, with the message, not as absent.
    @BeforeEach
    void promtoolIsInstalled() {
        if (!Files.isExecutable(PROMTOOL)) {
            throw LocalServers.missing(PROMTOOL.toString(), "prometheus");
        }
    }

    @Test
    @Timeout(60)
    void promtool_accepts_the_rules_and_the_configuration_and_the_rules_unit_tests_pass() throws Exception {
        assertThat(promtool("check", "rules", RULES)).contains("SUCCESS: 7 rules found");
        assertThat(promtool("test", "rules", TESTS)).contains("SUCCESS");
        // The local Prometheus configuration loads the same rules.
        assertThat(promtool("check", "config", "prometheus.yml")).contains("SUCCESS: 1 rule files found");
    }

    @Test
    void every_alert_fires_in_a_test_on_series_eco_scan_exports() throws IOException {
        String rules = Files.readString(FOLDER.resolve(RULES), StandardCharsets.UTF_8);
        String tests = Files.readString(FOLDER.resolve(TESTS), StandardCharsets.UTF_8);

        assertThat(matches(FIRING_TEST, tests))
                .as("alerts a test expects to fire")
                .containsAll(matches(ALERT, rules));
        Set<String> exported = exportedNames();
        assertThat(matches(SERIES, tests))
                .as("the tests' input series; the code exports %s", exported)
                .isNotEmpty()
                .allSatisfy(name -> assertThat(exported).contains(name));
    }

    /** Every sample name of a scrape after one of each thing eco-scan records, with bootstrap's gauges. */
    private static Set<String> exportedNames() {
        try (EcoScanMetrics metrics = EcoScanMetrics.create()) {
            CircuitBreakerRegistry breakers = CircuitBreakerRegistry.ofDefaults();
            breakers.circuitBreaker("llm-primary");
            metrics.bindResilience(breakers, RetryRegistry.ofDefaults());
            metrics.recordHttp("POST", "/api/v1/scan/classify", 200, Duration.ofSeconds(8));
            metrics.recordScan(ScanFixtures.completed(ScanFixtures.granted()));
            metrics.started(Duration.ofMillis(250));
            metrics.finished(ScanFixtures.completed(ScanFixtures.granted()));
            Set<String> names = new TreeSet<>(BOOTSTRAP_GAUGES);
            metrics.scrape("text/plain")
                    .body()
                    .lines()
                    .filter(line -> !line.startsWith("#") && !line.isBlank())
                    .map(line -> line.split("[{ ]", 2)[0])
                    .forEach(names::add);
            return names;
        }
    }

    private static Set<String> matches(Pattern pattern, String text) {
        Set<String> found = new TreeSet<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }

    /** Runs promtool in deploy/prometheus (the tests name the rules file relative to it); its output. */
    private static String promtool(String... arguments) throws IOException, InterruptedException {
        Path log = Files.createTempFile("promtool", ".log");
        try {
            Process process = new ProcessBuilder(command(arguments))
                    .directory(FOLDER.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            assertThat(process.waitFor(50, TimeUnit.SECONDS))
                    .as("promtool finished")
                    .isTrue();
            String output = Files.readString(log, StandardCharsets.UTF_8);
            assertThat(process.exitValue())
                    .as("promtool %s:%n%s", String.join(" ", arguments), output)
                    .isZero();
            return output;
        } finally {
            Files.deleteIfExists(log);
        }
    }

    private static String[] command(String... arguments) {
        String[] command = new String[arguments.length + 1];
        command[0] = PROMTOOL.toString();
        System.arraycopy(arguments, 0, command, 1, arguments.length);
        return command;
    }
}
