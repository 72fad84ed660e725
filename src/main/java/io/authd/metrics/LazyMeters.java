package io.authd.metrics;

import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.IntFunction;

/**
 * Meters for every combination of a few enum tags, in an array indexed by the combination: looking one up on
 * the hot path is arithmetic and an array read, with no tags built and nothing allocated. Each meter is
 * registered on first use, so that combinations never seen (gRPC before any gRPC caller, SIP on an HTTP-only
 * deployment) add no series to the scrape.
 */
final class LazyMeters<M> {
    private final AtomicReferenceArray<M> meters;
    private final IntFunction<M> register;

    /** @param register registers the meter of an index; called again (harmlessly) if two threads race */
    LazyMeters(int size, IntFunction<M> register) {
        this.meters = new AtomicReferenceArray<>(size);
        this.register = register;
    }

    M get(int index) {
        M meter = meters.get(index);
        if (meter == null) {
            // Micrometer returns the meter already registered under the same name and tags, so a race is benign.
            meter = register.apply(index);
            meters.set(index, meter);
        }
        return meter;
    }
}
