package io.authd.bench.jmh;

import io.authd.config.RealmOptions;
import io.authd.digest.DigestAlgorithm;
import io.authd.nonce.NonceCheck;
import io.authd.nonce.NonceKeyRing;
import io.authd.nonce.NonceService;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import javax.crypto.Mac;
import javax.crypto.ShortBufferException;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.InstantSource;
import java.util.Base64;
import java.util.concurrent.TimeUnit;

/**
 * authd's stateless nonces ({@link NonceService}): {@link #mint} (what every challenge and nextnonce costs; goal
 * ≤ 1 µs) and {@link #check} of a valid nonce (every verification). {@link #baseline}: the HMAC-SHA256 alone, a
 * reused {@link Mac} over the same bytes a nonce's MAC covers (its 20-byte header, the realm and the algorithm).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class NonceBenchmark {
    private static final String REALM = AuthdFixture.REALM;
    private static final DigestAlgorithm ALGORITHM = DigestAlgorithm.SHA_256;
    private static final int HEADER = 20;

    private NonceService nonces;
    private String nonce;
    private Mac mac;
    private byte[] header;
    private byte[] realm;
    private byte[] algorithm;
    private final byte[] out = new byte[32];

    @Setup
    public void keys() throws GeneralSecurityException {
        NonceKeyRing ring = NonceKeyRing.generate();
        nonces = new NonceService(ring, InstantSource.system());
        nonce = nonces.mint(REALM, ALGORITHM, null);
        if (!(check() instanceof NonceCheck.Fresh)) {
            throw new IllegalStateException("a nonce just minted must check as fresh");
        }
        mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(ring.keys().getFirst().secret(), "HmacSHA256"));
        header = java.util.Arrays.copyOf(Base64.getUrlDecoder().decode(nonce), HEADER);
        realm = REALM.getBytes(StandardCharsets.UTF_8);
        algorithm = ALGORITHM.token().getBytes(StandardCharsets.US_ASCII);
    }

    @Benchmark
    public String mint() {
        return nonces.mint(REALM, ALGORITHM, null);
    }

    @Benchmark
    public NonceCheck check() {
        return nonces.check(nonce, REALM, ALGORITHM, null, RealmOptions.DEFAULT_NONCE_LIFETIME,
                RealmOptions.DEFAULT_NEXT_NONCE_AFTER);
    }

    @Benchmark
    public byte[] baseline() throws ShortBufferException {
        mac.update(header);
        mac.update(realm);
        mac.update((byte) 0);
        mac.update(algorithm);
        mac.update((byte) 0);
        mac.doFinal(out, 0);
        return out;
    }
}
