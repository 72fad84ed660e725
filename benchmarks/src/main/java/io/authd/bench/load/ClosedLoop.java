package io.authd.bench.load;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientConnection;
import io.vertx.core.http.HttpConnectOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.HdrHistogram.Histogram;

import java.nio.charset.StandardCharsets;
import java.security.DigestException;
import java.security.MessageDigest;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * One connection of the closed loop: one request in flight, the next sent when the answer is in and checked.
 *
 * <p>Everything here runs on the connection's own event-loop context, so its state (nonces, counters, histogram,
 * the reused {@link MessageDigest}) has a single writer and needs no locks; {@link DigestLoad} reads it only
 * after {@link #done()} completed.
 *
 * <p>Users are visited round-robin, starting at an offset per connection so that connections spread over the
 * users. Each (connection, user) has its own nonce from POST /v1/challenge and its own nonce-count, incremented
 * per request, with a cnonce unique to the connection: authd's replay window sees real, strictly increasing
 * counts.
 */
final class ClosedLoop {
    /** Latencies above this are clamped (recorded as the maximum) rather than lost. */
    private static final long MAX_LATENCY_US = TimeUnit.SECONDS.toMicros(60);
    /** rspauth is checked on the first answer per nonce and then on every 256th, which keeps the check cheap. */
    private static final int RSPAUTH_SAMPLE_MASK = 255;
    private static final int MAX_STALE_IN_A_ROW = 3;
    private static final long REQUEST_TIMEOUT_MS = 10_000;

    private final int id;
    private final Context context;
    private final LoadOptions options;
    private final Users users;
    private final RunState run;
    private final MessageDigest md;
    private final RequestOptions challengeRequest;
    private final RequestOptions verifyRequest;
    private final Buffer challengeBody;
    private final byte[] cnonce;
    private final byte[] methodColonUri;
    /** H(":" uri): HA2 of rspauth for qop=auth (RFC 7616 §3.5). */
    private final byte[] rspauthHa2Hex;
    private final String algorithmToken;
    private final byte[] algorithmField;

    private final String[] nonce;
    private final byte[][] nonceBytes;
    private final byte[][] opaqueBytes;
    private final long[] nc;

    // Scratch for the per-request hashing: no allocation beyond the body and the answer.
    private final byte[] digestOut;
    private final byte[] ha2Hex;
    private final byte[] responseHex;
    private final byte[] ncHex = new byte[8];

    private final Histogram histogram = new Histogram(MAX_LATENCY_US, 3);
    private final Promise<Void> done = Promise.promise();

    private HttpClientConnection http;
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
    /** Allows that missed the byte-level check and were parsed whole: should stay 0 against authd. */
    long fullParses;

    ClosedLoop(int id, Context context, LoadOptions options, Users users, RunState run) {
        this.id = id;
        this.context = context;
        this.options = options;
        this.users = users;
        this.run = run;
        this.md = options.algorithm().newDigest();
        this.algorithmToken = options.algorithm().token();
        this.algorithmField = ascii("\"algorithm\":\"" + algorithmToken + "\"");
        this.challengeRequest = request("/v1/challenge");
        this.verifyRequest = request("/v1/verify");
        this.challengeBody = Buffer.buffer("{\"protocol\":\"" + options.protocol() + "\",\"realm\":\""
                + Text.json(options.realm()) + "\",\"algorithms\":[\"" + algorithmToken + "\"]}");
        // Unique per connection (and per run): a random part and the connection number.
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
        this.cursor = (int) ((long) id * n / options.connections()) % n;
    }

    private RequestOptions request(String path) {
        return new RequestOptions().setMethod(HttpMethod.POST).setHost(options.host()).setPort(options.port())
                .setURI(path).putHeader("content-type", "application/json").setIdleTimeout(REQUEST_TIMEOUT_MS);
    }

    Future<Void> done() {
        return done.future();
    }

    Histogram histogram() {
        return histogram;
    }

    /** Opens this loop's connection on its context. */
    Future<Void> connect(HttpClientAgent client) {
        Promise<Void> connected = Promise.promise();
        context.runOnContext(v -> client.connect(new HttpConnectOptions().setHost(options.host())
                        .setPort(options.port()).setConnectTimeout(5_000))
                .onSuccess(c -> {
                    http = c;
                    connected.complete();
                })
                .onFailure(connected::fail));
        return connected.future();
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
        } else {
            verify(u);
        }
    }

    private void advance() {
        cursor = cursor + 1 == users.size() ? 0 : cursor + 1;
    }

    private void challenge(int u, Runnable then, Promise<Void> onFailure) {
        http.request(challengeRequest)
                .compose(req -> req.send(challengeBody))
                .compose(resp -> resp.body().map(b -> new Answer(resp.statusCode(), b)))
                .onComplete(ar -> {
                    if (ar.failed()) {
                        failConnection("challenge: " + ar.cause(), onFailure);
                        return;
                    }
                    challenges++;
                    Answer a = ar.result();
                    String header = null;
                    try {
                        JsonObject j = a.body.toJsonObject();
                        if (a.status == 200 && "challenge".equals(j.getString("outcome"))) {
                            header = digestChallenge(j);
                        }
                    } catch (RuntimeException e) {
                        header = null; // reported below with the body
                    }
                    if (header == null || !takeNonce(u, header)) {
                        // A server that cannot mint a usable challenge makes the rest of this loop meaningless.
                        failConnection("challenge answered HTTP " + a.status + ": " + a.body, onFailure);
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
            body = body(u, count);
        } catch (DigestException e) {
            throw new IllegalStateException("digest buffer sized from the digest itself", e);
        }
        long start = System.nanoTime();
        http.request(verifyRequest)
                .compose(req -> req.send(body))
                .compose(resp -> resp.body().map(b -> new Answer(resp.statusCode(), b)))
                .onComplete(ar -> {
                    if (ar.failed()) {
                        failConnection("verify: " + ar.cause(), done);
                    } else {
                        onVerified(u, count, start, ar.result());
                    }
                });
    }

    /** response = H(HA1:nonce:nc:cnonce:qop:HA2), HA2 = H(method:uri) (RFC 7616 §3.4.1), into the JSON body. */
    private Buffer body(int u, long count) throws DigestException {
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

        Buffer b = Buffer.buffer(users.bodyPrefix[u].length + 256);
        b.appendBytes(users.bodyPrefix[u]).appendBytes(nonceBytes[u])
                .appendBytes(NC).appendBytes(ncHex)
                .appendBytes(CNONCE).appendBytes(cnonce)
                .appendBytes(RESPONSE).appendBytes(responseHex).appendBytes(QUOTE);
        if (opaqueBytes[u] != null) {
            b.appendBytes(OPAQUE).appendBytes(opaqueBytes[u]).appendBytes(QUOTE);
        }
        return b.appendBytes(END);
    }

    private static final byte[] AUTH = ascii(":auth:");
    // The authorization value is inside a JSON string, so its quotes are escaped.
    private static final byte[] NC = ascii("\\\", nc=");
    private static final byte[] CNONCE = ascii(", cnonce=\\\"");
    private static final byte[] RESPONSE = ascii("\\\", response=\\\"");
    private static final byte[] OPAQUE = ascii(", opaque=\\\"");
    private static final byte[] QUOTE = ascii("\\\"");
    private static final byte[] END = ascii("\"}");

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private void onVerified(int u, long count, long start, Answer a) {
        long now = System.nanoTime();
        verifies++;
        String info = a.status == 200 ? fastAllow(u, a.body.getBytes()) : null;
        if (info != null) {
            allowed(u, count, start, now, a, info);
            return;
        }
        // Anything but authd's usual allow: parse it whole, then decide.
        JsonObject j;
        try {
            j = a.body.toJsonObject();
        } catch (RuntimeException e) {
            wrong(u, a, "not JSON");
            return;
        }
        String outcome = j.getString("outcome");
        String reason = j.getString("reason");
        if (a.status == 200 && "allow".equals(outcome)) {
            String problem = checkIdentity(u, j);
            if (problem != null) {
                wrong(u, a, problem);
                return;
            }
            fullParses++;
            info = header(j, "Authentication-Info");
            if (info == null) {
                wrong(u, a, "allow without Authentication-Info");
                return;
            }
            allowed(u, count, start, now, a, info);
        } else if (a.status == 200 && "challenge".equals(outcome) && "stale_nonce".equals(reason)) {
            // The nonce outlived its lifetime: not an error. Answer the fresh challenge, as a client would.
            stale++;
            if (++staleInARow > MAX_STALE_IN_A_ROW) {
                wrong(u, a, "stale_nonce " + staleInARow + " times in a row");
                return;
            }
            String header = digestChallenge(j);
            if (header == null || !takeNonce(u, header)) {
                nonce[u] = null; // fetch one with /v1/challenge
            }
            next(); // same user again, cursor not advanced
        } else {
            wrong(u, a, null);
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

    /**
     * The Authentication-Info value of an allow for user {@code u} and our algorithm written the way authd writes
     * it (compact JSON, fields in its order), or null. This is the common answer, checked byte by byte without
     * building a JSON tree, which keeps the driver's CPU per request down; anything else (another layout, another
     * outcome) returns null and is parsed whole, so a different but valid layout is never taken for an error.
     */
    private String fastAllow(int u, byte[] b) {
        if (!Bytes.startsWith(b, ALLOW)) {
            return null;
        }
        int user = Bytes.indexOf(b, USER, ALLOW.length);
        if (user < 0 || !Bytes.regionEquals(b, user + USER.length, users.userJson[u])
                || Bytes.indexOf(b, algorithmField, ALLOW.length) < 0) {
            return null;
        }
        int from = Bytes.indexOf(b, INFO, user);
        if (from < 0) {
            return null;
        }
        from += INFO.length;
        boolean escaped = false;
        int to = from;
        while (to < b.length && b[to] != '"') {
            if (b[to] == '\\') {
                escaped = true;
                to++;
            }
            to++;
        }
        if (to >= b.length) {
            return null;
        }
        String value = new String(b, from, to - from, StandardCharsets.UTF_8);
        if (!escaped) {
            return value;
        }
        // Only \" occurs in authd's header values; any other escape goes to the full parse.
        String unescaped = value.replace("\\\"", "\"");
        return unescaped.indexOf('\\') >= 0 ? null : unescaped;
    }

    private static final byte[] ALLOW = ascii("{\"outcome\":\"allow\",\"status\":200,\"reason\":\"ok\",\"identity\":{");
    private static final byte[] USER = ascii("\"user\":\"");
    private static final byte[] INFO = ascii("{\"name\":\"Authentication-Info\",\"value\":\"");

    /** What is wrong with the identity of an allow, or null: it must be reason ok, our user and our algorithm. */
    private String checkIdentity(int u, JsonObject j) {
        if (!"ok".equals(j.getString("reason"))) {
            return "allow with reason " + j.getString("reason");
        }
        JsonObject identity = j.getJsonObject("identity");
        if (identity == null || !users.names[u].equals(identity.getString("user"))
                || !algorithmToken.equals(identity.getString("algorithm"))) {
            return "allow for another identity than " + users.names[u] + " / " + algorithmToken;
        }
        return null;
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

    /** The first Digest challenge of a challenge Decision for our algorithm, or null. */
    private String digestChallenge(JsonObject decision) {
        String name = "proxy".equals(decision.getString("role")) ? "Proxy-Authenticate" : "WWW-Authenticate";
        JsonArray headers = decision.getJsonArray("headers");
        if (headers == null) {
            return null;
        }
        for (int i = 0; i < headers.size(); i++) {
            JsonObject h = headers.getJsonObject(i);
            String value = h.getString("value");
            if (name.equalsIgnoreCase(h.getString("name")) && value != null && value.startsWith("Digest ")
                    && algorithmToken.equalsIgnoreCase(Text.param(value, "algorithm"))) {
                return value;
            }
        }
        return null;
    }

    private static String header(JsonObject decision, String name) {
        JsonArray headers = decision.getJsonArray("headers");
        if (headers == null) {
            return null;
        }
        for (int i = 0; i < headers.size(); i++) {
            JsonObject h = headers.getJsonObject(i);
            if (name.equalsIgnoreCase(h.getString("name"))) {
                return h.getString("value");
            }
        }
        return null;
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

    /** Nonce and opaque go into the JSON body and the header as they are: only characters that need no escaping. */
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
        run.error("connection " + id + ", user " + users.names[u] + ": "
                + (problem == null ? "" : problem + ": ") + "HTTP " + a.status + " " + a.body);
        nonce[u] = null;
        advance();
        next();
    }

    /** A transport failure or an unusable challenge: counted as an error, and this loop stops. */
    private void failConnection(String what, Promise<Void> promise) {
        run.error("connection " + id + ": " + what);
        dead = true;
        promise.tryComplete(); // the run goes on with the other connections and exits non-zero at the end
        if (promise != done) {
            done.tryComplete();
        }
    }

    private record Answer(int status, Buffer body) {
    }
}
