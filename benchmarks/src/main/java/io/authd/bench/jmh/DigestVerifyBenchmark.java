package io.authd.bench.jmh;

import io.authd.auth.ApiSurface;
import io.authd.auth.Authenticator;
import io.authd.auth.Decision;
import io.authd.auth.Protocol;
import io.authd.auth.Role;
import io.authd.auth.VerifyRequest;
import io.authd.digest.DigestAlgorithm;
import io.authd.digest.DigestHasher;
import io.authd.digest.HashFunction;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.nio.charset.StandardCharsets;
import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A full Digest verification per algorithm, what POST /v1/verify costs once its body is decoded:
 * {@link Authenticator#verify} parses the Authorization value, checks the nonce's MAC and age, looks the user up in
 * the file store, checks the response, records the nonce-count in the memory replay store and writes the
 * Authentication-Info ({@code rspauth}). {@link #verify} runs it as the load scripts configure authd (no audit trail,
 * metrics or lockout), {@link #verifyAsServed} with the defaults a deployment runs (audit trail through the
 * asynchronous appender, Micrometer metrics, the memory lockout).
 *
 * <p>{@link #baseline}: the least any verifier must do for the same answer, with raw {@link MessageDigest}s reused:
 * HA2 = H(method ":" uri) and the response from the stored HA1 (RFC 7616 §3.4.1; with the session HA1 of
 * §3.4.2 first for the -sess variants) over the same bytes. Goal: {@code verify} ≤ 2 × {@code baseline}.
 *
 * <p>Every verification must be a first use of its nonce-count, or the replay check would turn it into a
 * challenge and the benchmark would measure that instead. So each iteration's set-up computes, outside the
 * measured code, a ring of {@value #RING} valid requests: {@value #NONCES} nonces minted by authd, each answered
 * with nonce-counts 1, 2, 3... in turn (as {@value #NONCES} clients would). When the ring is used up the benchmark
 * starts over on a fresh authenticator with an empty replay store (one every {@value #RING} calls, nothing
 * measurable), so the same requests are first uses again; the nonces stay fresh, being minted at each iteration.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class DigestVerifyBenchmark {
    static final int RING = 1 << 14;
    static final int NONCES = 64;
    private static final String METHOD = "GET";
    private static final String URI = "/api/orders?id=7";
    private static final byte COLON = ':';
    private static final byte[] QOP = "auth".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    @Param({"MD5", "SHA-256", "SHA-512-256", "MD5-sess", "SHA-256-sess"})
    public String algorithm;

    private DigestAlgorithm alg;
    private AuthdFixture bare;
    private AuthdFixture served;
    private Authenticator bareAuthenticator;
    private Authenticator servedAuthenticator;
    private final VerifyRequest[] requests = new VerifyRequest[RING];
    private int next;

    // The baseline's inputs: the same values as the requests, as bytes.
    private final byte[][] nonceBytes = new byte[NONCES][];
    private final byte[][] ncBytes = new byte[RING][];
    private byte[] cnonceBytes;
    private byte[] methodUri;
    private byte[] storedHa1;
    private MessageDigest md;
    private final byte[] raw = new byte[64];
    private final byte[] ha1 = new byte[64];
    private final byte[] ha2 = new byte[64];

    @Setup(Level.Trial)
    public void wire() throws NoSuchAlgorithmException {
        alg = DigestAlgorithm.fromToken(algorithm).orElseThrow();
        bare = AuthdFixture.start(AuthdFixture.BARE);
        served = AuthdFixture.start(AuthdFixture.AS_SERVED);
        HashFunction h = alg.hash();
        md = MessageDigest.getInstance(h.jcaName());
        storedHa1 = ascii(DigestHasher.current().ha1(h, AuthdFixture.USER, AuthdFixture.REALM, AuthdFixture.PASSWORD));
        methodUri = ascii(METHOD + ":" + URI);
    }

    /** Fresh nonces and the ring of requests answering them; the authenticators start with empty replay stores. */
    @Setup(Level.Iteration)
    public void ring() {
        DigestClient client = new DigestClient(AuthdFixture.USER, AuthdFixture.PASSWORD, AuthdFixture.REALM, METHOD,
                URI, "0a4f113b");
        cnonceBytes = ascii(client.cnonce());
        String[] nonces = new String[NONCES];
        for (int n = 0; n < NONCES; n++) {
            // Both fixtures share the key ring, so either one's nonces verify on both.
            nonces[n] = bare.nonces.mint(AuthdFixture.REALM, alg, null);
            nonceBytes[n] = ascii(nonces[n]);
        }
        for (int i = 0; i < RING; i++) {
            long nc = i / NONCES + 1;
            requests[i] = new VerifyRequest(Protocol.HTTP, Role.ORIGIN, METHOD, URI, AuthdFixture.REALM,
                    List.of(client.authorization(alg, nonces[i % NONCES], nc)), null, "192.0.2.10", null, null,
                    false, null);
            ncBytes[i] = ascii(DigestClient.nc(nc));
        }
        // On throwaway authenticators (replay stores of their own), so that the ring stays unused.
        for (AuthdFixture f : List.of(bare, served)) {
            Decision d = f.authenticator().verify(requests[0], ApiSurface.JSON).result();
            if (d == null || d.identity() == null) {
                throw new IllegalStateException("a request of the ring is not allowed (" + (d == null ? "no answer"
                        : d.reason() + ": " + d.detail()) + "): the benchmark would measure the refusal");
            }
        }
        startOver();
    }

    @TearDown(Level.Trial)
    public void close() {
        bare.close();
        served.close();
    }

    @Benchmark
    public Decision verify() {
        VerifyRequest r = nextRequest(); // first: it may start over on a fresh authenticator
        return bareAuthenticator.verify(r, ApiSurface.JSON).result();
    }

    @Benchmark
    public Decision verifyAsServed() {
        VerifyRequest r = nextRequest();
        return servedAuthenticator.verify(r, ApiSurface.JSON).result();
    }

    @Benchmark
    public byte[] baseline() throws DigestException {
        int i = next;
        next = i + 1 == RING ? 0 : i + 1;
        byte[] nonce = nonceBytes[i % NONCES];
        int n = alg.hash().hexLength();
        System.arraycopy(storedHa1, 0, ha1, 0, n);
        if (alg.session()) {
            md.update(ha1, 0, n);
            md.update(COLON);
            md.update(nonce);
            md.update(COLON);
            md.update(cnonceBytes);
            hex(ha1);
        }
        md.update(methodUri);
        hex(ha2);
        md.update(ha1, 0, n);
        md.update(COLON);
        md.update(nonce);
        md.update(COLON);
        md.update(ncBytes[i]);
        md.update(COLON);
        md.update(cnonceBytes);
        md.update(COLON);
        md.update(QOP);
        md.update(COLON);
        md.update(ha2, 0, n);
        md.digest(raw, 0, raw.length);
        return raw;
    }

    private VerifyRequest nextRequest() {
        if (next == RING) {
            startOver();
        }
        return requests[next++];
    }

    private void startOver() {
        next = 0;
        bareAuthenticator = bare.authenticator();
        servedAuthenticator = served.authenticator();
    }

    /** Finishes {@code md} into lowercase hex, as a Digest HA1 or HA2 is fed to the next hash. */
    private void hex(byte[] dest) throws DigestException {
        int len = md.digest(raw, 0, raw.length);
        for (int i = 0; i < len; i++) {
            dest[2 * i] = HEX[(raw[i] >> 4) & 0xf];
            dest[2 * i + 1] = HEX[raw[i] & 0xf];
        }
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
