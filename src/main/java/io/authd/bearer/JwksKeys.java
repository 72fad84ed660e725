package io.authd.bearer;

import com.nimbusds.jose.jwk.JWKSet;
import io.authd.config.IssuerOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.core.buffer.Buffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;

/**
 * An issuer's JWKS document (RFC 7517 §5), fetched with the non-blocking Vert.x web client and kept fresh:
 * <ul>
 *   <li>fresh for the answer's Cache-Control {@code max-age} (RFC 9111 §5.2.2.1), else {@code refreshInterval},
 *       and fetched again when 80% of that has passed, so tokens never wait for a scheduled refresh;</li>
 *   <li>fetched at once when a token names an unknown {@code kid} (the issuer rotated), at most once per
 *       {@code minRefetchInterval}, and concurrent requests share one fetch: a flood of made-up kids costs the
 *       issuer one request per interval;</li>
 *   <li>while the issuer cannot be reached the last keys stay in use for {@code maxStaleness} past their
 *       freshness; after that there are no keys and its tokens are answered {@code unavailable}.</li>
 * </ul>
 * Thread-safe: every event loop of the public API checks tokens against the same instance.
 */
public final class JwksKeys implements IssuerKeys {
    private static final Logger LOG = LoggerFactory.getLogger(JwksKeys.class);
    private static final long FETCH_TIMEOUT_MILLIS = 5_000;
    /** Share of the freshness lifetime after which a scheduled refresh runs. */
    private static final double REFRESH_AT = 0.8;
    private static final Duration MIN_LIFETIME = Duration.ofSeconds(1);

    private final Vertx vertx;
    private final WebClient client;
    private final IssuerOptions issuer;
    private final InstantSource clock;

    private record Loaded(List<TrustedKey> keys, Instant usableUntil) {
    }

    private volatile Loaded loaded;
    private Future<Boolean> inFlight;
    private Instant lastFetch;
    private long timer = -1;
    private boolean closed;

    /** One web client per issuer, closed with it: an issuer's slow answers do not hold up another's fetches. */
    public JwksKeys(Vertx vertx, IssuerOptions issuer, InstantSource clock) {
        this.vertx = vertx;
        this.client = WebClient.create(vertx);
        this.issuer = issuer;
        this.clock = clock;
    }

    /** Starts the first fetch; tokens that arrive before it answers wait for it (they coalesce with it). */
    public JwksKeys start() {
        synchronized (this) {
            fetch();
        }
        return this;
    }

    @Override
    public List<TrustedKey> current() {
        Loaded l = loaded;
        return l == null || clock.instant().isAfter(l.usableUntil()) ? null : l.keys();
    }

    @Override
    public synchronized Future<Boolean> refetch() {
        if (inFlight != null) {
            return inFlight;
        }
        if (lastFetch != null && clock.instant().isBefore(lastFetch.plus(issuer.minRefetchInterval()))) {
            return Future.succeededFuture(false);
        }
        return fetch();
    }

    /** The first fetch, one that keys are awaited from, or a scheduled one: not rate limited. Holds the lock. */
    private Future<Boolean> fetch() {
        lastFetch = clock.instant();
        Future<Duration> f = client.getAbs(issuer.jwksUri()).timeout(FETCH_TIMEOUT_MILLIS).send()
                .map(this::accept)
                .otherwise(err -> {
                    LOG.warn("cannot fetch the JWKS of issuer {} from {}: {}", issuer.issuer(), issuer.jwksUri(),
                            err.getMessage());
                    return null;
                });
        inFlight = f.map(lifetime -> lifetime != null);
        f.onComplete(r -> fetched(r.result()));
        return inFlight;
    }

    private Duration accept(HttpResponse<Buffer> resp) {
        if (resp.statusCode() != 200) {
            throw new IllegalStateException("HTTP " + resp.statusCode());
        }
        JWKSet set;
        try {
            set = KeyMaterial.publicOnly(JWKSet.parse(resp.bodyAsString()));
        } catch (java.text.ParseException e) {
            throw new IllegalStateException("not a JWK Set");
        }
        Duration lifetime = CacheControl.maxAge(resp.getHeader("Cache-Control")).orElse(issuer.refreshInterval());
        lifetime = lifetime.compareTo(MIN_LIFETIME) < 0 ? MIN_LIFETIME : lifetime;
        List<TrustedKey> keys = TrustedKeys.prepare(set);
        loaded = new Loaded(keys, clock.instant().plus(lifetime).plus(issuer.maxStaleness()));
        LOG.info("loaded {} keys of issuer {} (fresh for {})", keys.size(), issuer.issuer(), lifetime);
        return lifetime;
    }

    /** Schedules the next refresh: before the keys' freshness ends, or after the retry interval on failure. */
    private synchronized void fetched(Duration lifetime) {
        inFlight = null;
        if (closed) {
            return;
        }
        Duration next = lifetime != null ? Duration.ofMillis((long) (lifetime.toMillis() * REFRESH_AT))
                : issuer.minRefetchInterval().compareTo(MIN_LIFETIME) < 0 ? MIN_LIFETIME : issuer.minRefetchInterval();
        vertx.cancelTimer(timer);
        timer = vertx.setTimer(Math.max(1, next.toMillis()), id -> scheduledRefresh());
    }

    private synchronized void scheduledRefresh() {
        if (!closed && inFlight == null) {
            fetch();
        }
    }

    @Override
    public synchronized Future<Void> close() {
        closed = true;
        vertx.cancelTimer(timer);
        client.close();
        return Future.succeededFuture();
    }
}
