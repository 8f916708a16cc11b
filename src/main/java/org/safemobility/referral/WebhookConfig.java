package org.safemobility.referral;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;

/** How webhooks are signed, sent and retried ({@code smo.webhooks.*}; see application.properties). */
@ConfigMapping(prefix = "smo.webhooks")
public interface WebhookConfig {

    /** Base64 of 32 random bytes (e.g. {@code openssl rand -base64 32}): encrypts partners' webhook secrets at rest. */
    String encryptionKey();

    /** Whether this replica runs delivery workers at all. */
    boolean deliver();

    /** Delivery worker threads per replica. */
    int workers();

    /** Events a worker claims at a time. */
    int batchSize();

    /** How often an idle worker looks for due events (commits on this replica wake it at once). */
    Duration pollInterval();

    /** Connect and response timeout of one delivery. */
    Duration timeout();

    /** Whether webhook URLs may be plain http (local development and tests only). */
    boolean allowPlainHttp();

    /**
     * Hosts (as written in webhook URLs) that may resolve to loopback or private addresses: local development and
     * tests only. Everything else that resolves to an internal address is refused at send time.
     */
    java.util.Optional<java.util.List<String>> privateNetworkHosts();

    Retry retry();

    interface Retry {
        /** Delay after the first failure; it doubles with each failure, with jitter. */
        Duration initial();

        /** The longest delay between two attempts. */
        Duration maxDelay();

        /** How long an event is retried before it is dead-lettered. */
        Duration budget();
    }
}
