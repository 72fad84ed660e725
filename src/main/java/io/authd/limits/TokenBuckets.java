package io.authd.limits;

import io.authd.config.LimitsOptions;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * A token bucket per caller: {@code burst} tokens, refilled at {@code requestsPerSecond}; a request takes one. The
 * map is bounded (least recently seen forgotten first), so a flood of source addresses costs memory up to the bound
 * only; a forgotten caller starts again with a full bucket, which bounds what an attacker gains by it to one burst.
 */
public final class TokenBuckets {
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final double tokensPerNano;
    private final double burst;
    private final LongSupplier nanoTime;
    private final Map<String, Bucket> buckets;

    /** @param nanoTime a monotonic clock ({@link System#nanoTime} outside tests) */
    public TokenBuckets(LimitsOptions options, LongSupplier nanoTime) {
        this.tokensPerNano = (double) options.requestsPerSecond() / NANOS_PER_SECOND;
        this.burst = options.burst();
        this.nanoTime = nanoTime;
        int max = options.maxCallers();
        this.buckets = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
                return size() > max;
            }
        };
    }

    /**
     * Takes a token for {@code caller}.
     *
     * @return 0 when the request may go on, else how many nanoseconds until the caller has a token again
     */
    public synchronized long tryAcquire(String caller) {
        long now = nanoTime.getAsLong();
        Bucket b = buckets.computeIfAbsent(caller, c -> new Bucket(burst, now));
        b.tokens = Math.min(burst, b.tokens + (now - b.updated) * tokensPerNano);
        b.updated = now;
        if (b.tokens >= 1) {
            b.tokens -= 1;
            return 0;
        }
        return (long) Math.ceil((1 - b.tokens) / tokensPerNano);
    }

    /** Callers tracked now. */
    public synchronized int size() {
        return buckets.size();
    }

    private static final class Bucket {
        double tokens;
        long updated;

        Bucket(double tokens, long updated) {
            this.tokens = tokens;
            this.updated = updated;
        }
    }
}
