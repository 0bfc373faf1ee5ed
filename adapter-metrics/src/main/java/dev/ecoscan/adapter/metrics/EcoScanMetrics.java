package dev.ecoscan.adapter.metrics;

import dev.ecoscan.application.cost.PriceTable;
import dev.ecoscan.domain.port.JobRecorder;
import dev.ecoscan.domain.port.MetricsScrape;
import dev.ecoscan.domain.port.ModelCall;
import dev.ecoscan.domain.port.ModelCallRecorder;
import dev.ecoscan.domain.port.RequestRecorder;
import dev.ecoscan.domain.port.StepRecorder;
import dev.ecoscan.domain.scan.ImageLoadEvent;
import dev.ecoscan.domain.scan.ScanOutcome;
import dev.ecoscan.domain.scan.StepEvent;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedRetryMetrics;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.DoubleSupplier;
import java.util.function.IntSupplier;

/**
 * eco-scan's metrics on a Prometheus registry: steps, model calls, HTTP requests and scans under the
 * reference system's names, plus JVM and process metrics.
 *
 * <p>Every recording method is thread-safe, looks its meter up once per tag combination, and never
 * throws: metrics must not fail or slow a scan. The registration methods ({@link #gauge},
 * {@link #gaugeScansInFlight}) run once at wiring time and reject only {@code null} arguments.
 */
public final class EcoScanMetrics
        implements StepRecorder, ModelCallRecorder, JobRecorder, RequestRecorder, MetricsScrape, AutoCloseable {

    /** Route templates are few; more distinct paths means raw paths are being recorded. */
    static final int MAX_PATHS = 100;
    /** A deployment uses a handful of models; more means model names are being made up per call. */
    static final int MAX_MODELS = 50;

    private final EcoScanRegistry meters;
    private final MeterRegistry registry;
    private final StepMeters steps;
    private final ModelCallMeters modelCalls;
    private final CostMeters costs;
    private final HttpMeters http;
    private final ScanMeters scans;
    private final JobMeters jobs;
    private final SuppliedGauges gauges;
    private final AtomicBoolean closed = new AtomicBoolean();

    private EcoScanMetrics(EcoScanRegistry meters, PriceTable prices) {
        this.meters = meters;
        MeterRegistry registry = meters.registry();
        this.registry = registry;
        this.steps = new StepMeters(registry);
        this.modelCalls = new ModelCallMeters(registry);
        this.costs = new CostMeters(registry, prices);
        this.http = new HttpMeters(registry);
        this.scans = new ScanMeters(registry);
        this.jobs = new JobMeters(registry);
        this.gauges = new SuppliedGauges(registry);
    }

    /** A new registry with JVM and process metrics bound, estimating cost from the bundled price table. */
    public static EcoScanMetrics create() {
        return new EcoScanMetrics(EcoScanRegistry.create(), PriceTable.bundled());
    }

    /**
     * eco-scan's meters on an embedding application's registry (its JVM metrics are the host's to
     * bind); {@link #scrape} answers an empty body unless it is a Prometheus registry, and
     * {@link #close} leaves it open.
     */
    public static EcoScanMetrics on(MeterRegistry registry) {
        return new EcoScanMetrics(EcoScanRegistry.on(registry), PriceTable.bundled());
    }

    /**
     * Exports every circuit breaker and retry of the registries, those added later included:
     * {@code resilience4j_circuitbreaker_state{name,state}} (1 for the current state),
     * {@code resilience4j_circuitbreaker_calls_seconds_count{name,kind}} and
     * {@code resilience4j_retry_calls_total{name,kind}}.
     */
    public void bindResilience(CircuitBreakerRegistry breakers, RetryRegistry retries) {
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(breakers).bindTo(registry);
        TaggedRetryMetrics.ofRetryRegistry(retries).bindTo(registry);
    }

    /** {@code scan_pipeline_step_duration_seconds{step}} and {@code scan_pipeline_steps_total{step,status}}. */
    @Override
    public void record(StepEvent event) {
        try {
            steps.record(event);
        } catch (RuntimeException ignored) {
            // A registry error (or a null event) must not fail the scan that reported the step.
        }
    }

    /** {@code scan_image_load_duration_seconds{status}}, beside the steps. */
    @Override
    public void recordImageLoad(ImageLoadEvent event) {
        try {
            steps.record(event);
        } catch (RuntimeException ignored) {
            // As for a step: metrics never fail a scan.
        }
    }

    /**
     * {@code gen_ai_client_token_usage}, {@code gen_ai_client_operation_duration_seconds}, cached and
     * uncached input tokens, and the call's estimated {@code eco_scan_cost_usd_total}.
     */
    @Override
    public void record(ModelCall call) {
        try {
            modelCalls.record(call);
            costs.record(call);
        } catch (RuntimeException ignored) {
            // Same as for steps: accounting must never break the model call it accounts for.
        }
    }

    /**
     * {@code http_request_duration_seconds{service,method,path}} and
     * {@code http_requests_total{service,method,path,status_code}}. The labels are bounded whatever
     * is passed: a method outside the standard nine is recorded as {@code other} with the path
     * {@code unmatched}, a path that is no template as {@code unmatched}, a status outside 100-599 as
     * {@code other}.
     *
     * @param method       the request's method, as the client sent it or already a label
     * @param pathTemplate the route template ({@code /api/v1/scan/classify}), or {@code unmatched}
     *                     when no route took the request; never the raw path: each distinct value is a
     *                     new series, and past {@value #MAX_PATHS} they are dropped
     */
    @Override
    public void recordHttp(String method, String pathTemplate, int status, Duration duration) {
        try {
            // Normalised here, not trusted from the caller: a client chooses the method and path.
            http.record(HttpLabels.of(method, pathTemplate, status), duration);
        } catch (RuntimeException ignored) {
            // A request must be answered even when its metrics cannot be recorded.
        }
    }

    /** {@code scan_job_wait_seconds}: how long an asynchronous scan waited for a worker. */
    @Override
    public void started(Duration waited) {
        try {
            jobs.started(waited);
        } catch (RuntimeException ignored) {
            // Counting must never stop a job.
        }
    }

    /** {@code scan_jobs_total{outcome}}, and the scan's own {@code scans_total} series. */
    @Override
    public void finished(ScanOutcome outcome) {
        try {
            jobs.finished(outcome);
            scans.record(outcome);
        } catch (RuntimeException ignored) {
            // Counting must never stop a job.
        }
    }

    /** {@code scan_jobs_redelivered_total}. */
    @Override
    public void redelivered() {
        try {
            jobs.redelivered();
        } catch (RuntimeException ignored) {
            // Counting must never stop a job.
        }
    }

    /** {@code scans_total{outcome,reason}}, and {@code scan_rewards_total{reward}} for completed scans. */
    @Override
    public void recordScan(ScanOutcome outcome) {
        try {
            scans.record(outcome);
        } catch (RuntimeException ignored) {
            // The scan is over and its answer is due: counting it must not get in the way.
        }
    }

    /**
     * Publishes {@code scans_in_flight} from the supplier. Calling it again replaces the supplier; the
     * series stays the same.
     */
    public void gaugeScansInFlight(IntSupplier inFlight) {
        Objects.requireNonNull(inFlight, "inFlight");
        gauge("scans.in.flight", "Scans started and not yet finished", inFlight::getAsInt);
    }

    /**
     * Publishes a gauge read from the supplier at every scrape, for other adapters (queue depth...).
     * Dots in the name become underscores in Prometheus. Calling it again with the same name replaces
     * the supplier and keeps the first description. A supplier that throws scrapes as NaN.
     */
    public void gauge(String name, String description, DoubleSupplier value) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(value, "value");
        try {
            gauges.register(name, description, value);
        } catch (RuntimeException ignored) {
            // The registry refused the name (it clashes with another meter's): the service runs on
            // without that gauge rather than failing at start-up over a metric.
        }
    }

    /**
     * The meters in the format the Accept header asks for: OpenMetrics when it names
     * {@code application/openmetrics-text}, else Prometheus text 0.0.4. Never throws: a failed scrape
     * is an empty text body, so the scraper sees the target up but the series missing.
     */
    @Override
    public Scrape scrape(String acceptHeader) {
        ExpositionFormat format = ExpositionFormat.forAccept(acceptHeader);
        try {
            // The canonical content type, not the raw header, picks the writer: a header that also
            // accepts protobuf would otherwise get bytes this String cannot carry.
            return new Scrape(
                    format.contentType(), meters.scrape(format.contentType()).orElse(""));
        } catch (RuntimeException e) {
            return new Scrape(ExpositionFormat.PROMETHEUS_TEXT.contentType(), "");
        }
    }

    /** The registry, for other adapters' own meters. */
    public MeterRegistry registry() {
        return registry;
    }

    /** Stops the GC listener and closes an own registry; a caller's stays open. Idempotent. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            meters.close();
        }
    }
}
