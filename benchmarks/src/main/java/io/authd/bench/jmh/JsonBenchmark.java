package io.authd.bench.jmh;

import io.authd.api.http.ApiRequests;
import io.authd.api.http.Decoded;
import io.authd.api.http.JsonWriter;
import io.authd.auth.Decision;
import io.authd.auth.DigestIdentity;
import io.authd.auth.HeaderField;
import io.authd.auth.Realms;
import io.authd.auth.VerifyRequest;
import io.authd.config.RealmOptions;
import io.authd.digest.DigestAlgorithm;
import io.authd.digest.Qop;
import io.authd.nonce.NonceKeyRing;
import io.authd.nonce.NonceService;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The JSON API's own work around a verification: {@link #decode} a POST /v1/verify body (about 400 bytes, an
 * SHA-256 answer) as {@code PublicApi} does, from the request's {@link Buffer} to a validated
 * {@link VerifyRequest}, and {@link #encode} the allow Decision it answers with (identity and
 * Authentication-Info). {@link #baseline}: a no-op JSON echo, copying the body into a fresh {@link Buffer}, which
 * is what a server that answers with the bytes it got pays.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class JsonBenchmark {
    private static final String URI = "/api/orders?id=7";

    private ApiRequests requests;
    private Buffer body;
    private Decision allow;

    @Setup
    public void body() {
        requests = new ApiRequests(new Realms(List.of(RealmOptions.defaults(AuthdFixture.REALM)), AuthdFixture.REALM));
        String nonce = new NonceService(NonceKeyRing.generate(), InstantSource.system())
                .mint(AuthdFixture.REALM, DigestAlgorithm.SHA_256, null);
        DigestClient client = new DigestClient(AuthdFixture.USER, AuthdFixture.PASSWORD, AuthdFixture.REALM, "GET",
                URI, "0a4f113b");
        body = new JsonObject().put("protocol", "http").put("role", "origin").put("method", "GET").put("uri", URI)
                .put("realm", AuthdFixture.REALM).put("clientAddress", "192.0.2.10")
                .put("authorization", new JsonArray().add(client.authorization(DigestAlgorithm.SHA_256, nonce, 1)))
                .toBuffer();
        if (!(decode() instanceof Decoded.Ok<VerifyRequest>)) {
            throw new IllegalStateException("the benchmark's body must decode: it would measure the refusal");
        }
        allow = Decision.allow(new DigestIdentity(AuthdFixture.USER, AuthdFixture.REALM, DigestAlgorithm.SHA_256,
                Qop.AUTH), List.of(new HeaderField("Authentication-Info", "qop=auth, "
                + "rspauth=\"8a4e6e6b6ba1ef4f9b3c1d5e0c2f7a9b8d6e4c2a0f1e3d5c7b9a8f6e4d2c0b1a\", cnonce=\"0a4f113b\", "
                + "nc=00000001")));
    }

    /** Bytes of the body: what the figures are per. */
    int bodyLength() {
        return body.length();
    }

    @Benchmark
    public Decoded<VerifyRequest> decode() {
        return requests.verify(body.getBytes());
    }

    @Benchmark
    public Buffer encode() {
        return JsonWriter.decision(allow);
    }

    @Benchmark
    public Buffer baseline() {
        return body.copy();
    }
}
