package org.safemobility.referral;

import com.standardwebhooks.Webhook;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;
import org.safemobility.http.Traces;

/**
 * Delivers outbox events to partners' webhooks, signed as the Standard Webhooks specification describes
 * ({@code webhook-id}, {@code webhook-timestamp}, {@code webhook-signature: v1,<base64 HMAC-SHA256>}). Runs on its
 * own threads, never on a request's: a commit that wrote an event wakes them at once; otherwise they look for due
 * events (retries, other replicas' events whose worker died) every poll interval.
 */
@ApplicationScoped
public class WebhookDelivery {

    private static final Logger LOG = Logger.getLogger(WebhookDelivery.class);

    @Inject
    Outbox outbox;

    @Inject
    WebhookSecrets secrets;

    @Inject
    WebhookConfig config;

    @Inject
    WebhookTargets targets;

    @Inject
    MeterRegistry metrics;

    @Inject
    Tracer tracer;

    private final Semaphore wake = new Semaphore(0);
    private final List<Thread> workers = new ArrayList<>();
    private volatile boolean running;
    private HttpClient http;
    private Timer deliveries;

    void start(@Observes StartupEvent started) {
        if (!config.deliver()) {
            return;
        }
        http = HttpClient.newBuilder().connectTimeout(config.timeout()).followRedirects(HttpClient.Redirect.NEVER).build();
        deliveries = Timer.builder("smo.webhook.delivery").description("Time from writing an event to its successful delivery")
                .publishPercentileHistogram().register(metrics);
        running = true;
        for (int i = 0; i < config.workers(); i++) {
            Thread worker = new Thread(this::work, "webhook-delivery-" + i);
            worker.setDaemon(true);
            workers.add(worker);
            worker.start();
        }
    }

    void stop(@Observes ShutdownEvent stopping) throws InterruptedException {
        running = false;
        wake.release(workers.size());
        for (Thread worker : workers) {
            worker.join(config.timeout().toMillis() + 1000);
        }
    }

    /** An event was committed on this replica: deliver it now rather than at the next poll. */
    void onEnqueued(@Observes(during = TransactionPhase.AFTER_SUCCESS) Outbox.Enqueued event) {
        wake.release();
    }

    private void work() {
        // a claim must outlast its whole batch even if every partner in it times out, or another worker would send
        // events still in flight; a crashed worker's events wait this long before another claims them
        Duration lease = config.timeout().multipliedBy(config.batchSize()).plusSeconds(10);
        while (running) {
            try {
                List<Outbox.Claimed> batch = outbox.claim(config.batchSize(), lease);
                if (batch.isEmpty()) {
                    wake.tryAcquire(config.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                    wake.drainPermits();
                    continue;
                }
                List<Outbox.Delivered> delivered = new ArrayList<>();
                for (Outbox.Claimed event : batch) {
                    Outbox.Delivered done = deliver(event);
                    if (done != null) {
                        delivered.add(done);
                    }
                }
                if (!delivered.isEmpty()) {
                    outbox.delivered(delivered);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // the database may be away for a moment; events stay pending and are claimed again
                LOG.warnf(e, "webhook delivery round failed");
                sleepQuietly(config.pollInterval());
            }
        }
    }

    /**
     * Sends one event, in a span that continues the trace of the transaction that wrote it (a caseworker's approval,
     * a partner's decision), and passes that trace on to the partner in {@code traceparent}.
     */
    Outbox.Delivered deliver(Outbox.Claimed event) {
        Span span = tracer.spanBuilder("webhook " + event.type()).setSpanKind(SpanKind.CLIENT)
                .setParent(Traces.continuing(event.traceParent()))
                .setAttribute("smo.webhook.event_id", event.id().toString())
                .setAttribute("smo.webhook.partner", event.partnerId())
                .setAttribute(AttributeKey.longKey("smo.webhook.attempt"), event.attempts() + 1L)
                .startSpan();
        try (Scope ignored = span.makeCurrent()) {
            return send(event);
        } finally {
            span.end();
        }
    }

    /** A success is returned for the batch to record, a failure is recorded at once. */
    private Outbox.Delivered send(Outbox.Claimed event) {
        if (event.webhookUrl() == null || event.encryptedSecret() == null) {
            outbox.skipped(event.id());
            return null;
        }
        Integer status = null;
        String error;
        try {
            URI url = URI.create(event.webhookUrl());
            targets.check(url);
            String secret = secrets.decrypt(event.partnerId(), event.encryptedSecret());
            long timestamp = Instant.now().getEpochSecond();
            String signature = new Webhook(secret).sign(event.id().toString(), timestamp, event.body());
            HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(config.timeout())
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "smo-case-backend-webhooks")
                    .header("webhook-id", event.id().toString())
                    .header("webhook-timestamp", Long.toString(timestamp))
                    .header("webhook-signature", signature);
            String traceParent = Traces.currentParent();
            if (traceParent != null) {
                request.header("traceparent", traceParent);
            }
            HttpResponse<Void> response = http.send(request.POST(HttpRequest.BodyPublishers.ofString(event.body())).build(),
                    HttpResponse.BodyHandlers.discarding());
            status = response.statusCode();
            Span.current().setAttribute(AttributeKey.longKey("http.response.status_code"), status);
            if (status >= 200 && status < 300) {
                Instant at = Instant.now();
                deliveries.record(Duration.between(event.createdAt(), at));
                return new Outbox.Delivered(event.id(), status, at);
            }
            error = "HTTP_ERROR";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "INTERRUPTED";
        } catch (Exception e) {
            // supervisors see the kind of failure only: the remote side's own words would make the error list an
            // oracle for whoever can set a partner's URL (which ports answer, what they say)
            error = failureCategory(e);
            LOG.debugf("webhook %s to partner %s failed: %s", event.id(), event.partnerId(), e);
        }
        Span.current().setStatus(StatusCode.ERROR, error);
        outbox.failed(event, status, error);
        return null;
    }

    static String failureCategory(Exception e) {
        if (e instanceof WebhookTargets.Blocked) {
            return "BLOCKED_ADDRESS";
        }
        if (e instanceof java.net.UnknownHostException) {
            return "DNS_FAILURE";
        }
        if (e instanceof java.net.http.HttpConnectTimeoutException) {
            return "CONNECT_TIMEOUT";
        }
        if (e instanceof java.net.http.HttpTimeoutException) {
            return "TIMEOUT";
        }
        if (e instanceof javax.net.ssl.SSLException) {
            return "TLS_FAILURE";
        }
        if (e instanceof java.net.ConnectException || e.getCause() instanceof java.net.ConnectException) {
            return "CONNECTION_FAILED";
        }
        if (e instanceof java.io.IOException) {
            return "NETWORK_ERROR";
        }
        return "DELIVERY_ERROR";
    }

    private static void sleepQuietly(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
