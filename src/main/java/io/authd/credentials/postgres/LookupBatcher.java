package io.authd.credentials.postgres;

import io.authd.credentials.UserCredentials;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxException;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Lookups by username that leave together. While {@code maxInFlight} queries of an event loop are out, its new
 * lookups wait; when one query comes back, the waiting lookups of one realm leave as one
 * {@code username = ANY($2)} query. Under light load every lookup leaves at once (no timer, so nothing is added to
 * its latency); under load, the database parses, plans and answers one statement for many lookups, and the client
 * encodes one, which is where an uncached lookup's cost was (issue 3's no-cache benchmark).
 *
 * <p>State is per event-loop thread, so there are no locks: a query's answer is handled on the thread that sent
 * it.
 *
 * <table>
 *   <caption>Limits</caption>
 *   <tr><th>constant</th><th>value</th><th>why</th></tr>
 *   <tr><td>{@link #MAX_BATCH}</td><td>128</td><td>bounds one statement's array and its answer</td></tr>
 *   <tr><td>{@link #MAX_WAITING}</td><td>8192</td><td>per event loop; a lookup beyond it fails (and its
 *   verification answers unavailable) rather than waiting behind a database that has stopped answering</td></tr>
 * </table>
 */
final class LookupBatcher {
    static final int MAX_BATCH = 128;
    static final int MAX_WAITING = 8192;

    private final int maxInFlight;
    private final BiFunction<String, List<String>, Future<RowSet<Row>>> query;
    private final UserRows rows;
    private final ThreadLocal<Lane> lanes = ThreadLocal.withInitial(Lane::new);

    /**
     * @param maxInFlight queries one event loop has out before its lookups start to wait and batch
     * @param query       runs the lookup of some usernames of a realm (guarded); its rows name their user
     */
    LookupBatcher(int maxInFlight, BiFunction<String, List<String>, Future<RowSet<Row>>> query, UserRows rows) {
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("maxInFlight must be at least 1, got " + maxInFlight);
        }
        this.maxInFlight = maxInFlight;
        this.query = query;
        this.rows = rows;
    }

    /** Call on an event-loop thread (the store sends other lookups alone). */
    Future<Optional<UserCredentials>> find(String realm, String username) {
        Lane lane = lanes.get();
        if (lane.waiting.size() >= MAX_WAITING) {
            return Future.failedFuture(new VertxException("more than " + MAX_WAITING
                    + " credential lookups wait for the database on this event loop", true));
        }
        Waiter waiter = new Waiter(realm, username, Promise.promise());
        lane.waiting.add(waiter);
        lane.sendWhileRoom();
        return waiter.answer.future();
    }

    private record Waiter(String realm, String username, Promise<Optional<UserCredentials>> answer) {
    }

    /** One event loop's lookups: those out and those waiting. Touched only by its own thread. */
    private final class Lane {
        private final Thread thread = Thread.currentThread();
        private final ArrayDeque<Waiter> waiting = new ArrayDeque<>();
        private int inFlight;

        void sendWhileRoom() {
            while (inFlight < maxInFlight && !waiting.isEmpty()) {
                send(takeBatch());
            }
        }

        /** The first waiter and those after it of the same realm, up to {@link #MAX_BATCH}, in arrival order. */
        private List<Waiter> takeBatch() {
            String realm = waiting.peekFirst().realm();
            List<Waiter> batch = new ArrayList<>(Math.min(waiting.size(), MAX_BATCH));
            for (Iterator<Waiter> it = waiting.iterator(); it.hasNext() && batch.size() < MAX_BATCH; ) {
                Waiter w = it.next();
                if (w.realm().equals(realm)) {
                    batch.add(w);
                    it.remove();
                }
            }
            return batch;
        }

        private void send(List<Waiter> batch) {
            inFlight++;
            List<String> names = new ArrayList<>(batch.size());
            batch.forEach(w -> names.add(w.username()));
            Context context = Vertx.currentContext();
            query.apply(batch.getFirst().realm(), names).onComplete((found, failure) -> {
                // The client answers on the sending context; a guard's timer or a refusal may answer elsewhere.
                if (Thread.currentThread() == thread) {
                    answered(batch, found, failure);
                } else {
                    context.runOnContext(v -> answered(batch, found, failure));
                }
            });
        }

        /** Room first, then answers (which may start lookups of their own), then whoever waits for the room. */
        private void answered(List<Waiter> batch, RowSet<Row> found, Throwable failure) {
            inFlight--;
            if (failure != null) {
                batch.forEach(w -> w.answer().fail(failure));
            } else {
                Map<String, List<Row>> byName = UserRows.byName(found);
                batch.forEach(w -> w.answer().complete(
                        rows.byUsername(byName.getOrDefault(w.username(), List.of()), w.realm(), w.username())));
            }
            sendWhileRoom();
        }
    }
}
