package io.authd.bench.load;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientConnection;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.RequestOptions;
import org.HdrHistogram.Histogram;

import java.nio.charset.StandardCharsets;
import java.security.DigestException;
import java.security.MessageDigest;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * One request in flight: the next is sent when the answer is in and checked. Over HTTP/1.1 a loop has a connection
 * of its own; over HTTP/2 (h2c, gRPC) several loops share one, each request on a stream of its own.
 *
 * <p>Everything here runs on the connection's event-loop context, so its state (nonces, counters, histogram,
 * the reused {@link MessageDigest}) has a single writer and needs no locks; {@link DigestLoad} reads it only
 * after {@link #done()} completed.
 *
 * <p>Users are visited round-robin, starting at an offset per loop so that loops spread over the users. Each
 * (loop, user) has its own nonce from a challenge and its own nonce-count, incremented per request, with a cnonce
 * unique to the loop: authd's replay window sees real, strictly increasing counts. What goes on the wire and how
 * an answer reads is the {@link Wire}'s business; the Digest work here is the same for every transport.
 */
final class ClosedLoop {
    /** Latencies above this are clamped (recorded as the maximum) rather than lost. */
    private static final long MAX_LATENCY_US = TimeUnit.SECONDS.toMicros(60);
    /** rspauth is checked on the first answer per nonce and then on every 256th, which keeps the check cheap. */
    private static final int RSPAUTH_SAMPLE_MASK = 255;
    private static final int MAX_STALE_IN_A_ROW = 3;
    private static final byte[] AUTH = AuthorizationValue.ascii(":auth:");

    private final int id;
    private final Context context;
    private final HttpClientConnection http;
    private final Wire wire;
    private final Users users;
    private final RunState run;
    private final MessageDigest md;
    private final byte[] cnonce;
    private final byte[] methodColonUri;
    /** H(":" uri): HA2 of rspauth for qop=auth (RFC 7616 §3.5). */
    private final byte[] rspauthHa2Hex;

    private final String[] nonce;
    private final byte[][] nonceBytes;
    private final byte[][] opaqueBytes;
    private final long[] nc;
    /** Under --rate: the time between two verifications of this loop, and when the next one is due; else 0. */
    private final long intervalNanos;
    private final long phaseNanos;
    private long due;

    // Scratch for the per-request hashing: no allocation beyond the body and the answer.
    private final byte[] digestOut;
    private final byte[] ha2Hex;
    private final byte[] responseHex;
    private final byte[] ncHex = new byte[8];

    private final Histogram histogram = new Histogram(MAX_LATENCY_US, 3);
    private final Promise<Void> done = Promise.promise();

    private boolean dead;
    private int cursor;
    private int staleInARow;
    private long warmupEnd;
    private long end;

    long measured;
    long verifies;
    long challenges;
    long stale;
    long nextnonces;
    /** Allows that missed the wire's fast check and were decoded whole: should stay 0 against authd. */
    long fullParses;

    /** Loop {@code id} of {@link LoadOptions#loops()}, on {@code http}, which runs on {@code context}. */
    ClosedLoop(int id, Context context, HttpClientConnection http, Wire wire, LoadOptions options, Users users,
               RunState run) {
        this.id = id;
        this.context = context;
        this.http = http;
        this.wire = wire;
        this.users = users;
        this.run = run;
        this.md = options.algorithm().newDigest();
        // Unique per loop (and per run): a random part and the loop number.
        this.cnonce = String.format("%016x%04x", ThreadLocalRandom.current().nextLong(), id)
                .getBytes(StandardCharsets.US_ASCII);
        this.methodColonUri = (options.method() + ":" + options.uri()).getBytes(StandardCharsets.UTF_8);
        this.digestOut = new byte[md.getDigestLength()];
        this.ha2Hex = new byte[2 * md.getDigestLength()];
        this.responseHex = new byte[2 * md.getDigestLength()];
        this.rspauthHa2Hex = Text.hex(md.digest((":" + options.uri()).getBytes(StandardCharsets.UTF_8)));
        int n = users.size();
        this.nonce = new String[n];
        this.nonceBytes = new byte[n][];
        this.opaqueBytes = new byte[n][];
        this.nc = new long[n];
        this.cursor = (int) ((long) id * n / options.loops()) % n;
        this.intervalNanos = options.loopIntervalNanos();
        // Paced loops start spread over one interval, so that the requests of all loops come evenly.
        this.phaseNanos = intervalNanos * id / options.loops();
    }

    Future<Void> done() {
        return done.future();
    }

    Histogram histogram() {
        return histogram;
    }

    /** Fetches a nonce for every user, one after the other, before the clock starts. */
    Future<Void> prefetch() {
        Promise<Void> fetched = Promise.promise();
        context.runOnContext(v -> prefetchFrom(0, fetched));
        return fetched.future();
    }

    private void prefetchFrom(int u, Promise<Void> fetched) {
        if (dead || u == users.size() || run.stopped()) {
            fetched.tryComplete();
            return;
        }
        challenge(u, () -> prefetchFrom(u + 1, fetched), fetched);
    }

    /** Starts the loop; answers completing in [warmupEnd, end) are measured, and none is sent from end on. */
    void start(long warmupEndNanos, long endNanos) {
        context.runOnContext(v -> {
            warmupEnd = warmupEndNanos;
            end = endNanos;
            due = System.nanoTime() + phaseNanos;
            next();
        });
    }

    private void next() {
        if (dead || System.nanoTime() >= end || run.stopped()) {
            done.tryComplete();
            return;
        }
        int u = cursor;
        if (nonce[u] == null) {
            challenge(u, this::next, done);
        } else if (intervalNanos == 0) {
            verify(u);
        } else {
            paced(u);
        }
    }

    /**
     * Sends the verification when it is due. The schedule is kept (a loop late by less than an interval catches
     * up) so the rate is the one asked for while the server keeps up; the latency is measured from the moment of
     * sending, since a timer may fire a little after its due time.
     */
    private void paced(int u) {
        long now = System.nanoTime();
        long wait = due - now;
        // A loop more than one interval late (a fresh server still compiling in the warm-up) drops the slots it
        // missed instead of catching up at full speed: a catch-up burst in the measured window would measure the
        // peak again, not the asked rate (seen: 87% of the peak asked at 70%).
        due = wait < -intervalNanos ? now + intervalNanos : due + intervalNanos;
        if (wait <= 0) {
            verify(u);
        } else {
            // A timer in nanoseconds, not setTimer's milliseconds: waits rounded to whole milliseconds would bunch
            // the loops' sends up on millisecond ticks, and the server would get the paced load in bursts.
            context.owner().timer(wait, TimeUnit.NANOSECONDS).onSuccess(t -> verify(u));
        }
    }

    private void advance() {
        cursor = cursor + 1 == users.size() ? 0 : cursor + 1;
    }

    private Future<Answer> send(RequestOptions request, Buffer body) {
        return http.request(request)
                .compose(req -> req.send(body))
                .compose(resp -> resp.body().map(b -> new Answer(resp.statusCode(), b, grpcStatus(resp))));
    }

    /** grpc-status from the trailers, or from the headers of a trailers-only answer (gRPC over HTTP/2). */
    private static String grpcStatus(HttpClientResponse resp) {
        String status = resp.trailers().get("grpc-status");
        return status != null ? status : resp.getHeader("grpc-status");
    }

    private void challenge(int u, Runnable then, Promise<Void> onFailure) {
        send(wire.challengeRequest, wire.challengeBody).onComplete(ar -> {
            if (ar.failed()) {
                failConnection("challenge: " + ar.cause(), onFailure);
                return;
            }
            challenges++;
            String header = wire.challenge(ar.result());
            if (header == null || !takeNonce(u, header)) {
                // A server that cannot mint a usable challenge makes the rest of this loop meaningless.
                failConnection("challenge answered " + wire.describe(ar.result()), onFailure);
                return;
            }
            then.run();
        });
    }

    private void verify(int u) {
        long count = ++nc[u];
        if (count > 0xffff_ffffL) { // nc is 8 hex digits: a new nonce long before it could wrap
            nonce[u] = null;
            next();
            return;
        }
        Buffer body;
        try {
            body = wire.verifyBody(u, credentials(u, count));
        } catch (DigestException e) {
            throw new IllegalStateException("digest buffer sized from the digest itself", e);
        }
        long start = System.nanoTime();
        send(wire.verifyRequest, body).onComplete(ar -> {
            if (ar.failed()) {
                failConnection("verify: " + ar.cause(), done);
            } else {
                onVerified(u, count, start, ar.result());
            }
        });
    }

    /** response = H(HA1:nonce:nc:cnonce:qop:HA2), HA2 = H(method:uri) (RFC 7616 §3.4.1). */
    private Credentials credentials(int u, long count) throws DigestException {
        md.update(methodColonUri);
        md.digest(digestOut, 0, digestOut.length);
        Text.hex(digestOut, ha2Hex);
        Text.nc(count, ncHex);
        md.update(users.ha1Hex[u]);
        md.update((byte) ':');
        md.update(nonceBytes[u]);
        md.update((byte) ':');
        md.update(ncHex);
        md.update((byte) ':');
        md.update(cnonce);
        md.update(AUTH);
        md.update(ha2Hex);
        md.digest(digestOut, 0, digestOut.length);
        Text.hex(digestOut, responseHex);
        return new Credentials(nonceBytes[u], ncHex, cnonce, responseHex, opaqueBytes[u]);
    }

    private void onVerified(int u, long count, long start, Answer a) {
        long now = System.nanoTime();
        verifies++;
        switch (wire.verified(u, a)) {
            case Reply.Allow allow -> {
                if (allow.parsedWhole()) {
                    fullParses++;
                }
                allowed(u, count, start, now, a, allow.info());
            }
            case Reply.Stale s -> {
                // The nonce outlived its lifetime: not an error. Answer the fresh challenge, as a client would.
                stale++;
                if (++staleInARow > MAX_STALE_IN_A_ROW) {
                    wrong(u, a, "stale_nonce " + staleInARow + " times in a row");
                    return;
                }
                if (s.challenge() == null || !takeNonce(u, s.challenge())) {
                    nonce[u] = null; // fetch one with a challenge call
                }
                next(); // same user again, cursor not advanced
            }
            case Reply.Wrong w -> wrong(u, a, w.problem());
        }
    }

    /** An allow whose identity checked out: check the server's proof, count it, go on with the next user. */
    private void allowed(int u, long count, long start, long now, Answer a, String info) {
        String problem = checkInfo(u, count, info);
        if (problem != null) {
            wrong(u, a, problem);
            return;
        }
        staleInARow = 0;
        if (now >= warmupEnd && now < end) {
            measured++;
            histogram.recordValue(Math.min(MAX_LATENCY_US, Math.max(1, (now - start) / 1_000)));
        }
        advance();
        next();
    }

    /** What is wrong with an allow's Authentication-Info, or null; follows a nextnonce. */
    private String checkInfo(int u, long count, String info) {
        if (count == 1 || (verifies & RSPAUTH_SAMPLE_MASK) == 0) {
            String rspauth = Text.param(info, "rspauth");
            if (rspauth == null || !rspauth.equals(rspauth(u, count))) {
                return "rspauth does not match H(HA1:nonce:nc:cnonce:qop:H(:uri))";
            }
        }
        if (info.contains("nextnonce")) {
            // RFC 7616 §3.5: the client should use the next nonce; it starts its own count at 1.
            String next = Text.param(info, "nextnonce");
            if (next != null && safe(next)) {
                nonce[u] = next;
                nonceBytes[u] = next.getBytes(StandardCharsets.US_ASCII);
                nc[u] = 0;
                nextnonces++;
            }
        }
        return null;
    }

    private String rspauth(int u, long count) {
        md.update(users.ha1Hex[u]);
        md.update((byte) ':');
        md.update(nonceBytes[u]);
        md.update((byte) ':');
        byte[] ncDigits = new byte[8];
        Text.nc(count, ncDigits);
        md.update(ncDigits);
        md.update((byte) ':');
        md.update(cnonce);
        md.update(AUTH);
        md.update(rspauthHa2Hex);
        return new String(Text.hex(md.digest()), StandardCharsets.US_ASCII);
    }

    private boolean takeNonce(int u, String challenge) {
        String n = Text.param(challenge, "nonce");
        String opaque = Text.param(challenge, "opaque");
        if (n == null || n.isEmpty() || !safe(n) || (opaque != null && !safe(opaque))) {
            return false;
        }
        nonce[u] = n;
        nonceBytes[u] = n.getBytes(StandardCharsets.US_ASCII);
        opaqueBytes[u] = opaque == null ? null : opaque.getBytes(StandardCharsets.US_ASCII);
        nc[u] = 0;
        return true;
    }

    /** Nonce and opaque go into the bodies as they are: only characters that need no escaping in JSON or Digest. */
    private static boolean safe(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c <= 0x20 || c >= 0x7f || c == '"' || c == '\\') {
                return false;
            }
        }
        return true;
    }

    /** An answer that is neither allow nor stale: an error; the user gets a fresh nonce and the loop goes on. */
    private void wrong(int u, Answer a, String problem) {
        run.error("loop " + id + ", user " + users.names[u] + ": "
                + (problem == null ? "" : problem + ": ") + wire.describe(a));
        nonce[u] = null;
        advance();
        next();
    }

    /** A transport failure or an unusable challenge: counted as an error, and this loop stops. */
    private void failConnection(String what, Promise<Void> promise) {
        run.error("loop " + id + ": " + what);
        dead = true;
        promise.tryComplete(); // the run goes on with the other loops and exits non-zero at the end
        if (promise != done) {
            done.tryComplete();
        }
    }
}
