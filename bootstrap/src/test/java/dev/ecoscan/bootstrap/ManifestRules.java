package dev.ecoscan.bootstrap;

import dev.ecoscan.adapter.http.ScanApiServer;
import dev.ecoscan.bootstrap.config.Settings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the Kubernetes manifests must agree on with the code, each fault a line naming the field:
 * probes on routes the command serves and on the port its settings listen on, a termination grace
 * that outlasts the drain its settings give, every variable a setting (or a secret's {@code NAME_FILE}),
 * settings eco-scan would start with, resources, service links off, and a Service and disruption
 * budgets that select the pods they are for.
 */
final class ManifestRules {

    /** After the drain: closing the resources and the JVM's exit, which take about a second. */
    static final Duration JVM_STOP = Duration.ofSeconds(5);

    private static final Set<String> WORKER_ROUTES = Set.of(WorkerMetricsEndpoint.METRICS, WorkerMetricsEndpoint.LIVE);

    private record Workload(String name, String command, Map<String, String> labels, ManifestNode template) {

        ManifestNode container() {
            return template.get("spec").get("containers").items().getFirst();
        }
    }

    private final List<ManifestNode> documents;
    private final List<String> problems = new ArrayList<>();
    private final PodEnvironment environments;

    private ManifestRules(List<ManifestNode> documents, Path scratch) {
        this.documents = documents;
        this.environments = new PodEnvironment(ofKind("ConfigMap"), scratch, problems);
    }

    /** Every fault of {@code documents}; none when they agree with the code. */
    static List<String> problems(List<ManifestNode> documents, Path scratch) {
        ManifestRules rules = new ManifestRules(documents, scratch);
        List<Workload> workloads = new ArrayList<>();
        for (ManifestNode deployment : rules.ofKind("Deployment")) {
            rules.workload(deployment).ifPresent(workloads::add);
        }
        for (String command : List.of("serve", "worker")) {
            if (workloads.stream().noneMatch(w -> w.command().equals(command))) {
                rules.problems.add("no Deployment runs eco-scan " + command);
            }
        }
        workloads.forEach(rules::checkPods);
        rules.ofKind("Service").forEach(service -> rules.checkService(service, workloads));
        rules.checkBudgets(workloads);
        // A ConfigMap's fault is found once for each Deployment that takes it; it is said once.
        return rules.problems.stream().distinct().toList();
    }

    private Optional<Workload> workload(ManifestNode deployment) {
        ManifestNode template = deployment.get("spec").get("template");
        Map<String, String> labels = template.get("metadata").get("labels").labels();
        ManifestNode selector = deployment.get("spec").get("selector").get("matchLabels");
        if (!selects(selector.labels(), labels)) {
            problems.add(selector.where() + ": does not select the labels of its own pods " + labels);
        }
        List<ManifestNode> containers = template.get("spec").get("containers").items();
        if (containers.size() != 1) {
            problems.add(deployment.title() + ": one container, eco-scan, expected; found " + containers.size());
            return Optional.empty();
        }
        // The image runs serve unless its arguments name another command.
        String command = containers.getFirst().get("args").items().stream()
                .findFirst()
                .flatMap(ManifestNode::text)
                .orElse("serve");
        return Optional.of(new Workload(deployment.title(), command, labels, template));
    }

    private void checkPods(Workload workload) {
        ManifestNode spec = workload.template().get("spec");
        ManifestNode links = spec.get("enableServiceLinks");
        if (!Boolean.FALSE.equals(links.value())) {
            problems.add(links.where() + ": must be false; Kubernetes would set ECO_SCAN_PORT=tcp://... and"
                    + " ECO_SCAN_SERVICE_HOST for the Service eco-scan, which stop start-up as bad settings");
        }
        ManifestNode container = workload.container();
        for (String bound : List.of("requests", "limits")) {
            for (String resource : List.of("cpu", "memory")) {
                ManifestNode value = container.get("resources").get(bound).get(resource);
                if (!value.present()) {
                    problems.add(value.where() + ": missing (size it from docs/benchmarks.md)");
                }
            }
        }
        Map<String, String> variables = environments.variables(container);
        environments.settings(workload.name(), variables, container, spec).ifPresent(settings -> {
            checkProbes(workload, settings);
            checkScrape(workload, settings);
            checkGrace(workload, settings);
        });
    }

    private void checkProbes(Workload workload, Settings settings) {
        boolean serve = workload.command().equals("serve");
        Set<String> routes = serve ? OpenApiRoutes.GET : WORKER_ROUTES;
        // Liveness on readiness's route would restart a pod for draining; readiness on liveness's would
        // keep a draining serve pod in the Service. A worker has only the one health route.
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("startupProbe", ScanApiServer.LIVE);
        expected.put("livenessProbe", ScanApiServer.LIVE);
        expected.put("readinessProbe", serve ? ScanApiServer.READY : WorkerMetricsEndpoint.LIVE);
        expected.forEach((kind, path) -> {
            ManifestNode get = workload.container().get(kind).get("httpGet");
            String actual = get.get("path").text().orElse("");
            if (!get.present()) {
                problems.add(get.where() + ": missing; expected GET " + path);
            } else if (!routes.contains(actual)) {
                problems.add(get.where() + ".path: " + actual + " is not a route of eco-scan " + workload.command()
                        + " " + routes);
            } else if (!actual.equals(path)) {
                problems.add(get.where() + ".path: " + actual + ", expected " + path);
            }
            if (get.present()) {
                checkPort(
                        get.get("port"),
                        workload.container(),
                        settings.service().port());
            }
        });
    }

    private void checkPort(ManifestNode port, ManifestNode container, int listening) {
        Optional<Integer> number = containerPort(container, port);
        if (number.isEmpty()) {
            problems.add(port.where() + ": " + port.value() + " is not a port of the container");
        } else if (number.get() != listening) {
            problems.add(port.where() + ": " + port.value() + " is container port " + number.get()
                    + ", but eco-scan listens on " + listening + " (ECO_SCAN_PORT)");
        }
    }

    private void checkScrape(Workload workload, Settings settings) {
        ManifestNode annotations = workload.template().get("metadata").get("annotations");
        Map<String, String> scrape = annotations.labels();
        if (!"true".equals(scrape.get("prometheus.io/scrape"))
                || !String.valueOf(settings.service().port()).equals(scrape.get("prometheus.io/port"))
                || !ScanApiServer.METRICS.equals(scrape.get("prometheus.io/path"))) {
            problems.add(annotations.where() + ": Prometheus must scrape " + ScanApiServer.METRICS + " on port "
                    + settings.service().port() + "; annotations say " + scrape);
        }
    }

    private void checkGrace(Workload workload, Settings settings) {
        ManifestNode grace = workload.template().get("spec").get("terminationGracePeriodSeconds");
        Duration drain = settings.jobs().drainGrace();
        Duration pause = preStopPause(workload.container());
        Duration needed = pause.plus(drain).plus(JVM_STOP);
        Duration given = Duration.ofSeconds(grace.number().orElse(30));
        if (given.compareTo(needed) < 0) {
            problems.add(grace.where() + ": " + given.toSeconds() + " s (Kubernetes' default is 30 s) is less than"
                    + " the preStop pause (" + pause.toSeconds() + " s), the drain (ECO_SCAN_DRAIN_GRACE="
                    + drain.toSeconds() + "s) and "
                    + JVM_STOP.toSeconds() + " s to stop: SIGKILL would cut the drain");
        }
        Duration forScans = new DrainGrace(drain).forWork();
        Duration deadline = settings.limits().deadline();
        if (forScans.compareTo(deadline) < 0) {
            problems.add(workload.name() + ": the drain leaves the scans in hand " + forScans.toSeconds()
                    + " s, less than the deadline (ECO_SCAN_DEADLINE=" + deadline.toSeconds()
                    + "s): a rolling update would cut scans that would have answered");
        }
    }

    private void checkService(ManifestNode service, List<Workload> workloads) {
        ManifestNode spec = service.get("spec");
        List<Workload> selected = selectedBy(spec.get("selector").labels(), workloads);
        if (selected.isEmpty() || selected.stream().anyMatch(w -> !w.command().equals("serve"))) {
            problems.add(spec.get("selector").where() + ": selects " + names(selected)
                    + "; the API is served by the serve pods only");
        }
        for (ManifestNode port : spec.get("ports").items()) {
            ManifestNode target = port.get("targetPort").present() ? port.get("targetPort") : port.get("port");
            for (Workload workload : selected) {
                if (containerPort(workload.container(), target).isEmpty()) {
                    problems.add(target.where() + ": " + target.value() + " is not a port of " + workload.name());
                }
            }
        }
    }

    private void checkBudgets(List<Workload> workloads) {
        List<Workload> covered = new ArrayList<>();
        for (ManifestNode budget : ofKind("PodDisruptionBudget")) {
            ManifestNode spec = budget.get("spec");
            List<Workload> selected =
                    selectedBy(spec.get("selector").get("matchLabels").labels(), workloads);
            if (selected.size() != 1) {
                problems.add(spec.get("selector").where() + ": selects " + names(selected)
                        + ", not the pods of one Deployment");
            }
            if (!spec.get("minAvailable").present()
                    && !spec.get("maxUnavailable").present()) {
                problems.add(spec.where() + ": neither minAvailable nor maxUnavailable");
            }
            covered.addAll(selected);
        }
        if (covered.stream().noneMatch(w -> w.command().equals("serve"))) {
            problems.add("no PodDisruptionBudget selects the serve pods");
        }
    }

    /** The pause before SIGTERM: {@code preStop} as {@code exec: sleep N} or {@code sleep: seconds}. */
    private static Duration preStopPause(ManifestNode container) {
        ManifestNode preStop = container.get("lifecycle").get("preStop");
        List<String> command = preStop.get("exec").get("command").items().stream()
                .flatMap(part -> part.text().stream())
                .toList();
        if (command.size() == 2 && command.get(0).equals("sleep")) {
            return Duration.ofSeconds(Long.parseLong(command.get(1)));
        }
        return Duration.ofSeconds(preStop.get("sleep").get("seconds").number().orElse(0));
    }

    /** The number of a container port given by number or by name, if the container declares it. */
    private static Optional<Integer> containerPort(ManifestNode container, ManifestNode port) {
        return container.get("ports").items().stream()
                .filter(declared -> port.value() != null
                        && (port.value().equals(declared.get("containerPort").value())
                                || port.value().equals(declared.get("name").value())))
                .flatMap(declared -> declared.get("containerPort").number().stream())
                .findFirst();
    }

    private static List<Workload> selectedBy(Map<String, String> selector, List<Workload> workloads) {
        return workloads.stream().filter(w -> selects(selector, w.labels())).toList();
    }

    private static boolean selects(Map<String, String> selector, Map<String, String> labels) {
        return !selector.isEmpty() && labels.entrySet().containsAll(selector.entrySet());
    }

    private static List<String> names(List<Workload> workloads) {
        return workloads.stream().map(Workload::name).toList();
    }

    private List<ManifestNode> ofKind(String kind) {
        return documents.stream()
                .filter(document -> document.get("kind").text().orElse("").equals(kind))
                .toList();
    }
}
