package io.authd.nonce;

import io.authd.digest.DigestAlgorithm;
import io.authd.digest.Utf8Bytes;

import javax.crypto.Mac;
import javax.crypto.ShortBufferException;
import javax.crypto.spec.SecretKeySpec;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * Mints and checks stateless nonces (RFC 7616 §3.3 leaves the nonce format to the server).
 *
 * <p>A nonce is base64url (no padding) of 36 bytes:
 * <pre>
 *   version (1) | key id (2) | issue time, epoch ms (6) | random (11) | HMAC-SHA256 truncated (16)
 * </pre>
 * The MAC covers the first 20 bytes and the realm, the algorithm and, when the realm binds nonces to
 * clients, the client address. So any replica holding the key ring checks any replica's nonce without
 * shared state; a nonce minted for SHA-256 cannot be answered with MD5 (no downgrade); a nonce of another
 * realm is invalid. Validity depends only on the issue time inside the nonce and the wall clock, never on
 * when this process started.
 */
public final class NonceService {
    /** Characters of a nonce: 36 bytes in base64url without padding. */
    public static final int NONCE_LENGTH = 48;
    /** Replicas' clocks differ a little; a nonce "from the future" beyond this is not ours. */
    public static final long MAX_CLOCK_SKEW_MILLIS = 10_000;

    private static final byte VERSION = 1;
    private static final int HEADER = 20;
    private static final int MAC_BYTES = 16;
    private static final int RANDOM_OFFSET = 9;
    private static final int RANDOM_BYTES = 11;
    private static final byte[] BASE64URL = base64UrlTable();
    private static final byte SEPARATOR = 0;

    private final NonceKeyRing ring;
    private final InstantSource clock;
    private final Map<Integer, Integer> slotById = new HashMap<>();
    private final ThreadLocal<PerThread> perThread;
    /** Nonces minted, for metrics; a LongAdder because every event loop mints. */
    private final LongAdder minted = new LongAdder();

    public NonceService(NonceKeyRing ring, InstantSource clock) {
        this.ring = ring;
        this.clock = clock;
        var keys = ring.keys();
        for (int i = 0; i < keys.size(); i++) {
            slotById.put(keys.get(i).id(), i);
        }
        this.perThread = ThreadLocal.withInitial(() -> new PerThread(keys.size()));
    }

    /**
     * A fresh nonce for {@code realm} and {@code algorithm}.
     *
     * @param clientAddress bind the nonce to this client, or null when the realm does not bind
     */
    public String mint(String realm, DigestAlgorithm algorithm, String clientAddress) {
        long now = clock.millis();
        NonceKey key = ring.signingKey(now);
        PerThread t = perThread.get();
        byte[] buf = new byte[HEADER + MAC_BYTES];
        buf[0] = VERSION;
        buf[1] = (byte) (key.id() >>> 8);
        buf[2] = (byte) key.id();
        for (int i = 0; i < 6; i++) {
            buf[3 + i] = (byte) (now >>> (8 * (5 - i)));
        }
        t.random.nextBytes(t.randomBytes);
        System.arraycopy(t.randomBytes, 0, buf, RANDOM_OFFSET, RANDOM_BYTES);
        byte[] mac = t.mac(key, slotById.get(key.id()), buf, realm, algorithm, clientAddress);
        System.arraycopy(mac, 0, buf, HEADER, MAC_BYTES);
        minted.increment();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(buf);
    }

    /**
     * Checks a nonce the client returned.
     *
     * @param lifetime       how long a nonce is fresh
     * @param nextNonceAfter share of the lifetime after which {@link NonceCheck.Fresh#refreshDue()} is true;
     *                       1 or more means never
     */
    public NonceCheck check(String nonce, String realm, DigestAlgorithm algorithm, String clientAddress,
                            Duration lifetime, double nextNonceAfter) {
        byte[] buf = decode(nonce);
        if (buf == null || buf[0] != VERSION) {
            return new NonceCheck.Invalid("not a nonce minted by authd");
        }
        int id = ((buf[1] & 0xff) << 8) | (buf[2] & 0xff);
        NonceKey key = ring.key(id);
        if (key == null) {
            return new NonceCheck.Invalid("nonce key " + id + " is not in the key ring");
        }
        byte[] mac = perThread.get().mac(key, slotById.get(id), buf, realm, algorithm, clientAddress);
        if (!macMatches(mac, buf)) {
            return new NonceCheck.Invalid("nonce signature does not match (tampered, or minted for another "
                    + "realm, algorithm or client)");
        }
        return age(issuedAt(buf), lifetime, nextNonceAfter);
    }

    /** Nonces minted since this service was made. */
    public long minted() {
        return minted.sum();
    }

    /** An opaque value for a challenge: not secret, not checked (RFC 7616 §3.3 lets the server choose). */
    public static String opaqueFor(String nonce) {
        return nonce.substring(12, 28);
    }

    private NonceCheck age(long issued, Duration lifetime, double nextNonceAfter) {
        long now = clock.millis();
        if (issued > now + MAX_CLOCK_SKEW_MILLIS) {
            return new NonceCheck.Invalid("nonce issued in the future");
        }
        long lifetimeMillis = lifetime.toMillis();
        long age = now - issued;
        if (age > lifetimeMillis) {
            return new NonceCheck.Stale(issued);
        }
        boolean refreshDue = nextNonceAfter < 1 && age >= (long) (lifetimeMillis * nextNonceAfter);
        return new NonceCheck.Fresh(issued, issued + lifetimeMillis, refreshDue);
    }

    /** Constant time over the truncated MAC, in place: no copies on every verification. */
    private static boolean macMatches(byte[] mac, byte[] nonce) {
        int diff = 0;
        for (int i = 0; i < MAC_BYTES; i++) {
            diff |= mac[i] ^ nonce[HEADER + i];
        }
        return diff == 0;
    }

    private static long issuedAt(byte[] buf) {
        long t = 0;
        for (int i = 0; i < 6; i++) {
            t = (t << 8) | (buf[3 + i] & 0xff);
        }
        return t;
    }

    /**
     * The nonce's bytes, or null when it is not 48 base64url characters (RFC 4648 §5, no padding), read straight
     * from the string: no intermediate byte copy, and no exception for what a client may well send.
     */
    private static byte[] decode(String nonce) {
        if (nonce.length() != NONCE_LENGTH) {
            return null;
        }
        byte[] buf = new byte[HEADER + MAC_BYTES];
        for (int i = 0, out = 0; i < NONCE_LENGTH; i += 4) {
            int group = 0;
            for (int j = i; j < i + 4; j++) {
                char c = nonce.charAt(j);
                int sextet = c < BASE64URL.length ? BASE64URL[c] : -1;
                if (sextet < 0) {
                    return null; // not base64url, or padding: not a nonce authd minted
                }
                group = (group << 6) | sextet;
            }
            buf[out++] = (byte) (group >> 16);
            buf[out++] = (byte) (group >> 8);
            buf[out++] = (byte) group;
        }
        return buf;
    }

    /** Each base64url character's value (RFC 4648 §5, Table 2), -1 for every other ASCII character. */
    private static byte[] base64UrlTable() {
        byte[] t = new byte[128];
        java.util.Arrays.fill(t, (byte) -1);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        for (int i = 0; i < alphabet.length(); i++) {
            t[alphabet.charAt(i)] = (byte) i;
        }
        return t;
    }

    /** One Mac per key and a random source per thread: neither is thread-safe, both are costly to create. */
    private static final class PerThread {
        private final Mac[] macs;
        private final SecureRandom random = new SecureRandom();
        private final byte[] randomBytes = new byte[RANDOM_BYTES];
        private final byte[] out = new byte[32];
        private byte[] input = new byte[128];

        PerThread(int keys) {
            this.macs = new Mac[keys];
        }

        /** The MAC in this thread's output array, valid until its next call. */
        byte[] mac(NonceKey key, int slot, byte[] header, String realm, DigestAlgorithm algorithm, String client) {
            Mac mac = macs[slot];
            if (mac == null) {
                mac = newMac(key);
                macs[slot] = mac;
            }
            // One update: the MAC's input assembled here costs less than an update (and an array) per part.
            int room = HEADER + Utf8Bytes.maxBytes(realm) + Utf8Bytes.maxBytes(algorithm.token()) + 2
                    + (client == null ? 0 : Utf8Bytes.maxBytes(client));
            if (input.length < room) {
                input = new byte[room];
            }
            System.arraycopy(header, 0, input, 0, HEADER);
            int n = Utf8Bytes.put(input, HEADER, realm);
            input[n++] = SEPARATOR;
            n = Utf8Bytes.put(input, n, algorithm.token());
            input[n++] = SEPARATOR;
            if (client != null) {
                n = Utf8Bytes.put(input, n, client);
            }
            mac.update(input, 0, n);
            try {
                mac.doFinal(out, 0);
            } catch (ShortBufferException e) {
                throw new IllegalStateException("HMAC-SHA256 output is 32 bytes", e);
            }
            return out;
        }

        private static Mac newMac(NonceKey key) {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(key.secret(), "HmacSHA256"));
                return mac;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 is required of every JDK", e);
            }
        }
    }
}
