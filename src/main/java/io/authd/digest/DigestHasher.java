package io.authd.digest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The Digest hash computations of RFC 7616 §3.4.1–§3.4.4 (RFC 2617 §3.2.2 for MD5, RFC 8760 for SIP).
 *
 * <p>One instance per thread ({@link #current()}): {@link MessageDigest} is not thread-safe and costly to
 * create, so each event-loop thread keeps its own, plus scratch buffers, and the hot path allocates no
 * strings. Strings are hashed as UTF-8 (RFC 7616 §3.4.1 with {@code charset=UTF-8}; ASCII otherwise). Each
 * hash input is assembled in {@code scratch} and handed to the {@link MessageDigest} in one call: a dozen small
 * updates per hash cost more in the provider's per-call dispatch and buffering than the hashing itself.
 */
public final class DigestHasher {
    private static final ThreadLocal<DigestHasher> PER_THREAD = ThreadLocal.withInitial(DigestHasher::new);
    private static final byte COLON = ':';
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] EMPTY = new byte[0];
    private static final int MAX_HEX = 64;

    private final MessageDigest[] digests = new MessageDigest[HashFunction.values().length];
    private final byte[] raw = new byte[64];
    private final byte[] ha1 = new byte[MAX_HEX];
    private final byte[] ha2 = new byte[MAX_HEX];
    private final byte[] bodyHash = new byte[MAX_HEX];
    private final byte[] out = new byte[MAX_HEX];
    private byte[] scratch = new byte[256];
    /** Bytes of the hash input in {@code scratch}. */
    private int length;

    private DigestHasher() {
        for (HashFunction h : HashFunction.values()) {
            try {
                digests[h.ordinal()] = MessageDigest.getInstance(h.jcaName());
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("JDK lacks " + h.jcaName() + ", required by RFC 7616", e);
            }
        }
    }

    /** This thread's hasher. */
    public static DigestHasher current() {
        return PER_THREAD.get();
    }

    /** HA1 as stored: H(username ":" realm ":" password), lowercase hex (RFC 7616 §3.4.2). */
    public String ha1(HashFunction h, String username, String realm, String password) {
        begin();
        put(username);
        put(COLON);
        put(realm);
        put(COLON);
        put(password);
        return finishToString(h);
    }

    /** The userhash of RFC 7616 §3.4.4: H(username ":" realm), lowercase hex. */
    public String userhash(HashFunction h, String username, String realm) {
        begin();
        put(username);
        put(COLON);
        put(realm);
        return finishToString(h);
    }

    /** Lowercase hex of H(data). */
    public String hashHex(HashFunction h, byte[] data) {
        hashInto(h, data, 0, data.length, bodyHash);
        return new String(bodyHash, 0, h.hexLength(), StandardCharsets.US_ASCII);
    }

    /**
     * Computes a request-digest (RFC 7616 §3.4.1) and compares it in constant time with {@code response}.
     *
     * @param input      the values the response covers; {@code method} is empty for {@code rspauth}
     * @param storedHa1  the stored H(username:realm:password) for {@code input.algorithm().hash()}, lowercase hex
     * @param response   the client's response; hex case is ignored
     */
    public boolean matches(DigestInput input, String storedHa1, String response) {
        HashFunction h = input.algorithm().hash();
        int n = h.hexLength();
        byte[] expected = compute(input, storedHa1, out);
        if (response.length() != n) {
            return false;
        }
        int diff = 0;
        for (int i = 0; i < n; i++) {
            diff |= expected[i] ^ (Character.toLowerCase(response.charAt(i)) & 0xff);
            diff |= response.charAt(i) >>> 8; // no char above 0xFF may compare equal by truncation
        }
        return diff == 0;
    }

    /** Computes a request-digest or response-digest as lowercase hex. */
    public String response(DigestInput input, String storedHa1) {
        byte[] hex = compute(input, storedHa1, out);
        return new String(hex, 0, input.algorithm().hash().hexLength(), StandardCharsets.US_ASCII);
    }

    private byte[] compute(DigestInput in, String storedHa1, byte[] dest) {
        HashFunction h = in.algorithm().hash();
        int n = h.hexLength();
        sessionHa1(in, storedHa1, h);
        if (in.qop() == Qop.AUTH_INT) {
            bodyHash(in, h); // before HA2: it uses the same MessageDigest
        }
        begin();
        put(in.method());
        put(COLON);
        put(in.uri());
        if (in.qop() == Qop.AUTH_INT) {
            put(COLON);
            put(bodyHash, n);
        }
        finish(h, ha2);
        begin();
        put(ha1, n);
        put(COLON);
        put(in.nonce());
        put(COLON);
        if (in.qop() != null) {
            put(in.nc());
            put(COLON);
            put(in.cnonce());
            put(COLON);
            put(in.qop().token());
            put(COLON);
        }
        put(ha2, n);
        finish(h, dest);
        return dest;
    }

    private void bodyHash(DigestInput in, HashFunction h) {
        if (in.bodyHash() != null) {
            copyLowerHex(in.bodyHash(), h, bodyHash);
            return;
        }
        byte[] body = in.body() == null ? EMPTY : in.body();
        hashInto(h, body, 0, body.length, bodyHash);
    }

    private static void copyLowerHex(String hex, HashFunction h, byte[] dest) {
        int n = h.hexLength();
        if (hex.length() != n) {
            throw new IllegalArgumentException("a " + h.token() + " hash must be " + n + " hex digits");
        }
        for (int i = 0; i < n; i++) {
            dest[i] = (byte) Character.toLowerCase(hex.charAt(i));
        }
    }

    /** HA1 for the request: the stored one, or for -sess H(HA1hex ":" nonce ":" cnonce) (RFC 7616 §3.4.2). */
    private void sessionHa1(DigestInput in, String storedHa1, HashFunction h) {
        int n = h.hexLength();
        copyLowerHex(storedHa1, h, ha1);
        if (!in.algorithm().session()) {
            return;
        }
        begin();
        put(ha1, n);
        put(COLON);
        put(in.nonce());
        put(COLON);
        put(in.cnonce());
        finish(h, ha1);
    }

    /** Starts a hash input in {@code scratch}. */
    private void begin() {
        length = 0;
    }

    /** Hashes the input assembled since {@link #begin()} into {@code hexOut} as lowercase hex. */
    private void finish(HashFunction h, byte[] hexOut) {
        hashInto(h, scratch, 0, length, hexOut);
    }

    private void hashInto(HashFunction h, byte[] data, int offset, int count, byte[] hexOut) {
        MessageDigest md = digests[h.ordinal()];
        md.reset();
        md.update(data, offset, count);
        try {
            int len = md.digest(raw, 0, raw.length);
            for (int i = 0; i < len; i++) {
                hexOut[2 * i] = HEX[(raw[i] >> 4) & 0xf];
                hexOut[2 * i + 1] = HEX[raw[i] & 0xf];
            }
        } catch (java.security.DigestException e) {
            throw new IllegalStateException("digest buffer too small for " + h.jcaName(), e);
        }
    }

    private String finishToString(HashFunction h) {
        finish(h, bodyHash);
        return new String(bodyHash, 0, h.hexLength(), StandardCharsets.US_ASCII);
    }

    private void put(byte b) {
        room(1);
        scratch[length++] = b;
    }

    private void put(byte[] bytes, int count) {
        room(count);
        System.arraycopy(bytes, 0, scratch, length, count);
        length += count;
    }

    private void put(String s) {
        room(Utf8Bytes.maxBytes(s));
        length = Utf8Bytes.put(scratch, length, s);
    }

    private void room(int more) {
        if (length + more > scratch.length) {
            scratch = java.util.Arrays.copyOf(scratch, Math.max(scratch.length * 2, length + more));
        }
    }
}
